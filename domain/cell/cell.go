// Package cell cleans and quotes the values of spreadsheet cells. It is the one home of those
// rules for the packages that read cells (domain's row parser, money, country), and imports
// nothing internal.
package cell

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Trim trims what spreadsheets leave around a value: spaces (also no-break ones), tabs, line
// breaks, and invisible BOM and zero-width characters.
func Trim(s string) string {
	// Fast path: most cells have nothing to trim.
	if s == "" || (s[0] > ' ' && s[0] < utf8.RuneSelf && s[len(s)-1] > ' ' && s[len(s)-1] < utf8.RuneSelf) {
		return s
	}
	return strings.TrimFunc(s, IsBlank)
}

// IsBlank reports whether r is one of the characters Trim removes.
func IsBlank(r rune) bool {
	return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\u2060'
}

// Quote quotes a seller's value for an error message, shortened to 60 characters so that a
// runaway cell does not bloat the error report.
func Quote(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) > max {
		n := 0
		for i := range s {
			if n == max {
				s = s[:i] + "…"
				break
			}
			n++
		}
	}
	return strconv.Quote(s)
}
