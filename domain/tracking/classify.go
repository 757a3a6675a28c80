package tracking

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// Rule is a seller's own mapping of status text to a stage and signal. Pattern is matched against
// NormalizeStatus(text).
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
// goroutines; the lexicon and the built-in rules are compiled once, when the package is
// initialised, and shared by every Classifier. The zero Classifier (and a nil *Classifier) has the
// built-in rules alone.
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

// clsReadings recycles the working space of a reading (a few KiB of buffers, too large for the
// stack once methods keep slices into them), so classifying allocates nothing.
var clsReadings = sync.Pool{New: func() any { return new(clsReading) }}

// Event is what an event row tells the classifier: its status text, its status code when the file
// has one (a UPU event code, a Cainiao action code, an AfterShip or 17TRACK sub-status), and the
// carrier that printed it.
type Event struct {
	Text    string
	Code    string
	Carrier string
}

// Classify returns the stage and signal a status text means, or (StageUnknown, SignalNone) when
// it cannot tell. Every text it can read gets a canonical stage (1..11), so StageUnknown means
// exactly "unmapped": the page where the seller maps texts lists those. It is ClassifyEvent of
// the text alone.
func (c *Classifier) Classify(text string) (Stage, Signal) {
	return c.ClassifyEvent(Event{Text: text})
}

// ClassifyEvent returns the stage and signal an event means, or (StageUnknown, SignalNone).
//
// Order of precedence:
//  1. a status code the built-in code tables know (codes.go), in the code column: codes are exact
//     where text is not;
//  2. a canonical stage written in the text as key, label or number ("export_customs", "5"),
//     with SignalNone;
//  3. the seller's rules, the longest matching pattern first;
//  4. a status text that is itself a code the tables know ("LH_DEPART"): after the seller's rules,
//     since a text only looks like a code and one system's code can be another's word ("PickUp"),
//     so a seller who maps the text has the last word;
//  5. the built-in rules, read from the concepts of the text (rules.go), with the carrier as
//     context: a facility scan or a "moving on" printed by a last-mile carrier is after customs.
//
// It runs once per distinct text of an import, so it works in fixed stack buffers and allocates
// nothing for the status texts carriers actually print.
func (c *Classifier) ClassifyEvent(e Event) (Stage, Signal) {
	if e.Code != "" {
		if st, sg, ok := ClassifyCode(e.Code); ok {
			return st, sg
		}
	}
	if st, ok := clsStageCell(e.Text); ok {
		return st, SignalNone
	}
	var nbuf [256]byte
	var tbuf [64]clsTok
	if c != nil && c.seller != nil {
		norm := clsAppendNormal(nbuf[:0], e.Text)
		if st, sg, ok := c.seller.classifySeller(norm, clsTokenize(tbuf[:0], norm)); ok {
			return st, sg
		}
	}
	if st, sg, ok := clsTextCode(e.Text); ok {
		return st, sg
	}
	text := clsAppendReadable(nbuf[:0], e.Text)
	toks := clsTokenize(tbuf[:0], text)
	if len(toks) == 0 {
		return StageUnknown, SignalNone
	}
	r := clsReadings.Get().(*clsReading)
	defer clsReadings.Put(r)
	r.read(text, toks, CarrierSide(e.Carrier))
	return r.stage, r.signal
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

// clsTextCode reads a status text that is itself a status code the tables know ("CC_EX_START" in
// the status column of an export that has no code column).
func clsTextCode(text string) (Stage, Signal, bool) {
	t := strings.TrimSpace(text)
	if !clsLooksLikeCode(t) {
		return StageUnknown, SignalNone, false
	}
	c, ok := clsLookupCode(t)
	if !ok || !clsLooksLikeCode(c.code) {
		return StageUnknown, SignalNone, false // "PickUp" is not TrackingMore's plain-word "pickup"
	}
	return c.stage, c.signal, true
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

// Side is the end of the route a carrier works: the first mile (the consolidators that carry an
// AliExpress parcel to the border: Cainiao, 4PX, Yanwen, …) or the last mile (the destination's
// post and couriers: USPS, Correios, PostNord, InPost, …). A bare move ("Arrived", "到件扫描")
// means a different stage at each end.
type Side int8

const (
	SideUnknown   Side = iota // an empty or unknown carrier: its texts are read without that context
	SideFirstMile             // before export: its facility scans and bare moves are 3
	SideLastMile              // after import customs: its facility scans and bare moves are 9
)

// CarrierSide returns the end of the route a carrier name belongs to, as the lexicon knows it
// (FIRSTMILE and LASTMILE). A name that reads as both is first-mile: "China Post" also names a
// post, and the consolidator is what the seller's file means.
func CarrierSide(carrier string) Side {
	if carrier == "" {
		return SideUnknown
	}
	var nbuf [128]byte
	norm := clsAppendFold(nbuf[:0], carrier, true)
	var tbuf [16]clsTok
	toks := clsTokenize(tbuf[:0], norm)
	r := clsReadings.Get().(*clsReading)
	defer clsReadings.Put(r)
	r.rewrite(norm, toks)
	side := SideUnknown
	for _, t := range r.toks {
		switch string(r.text[t.s:t.e]) {
		case "LASTMILE":
			side = SideLastMile
		case "FIRSTMILE":
			return SideFirstMile
		}
	}
	return side
}

// IsLastMile reports whether a carrier name is one of the destination carriers the lexicon knows
// and not a first-mile consolidator (CarrierSide).
func IsLastMile(carrier string) bool { return CarrierSide(carrier) == SideLastMile }

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
