package views

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"
)

// FormatDate writes a date the way sellers read it in a table: "21 Nov 2026".
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Format("2 Jan 2006")
}

// FormatDateTime writes a time with minutes: "21 Nov 2026 14:05".
func FormatDateTime(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Format("2 Jan 2006 15:04")
}

// FormatDuration writes a duration at the precision a seller thinks in: "3d 4h", "5h 10m", "12m".
func FormatDuration(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	days := int(d.Hours()) / 24
	hours := int(d.Hours()) % 24
	mins := int(math.Mod(d.Minutes(), 60))
	switch {
	case days > 0:
		return fmt.Sprintf("%dd %dh", days, hours)
	case hours > 0:
		return fmt.Sprintf("%dh %dm", hours, mins)
	case mins > 0:
		return fmt.Sprintf("%dm", mins)
	default:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	}
}

// FormatWait writes how long someone must wait before trying again: "14 minutes", "1 minute".
func FormatWait(d time.Duration) string {
	m := int(math.Ceil(d.Minutes()))
	if m <= 1 {
		return "1 minute"
	}
	return fmt.Sprintf("%d minutes", m)
}

// FormatCount writes a count with thousands separators: "1,000,000".
func FormatCount(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}

// FormatBytes writes a file size: "812 KB", "148.2 MB".
func FormatBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// classAttr is a class attribute to spread into an element, for the elements a page repeats
// hundreds of times (the queue's rows): a class={ ... } list goes through templ's class
// processor, a map and several allocations per element, which profiles of the queue page put at
// a tenth of its rendering. classes is the attribute's whole value, written as the list would be.
func classAttr(classes string) templ.OrderedAttributes {
	return templ.OrderedAttributes{{Key: "class", Value: classes}}
}

// assigneeClass is the class of a queue row's assignee: marked when nobody is assigned.
func assigneeClass(name string) string {
	if name == "" {
		return "row-assignee is-none"
	}
	return "row-assignee"
}
