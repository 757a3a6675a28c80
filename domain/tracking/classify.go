package tracking

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rule maps status text to a stage and signal. Pattern is matched against NormalizeStatus(text).
//
// A seller's rule is created from one unmapped text, so its Pattern is NormalizeStatus of that
// text. It matches a status whose normal form equals the pattern or contains it as whole words,
// so the rule made from "Arrived at hub" also covers "arrived at hub, please wait".
type Rule struct {
	Pattern string
	Stage   Stage
	Signal  Signal
}

// Classifier classifies status text with the built-in rules plus a seller's own rules; seller
// rules win. It holds no mutable state, so one Classifier may be shared by any number of
// goroutines; the built-in rules are compiled once, when the package is initialised, and shared
// by every Classifier. The zero Classifier (and a nil *Classifier) has the built-in rules alone.
type Classifier struct {
	seller *clsIndex // nil when the seller has no usable rule
}

// NewClassifier returns a classifier with the built-in rules and the seller's own rules. Seller
// rules whose Stage is not a canonical stage, whose Signal is unknown or whose Pattern has no
// word are ignored: a rule must say where the parcel is, and the store validates rules before
// saving them. An empty Signal means SignalNone.
func NewClassifier(sellerRules []Rule) *Classifier {
	return &Classifier{seller: clsCompileSeller(sellerRules)}
}

// BuiltinClassifier returns the classifier with the built-in rules alone. It is what
// `portal classify` uses, and the one the labelled corpus is measured against.
func BuiltinClassifier() *Classifier { return &clsBuiltinClassifier }

var clsBuiltinClassifier Classifier

// Classify returns the stage and signal a status text means, or (StageUnknown, SignalNone) when
// nothing matches. Every text that matches gets a canonical stage (1..11), so StageUnknown means
// exactly "unmapped": the page where the seller maps texts lists those.
//
// Order of precedence:
//  1. a canonical stage written as key, label or number ("export_customs", "5"), with SignalNone;
//  2. the seller's rules, the longest matching pattern first;
//  3. the built-in rules (see rules.go for how the best one is chosen).
//
// Classify runs once per imported row, so it works in a fixed stack buffer and allocates nothing
// for the status texts carriers actually print.
func (c *Classifier) Classify(text string) (Stage, Signal) {
	if st, ok := clsStageCell(text); ok {
		return st, SignalNone
	}
	var nbuf [256]byte
	norm := clsAppendNormal(nbuf[:0], text)
	if len(norm) == 0 {
		return StageUnknown, SignalNone
	}
	var tbuf [64]clsTok
	toks := clsTokenize(tbuf[:0], norm)
	if len(toks) == 0 {
		return StageUnknown, SignalNone
	}
	if c != nil && c.seller != nil {
		if st, sg, ok := c.seller.classifySeller(norm, toks); ok {
			return st, sg
		}
	}
	return clsBuiltin.classifyBuiltin(norm, toks)
}

// NormalizeStatus returns the normal form of a status text, the form rules are matched against
// and unmapped texts are grouped by:
//   - location prefixes and suffixes are cut where that is safe: a leading "[Shenzhen]",
//     "【深圳市】", "SHENZHEN, CN -", "BURNABY," and a trailing "- Madrid", ", LOS ANGELES, CA
//     90009". A part is only cut when it looks like a place (capitalised words, codes, postcodes)
//     and holds no word any built-in rule uses, so "Delivered - Parcel Locker" keeps its locker;
//     a place in mid-sentence ("at LONDON MAIL CENTRE") stays, since cutting it could cut meaning;
//   - lower case; accents, ligatures and full-width forms folded to plain letters (é→e, ß→ss,
//     Ｄ→d), so "Dédouané" and "dedouane" are one text;
//   - whitespace collapsed; leading punctuation and trailing punctuation (except closing
//     brackets) dropped.
//
// NormalizeStatus of a normal form is that normal form again, so a seller rule made from it
// keeps matching.
func NormalizeStatus(text string) string {
	var buf [256]byte
	return string(clsAppendNormal(buf[:0], text))
}

// clsStageCell recognises a status cell that holds a canonical stage instead of carrier text.
// Numbers go to ParseStage, which reads them without allocating; keys and labels are looked up
// in clsStageForms, which ParseStage built, because ParseStage lower-cases (allocates) and
// "Delivered" and "Out for delivery" are the most common cells of all.
func clsStageCell(text string) (Stage, bool) {
	t := strings.TrimSpace(text)
	if t == "" || len(t) > clsLongestStageForm {
		return StageUnknown, false
	}
	if c := t[0]; c >= '0' && c <= '9' || c == '+' || c == '-' {
		if strings.TrimLeft(t[1:], "0123456789") != "" {
			return StageUnknown, false // "4PX picked up shipment" is carrier text
		}
		return ParseStage(t)
	}
	var buf [64]byte
	lower := buf[:len(t)]
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= utf8.RuneSelf {
			return StageUnknown, false // keys and labels are ASCII
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	st, ok := clsStageForms[string(lower)]
	return st, ok
}

// clsStageForms maps every stage key and label, lower-cased, to the stage ParseStage reads.
var clsStageForms = func() map[string]Stage {
	m := map[string]Stage{}
	for _, st := range Stages {
		for _, form := range [...]string{st.Key(), st.Label()} {
			if got, ok := ParseStage(form); ok {
				m[strings.ToLower(form)] = got
			}
		}
	}
	return m
}()

// clsLongestStageForm is the length of the longest stage key or label.
var clsLongestStageForm = func() int {
	n := 0
	for _, st := range Stages {
		n = max(n, len(st.Key()), len(st.Label()))
	}
	return n
}()

// ---- normal form ----

// clsAppendNormal appends the normal form of text to dst (see NormalizeStatus). Folding comes
// first and keeps the case, so that places are cut from the folded text with capitals still
// there as evidence; lower-casing and trimming come last. Each step sees exactly what it would
// see if given a normal form, which is what makes the normal form its own normal form.
func clsAppendNormal(dst []byte, text string) []byte {
	var kbuf [256]byte
	kept := clsStripPlaces(clsAppendFold(kbuf[:0], text, false))
	start := len(dst)
	return clsTrimPunct(clsAppendLower(dst, kept), start)
}

// clsAppendLower appends b lower-cased.
func clsAppendLower(dst, b []byte) []byte {
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}

// clsAppendFold appends s folded, with whitespace collapsed to single spaces, and lower-cased
// when lower is set.
func clsAppendFold(dst []byte, s string, lower bool) []byte {
	space := true // drop leading space
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf { // the common case, without the Unicode tables
			i++
			switch {
			case c <= ' ' || c == 0x7f:
				if !space {
					dst = append(dst, ' ')
					space = true
				}
				continue
			case lower && 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			space = false
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == utf8.RuneError && n == 1 {
			r = ' ' // invalid UTF-8: a separator, never a letter
		}
		if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII: "Ｄｅｌｉｖｅｒｅｄ"
			r -= 0xFEE0
		}
		var rep string
		switch {
		case r <= ' ' || unicode.IsSpace(r) || unicode.Is(unicode.Cc, r):
			if !space {
				dst = append(dst, ' ')
				space = true
			}
			continue
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Cf, r):
			continue // combining accents (decomposed "é"), zero-width spaces, BOM
		case r < utf8.RuneSelf:
			if lower && 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		default:
			r, rep = clsFoldRune(r, lower)
		}
		space = false
		if rep != "" {
			dst = append(dst, rep...)
		} else {
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// clsFoldRune folds one non-ASCII rune, lower-casing it when lower is set. It returns the folded
// rune, or a replacement string when the fold is not one rune ("ß" → "ss", "…" → "...").
func clsFoldRune(r rune, lower bool) (rune, string) {
	switch r {
	case '’', '‘', 'ʼ', '`', '´', '′':
		return '\'', ""
	case '“', '”', '„', '«', '»', '「', '」':
		return '"', ""
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return '-', ""
	case '…':
		return 0, "..."
	case '、':
		return ',', ""
	case '。':
		return '.', ""
	case '【', '〔', '〖':
		return '[', ""
	case '】', '〕', '〗':
		return ']', ""
	}
	l := unicode.ToLower(r)
	if l >= 0xC0 && l < 0x250 {
		if s, ok := clsLatinFold[l]; ok {
			if !lower && l != r {
				return 0, strings.ToUpper(s) // "É" → "E": the capital stays evidence of a place
			}
			return 0, s
		}
	}
	if lower {
		return l, ""
	}
	return r, ""
}

// clsLatinFold maps accented Latin letters (lower case) to plain ones. Folding rather than
// keeping accents makes "Entregado en oficina" and "Entregádo en oficína" one text, and lets a
// rule be written once for texts that lost their accents in some export.
var clsLatinFold = func() map[rune]string {
	m := map[rune]string{}
	for _, p := range [...][2]string{
		{"àáâãäåāăą", "a"}, {"çćĉċč", "c"}, {"ďđð", "d"}, {"èéêëēĕėęě", "e"}, {"ĝğġģ", "g"},
		{"ĥħ", "h"}, {"ìíîïĩīĭįı", "i"}, {"ĵ", "j"}, {"ķ", "k"}, {"ĺļľŀł", "l"}, {"ñńņňŉ", "n"},
		{"òóôõöøōŏő", "o"}, {"ŕŗř", "r"}, {"śŝşšș", "s"}, {"ţťŧț", "t"}, {"ùúûüũūŭůűų", "u"},
		{"ŵ", "w"}, {"ýÿŷ", "y"}, {"źżž", "z"}, {"ß", "ss"}, {"æ", "ae"}, {"œ", "oe"}, {"þ", "th"},
	} {
		for _, r := range p[0] {
			m[r] = p[1]
		}
	}
	return m
}()

// clsTrimmed reports whether a leading (or, with end set, trailing) rune is dropped from a
// normal form: spaces, symbols and punctuation, except opening brackets at the start ("[delivered]
// ...") and closing ones at the end ("(inb)"), which belong to the text.
func clsTrimmed(r rune, end bool) bool {
	if r == ' ' || unicode.IsSymbol(r) {
		return true
	}
	if !unicode.IsPunct(r) {
		return false
	}
	if end {
		return !unicode.In(r, unicode.Pe, unicode.Pf)
	}
	return !unicode.In(r, unicode.Ps, unicode.Pi)
}

// clsTrimLead drops the leading runes clsTrimmed drops.
func clsTrimLead(b []byte) []byte {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if !clsTrimmed(r, false) {
			break
		}
		b = b[n:]
	}
	return b
}

// clsTrimPunct trims all[from:] in place at both ends.
func clsTrimPunct(all []byte, from int) []byte {
	s := clsTrimLead(all[from:])
	for len(s) > 0 {
		r, n := utf8.DecodeLastRune(s)
		if !clsTrimmed(r, true) {
			break
		}
		s = s[:len(s)-n]
	}
	n := copy(all[from:], s)
	return all[:from+n]
}

// ---- location prefixes and suffixes ----

// clsStripPlaces cuts location prefixes and suffixes off the folded text b, whose capitals are
// the best evidence that "SHENZHEN" or "Madrid" is a place. Every cut shortens b, so the loops
// end; they run until nothing more can be cut, so that a normal form has nothing left to cut.
func clsStripPlaces(b []byte) []byte {
	b = clsTrimLead(b)
	for {
		t, ok := clsCutBracketPrefix(b)
		if !ok {
			t, ok = clsCutPlacePrefix(b)
		}
		if !ok {
			break
		}
		b = clsTrimLead(t)
	}
	for {
		t, ok := clsCutPlaceSuffix(b)
		if !ok {
			return b
		}
		b = t
	}
}

// clsBrackets are the brackets around a place; the full-width and CJK ones ("【", "（") are
// folded to these before places are cut.
var clsBrackets = [...][2]string{{"[", "]"}, {"(", ")"}}

// clsCutBracketPrefix cuts "[Shenzhen]" or "【深圳市】" (folded to "[深圳市]") off the start of b
// when what is inside carries no built-in rule ("[Delivered] ..." keeps its word) and a word
// follows it.
func clsCutBracketPrefix(b []byte) ([]byte, bool) {
	for _, br := range clsBrackets {
		if !bytes.HasPrefix(b, []byte(br[0])) {
			continue
		}
		end := bytes.Index(b[len(br[0]):], []byte(br[1]))
		if end < 0 {
			return nil, false
		}
		content := b[len(br[0]) : len(br[0])+end]
		rest := b[len(br[0])+end+len(br[1]):]
		if len(bytes.TrimSpace(content)) == 0 || !clsHasLetter(rest) || clsCarriesRule(content) {
			return nil, false
		}
		return rest, true
	}
	return nil, false
}

// clsCutPlacePrefix cuts "SHENZHEN, CN - ", "Shenzhen - " or "BURNABY, " off the start of b.
// Before a dash, bar or colon the place may be capitalised words; before a bare comma only
// capitals, because "Sorry, we missed you" and "Delivered, Front Door" start with capitalised
// words too.
func clsCutPlacePrefix(b []byte) ([]byte, bool) {
	if i, n := clsFirstSep(b); i > 0 {
		if rest := b[i+n:]; clsIsPlace(b[:i], true) && clsHasLetter(rest) {
			return rest, true
		}
	}
	if i := bytes.IndexByte(b[:min(len(b), 65)], ','); i > 0 {
		if rest := b[i+1:]; clsIsPlace(b[:i], false) && clsHasLetter(rest) {
			return rest, true
		}
	}
	return nil, false
}

// clsCutPlaceSuffix cuts one trailing place ("- Madrid", ", CA 90009", " (HONG KONG)") off b.
func clsCutPlaceSuffix(b []byte) ([]byte, bool) {
	b = bytes.TrimRight(b, " .")
	for _, br := range clsBrackets {
		if !bytes.HasSuffix(b, []byte(br[1])) {
			continue
		}
		open := bytes.LastIndex(b, []byte(br[0]))
		if open <= 0 {
			return nil, false
		}
		body := b[:open]
		if clsIsPlace(b[open+len(br[0]):len(b)-len(br[1])], true) && clsHasLetter(body) {
			return bytes.TrimRight(body, " "), true
		}
		return nil, false
	}
	i, n := clsLastSep(b)
	if i <= 0 {
		return nil, false
	}
	body := b[:i]
	if clsIsPlace(b[i+n:], true) && clsHasLetter(body) {
		return body, true
	}
	return nil, false
}

// clsSepAt returns the length of the separator starting at b[i] (" - ", " – ", " — " folded to
// " - ", " | ", ": " and, with comma set, ","), or 0.
func clsSepAt(b []byte, i int, comma bool) int {
	switch {
	case b[i] == ',' && comma:
		return 1
	case b[i] == ':' && !comma && i+1 < len(b) && b[i+1] == ' ':
		return 2
	case b[i] != ' ' || i+2 >= len(b) || b[i+2] != ' ':
		return 0
	case b[i+1] == '-' || b[i+1] == '|':
		return 3
	}
	return 0
}

// clsFirstSep returns the position and length of the first dash, bar or colon separator in the
// first 64 bytes of b (a place name is never longer), or -1.
func clsFirstSep(b []byte) (int, int) {
	for i := range min(len(b), 65) {
		if n := clsSepAt(b, i, false); n > 0 {
			return i, n
		}
	}
	return -1, 0
}

// clsLastSep returns the position and length of the last dash, bar or comma separator in b, or
// -1.
func clsLastSep(b []byte) (int, int) {
	for i := len(b) - 1; i >= 0; i-- {
		if n := clsSepAt(b, i, true); n > 0 {
			return i, n
		}
	}
	return -1, 0
}

// clsIsPlace reports whether seg looks like a place name: words in capitals ("SHENZHEN", "CN",
// "LOS ANGELES"), postcodes, and with title set capitalised words ("Hong Kong"), and none of them
// a word the built-in rules use. Short capital codes ("CN", "CA", "IL") are allowed even when they
// spell a rule word ("AT"), because after a comma they are country and state codes. Since no rule
// word is cut, cutting a place never changes what the built-in rules find.
func clsIsPlace(seg []byte, title bool) bool {
	seg = bytes.TrimSpace(seg)
	if len(seg) == 0 || len(seg) > 64 {
		return false
	}
	words := 0
	for i := 0; i < len(seg); {
		var w []byte
		if w, i = clsNextWord(seg, i); w == nil {
			break
		}
		if clsAllDigits(w) {
			continue
		}
		switch {
		case clsIsCaps(w):
			if utf8.RuneCount(w) <= 2 {
				words++
				continue
			}
		case title && clsIsTitle(w):
		case words > 0 && clsPlaceConnectors[string(w)]:
			continue // "Rio de Janeiro", "Isle of Wight"
		default:
			return false
		}
		if clsInVocab(w) {
			return false
		}
		words++
	}
	return words > 0
}

var clsPlaceConnectors = map[string]bool{"de": true, "del": true, "la": true, "le": true, "of": true,
	"am": true, "an": true, "der": true, "sur": true, "upon": true, "en": true}

// clsNextWord returns the first word of b at or after i (a run of letters, digits and
// apostrophes) and the position after it; word is nil when there is none. A word holding a CJK
// letter is returned too, and is never a place: it has no capitals.
func clsNextWord(b []byte, i int) (word []byte, next int) {
	start := -1
	for i < len(b) {
		r, n := utf8.DecodeRune(b[i:])
		isWord := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\''
		if isWord && start < 0 {
			start = i
		}
		if !isWord && start >= 0 {
			return b[start:i], i
		}
		i += n
	}
	if start >= 0 {
		return b[start:], len(b)
	}
	return nil, len(b)
}

func clsAllDigits(w []byte) bool {
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(w) > 0
}

// clsIsCaps reports whether w has a letter, only upper-case letters, and no CJK letter.
func clsIsCaps(w []byte) bool {
	letter := false
	for i := 0; i < len(w); {
		r, n := utf8.DecodeRune(w[i:])
		i += n
		if unicode.IsLower(r) || clsIsCJK(r) {
			return false
		}
		letter = letter || unicode.IsUpper(r)
	}
	return letter
}

// clsIsTitle reports whether w is one capital followed by lower-case letters or digits.
func clsIsTitle(w []byte) bool {
	r, n := utf8.DecodeRune(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for i := n; i < len(w); i += n {
		if r, n = utf8.DecodeRune(w[i:]); unicode.IsUpper(r) || clsIsCJK(r) {
			return false
		}
	}
	return true
}

func clsHasLetter(b []byte) bool {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		i += n
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// clsInVocab reports whether the word w, lower-cased, is a word some built-in rule uses.
func clsInVocab(w []byte) bool {
	var buf [64]byte
	f := clsAppendLower(buf[:0], w)
	if _, ok := clsBuiltin.vocab[string(f)]; ok {
		return true
	}
	for _, p := range clsBuiltin.vocabPrefixes {
		if len(f) >= len(p) && string(f[:len(p)]) == p {
			return true
		}
	}
	return false
}

// clsCarriesRule reports whether some built-in rule matches inside the folded text b.
func clsCarriesRule(b []byte) bool {
	var nbuf [128]byte
	norm := clsAppendLower(nbuf[:0], b)
	var tbuf [32]clsTok
	toks := clsTokenize(tbuf[:0], norm)
	var mbuf [1]clsMatch
	return len(clsBuiltin.matches(mbuf[:0], norm, toks)) > 0
}

// ---- tokens ----

// clsTok is one word of a normal form: norm[s:e]. Words are runs of letters and digits; an
// apostrophe separates words, so French elisions match their noun ("l'adresse" holds "adresse")
// and a rule written "we've" splits the same way. Each CJK character is a word of its own, because
// Chinese and Japanese texts have no spaces ("已签收" is 已 签 收) and a rule written in them then
// matches as a run of characters.
type clsTok struct{ s, e int32 }

func clsTokenize(dst []clsTok, b []byte) []clsTok {
	start := -1
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z' {
				if start < 0 {
					start = i
				}
			} else if start >= 0 {
				dst = append(dst, clsSpan(start, i))
				start = -1
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case clsIsCJK(r):
			if start >= 0 {
				dst = append(dst, clsSpan(start, i))
				start = -1
			}
			dst = append(dst, clsSpan(i, i+n))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		default:
			if start >= 0 {
				dst = append(dst, clsSpan(start, i))
				start = -1
			}
		}
		i += n
	}
	if start >= 0 {
		dst = append(dst, clsSpan(start, len(b)))
	}
	return dst
}

// clsSpan is the token b[s:e]. An offset fits int32 with room to spare: a status text is at most
// maxTextLen characters in an import, and one line of at most 1 MiB in `portal classify`.
func clsSpan(s, e int) clsTok {
	return clsTok{int32(s), int32(e)} // #nosec G115 -- offsets in one status text, far below 2^31 (above)
}

// clsIsCJK reports whether r is a Han, Hiragana or Katakana character.
func clsIsCJK(r rune) bool {
	return r >= 0x3040 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

// ---- compiled rules and matching ----

// clsElemKind is what one element of a compiled pattern matches.
type clsElemKind uint8

const (
	clsWord   clsElemKind = iota // a token equal to word
	clsPrefix                    // a token starting with word ("zoll*": Zoll, Zollamt, Zollabfertigung)
	clsAny                       // exactly one token ("*")
	clsGap                       // zero to clsMaxGap tokens ("...")
)

// clsMaxGap bounds "...": enough for "Delivered to your community mailbox, parcel locker", short
// enough that the words of two unrelated sentences do not pair up.
const clsMaxGap = 6

type clsElem struct {
	kind clsElemKind
	word string
}

// clsRule is one compiled variant of a pattern: a table pattern with alternatives compiles to
// several clsRules that share order.
type clsRule struct {
	stage    Stage
	signal   Signal
	prio     int // built-in: the signal's weight or the rule's override; seller: pattern length
	literals int // words the variant names: a longer phrase is more specific
	order    int // position in the table or in the seller's list
	pattern  string
}

// clsIndex holds compiled rules as a trie of words, so that matching walks each start token
// once through the phrases that can begin there, whatever the number of rules and variants.
type clsIndex struct {
	rules         []clsRule
	root          clsNode
	vocab         map[string]struct{} // every word the rules name
	vocabPrefixes []string
}

// clsNode is a trie node: the rules whose pattern ends here, and the edges to the next element.
type clsNode struct {
	rules  []int32
	next   map[string]*clsNode
	prefix []clsPrefixEdge
	any    *clsNode
	gap    *clsNode
}

type clsPrefixEdge struct {
	stem string
	node *clsNode
}

// clsMatch is one rule matching tokens [start, end) of a text.
type clsMatch struct {
	rule       int32
	start, end int32
}

func clsNewIndex() *clsIndex {
	return &clsIndex{vocab: map[string]struct{}{}}
}

func (x *clsIndex) add(r clsRule, elems []clsElem) {
	switch elems[0].kind {
	case clsWord, clsPrefix:
	default:
		panic("tracking: classifier pattern starts with a wildcard: " + r.pattern)
	}
	i := int32(len(x.rules)) // #nosec G115 -- built-in rules plus one seller's mappings: far below 2^31
	x.rules = append(x.rules, r)
	n := &x.root
	for _, e := range elems {
		n = n.child(e)
		switch e.kind {
		case clsWord:
			x.vocab[e.word] = struct{}{}
		case clsPrefix:
			if !slices.Contains(x.vocabPrefixes, e.word) {
				x.vocabPrefixes = append(x.vocabPrefixes, e.word)
			}
		}
	}
	n.rules = append(n.rules, i)
}

// child returns the node after element e, creating it.
func (n *clsNode) child(e clsElem) *clsNode {
	switch e.kind {
	case clsWord:
		if n.next == nil {
			n.next = map[string]*clsNode{}
		}
		c := n.next[e.word]
		if c == nil {
			c = &clsNode{}
			n.next[e.word] = c
		}
		return c
	case clsPrefix:
		for _, p := range n.prefix {
			if p.stem == e.word {
				return p.node
			}
		}
		c := &clsNode{}
		n.prefix = append(n.prefix, clsPrefixEdge{e.word, c})
		return c
	case clsAny:
		if n.any == nil {
			n.any = &clsNode{}
		}
		return n.any
	default:
		if n.gap == nil {
			n.gap = &clsNode{}
		}
		return n.gap
	}
}

// each calls f for every rule matching somewhere in the text, in order of the first token,
// until f returns false.
func (x *clsIndex) each(norm []byte, toks []clsTok, f func(clsMatch) bool) {
	for i := range toks {
		if !x.root.walk(norm, toks, i, i, f) {
			return
		}
	}
}

// walk follows the tokens from i through the trie below n, reporting the rules that end on the
// way as matches of [start, i).
func (n *clsNode) walk(norm []byte, toks []clsTok, start, i int, f func(clsMatch) bool) bool {
	for _, ri := range n.rules {
		if !f(clsMatch{ri, int32(start), int32(i)}) { // #nosec G115 -- token indexes of one status text (see clsSpan)
			return false
		}
	}
	if i < len(toks) {
		w := norm[toks[i].s:toks[i].e]
		if n.next != nil {
			if c := n.next[string(w)]; c != nil && !c.walk(norm, toks, start, i+1, f) {
				return false
			}
		}
		for _, p := range n.prefix {
			if len(w) >= len(p.stem) && string(w[:len(p.stem)]) == p.stem && !p.node.walk(norm, toks, start, i+1, f) {
				return false
			}
		}
		if n.any != nil && !n.any.walk(norm, toks, start, i+1, f) {
			return false
		}
	}
	if n.gap != nil {
		// The gap node itself ends no rule (a pattern cannot end in "..."), so g = 0 is the
		// element after the gap matching token i.
		for g := 0; g <= clsMaxGap && i+g < len(toks); g++ {
			if !n.gap.walk(norm, toks, start, i+g, f) {
				return false
			}
		}
	}
	return true
}

// matches appends the matches to dst up to its capacity.
func (x *clsIndex) matches(dst []clsMatch, norm []byte, toks []clsTok) []clsMatch {
	x.each(norm, toks, func(m clsMatch) bool {
		dst = append(dst, m)
		return len(dst) < cap(dst)
	})
	return dst
}

// better reports whether match a should win over b among the built-in rules: the higher
// priority (an actionable signal beats a plain stage), then the longer phrase, then the further
// stage, then the earlier rule in the table.
func (x *clsIndex) better(a, b clsMatch) bool {
	ra, rb := &x.rules[a.rule], &x.rules[b.rule]
	if ra.prio != rb.prio {
		return ra.prio > rb.prio
	}
	if ra.literals != rb.literals {
		return ra.literals > rb.literals
	}
	if ra.stage != rb.stage {
		return ra.stage > rb.stage
	}
	return ra.order < rb.order
}

// classifyBuiltin picks the best built-in match. Matches inside a mask (a rule with neither stage
// nor signal, such as "to be delivered") do not count. A signal rule that does not say where the
// parcel is (returned, damaged_lost: Stage 0 in the table) takes its stage from the best other
// match that does not overlap it ("Item being returned to sender. Incorrect address." is at the
// door: 10), else from clsSignalStage. Overlapping matches are skipped so that "Delivered back to
// sender" does not borrow stage 11 from its own word "delivered".
func (x *clsIndex) classifyBuiltin(norm []byte, toks []clsTok) (Stage, Signal) {
	var list [32]clsMatch
	ms := x.matches(list[:0], norm, toks)
	var best clsMatch
	found := false
	for _, m := range ms {
		if x.rules[m.rule].isMask() || x.masked(ms, m) {
			continue
		}
		if !found || x.better(m, best) {
			best, found = m, true
		}
	}
	if !found {
		return StageUnknown, SignalNone
	}
	r := &x.rules[best.rule]
	if r.stage != StageUnknown {
		return r.stage, r.signal
	}
	var where clsMatch
	located := false
	for _, m := range ms {
		if x.rules[m.rule].stage == StageUnknown || x.masked(ms, m) || (m.start < best.end && best.start < m.end) {
			continue
		}
		if !located || x.better(m, where) {
			where, located = m, true
		}
	}
	if located {
		return x.rules[where.rule].stage, r.signal
	}
	return clsSignalStage(r.signal), r.signal
}

// isMask reports whether the rule only hides the words it covers from other rules.
func (r *clsRule) isMask() bool { return r.stage == StageUnknown && r.signal == SignalNone }

// masked reports whether m lies inside a mask match of ms.
func (x *clsIndex) masked(ms []clsMatch, m clsMatch) bool {
	for _, k := range ms {
		if k != m && x.rules[k.rule].isMask() && k.start <= m.start && m.end <= k.end {
			return true
		}
	}
	return false
}

// classifySeller returns the seller rule with the longest pattern matching the text. Between
// patterns of one length the smaller string wins, not the one listed first: the store loads
// rules in no particular order, and importing a file twice must classify it the same way.
func (x *clsIndex) classifySeller(norm []byte, toks []clsTok) (Stage, Signal, bool) {
	var best clsMatch
	found := false
	x.each(norm, toks, func(m clsMatch) bool {
		if !found {
			best, found = m, true
			return true
		}
		a, b := &x.rules[m.rule], &x.rules[best.rule]
		if a.prio != b.prio {
			if a.prio > b.prio {
				best = m
			}
		} else if a.pattern != b.pattern {
			if a.pattern < b.pattern {
				best = m
			}
		} else if a.order < b.order {
			best = m
		}
		return true
	})
	if !found {
		return StageUnknown, SignalNone, false
	}
	r := &x.rules[best.rule]
	return r.stage, r.signal, true
}

// clsCompileSeller compiles seller rules, or returns nil when none is usable. Their patterns are
// plain normal forms matched as whole words, so "*" or "{" in them mean nothing special.
func clsCompileSeller(rules []Rule) *clsIndex {
	x := clsNewIndex()
	for i, r := range rules {
		sig := r.Signal
		if sig == "" {
			sig = SignalNone
		}
		if !r.Stage.Valid() || !sig.Valid() {
			continue
		}
		norm := clsAppendNormal(nil, r.Pattern)
		toks := clsTokenize(nil, norm)
		if len(toks) == 0 {
			continue
		}
		elems := make([]clsElem, len(toks))
		for k, t := range toks {
			elems[k] = clsElem{kind: clsWord, word: string(norm[t.s:t.e])}
		}
		x.add(clsRule{stage: r.Stage, signal: sig, prio: len(norm), literals: len(toks), order: i,
			pattern: string(norm)}, elems)
	}
	if len(x.rules) == 0 {
		return nil
	}
	return x
}

// clsCompileBuiltins compiles the built-in table. A malformed pattern panics: the table is part
// of the program, so the panic comes at package initialisation and fails every test run.
func clsCompileBuiltins(table []clsTableRule) *clsIndex {
	x := clsNewIndex()
	for order, tr := range table {
		if !tr.signal.Valid() || tr.stage != StageUnknown && !tr.stage.Valid() {
			panic("tracking: classifier rule with a bad stage or signal: " + tr.pattern)
		}
		prio := tr.prio
		if prio == 0 {
			prio = clsSignalPrio[tr.signal]
		}
		seen := map[string]bool{}
		for _, variant := range clsExpand(tr.pattern, nil) {
			elems, key := clsParsePattern(variant, tr.pattern)
			if seen[key] {
				continue
			}
			seen[key] = true
			lit := 0
			for _, e := range elems {
				if e.kind == clsWord || e.kind == clsPrefix {
					lit++
				}
			}
			x.add(clsRule{stage: tr.stage, signal: tr.signal, prio: prio, literals: lit, order: order,
				pattern: tr.pattern}, elems)
		}
	}
	return x
}

// clsExpand expands the alternatives of a pattern: "{a|b} c" is "a c" and "b c"; an empty
// alternative makes a word optional.
func clsExpand(p string, out []string) []string {
	i := strings.IndexByte(p, '{')
	if i < 0 {
		return append(out, p)
	}
	j := strings.IndexByte(p[i:], '}')
	if j < 0 {
		panic("tracking: classifier pattern with an unclosed {: " + p)
	}
	for _, alt := range strings.Split(p[i+1:i+j], "|") {
		out = clsExpand(p[:i]+alt+p[i+j+1:], out)
	}
	if len(out) > 4096 {
		panic("tracking: classifier pattern expands too far: " + p)
	}
	return out
}

// clsParsePattern compiles one expanded pattern: words are folded and split exactly like status
// text (so "pick-up" is two words and "已签收" three), "..." is a gap, "*" one word, and a word
// ending in "*" a prefix.
func clsParsePattern(s, orig string) ([]clsElem, string) {
	var elems []clsElem
	for _, f := range strings.Fields(s) {
		switch {
		case f == "...":
			if len(elems) == 0 || elems[len(elems)-1].kind == clsGap {
				panic("tracking: classifier pattern with a misplaced ...: " + orig)
			}
			elems = append(elems, clsElem{kind: clsGap})
		case f == "*":
			elems = append(elems, clsElem{kind: clsAny})
		default:
			prefix := strings.HasSuffix(f, "*")
			norm := clsAppendFold(nil, strings.TrimSuffix(f, "*"), true)
			toks := clsTokenize(nil, norm)
			if len(toks) == 0 || prefix && len(toks) != 1 {
				panic("tracking: classifier pattern with a bad word " + f + ": " + orig)
			}
			for _, t := range toks {
				kind := clsWord
				if prefix {
					kind = clsPrefix
				}
				elems = append(elems, clsElem{kind: kind, word: string(norm[t.s:t.e])})
			}
		}
	}
	if len(elems) == 0 || elems[len(elems)-1].kind == clsGap || elems[len(elems)-1].kind == clsAny {
		panic("tracking: classifier pattern that is empty or ends in a wildcard: " + orig)
	}
	var key strings.Builder
	for _, e := range elems {
		key.WriteByte(byte('0' + e.kind))
		key.WriteString(e.word)
		key.WriteByte(' ')
	}
	return elems, key.String()
}
