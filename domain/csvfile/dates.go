package csvfile

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parceldesk/portal/domain/cell"
	"github.com/parceldesk/portal/domain/zone"
)

// DateOrder is how a file writes numeric dates whose year comes last: 03/04/2026 is 3 April
// day-first and 4 March month-first. It is decided once per file (DetectDateOrder), or asked.
type DateOrder int

// The date orders. DateOrderUnknown accepts only dates that cannot be misread (13/02/2026).
const (
	DateOrderUnknown DateOrder = iota
	DayFirst
	MonthFirst
)

// String returns "day_first", "month_first" or "unknown"; ParseDateOrder reads it back.
func (o DateOrder) String() string {
	switch o {
	case DayFirst:
		return "day_first"
	case MonthFirst:
		return "month_first"
	}
	return "unknown"
}

// ParseDateOrder reads a DateOrder written by String ("day_first", "month_first", "unknown" or
// empty).
func ParseDateOrder(s string) (DateOrder, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "day_first", "dayfirst", "dmy":
		return DayFirst, true
	case "month_first", "monthfirst", "mdy":
		return MonthFirst, true
	case "unknown", "":
		return DateOrderUnknown, true
	}
	return DateOrderUnknown, false
}

// DetectDateOrder decides a file's date order from sample values of its date columns. A value
// such as 13/02/2026 can only be day-first and 02/13/2026 only month-first; values whose first
// two numbers are both 12 or less say nothing, and so do ISO dates, month names and DD.MM.YYYY
// (always day-first). ambiguous is true when the samples hold order-dependent dates but none
// decides, or when they contradict each other (then the order most samples show is returned):
// the seller must be asked. With no order-dependent date at all the order does not matter, and
// the result is (DateOrderUnknown, false).
func DetectDateOrder(samples []string) (order DateOrder, ambiguous bool) {
	var dependent, dayFirst, monthFirst int
	for _, s := range samples {
		a, b, ok := yearLastNumbers(cell.Trim(s))
		if !ok {
			continue
		}
		dependent++
		switch {
		case a > 12 && b <= 12:
			dayFirst++
		case b > 12 && a <= 12:
			monthFirst++
		}
	}
	switch {
	case dependent == 0:
		return DateOrderUnknown, false
	case dayFirst > 0 && monthFirst == 0:
		return DayFirst, false
	case monthFirst > 0 && dayFirst == 0:
		return MonthFirst, false
	case dayFirst > monthFirst:
		return DayFirst, true
	case monthFirst > dayFirst:
		return MonthFirst, true
	}
	return DateOrderUnknown, true
}

// yearLastNumbers finds the first two numbers of a date written N/N/YYYY or N-N-YYYY (two or four
// digit year), the shapes whose meaning depends on the date order.
func yearLastNumbers(s string) (a, b int, ok bool) {
	p := dateScanner{s: s}
	a, w1 := p.number(2)
	if w1 == 0 {
		return 0, 0, false
	}
	sep := p.peek()
	if sep != '/' && sep != '-' {
		return 0, 0, false
	}
	p.i++
	b, w2 := p.number(2)
	if w2 == 0 || p.peek() != sep {
		return 0, 0, false
	}
	p.i++
	if _, w3 := p.number(4); w3 != 2 && w3 != 4 {
		return 0, 0, false
	}
	if !p.done() && asciiDigit(p.peek()) {
		return 0, 0, false
	}
	return a, b, true
}

// ParseTime reads a date or time as sellers' files write it:
//
//   - RFC 3339 and ISO 8601, with "T" or a space, with or without seconds and fractions, and an
//     offset written "Z", "+08:00", "+0800", "+08" or " +0000" (Shopify);
//   - 2006-01-02 15:04[:05], 2006/01/02, and the day-first or month-first N/N/YYYY [H:MM[:SS]]
//     [AM|PM] and N-N-YYYY, read in order (a 2-digit year is 20YY);
//   - DD.MM.YYYY [HH:MM], always day-first;
//   - YYYYMMDD, YYYYMMDDhhmmss, epoch seconds and milliseconds, and an Excel serial day number;
//   - month names: "Feb 21, 2026", "21 Feb 2026", "21-Feb-2026", "Sat, 21 Feb 2026 10:00:00 GMT";
//   - a trailing zone "GMT+8", "GMT+2", "UTC+08:00", "UTC", "(GMT+08:00)".
//
// An offset written in the value wins; otherwise the time is read in loc, the seller's import zone
// (nil means zone.China). With DateOrderUnknown a date such as 03/04/2026 is refused as ambiguous.
// The error's text is safe to show to the seller (`unrecognised date "31/31/2026"`).
func ParseTime(s string, order DateOrder, loc *time.Location) (time.Time, error) {
	t, _, err := parseTime(s, order, loc)
	return t, err
}

// parseError is an error whose text is safe to show to the seller.
type parseError string

func (e parseError) Error() string { return string(e) }

func badDate(s string) error { return parseError("unrecognised date " + cell.Quote(s)) }

// parseTime is ParseTime that also reports whether the value carried a time of day, so that a
// deadline given as a date lasts until the end of that day.
func parseTime(s string, order DateOrder, loc *time.Location) (t time.Time, clock bool, err error) {
	s = cell.Trim(s)
	if s == "" {
		return time.Time{}, false, parseError("empty date")
	}
	if loc == nil {
		loc = zone.China
	}
	if t, clock, ok := parseNumericTime(s, loc); ok {
		return t, clock, nil
	}
	p := dateScanner{s: s}
	p.skipWeekday()
	var y, mo, d int
	switch {
	case p.done():
		return time.Time{}, false, badDate(s)
	case asciiDigit(p.peek()):
		n1, w1 := p.number(8)
		switch {
		case w1 == 4: // 2026-02-21, 2026/02/21, 2026.02.21
			sep := p.next()
			if sep != '-' && sep != '/' && sep != '.' {
				return time.Time{}, false, badDate(s)
			}
			var w2, w3 int
			mo, w2 = p.number(2)
			if w2 == 0 || p.next() != sep {
				return time.Time{}, false, badDate(s)
			}
			d, w3 = p.number(2)
			if w3 == 0 {
				return time.Time{}, false, badDate(s)
			}
			y = n1
		case w1 == 8: // 20260221 followed by a time
			y, mo, d = n1/10000, n1/100%100, n1%100
		case w1 <= 2:
			sep := p.next()
			switch {
			case (sep == ' ' || sep == '-' || sep == '.' || sep == '/') && asciiLetter(p.peek()):
				// 21 Feb 2026, 21-Feb-2026, 21. Februar 2026
				d = n1
				if mo = p.monthName(); mo == 0 {
					return time.Time{}, false, badDate(s)
				}
				p.skip(". ,-/")
				var w int
				if y, w = p.number(4); w != 4 && w != 2 {
					return time.Time{}, false, badDate(s)
				}
			case sep == '.' && p.peek() == ' ' && asciiLetter(p.peekAt(1)):
				d = n1
				p.skip(" ")
				if mo = p.monthName(); mo == 0 {
					return time.Time{}, false, badDate(s)
				}
				p.skip(". ,")
				var w int
				if y, w = p.number(4); w != 4 {
					return time.Time{}, false, badDate(s)
				}
			case sep == '/' || sep == '-' || sep == '.':
				n2, w2 := p.number(2)
				if w2 == 0 || p.next() != sep {
					return time.Time{}, false, badDate(s)
				}
				var w3 int
				if y, w3 = p.number(4); w3 != 4 && w3 != 2 {
					return time.Time{}, false, badDate(s)
				}
				if sep == '.' { // DD.MM.YYYY is day-first everywhere it is written.
					d, mo = n1, n2
					break
				}
				switch order {
				case DayFirst:
					d, mo = n1, n2
				case MonthFirst:
					mo, d = n1, n2
				default:
					switch {
					case n1 == n2 || (n1 > 12 && n2 <= 12):
						d, mo = n1, n2
					case n2 > 12 && n1 <= 12:
						mo, d = n1, n2
					case n1 > 12 && n2 > 12:
						return time.Time{}, false, badDate(s)
					default:
						return time.Time{}, false, parseError("ambiguous date " + cell.Quote(s) + ": day or month first?")
					}
				}
			default:
				return time.Time{}, false, badDate(s)
			}
		default:
			return time.Time{}, false, badDate(s)
		}
	case asciiLetter(p.peek()): // Feb 21, 2026; February 21 2026
		if mo = p.monthName(); mo == 0 {
			return time.Time{}, false, badDate(s)
		}
		p.skip(". ")
		var w int
		if d, w = p.number(2); w == 0 {
			return time.Time{}, false, badDate(s)
		}
		p.skipOrdinal()
		p.skip(", ")
		if y, w = p.number(4); w != 4 {
			return time.Time{}, false, badDate(s)
		}
	default:
		return time.Time{}, false, badDate(s)
	}
	if y < 100 {
		y += 2000
	}
	if y < 1970 || y > 2199 || mo < 1 || mo > 12 || d < 1 || d > monthDays(mo, y) {
		return time.Time{}, false, badDate(s)
	}

	// The time of day: "T10:00", " 10:00:00.123", ", 10:00 AM", "T103000".
	var hh, mm, ss, ns int
	if !p.done() {
		tSep := p.peek() == 'T' || p.peek() == 't'
		if tSep {
			p.i++
		} else {
			p.skip(", ")
			if p.hasWordFold("at") {
				p.i += 2
				p.skip(" ")
			}
		}
		if !p.done() && asciiDigit(p.peek()) {
			var ok bool
			if hh, mm, ss, ns, ok = p.clock(tSep); !ok {
				return time.Time{}, false, badDate(s)
			}
			clock = true
		} else if tSep {
			return time.Time{}, false, badDate(s)
		}
	}

	// The zone: "Z", "+08:00", "GMT+8", "UTC", "(GMT+08:00)".
	tz := loc
	p.skip(" ")
	if !p.done() {
		off, ok := p.zone()
		if !ok {
			return time.Time{}, false, badDate(s)
		}
		tz = fixedZone(off)
	}
	if !p.done() {
		return time.Time{}, false, badDate(s)
	}
	return time.Date(y, time.Month(mo), d, hh, mm, ss, ns, tz), clock, nil
}

// parseNumericTime reads values made only of digits: YYYYMMDD, YYYYMMDDhhmmss, epoch seconds
// (9–11 digits) and milliseconds (12–13), and Excel serial day numbers with an optional fraction
// of a day ("46074.5"), which a spreadsheet writes when a date cell loses its format. Values that
// fall outside 1970–2199 are not dates.
func parseNumericTime(s string, loc *time.Location) (t time.Time, clock bool, ok bool) {
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i+1:]
		if len(intPart) != 5 || frac == "" || !allASCIIDigits(frac) {
			return time.Time{}, false, false
		}
	}
	if !allASCIIDigits(intPart) {
		return time.Time{}, false, false
	}
	n, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil {
		return time.Time{}, false, false
	}
	switch len(intPart) {
	case 5: // Excel serial: day 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was.
		days := float64(n)
		if frac != "" {
			f, err := strconv.ParseFloat("0."+frac, 64)
			if err != nil {
				return time.Time{}, false, false
			}
			days += f
		}
		if days < 25569 || days >= 109574 { // 1970-01-01 to 2200-01-01
			return time.Time{}, false, false
		}
		secs := int64(days*86400 + 0.5)
		base := time.Date(1899, 12, 30, 0, 0, 0, 0, loc)
		t := time.Date(base.Year(), base.Month(), base.Day()+int(secs/86400), 0, 0, int(secs%86400), 0, loc)
		return t, frac != "", true
	case 8, 14:
		y, mo, d := int(n/10000%10000), int(n/100%100), int(n%100)
		var hh, mm, ss int
		if len(intPart) == 14 {
			y, mo, d = int(n/10000000000), int(n/100000000%100), int(n/1000000%100)
			hh, mm, ss = int(n/10000%100), int(n/100%100), int(n%100)
			if hh > 23 || mm > 59 || ss > 59 {
				return time.Time{}, false, false
			}
		}
		if y < 1970 || y > 2199 || mo < 1 || mo > 12 || d < 1 || d > monthDays(mo, y) {
			return time.Time{}, false, false
		}
		return time.Date(y, time.Month(mo), d, hh, mm, ss, 0, loc), len(intPart) == 14, true
	case 9, 10, 11:
		t = time.Unix(n, 0).In(loc)
	case 12, 13:
		t = time.UnixMilli(n).In(loc)
	default:
		return time.Time{}, false, false
	}
	if t.Year() < 1970 || t.Year() > 2199 {
		return time.Time{}, false, false
	}
	return t, true, true
}

// dateScanner walks a date string left to right without allocating.
type dateScanner struct {
	s string
	i int
}

func (p *dateScanner) done() bool { return p.i >= len(p.s) }

func (p *dateScanner) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *dateScanner) peekAt(k int) byte {
	if p.i+k < len(p.s) {
		return p.s[p.i+k]
	}
	return 0
}

func (p *dateScanner) next() byte {
	c := p.peek()
	if c != 0 {
		p.i++
	}
	return c
}

// number reads up to max digits and returns their value and how many there were. It reads no
// digit at all when more than max follow, so "123" is not taken for a 2-digit day.
func (p *dateScanner) number(max int) (n, width int) {
	j := p.i
	for j < len(p.s) && asciiDigit(p.s[j]) {
		j++
	}
	if j-p.i > max {
		return 0, 0
	}
	for ; p.i < j; p.i++ {
		n = n*10 + int(p.s[p.i]-'0')
		width++
	}
	return n, width
}

func (p *dateScanner) skip(chars string) {
	for p.i < len(p.s) && strings.IndexByte(chars, p.s[p.i]) >= 0 {
		p.i++
	}
}

// word returns the run of ASCII letters at the cursor and moves past it.
func (p *dateScanner) word() string {
	j := p.i
	for j < len(p.s) && asciiLetter(p.s[j]) {
		j++
	}
	w := p.s[p.i:j]
	p.i = j
	return w
}

// hasWordFold reports whether the word w (ASCII, lower case) is at the cursor, followed by a
// non-letter.
func (p *dateScanner) hasWordFold(w string) bool {
	if len(p.s)-p.i < len(w) || !strings.EqualFold(p.s[p.i:p.i+len(w)], w) {
		return false
	}
	return p.i+len(w) == len(p.s) || !asciiLetter(p.s[p.i+len(w)])
}

var weekdayNames = [...]string{"mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday", "tues", "thur", "thurs"}

// skipWeekday moves past a leading weekday name ("Sat, ", "Saturday ").
func (p *dateScanner) skipWeekday() {
	j := p.i
	for j < len(p.s) && asciiLetter(p.s[j]) {
		j++
	}
	w := p.s[p.i:j]
	if len(w) < 3 {
		return
	}
	for _, d := range weekdayNames {
		if strings.EqualFold(w, d) {
			p.i = j
			p.skip("., ")
			return
		}
	}
}

var monthNames = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
	"nov", "dec"}

// monthName reads an English month name, full or abbreviated to three letters or more
// ("Sept"), and returns its number, or 0.
func (p *dateScanner) monthName() int {
	start := p.i
	w := p.word()
	if len(w) >= 3 {
		for i, m := range monthNames {
			if !strings.EqualFold(w[:3], m) {
				continue
			}
			full := time.Month(i + 1).String()
			if len(w) <= len(full) && strings.EqualFold(w, full[:len(w)]) || strings.EqualFold(w, "sept") {
				return i + 1
			}
		}
	}
	p.i = start
	return 0
}

// skipOrdinal moves past "st", "nd", "rd" or "th" after a day number.
func (p *dateScanner) skipOrdinal() {
	for _, o := range [...]string{"st", "nd", "rd", "th"} {
		if p.hasWordFold(o) {
			p.i += 2
			return
		}
	}
}

// clock reads H:MM[:SS[.fraction]] [AM|PM], or hhmm[ss] right after a "T".
func (p *dateScanner) clock(afterT bool) (hh, mm, ss, ns int, ok bool) {
	h, w := p.number(6)
	switch {
	case afterT && (w == 4 || w == 6) && p.peek() != ':':
		if w == 6 {
			hh, mm, ss = h/10000, h/100%100, h%100
		} else {
			hh, mm = h/100, h%100
		}
	case w == 1 || w == 2:
		hh = h
		if p.next() != ':' {
			return 0, 0, 0, 0, false
		}
		if mm, w = p.number(2); w != 2 {
			return 0, 0, 0, 0, false
		}
		if p.peek() == ':' {
			p.i++
			if ss, w = p.number(2); w != 2 {
				return 0, 0, 0, 0, false
			}
		}
	default:
		return 0, 0, 0, 0, false
	}
	if (p.peek() == '.' || p.peek() == ',') && asciiDigit(p.peekAt(1)) {
		p.i++
		scale := 100000000
		for ; p.i < len(p.s) && asciiDigit(p.s[p.i]); p.i++ {
			ns += int(p.s[p.i]-'0') * scale
			scale /= 10
		}
	}
	// AM/PM, also written "a.m." and "p. m.".
	save := p.i
	p.skip(" ")
	if c := p.peek() | 0x20; (c == 'a' || c == 'p') && (p.peekAt(1)|0x20 == 'm' || p.peekAt(1) == '.') {
		pm := c == 'p'
		p.i++
		p.skip(". ")
		if p.peek()|0x20 != 'm' {
			return 0, 0, 0, 0, false
		}
		p.i++
		if p.peek() == '.' {
			p.i++
		}
		if hh < 1 || hh > 12 {
			return 0, 0, 0, 0, false
		}
		if hh == 12 {
			hh = 0
		}
		if pm {
			hh += 12
		}
	} else {
		p.i = save
	}
	if hh > 23 || mm > 59 || ss > 59 {
		return 0, 0, 0, 0, false
	}
	return hh, mm, ss, ns, true
}

// zone reads "Z", "UTC", "GMT", "UT", an offset ("+08:00", "+0800", "+8", "-05") or either
// prefixed by UTC/GMT ("GMT+8", "UTC+08:00"), optionally in brackets, and returns seconds east
// of UTC.
func (p *dateScanner) zone() (int, bool) {
	paren := p.peek() == '('
	if paren {
		p.i++
	}
	off := 0
	switch c := p.peek(); {
	case c == 'Z' || c == 'z':
		p.i++
	case asciiLetter(c):
		w := p.word()
		if !strings.EqualFold(w, "utc") && !strings.EqualFold(w, "gmt") && !strings.EqualFold(w, "ut") {
			return 0, false
		}
		p.skip(" ")
		if c := p.peek(); c == '+' || c == '-' {
			var ok bool
			if off, ok = p.offset(); !ok {
				return 0, false
			}
		}
	case c == '+' || c == '-':
		var ok bool
		if off, ok = p.offset(); !ok {
			return 0, false
		}
	default:
		return 0, false
	}
	if paren {
		if p.next() != ')' {
			return 0, false
		}
	}
	p.skip(" ")
	return off, true
}

// offset reads a signed offset: +8, +08, +0800, +08:00, +5:30.
func (p *dateScanner) offset() (int, bool) {
	sign := 1
	if p.next() == '-' {
		sign = -1
	}
	n, w := p.number(4)
	var h, m int
	switch w {
	case 1, 2:
		h = n
		if p.peek() == ':' {
			p.i++
			var w2 int
			if m, w2 = p.number(2); w2 != 2 {
				return 0, false
			}
		}
	case 3, 4:
		h, m = n/100, n%100
	default:
		return 0, false
	}
	if h > 14 || m > 59 {
		return 0, false
	}
	return sign * (h*3600 + m*60), true
}

var (
	zoneMu    sync.Mutex
	zoneCache = map[int]*time.Location{}
)

// fixedZone returns a fixed zone for an offset, shared between calls: a file with a million
// "+08:00" times needs one *time.Location, not a million.
func fixedZone(offset int) *time.Location {
	if offset == 0 {
		return time.UTC
	}
	zoneMu.Lock()
	defer zoneMu.Unlock()
	if z, ok := zoneCache[offset]; ok {
		return z
	}
	name := "UTC+"
	o := offset
	if o < 0 {
		name, o = "UTC-", -o
	}
	name += strconv.Itoa(o / 3600)
	if o%3600 != 0 {
		name += fmt.Sprintf(":%02d", o%3600/60)
	}
	z := time.FixedZone(name, offset)
	if len(zoneCache) < 256 {
		zoneCache[offset] = z
	}
	return z
}

// ParseZone reads the time zone of a status_tz column: an offset with or without "GMT"/"UTC"
// ("GMT+8", "UTC+08:00", "+0800", "UTC") or an IANA name ("Asia/Shanghai").
func ParseZone(s string) (*time.Location, error) {
	s = cell.Trim(s)
	if s == "" {
		return nil, parseError("empty time zone")
	}
	p := dateScanner{s: s}
	if off, ok := p.zone(); ok && p.done() {
		return fixedZone(off), nil
	}
	if strings.Contains(s, "/") {
		if loc, err := zone.Lookup(s); err == nil {
			return loc, nil
		}
	}
	return nil, parseError("unrecognised time zone " + cell.Quote(s))
}

func monthDays(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// smallNumber reads up to four digits, without strconv's allocation on failure.
func smallNumber(s string) (int, bool) {
	if len(s) > 4 || !allASCIIDigits(s) {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

func asciiDigit(c byte) bool  { return c >= '0' && c <= '9' }
func asciiLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func allASCIIDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !asciiDigit(s[i]) {
			return false
		}
	}
	return true
}
