package domain

import (
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
// by every Classifier.
type Classifier struct {
	seller  *clsIndex // nil when the seller has no usable rule
	builtin *clsIndex
}

// NewClassifier returns a classifier with the built-in rules and the seller's own rules. Seller
// rules whose Stage is not a canonical stage, whose Signal is unknown or whose Pattern has no
// word are ignored: a rule must say where the parcel is, and the store validates rules before
// saving them. An empty Signal means SignalNone.
func NewClassifier(sellerRules []Rule) *Classifier {
	c := &Classifier{builtin: clsBuiltin}
	if len(sellerRules) > 0 {
		c.seller = clsCompileSeller(sellerRules)
	}
	return c
}

// BuiltinClassifier returns the classifier with the built-in rules alone. It is what
// `portal classify` uses, and the one the labelled corpus is measured against.
func BuiltinClassifier() *Classifier { return clsBuiltinClassifier }

var clsBuiltinClassifier = &Classifier{builtin: clsBuiltin}

// Classify returns the stage and signal a status text means, or (StageUnknown, SignalNone) when
// nothing matches. Every text that matches gets a canonical stage (1..11), so StageUnknown means
// exactly "unmapped": the page where the seller maps texts lists those.
//
// Order of precedence:
//  1. a canonical stage written as key, label or number ("export_customs", "5"), with SignalNone;
//  2. the seller's rules, the longest matching pattern first;
//  3. the built-in rules (see classify_rules.go for how the best one is chosen).
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
	if c.seller != nil {
		if st, sg, ok := c.seller.classifySeller(norm, toks); ok {
			return st, sg
		}
	}
	if c.builtin == nil {
		return StageUnknown, SignalNone
	}
	return c.builtin.classifyBuiltin(norm, toks)
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
// It only calls ParseStage for cells that can be one, because ParseStage lower-cases (allocates)
// and most cells are carrier text.
func clsStageCell(text string) (Stage, bool) {
	t := strings.TrimSpace(text)
	if t == "" || len(t) > clsLongestStageForm {
		return StageUnknown, false
	}
	if c := t[0]; c >= '0' && c <= '9' || c == '+' || c == '-' {
		return ParseStage(t)
	}
	for _, st := range Stages {
		if strings.EqualFold(t, st.Key()) || strings.EqualFold(t, st.Label()) {
			return ParseStage(t)
		}
	}
	return StageUnknown, false
}

// clsLongestStageForm is the length of the longest stage key or label.
var clsLongestStageForm = func() int {
	n := 0
	for _, st := range Stages {
		n = max(n, len(st.Key()), len(st.Label()))
	}
	return n
}()

// ---- normal form ----

// clsAppendNormal appends the normal form of text to dst (see NormalizeStatus).
func clsAppendNormal(dst []byte, text string) []byte {
	return clsTrimPunct(dst, len(dst), clsAppendFold(dst, clsStripPlaces(text)))
}

// clsAppendFold appends s lower-cased and folded, with whitespace collapsed to single spaces.
func clsAppendFold(dst []byte, s string) []byte {
	space := true // drop leading space
	for i := 0; i < len(s); {
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
		case r == ' ' || r == '\t' || unicode.IsSpace(r) || unicode.Is(unicode.Cc, r):
			if !space {
				dst = append(dst, ' ')
				space = true
			}
			continue
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Cf, r):
			continue // combining accents (decomposed "é"), zero-width spaces, BOM
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		default:
			r, rep = clsFoldRune(r)
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

// clsFoldRune lower-cases and folds one non-ASCII rune. It returns the folded rune, or a
// replacement string when the fold is not one rune ("ß" → "ss", "…" → "...").
func clsFoldRune(r rune) (rune, string) {
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
	r = unicode.ToLower(r)
	if r >= 0xC0 && r < 0x250 {
		if s, ok := clsLatinFold[r]; ok {
			return 0, s
		}
	}
	return r, ""
}

// clsLatinFold maps accented Latin letters (after lower-casing) to plain ones. Folding rather
// than keeping accents makes "Entregado en oficina" and "Entregádo en oficína" one text, and lets
// a rule be written once for texts that lost their accents in some export.
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

// clsTrimPunct drops leading and trailing spaces and punctuation of b[from:]. Closing brackets
// stay at the end ("(inb)") and opening ones at the start ("[delivered] ..."), since they belong
// to the text; a trailing "." or " -" does not.
func clsTrimPunct(b []byte, from int, all []byte) []byte {
	s := all[from:]
	for len(s) > 0 {
		r, n := utf8.DecodeRune(s)
		if r != ' ' && !(unicode.IsPunct(r) && !unicode.In(r, unicode.Ps, unicode.Pi)) && !unicode.IsSymbol(r) {
			break
		}
		s = s[n:]
	}
	for len(s) > 0 {
		r, n := utf8.DecodeLastRune(s)
		if r != ' ' && !(unicode.IsPunct(r) && !unicode.In(r, unicode.Pe, unicode.Pf)) && !unicode.IsSymbol(r) {
			break
		}
		s = s[:len(s)-n]
	}
	n := copy(all[from:], s)
	return all[:from+n]
}

// ---- location prefixes and suffixes ----

// clsStripPlaces cuts location prefixes and suffixes off the raw text. It works on the raw text
// because capitals are the best evidence that "SHENZHEN" or "Madrid" is a place.
func clsStripPlaces(s string) string {
	s = clsTrimSeps(s)
	for n := 0; n < 4; n++ {
		t, ok := clsCutBracketPrefix(s)
		if !ok {
			t, ok = clsCutPlacePrefix(s)
		}
		if !ok {
			break
		}
		s = clsTrimSeps(t)
	}
	for n := 0; n < 4; n++ {
		t, ok := clsCutPlaceSuffix(s)
		if !ok {
			break
		}
		s = t
	}
	return s
}

// clsTrimSeps trims spaces and separators ("-", ":", ",", "|") from the start of s.
func clsTrimSeps(s string) string {
	return strings.TrimLeft(s, " \t\r\n\u00a0\u3000-–—:,;|·/")
}

var clsBrackets = [...][2]string{{"[", "]"}, {"【", "】"}, {"［", "］"}, {"〔", "〕"}, {"(", ")"}, {"（", "）"}}

// clsCutBracketPrefix cuts "[Shenzhen]" or "【深圳市】" off the start of s when what is inside
// carries no built-in rule ("[Delivered] ..." keeps its word) and something follows it.
func clsCutBracketPrefix(s string) (string, bool) {
	for _, br := range clsBrackets {
		if !strings.HasPrefix(s, br[0]) {
			continue
		}
		end := strings.Index(s[len(br[0]):], br[1])
		if end < 0 || end > 80 {
			return "", false
		}
		content := s[len(br[0]) : len(br[0])+end]
		rest := s[len(br[0])+end+len(br[1]):]
		if strings.TrimSpace(content) == "" || !clsHasLetter(rest) || clsCarriesRule(content) {
			return "", false
		}
		return rest, true
	}
	return "", false
}

// clsCutPlacePrefix cuts "SHENZHEN, CN - ", "Shenzhen - " or "BURNABY, " off the start of s.
// Before a dash or colon the place may be capitalised words; before a bare comma only capitals,
// because "Sorry, we missed you" and "Delivered, Front Door" start with capitalised words too.
func clsCutPlacePrefix(s string) (string, bool) {
	if i, n := clsFirstSep(s, clsDashSeps[:]); i > 0 && i <= 64 {
		if rest := s[i+n:]; clsIsPlace(s[:i], true) && clsHasLetter(rest) {
			return rest, true
		}
	}
	if i := strings.IndexByte(s, ','); i > 0 && i <= 64 {
		if rest := s[i+1:]; clsIsPlace(s[:i], false) && clsHasLetter(rest) {
			return rest, true
		}
	}
	return "", false
}

// clsCutPlaceSuffix cuts one trailing place ("- Madrid", ", CA 90009", " (HONG KONG)") off s.
func clsCutPlaceSuffix(s string) (string, bool) {
	s = strings.TrimRight(s, " \t\r\n\u00a0\u3000.")
	for _, br := range clsBrackets {
		if !strings.HasSuffix(s, br[1]) {
			continue
		}
		open := strings.LastIndex(s, br[0])
		if open <= 0 {
			return "", false
		}
		body := s[:open]
		if clsIsPlace(s[open+len(br[0]):len(s)-len(br[1])], true) && clsHasLetter(body) {
			return strings.TrimRight(body, " "), true
		}
		return "", false
	}
	i, n := clsLastSep(s)
	if i <= 0 {
		return "", false
	}
	body := s[:i]
	if clsIsPlace(s[i+n:], true) && clsHasLetter(body) {
		return body, true
	}
	return "", false
}

var clsDashSeps = [...]string{" - ", " – ", " — ", " | ", ": "}

// clsFirstSep returns the position and length of the first of seps in s, or -1.
func clsFirstSep(s string, seps []string) (int, int) {
	at, size := -1, 0
	for _, sep := range seps {
		if i := strings.Index(s, sep); i >= 0 && (at < 0 || i < at) {
			at, size = i, len(sep)
		}
	}
	return at, size
}

// clsLastSep returns the position and length of the last dash or comma separator in s, or -1.
func clsLastSep(s string) (int, int) {
	at, size := -1, 0
	for _, sep := range [...]string{" - ", " – ", " — ", " | ", ","} {
		if i := strings.LastIndex(s, sep); i > at {
			at, size = i, len(sep)
		}
	}
	return at, size
}

// clsIsPlace reports whether seg looks like a place name: words in capitals ("SHENZHEN", "CN",
// "LOS ANGELES"), postcodes, and with title set capitalised words ("Hong Kong"), and none of them
// a word the built-in rules use. Short capital codes ("CN", "CA", "IL") are allowed even when they
// spell a rule word ("AT"), because after a comma they are country and state codes.
func clsIsPlace(seg string, title bool) bool {
	seg = strings.TrimSpace(seg)
	if seg == "" || len(seg) > 64 {
		return false
	}
	words := 0
	for i := 0; i < len(seg); {
		var w string
		if w, i = clsNextWord(seg, i); w == "" {
			break
		}
		if clsAllDigits(w) {
			continue
		}
		switch {
		case clsIsCaps(w):
			if utf8.RuneCountInString(w) <= 2 {
				words++
				continue
			}
		case title && clsIsTitle(w):
		case words > 0 && clsPlaceConnectors[w]:
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

// clsNextWord returns the first word of s at or after byte i (a run of letters, digits and
// apostrophes) and the position after it; word is "" when there is none. A word holding a CJK
// letter is returned too, and is never a place: it has no capitals.
func clsNextWord(s string, i int) (word string, next int) {
	start := -1
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		isWord := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\''
		if isWord && start < 0 {
			start = i
		}
		if !isWord && start >= 0 {
			return s[start:i], i
		}
		i += n
	}
	if start >= 0 {
		return s[start:], len(s)
	}
	return "", len(s)
}

func clsAllDigits(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

// clsIsCaps reports whether w has a letter, only upper-case letters, and no CJK letter.
func clsIsCaps(w string) bool {
	letter := false
	for _, r := range w {
		if unicode.IsLower(r) || clsIsCJK(r) {
			return false
		}
		letter = letter || unicode.IsUpper(r)
	}
	return letter
}

// clsIsTitle reports whether w is one capital followed by lower-case letters or digits.
func clsIsTitle(w string) bool {
	for i, r := range w {
		if i == 0 {
			if !unicode.IsUpper(r) {
				return false
			}
			continue
		}
		if unicode.IsUpper(r) || clsIsCJK(r) {
			return false
		}
	}
	return true
}

func clsHasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// clsInVocab reports whether the raw word w, folded, is a word some built-in rule uses.
func clsInVocab(w string) bool {
	var buf [64]byte
	f := clsAppendFold(buf[:0], w)
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

// clsCarriesRule reports whether some built-in rule matches inside the raw text s.
func clsCarriesRule(s string) bool {
	var nbuf [128]byte
	norm := clsAppendFold(nbuf[:0], s)
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
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case clsIsCJK(r):
			if start >= 0 {
				dst = append(dst, clsTok{int32(start), int32(i)})
				start = -1
			}
			dst = append(dst, clsTok{int32(i), int32(i + n)})
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		default:
			if start >= 0 {
				dst = append(dst, clsTok{int32(start), int32(i)})
				start = -1
			}
		}
		i += n
	}
	if start >= 0 {
		dst = append(dst, clsTok{int32(start), int32(len(b))})
	}
	return dst
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

// clsRule is one compiled pattern. A table pattern with alternatives compiles to several
// clsRules that share order.
type clsRule struct {
	elems    []clsElem
	stage    Stage
	signal   Signal
	prio     int // built-in: the signal's weight or the rule's override; seller: pattern length
	literals int // words the pattern names: a longer phrase is more specific
	order    int // position in the table or in the seller's list
	pattern  string
}

// clsIndex holds compiled rules indexed by their first word, so that one pass over the tokens
// of a text only tries the rules that can start at each token.
type clsIndex struct {
	rules         []clsRule
	first         map[string][]int32
	prefixFirst   []int32
	vocab         map[string]struct{} // every word the rules name
	vocabPrefixes []string
}

// clsMatch is one rule matching tokens [start, end) of a text.
type clsMatch struct {
	rule       int32
	start, end int32
}

func (x *clsIndex) add(r clsRule) {
	i := int32(len(x.rules))
	x.rules = append(x.rules, r)
	switch e := r.elems[0]; e.kind {
	case clsWord:
		x.first[e.word] = append(x.first[e.word], i)
	case clsPrefix:
		x.prefixFirst = append(x.prefixFirst, i)
	default:
		panic("domain: classifier pattern starts with a wildcard: " + r.pattern)
	}
	for _, e := range r.elems {
		switch e.kind {
		case clsWord:
			x.vocab[e.word] = struct{}{}
		case clsPrefix:
			x.vocabPrefixes = append(x.vocabPrefixes, e.word)
		}
	}
}

// each calls f for every rule matching somewhere in the text, in token order, until f returns
// false.
func (x *clsIndex) each(norm []byte, toks []clsTok, f func(clsMatch) bool) {
	for i := range toks {
		for _, ri := range x.first[string(norm[toks[i].s:toks[i].e])] {
			if end := clsMatchElems(x.rules[ri].elems, norm, toks, i); end >= 0 {
				if !f(clsMatch{ri, int32(i), int32(end)}) {
					return
				}
			}
		}
		for _, ri := range x.prefixFirst {
			if end := clsMatchElems(x.rules[ri].elems, norm, toks, i); end >= 0 {
				if !f(clsMatch{ri, int32(i), int32(end)}) {
					return
				}
			}
		}
	}
}

// matches appends the matches to dst up to its capacity.
func (x *clsIndex) matches(dst []clsMatch, norm []byte, toks []clsTok) []clsMatch {
	x.each(norm, toks, func(m clsMatch) bool {
		dst = append(dst, m)
		return len(dst) < cap(dst)
	})
	return dst
}

// clsMatchElems matches elems against the tokens from i and returns the end of the match, or -1.
func clsMatchElems(elems []clsElem, norm []byte, toks []clsTok, i int) int {
	for k, e := range elems {
		if e.kind == clsGap {
			rest := elems[k+1:]
			for g := 0; g <= clsMaxGap && i+g < len(toks); g++ {
				if end := clsMatchElems(rest, norm, toks, i+g); end >= 0 {
					return end
				}
			}
			return -1
		}
		if i >= len(toks) {
			return -1
		}
		w := norm[toks[i].s:toks[i].e]
		switch e.kind {
		case clsWord:
			if string(w) != e.word {
				return -1
			}
		case clsPrefix:
			if len(w) < len(e.word) || string(w[:len(e.word)]) != e.word {
				return -1
			}
		}
		i++
	}
	return i
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

// classifySeller returns the seller rule with the longest pattern matching the text; between
// patterns of one length, the one listed first.
func (x *clsIndex) classifySeller(norm []byte, toks []clsTok) (Stage, Signal, bool) {
	var best clsMatch
	found := false
	x.each(norm, toks, func(m clsMatch) bool {
		if !found {
			best, found = m, true
			return true
		}
		a, b := &x.rules[m.rule], &x.rules[best.rule]
		if a.prio > b.prio || a.prio == b.prio && a.order < b.order {
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

// clsCompileSeller compiles seller rules: their patterns are plain normal forms, matched as
// whole words, so "*" or "{" in them mean nothing special.
func clsCompileSeller(rules []Rule) *clsIndex {
	x := &clsIndex{first: map[string][]int32{}, vocab: map[string]struct{}{}}
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
		x.add(clsRule{elems: elems, stage: r.Stage, signal: sig, prio: len(norm), literals: len(toks),
			order: i, pattern: string(norm)})
	}
	if len(x.rules) == 0 {
		return nil
	}
	return x
}

// clsCompileBuiltins compiles the built-in table. A malformed pattern panics: the table is part
// of the program, and TestClassifyBuiltinRules walks it.
func clsCompileBuiltins(table []clsTableRule) *clsIndex {
	x := &clsIndex{first: map[string][]int32{}, vocab: map[string]struct{}{}}
	for order, tr := range table {
		if !tr.signal.Valid() || tr.stage != StageUnknown && !tr.stage.Valid() {
			panic("domain: classifier rule with a bad stage or signal: " + tr.pattern)
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
			x.add(clsRule{elems: elems, stage: tr.stage, signal: tr.signal, prio: prio, literals: lit,
				order: order, pattern: tr.pattern})
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
		panic("domain: classifier pattern with an unclosed {: " + p)
	}
	for _, alt := range strings.Split(p[i+1:i+j], "|") {
		out = clsExpand(p[:i]+alt+p[i+j+1:], out)
	}
	if len(out) > 4096 {
		panic("domain: classifier pattern expands too far: " + p)
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
				panic("domain: classifier pattern with a misplaced ...: " + orig)
			}
			elems = append(elems, clsElem{kind: clsGap})
		case f == "*":
			elems = append(elems, clsElem{kind: clsAny})
		default:
			prefix := strings.HasSuffix(f, "*")
			norm := clsAppendFold(nil, strings.TrimSuffix(f, "*"))
			toks := clsTokenize(nil, norm)
			if len(toks) == 0 || prefix && len(toks) != 1 {
				panic("domain: classifier pattern with a bad word " + f + ": " + orig)
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
		panic("domain: classifier pattern that is empty or ends in a wildcard: " + orig)
	}
	var key strings.Builder
	for _, e := range elems {
		key.WriteByte(byte('0' + e.kind))
		key.WriteString(e.word)
		key.WriteByte(' ')
	}
	return elems, key.String()
}
