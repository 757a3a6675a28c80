// Package money reads amounts of money as shops and sellers write them ("US $120.95",
// "129,46zł", "€1.234,56") into a plain decimal and the currency they carry, and knows the ISO
// 4217 codes of money in use (from golang.org/x/text/currency). It knows nothing of the database
// or the rest of the portal; its errors are *Error values, ErrTooLarge or ErrInvalid underneath.
package money

import (
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/currency"

	"github.com/parceldesk/portal/domain/cell"
)

// Parse reads an amount as shops write it and returns it as a plain decimal string ("1234.56")
// with the currency the value carries: its ISO 4217 Code, or "" when it carries none or only an
// ambiguous sign ("$", "kr"), which Currency.Allows then tells apart from a real conflict with a
// currency given beside it: "US $120.95" → "120.95", "USD"; "129,46zł" → "129.46", "PLN";
// "€1.234,56" → "1234.56", "EUR"; "1,234.56" → "1234.56", ""; "R$ 99,90" → "99.90", "BRL";
// "¥300" → "300", "CNY".
//
// Whether "," or "." is the decimal mark is read from the shape: with both present, the last one
// is; a mark used twice groups thousands; a single mark followed by exactly three digits groups
// thousands ("1,234", "12.990") unless the whole part is 0; otherwise it is the decimal mark
// ("99,90"). Spaces and apostrophes between digits group thousands. A negative, empty or
// non-numeric value is an error whose text is safe to show (a *Error); one with more than 12
// digits before the mark is ErrTooLarge (errors.Is), the rest ErrInvalid.
func Parse(s string) (amount string, cur Currency, err error) {
	return parse(s)
}

// Currency is what a currency sign or code says: a Code, and for a sign several currencies
// share, the codes it may stand for ("$" is also CAD, AUD, MXN…; "¥" is CNY here, but JPY is
// possible).
type Currency struct {
	Code   string
	family string
}

// Empty reports whether nothing was said about the currency.
func (h Currency) Empty() bool { return h.Code == "" && h.family == "" }

// Allows reports whether the currency is compatible with the code c.
func (h Currency) Allows(c string) bool {
	return h.Code == c || (len(c) == 3 && strings.Contains(h.family, c))
}

const dollarFamily = "USD CAD AUD NZD SGD HKD TWD MXN ARS CLP COP UYU BSD BBD BZD BMD BND KYD FJD GYD JMD LRD NAD SBD SRD TTD XCD CUP DOP"

// currencySigns maps a currency sign or abbreviation, upper-cased and without spaces or trailing
// dots, to what it says. ISO codes are recognised separately.
var currencySigns = map[string]Currency{
	"$": {"", dollarFamily}, "US$": {"USD", ""}, "USD$": {"USD", ""}, "U$S": {"USD", ""},
	"A$": {"AUD", ""}, "AU$": {"AUD", ""}, "C$": {"CAD", ""}, "CA$": {"CAD", ""},
	"NZ$": {"NZD", ""}, "S$": {"SGD", ""}, "SG$": {"SGD", ""}, "HK$": {"HKD", ""},
	"NT$": {"TWD", ""}, "MX$": {"MXN", ""}, "MEX$": {"MXN", ""}, "R$": {"BRL", ""},
	"€": {"EUR", ""}, "EURO": {"EUR", ""}, "EUROS": {"EUR", ""},
	"£": {"GBP", "GBP EGP GIP FKP SHP"},
	"¥": {"CNY", "CNY JPY"}, "￥": {"CNY", "CNY JPY"}, "CN¥": {"CNY", ""}, "RMB": {"CNY", ""},
	"元": {"CNY", ""}, "JP¥": {"JPY", ""}, "円": {"JPY", ""},
	"₩": {"KRW", ""}, "₹": {"INR", ""}, "RS": {"", "INR PKR LKR NPR MUR SCR"},
	"₽": {"RUB", ""}, "РУБ": {"RUB", ""}, "Р": {"RUB", ""}, "ZŁ": {"PLN", ""}, "KČ": {"CZK", ""},
	"FT": {"HUF", ""}, "LEI": {"RON", ""}, "KR": {"", "SEK NOK DKK ISK"},
	"FR": {"CHF", ""}, "SFR": {"CHF", ""}, "₺": {"TRY", ""}, "TL": {"TRY", ""},
	"₴": {"UAH", ""}, "ГРН": {"UAH", ""}, "₪": {"ILS", ""}, "฿": {"THB", ""}, "₫": {"VND", ""},
	"₱": {"PHP", ""}, "RM": {"MYR", ""}, "RP": {"IDR", ""}, "R": {"ZAR", ""}, "₦": {"NGN", ""},
	"₸": {"KZT", ""}, "₾": {"GEL", ""}, "ЛВ": {"BGN", ""}, "S/": {"PEN", ""}, "Q": {"GTQ", ""},
	"د.إ": {"AED", ""},
}

// IsCode reports whether s is an ISO 4217 code of money in use, upper case.
func IsCode(s string) bool {
	_, ok := currencyCode(s)
	return ok
}

// currencyCode returns the code s names, taken from the set so that it costs no allocation to
// keep.
func currencyCode(s string) (string, bool) {
	code, ok := codes[s]
	return code, ok
}

// newerCodes are ISO 4217 codes issued after the CLDR tables golang.org/x/text/currency was
// generated from (MRU 2018, VES 2018, VED 2021, SLE 2022, ZWG 2024, XCG 2025), and two it counts
// as historic though they are still legal tender (SVC beside the dollar, ZWL until ZWG took over);
// replacedCodes are the ones those newer codes replaced, which its tables still list as in use.
// TestCodes shows what the library gives.
const (
	newerCodes    = "MRU VES VED SLE ZWG XCG SVC ZWL"
	replacedCodes = "MRO VEF"
)

// codes are the ISO 4217 codes of money in use: every currency some region tenders today in
// golang.org/x/text/currency (metals, test and fund codes are not tender), brought up to date.
var codes = func() map[string]string {
	set := map[string]string{}
	it := currency.Query(currency.Date(time.Now()))
	for it.Next() {
		c := it.Unit().String()
		set[c] = c
	}
	for _, c := range strings.Fields(newerCodes) {
		set[c] = c
	}
	for _, c := range strings.Fields(replacedCodes) {
		delete(set, c)
	}
	return set
}()

// ParseCurrency reads a currency written as an ISO code in any case ("usd"), a sign ("€", "US$",
// "zł"), or a code and a sign ("USD $"). ok is false when s names no currency.
func ParseCurrency(s string) (h Currency, ok bool) {
	s = strings.TrimRight(cell.Trim(s), ".")
	if s == "" {
		return Currency{}, true
	}
	// The key: upper case, blanks removed, built on the stack.
	var buf [32]byte
	key := buf[:0]
	for _, r := range s {
		if !cell.IsBlank(r) {
			key = utf8.AppendRune(key, unicode.ToUpper(r))
		}
		if len(key) > 24 {
			return Currency{}, false
		}
	}
	if code, ok := currencyCode(string(key)); ok {
		return Currency{Code: code}, true
	}
	if h, ok := currencySigns[string(key)]; ok {
		return h, true
	}
	// "USD$" (from "USD $"), "$USD", "EUR€": a code and a sign together.
	if len(key) > 3 {
		for _, split := range [...][2][]byte{{key[:3], key[3:]}, {key[len(key)-3:], key[:len(key)-3]}} {
			code, ok := currencyCode(string(split[0]))
			if !ok {
				continue
			}
			if sign, ok := currencySigns[string(split[1])]; ok && sign.Allows(code) {
				return Currency{Code: code}, true
			}
		}
	}
	return Currency{}, false
}

// ErrTooLarge is what an amount with more than 12 digits before the mark is (errors.Is); the
// portal keeps amounts as numeric(14, 2).
var ErrTooLarge = errors.New("amount too large")

// ErrInvalid is what every other refused amount is (errors.Is).
var ErrInvalid = errors.New("not a usable amount")

// Error is a refused amount: Error() says why, safe to show, with the value quoted.
type Error struct {
	msg  string
	kind error
}

func (e *Error) Error() string { return e.msg }

// Unwrap gives ErrTooLarge or ErrInvalid.
func (e *Error) Unwrap() error { return e.kind }

// moneyError is an invalid amount; tooLargeError an amount past what a price can be.
func moneyError(s, why string) error {
	return &Error{msg: why + " " + cell.Quote(s), kind: ErrInvalid}
}

func tooLargeError(s string) error {
	return &Error{msg: "amount too large: " + cell.Quote(s), kind: ErrTooLarge}
}

func parse(s string) (amount string, hint Currency, err error) {
	orig := s
	s = cell.Trim(s)
	if s == "" {
		return "", Currency{}, &Error{msg: "empty amount", kind: ErrInvalid}
	}
	if plain, ok := plainAmount(s); ok {
		return plain, Currency{}, nil
	}
	// Split into sign text before the first digit, the number, and sign text after the last.
	first := strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	if first < 0 {
		return "", Currency{}, moneyError(orig, "not an amount:")
	}
	last := strings.LastIndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	prefix, num, suffix := s[:first], s[first:last+1], s[last+1:]
	// ".50" and ",50": a decimal mark before the first digit belongs to the number.
	if n := len(prefix); n > 0 && (prefix[n-1] == '.' || prefix[n-1] == ',') {
		prefix, num = prefix[:n-1], s[first-1:last+1]
	}
	if strings.ContainsAny(prefix, "-−(") || strings.ContainsAny(suffix, "-−)") {
		return "", Currency{}, moneyError(orig, "negative amount")
	}
	pre, ok := ParseCurrency(prefix)
	if !ok {
		return "", Currency{}, moneyError(orig, "not an amount:")
	}
	post, ok := ParseCurrency(suffix)
	if !ok {
		return "", Currency{}, moneyError(orig, "not an amount:")
	}
	switch {
	case pre.Empty():
		hint = post
	case post.Empty():
		hint = pre
	case pre.Code != "" && post.Code != "" && pre.Code != post.Code:
		return "", Currency{}, moneyError(orig, "two different currencies in")
	case pre.Code != "" && post.Allows(pre.Code):
		hint = pre
	case post.Code != "" && pre.Allows(post.Code):
		hint = post
	case pre.Code == post.Code && pre.Code != "":
		hint = pre
	default:
		return "", Currency{}, moneyError(orig, "two different currencies in")
	}
	if plain, ok := plainAmount(num); ok {
		return plain, hint, nil
	}
	amount, ok = normalizeAmount(num)
	if !ok {
		return "", Currency{}, moneyError(orig, "not an amount:")
	}
	if len(amount) > 16 || strings.IndexByte(amount, '.') > 12 || (!strings.Contains(amount, ".") && len(amount) > 12) {
		return "", Currency{}, tooLargeError(orig)
	}
	if i := strings.IndexByte(amount, '.'); i >= 0 && len(amount)-i-1 > 4 {
		return "", Currency{}, moneyError(orig, "too many decimals in")
	}
	return amount, hint, nil
}

// plainAmount recognises the common case, an amount already written as a plain decimal such as
// "129.46", and returns it without allocating. "12.990" is not plain: three decimals read as a
// thousands group.
func plainAmount(s string) (string, bool) {
	dot := -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case asciiDigit(c):
		case c == '.' && dot < 0 && i > 0 && i < len(s)-1:
			dot = i
		default:
			return "", false
		}
	}
	if len(s) > 12 || (s[0] == '0' && len(s) > 1 && dot != 1) {
		return "", false
	}
	if dot >= 0 && len(s)-dot-1 == 3 && s[:dot] != "0" {
		return "", false
	}
	if dot >= 0 && len(s)-dot-1 > 4 {
		return "", false
	}
	return s, true
}

// normalizeAmount turns the digits and marks of an amount into a plain decimal: thousands
// separators removed, "." as the decimal mark, leading zeros dropped.
func normalizeAmount(num string) (string, bool) {
	// Collect digit groups and the marks between them.
	var groups []string
	var marks []byte
	start := -1
	for i := 0; i < len(num); {
		r, size := utf8.DecodeRuneInString(num[i:])
		switch {
		case r >= '0' && r <= '9':
			if start < 0 {
				start = i
			}
		case r == '.' || r == ',':
			if start >= 0 {
				groups = append(groups, num[start:i])
				start = -1
			} else if len(groups) > 0 || i > 0 {
				return "", false // two marks in a row
			}
			marks = append(marks, num[i]) // the mark itself: '.' or ',' is one byte
		case r == ' ' || r == '\'' || r == '’' || r == '\u00A0' || r == '\u202F' || r == '\u2009':
			// Grouping by space or apostrophe: "1 234,56", "1'234.50".
			if start >= 0 {
				groups = append(groups, num[start:i])
				start = -1
			} else {
				return "", false
			}
			marks = append(marks, ' ')
		default:
			return "", false
		}
		i += size
	}
	if start >= 0 {
		groups = append(groups, num[start:])
	}
	if len(marks) == len(groups) { // ".50": a leading decimal mark
		groups = append([]string{"0"}, groups...)
	}
	if len(groups) != len(marks)+1 {
		return "", false
	}
	// Which mark is the decimal one?
	dec := byte(0)
	lastMark := byte(0)
	if len(marks) > 0 {
		lastMark = marks[len(marks)-1]
	}
	count := func(m byte) int {
		n := 0
		for _, x := range marks {
			if x == m {
				n++
			}
		}
		return n
	}
	switch {
	case lastMark == 0 || lastMark == ' ':
	case count('.') > 0 && count(',') > 0:
		dec = lastMark
		if count(dec) > 1 {
			return "", false
		}
	case count(lastMark) > 1:
		// "1,234,567" or "1.234.567": thousands.
	default:
		lastGroup := groups[len(groups)-1]
		if len(lastGroup) != 3 || strings.Trim(groups[0], "0") == "" {
			dec = lastMark
		}
	}
	var intGroups []string
	frac := ""
	if dec != 0 {
		intGroups, frac = groups[:len(groups)-1], groups[len(groups)-1]
	} else {
		intGroups = groups
	}
	// Thousands groups after the first hold three digits (two in the Indian 12,34,567 style).
	for i, g := range intGroups {
		if i == 0 {
			if len(intGroups) > 1 && len(g) > 3 {
				return "", false
			}
			continue
		}
		if len(g) != 3 && !(len(g) == 2 && i < len(intGroups)-1) {
			return "", false
		}
	}
	var b strings.Builder
	for _, g := range intGroups {
		b.WriteString(g)
	}
	whole := strings.TrimLeft(b.String(), "0")
	if whole == "" {
		whole = "0"
	}
	if frac == "" {
		return whole, true
	}
	return whole + "." + frac, true
}

func asciiDigit(c byte) bool { return c >= '0' && c <= '9' }
