package views

import (
	"strings"

	"github.com/parceldesk/portal/domain"
)

// rejectRowChars bounds a rejected row as the import page shows it; the download has it whole.
const rejectRowChars = 160

// pluralWord picks the word for n: one for 1, many otherwise.
func pluralWord(n int64, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// rejectText writes a rejected row's fields as the file had them, separated by its delimiter (a
// tab shown as a wide gap).
func rejectText(fields []string, delim rune) string {
	sep := string(delim)
	if delim == '\t' {
		sep = "  ⇥  "
	}
	return strings.Join(fields, sep)
}

// missingDatesNote says which checks an import's file leaves off because it has no column for
// their date: the late check needs a promised delivery date, the protection check the end of the
// buyer protection. "" when the file has both.
func missingDatesNote(im domain.Import) string {
	const unless = " unless another file gives the dates."
	switch {
	case !im.HasPromisedBy && !im.HasProtectionEndsAt:
		return "This file has no promised delivery date and no buyer-protection end column, so two checks are off for its orders: " +
			"Late and Protection expiring stay at 0" + unless
	case !im.HasPromisedBy:
		return "This file has no promised delivery date column, so the Late check is off for its orders: Late stays at 0" + unless
	case !im.HasProtectionEndsAt:
		return "This file has no buyer-protection end column, so the Protection expiring check is off for its orders: it stays at 0" + unless
	}
	return ""
}
