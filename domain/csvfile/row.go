package csvfile

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parceldesk/portal/domain/cell"
	"github.com/parceldesk/portal/domain/country"
	"github.com/parceldesk/portal/domain/money"
	"github.com/parceldesk/portal/domain/zone"
)

// Row is one parsed record of an import: one order with at most one status event. Text
// fields are trimmed; a zero time means the column was absent or empty.
type Row struct {
	Line                   int
	OrderRef               string
	TrackingNumber         string
	Carrier                string
	Service                string
	LastMileTrackingNumber string
	LastMileCarrier        string
	Status                 string
	StatusCode             string
	StatusAt               time.Time
	Location               string
	DestinationCountry     string
	OrderDate              time.Time
	CustomerName           string
	CustomerEmail          string
	Product                string
	OrderValue             string
	Currency               string
	PromisedBy             time.Time
	ProtectionEndsAt       time.Time
	// UnrecognisedTracking is what a tracking number column held that is not a tracking number
	// ("pending", a short internal code), kept aside: the order is imported without it.
	UnrecognisedTracking string
	// Warning says what was set aside from an imported row ("tracking_number: …"), for the
	// import's report; "" when nothing was.
	Warning string
}

// ParseOptions are the per-file choices ParseRow needs.
type ParseOptions struct {
	// DateOrder reads N/N/YYYY dates (DetectDateOrder or the seller's answer).
	DateOrder DateOrder
	// Location is the seller's import zone for times that carry no offset; nil means zone.China.
	Location *time.Location
}

// Limits on cell sizes, so one runaway cell cannot bloat the database or the queue. MaxRefLen is
// the longest order_ref an import takes, in bytes.
const (
	MaxRefLen  = 100
	maxTextLen = 2000
)

// ParseRow turns one record into an Row using a Mapping. On failure it returns a RowError
// for line whose Reason names every problem of the row ("order_ref is empty",
// `destination_country: unknown country "Atlantis"`), joined by "; ".
//
// Cells are trimmed; "-", "N/A", "null" and the like count as empty. Tracking numbers lose their
// inner spaces and are upper-cased ("1234 5678 9012" → "123456789012"). Dates follow
// opts.DateOrder and opts.Location, and a status_tz column, when mapped, gives status_at's zone.
// A deadline (promised_by, protection_ends_at) given as a bare date lasts until the end of that
// day; promised_by may also be a number of days after order_date (AliExpress's freightCommitDay).
// A currency column fills in the currency when the amount carries none, settles an ambiguous
// sign ("$"), and is an error when it contradicts the amount. A record shorter than the header
// leaves the missing columns empty; fields beyond the header are ignored. Only order_ref is
// required, so Shopify's continuation rows (same order, other columns blank) are valid.
func ParseRow(rec []string, line int, m Mapping, opts ParseOptions) (Row, error) {
	row := Row{Line: line}
	var problems []string
	fail := func(col Column, why string) { problems = append(problems, string(col)+": "+why) }

	// order_ref
	ref := excelText(m.field(rec, ColOrderRef))
	switch {
	case ref == "" || isPlaceholder(ref):
		problems = append(problems, "order_ref is empty")
	case len(ref) > MaxRefLen:
		fail(ColOrderRef, fmt.Sprintf("longer than %d characters", MaxRefLen))
	case isScientific(ref):
		fail(ColOrderRef, cell.Quote(ref)+" was rounded by a spreadsheet; format the column as text and export again")
	case hasControlChar(ref):
		fail(ColOrderRef, "contains control characters")
	default:
		row.OrderRef = ref
	}

	// Tracking numbers. A value that is not one ("pending", a short internal code, a cell of two
	// numbers) does not cost the order its place in monitoring: the row is imported without it,
	// the value is kept aside as an unrecognised number, and the import reports a warning.
	var odd, warnings []string
	tracking := func(col Column) string {
		raw := m.field(rec, col)
		v, why := normTracking(raw)
		if why != "" {
			odd = append(odd, unrecognisedValue(excelText(raw)))
			warnings = append(warnings, string(col)+": "+why+"; the order was imported without it")
		}
		return v
	}
	row.TrackingNumber = tracking(ColTrackingNumber)
	row.LastMileTrackingNumber = tracking(ColLastMileTrackingNumber)
	row.UnrecognisedTracking = strings.Join(odd, " / ")
	row.Warning = strings.Join(warnings, "; ")

	// Free text.
	text := func(col Column) string {
		v := m.field(rec, col)
		switch {
		case isPlaceholder(v):
			return ""
		case len(v) > maxTextLen && utf8.RuneCountInString(v) > maxTextLen:
			fail(col, fmt.Sprintf("longer than %d characters", maxTextLen))
			return ""
		}
		return v
	}
	row.Carrier = text(ColCarrier)
	row.Service = text(ColService)
	row.LastMileCarrier = text(ColLastMileCarrier)
	row.Status = text(ColStatus)
	row.StatusCode = text(ColStatusCode)
	if row.Status == "" {
		row.Status = row.StatusCode // a code alone is the event's text too, and still decides
	}
	row.Location = text(ColLocation)
	row.CustomerName = text(ColCustomerName)
	row.Product = text(ColProduct)

	// Country.
	if v := m.field(rec, ColDestinationCountry); !isPlaceholder(v) {
		if code, ok := country.Parse(v); ok {
			row.DestinationCountry = code
		} else {
			fail(ColDestinationCountry, "unknown country "+cell.Quote(v))
		}
	}

	// Email: the first address when a cell holds several (AfterShip allows a list).
	if v := m.field(rec, ColCustomerEmail); !isPlaceholder(v) {
		if i := strings.IndexAny(v, ",; "); i >= 0 {
			v = v[:i]
		}
		if len(v) <= 254 && emailShaped(v) {
			row.CustomerEmail = v
		} else {
			fail(ColCustomerEmail, "not an email address")
		}
	}

	// Times.
	loc := opts.Location
	if loc == nil {
		loc = zone.China
	}
	statusLoc := loc
	if v := m.field(rec, ColStatusTZ); !isPlaceholder(v) {
		if z, err := ParseZone(v); err == nil {
			statusLoc = z
		} else {
			fail(ColStatusTZ, err.Error())
		}
	}
	dateField := func(col Column, in *time.Location, deadline bool) time.Time {
		v := m.field(rec, col)
		if isPlaceholder(v) {
			return time.Time{}
		}
		t, clock, err := parseTime(v, opts.DateOrder, in)
		if err != nil {
			fail(col, err.Error())
			return time.Time{}
		}
		if deadline && !clock {
			t = zone.EndOfDay(t, t.Location())
		}
		return t
	}
	row.StatusAt = dateField(ColStatusAt, statusLoc, false)
	row.OrderDate = dateField(ColOrderDate, loc, false)
	row.ProtectionEndsAt = dateField(ColProtectionEndsAt, loc, true)
	if v := m.field(rec, ColPromisedBy); !isPlaceholder(v) {
		if days, ok := smallNumber(v); ok && days >= 1 && days <= 365 {
			// A promise in days after the order, as AliExpress's freightCommitDay gives it.
			if row.OrderDate.IsZero() {
				fail(ColPromisedBy, fmt.Sprintf("%d days needs an order_date", days))
			} else {
				row.PromisedBy = zone.EndOfDay(row.OrderDate.AddDate(0, 0, days), row.OrderDate.Location())
			}
		} else {
			row.PromisedBy = dateField(ColPromisedBy, loc, true)
		}
	}

	// Money.
	var hint money.Currency
	if v := m.field(rec, ColOrderValue); !isPlaceholder(v) {
		amount, h, err := money.Parse(v)
		if err != nil {
			fail(ColOrderValue, err.Error()) // its text is written to be shown
		} else {
			row.OrderValue, hint = amount, h
			row.Currency = h.Code
		}
	}
	if v := m.field(rec, ColCurrency); !isPlaceholder(v) {
		col, ok := money.ParseCurrency(v)
		switch {
		case !ok:
			fail(ColCurrency, "unknown currency "+cell.Quote(v))
		case col.Code == "":
			// An ambiguous sign in the currency column ("$") adds nothing.
		case hint.Empty() || hint.Allows(col.Code):
			row.Currency = col.Code
		case hint.Code == "":
			fail(ColCurrency, cell.Quote(col.Code)+" does not match the amount's currency sign")
		default:
			fail(ColCurrency, cell.Quote(col.Code)+" does not match the amount's currency "+cell.Quote(hint.Code))
		}
	}

	if len(problems) > 0 {
		return Row{}, RowError{Line: line, Reason: strings.Join(problems, "; ")}
	}
	return row, nil
}

// isPlaceholder reports whether a trimmed cell is empty, an empty Excel text (="") or one of the
// fillers spreadsheets and exports put in empty cells. "NA" is not one: it is Namibia.
func isPlaceholder(v string) bool {
	if v == "" {
		return true
	}
	if v[0] == '=' || v[0] == '\'' {
		return isEmptyExcelText(v)
	}
	if len(v) > 7 {
		return false
	}
	switch v[0] { // cheap rejection before comparing
	case '-', 0xE2, 'n', 'N', '#', '(':
	default:
		return false
	}
	for _, p := range placeholders {
		if strings.EqualFold(v, p) {
			return true
		}
	}
	return false
}

var placeholders = [...]string{"-", "--", "---", "—", "–", "n/a", "#n/a", "null", "nil", "none", "(blank)", "(empty)"}

// excelText undoes the two ways spreadsheets force a cell to text, ="0034…" and '0034…, so the
// leading zeros of an order or tracking number survive.
func excelText(v string) string {
	if len(v) >= 3 && strings.HasPrefix(v, `="`) && strings.HasSuffix(v, `"`) {
		return cell.Trim(v[2 : len(v)-1])
	}
	if len(v) > 1 && v[0] == '\'' {
		return cell.Trim(v[1:])
	}
	return v
}

// isEmptyExcelText reports whether a trimmed cell is an Excel text with nothing in it: ="" (or
// =" "), or the lone apostrophe that marks a cell as text.
func isEmptyExcelText(v string) bool {
	return v == "'" || strings.HasPrefix(v, `="`) && excelText(v) == ""
}

// isScientific reports whether v is a number in the scientific notation a spreadsheet shows for
// a long number it has rounded ("8.12346E+15"): the digits are lost, so the row must be refused
// rather than stored under a wrong reference.
func isScientific(v string) bool {
	i := strings.IndexAny(v, "eE")
	if i < 1 || i+2 > len(v) {
		return false
	}
	mant, exp := v[:i], v[i+1:]
	if exp[0] != '+' { // spreadsheets write "E+15"; "5E12" may be a real reference
		return false
	}
	exp = exp[1:]
	if !allASCIIDigits(exp) {
		return false
	}
	mant = strings.Replace(strings.Replace(mant, ".", "", 1), ",", "", 1)
	return allASCIIDigits(mant)
}

func hasControlChar(v string) bool {
	for i := 0; i < len(v); i++ {
		if v[i] < ' ' || v[i] == 0x7f {
			return true
		}
	}
	return false
}

// maxUnrecognised bounds an unrecognised tracking value kept aside, in characters.
const maxUnrecognised = 100

// unrecognisedValue is how a cell that is not a tracking number is kept aside for the seller to
// see: control characters (a line break in a quoted cell) as spaces, at most maxUnrecognised
// characters.
func unrecognisedValue(v string) string {
	v = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, v)
	if r := []rune(v); len(r) > maxUnrecognised {
		v = string(r[:maxUnrecognised-1]) + "…"
	}
	return v
}

// normTracking cleans a tracking number: spreadsheet text markers removed, every space removed
// ("1234 5678 9012"), upper case. It returns a reason when the cell cannot be one tracking number.
func normTracking(v string) (string, string) {
	v = excelText(v)
	orig := v
	if isPlaceholder(v) {
		return "", ""
	}
	if isScientific(v) {
		return "", cell.Quote(v) + " was rounded by a spreadsheet; format the column as text and export again"
	}
	clean := true
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= 'A' && c <= 'Z' || asciiDigit(c) || c == '-') {
			clean = false
			break
		}
	}
	if !clean {
		if strings.ContainsAny(v, ",;|\n") {
			return "", "more than one tracking number in one cell"
		}
		var b strings.Builder
		b.Grow(len(v))
		for _, r := range v {
			switch {
			case cell.IsBlank(r):
			case r >= 'a' && r <= 'z':
				b.WriteByte(byte(r) - 'a' + 'A')
			case r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-':
				b.WriteRune(r)
			default:
				return "", "unexpected character " + strconv.QuoteRune(r) + " in " + cell.Quote(v)
			}
		}
		v = b.String()
	}
	// Every tracking number has digits; "PENDING" or "NOTSHIPPED" is a note, not a number.
	switch {
	case len(v) > 64:
		return "", "too long for a tracking number"
	case len(v) < 5 || !strings.ContainsAny(v, "0123456789"):
		return "", cell.Quote(orig) + " is not a tracking number"
	}
	return v, ""
}

// emailShaped is a plain shape check (local@domain.tld), not RFC 5322: enough to catch a name
// or a phone number in the email column.
func emailShaped(v string) bool {
	at := strings.IndexByte(v, '@')
	if at < 1 || at > 64 || strings.IndexByte(v[at+1:], '@') >= 0 {
		return false
	}
	domain := v[at+1:]
	dot := strings.LastIndexByte(domain, '.')
	if dot < 1 || len(domain)-dot-1 < 2 || strings.Contains(domain, "..") || domain[0] == '-' {
		return false
	}
	for i := 0; i < len(v); i++ {
		if c := v[i]; c <= ' ' || c == '"' || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';' || c == '\\' || c == 0x7f {
			return false
		}
	}
	return true
}
