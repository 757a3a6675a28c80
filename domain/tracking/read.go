package tracking

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// clsReading is what the built-in rules read in one text: the text rewritten into concepts, the
// rules that matched, and the stage and signal chosen from them. It lives on the stack of
// ClassifyEvent; Explain keeps it to say why.
type clsReading struct {
	cbuf  [512]byte
	ctok  [64]clsTok
	cfrom [64]clsTok // for each concept token, the bytes [s, e) of the normal form it stands for
	wtok  [64]clsTok // the words of the normal form the lexicon reads: all but the meaningless
	mbuf  [64]clsMatch
	cnt   [64]bool // counts(i), worked out once per match
	neg   [64]int8 // negation(i), likewise

	text    []byte     // the rewritten text: concepts (upper case) and the words the lexicon does not know
	toks    []clsTok   // its tokens
	from    []clsTok   // the bytes of the normal form each token stands for
	matches []clsMatch // the rules that matched, before choosing

	best      int // index into matches of the chosen rule, or -1
	where     int // index of the match the signal took its stage from, or -1
	negated   int // index of a match set aside after a negation or a future, or -1
	stage     Stage
	signal    Signal
	lastMile  bool
	firstMile bool
	thin      bool  // negated is a weak reading, not a negated one
	guess     bool  // negated is the reading of an unsure rule (rules.go), not a negated one
	rival     int   // index of a match on other words that puts the parcel elsewhere, or -1
	held      Stage // with rival: the stage and signal the rules chose, offered as the suggestion
	heldSig   Signal
}

// read rewrites the normal form into concepts and chooses the stage and signal its rules give.
func (r *clsReading) read(norm []byte, toks []clsTok, side Side) {
	r.lastMile, r.firstMile = side == SideLastMile, side == SideFirstMile
	r.rewrite(norm, toks)
	r.matches = clsRules.matches(r.mbuf[:0], r.text, r.toks)
	for i := range r.matches {
		r.cnt[i] = r.counts(i)
	}
	for i := range r.matches {
		r.neg[i] = int8(r.negation(i)) // #nosec G115 -- three values
	}
	r.choose()
	r.rival = -1
	if r.best >= 0 {
		if r.rival = r.rivalOf(r.best); r.rival >= 0 {
			r.negated, r.best = r.best, -1 // two readings that disagree: a suggestion, not an answer
			r.held, r.heldSig = r.stage, r.signal
			r.stage, r.signal = StageUnknown, SignalNone
		}
	}
}

// rivalOf returns a match, on words the chosen match i does not use, whose stage is at least two
// stages from the one chosen, or -1: "arrived at the final airport (the flight has landed)" reads
// as an arrival at an airport (4) and as a flight landed (7). A text that reads two such ways is
// left unmapped with the chosen reading as a suggestion: wrong is worse than unmapped.
// Decided on batch 12 before any tuning for it (testdata/corpus/BATCHES.md): it cut that batch's
// wrong stages by 6 for 5 right ones. A return, a loss or a rollback moves the parcel back by
// nature, so a facility it names beside it is no rival; nor is an arrival in the destination
// country (7) beside a later stage, which follows it: "Receive item at delivery office (Inb)".
// On the corpus that made 11 texts right and 2 wrong.
func (r *clsReading) rivalOf(i int) int {
	switch r.signal {
	case SignalReturned, SignalDamagedLost, SignalRollback:
		return -1
	}
	x := clsRules
	for k := range r.matches {
		rk := &x.rules[r.matches[k].rule]
		if k == i || k == r.where || rk.stage == StageUnknown || rk.isMask() || !r.cnt[k] || rk.firstMile ||
			r.negatedAt(k) || r.subsumed(k) || r.matches[k].overlaps(r.matches[i]) {
			continue
		}
		if rk.stage == StageArrivedDestination && r.stage > rk.stage {
			continue
		}
		if d := int(rk.stage) - int(r.stage); d >= 2 || d <= -2 {
			return k
		}
	}
	return -1
}

// rewrite replaces each run of words the lexicon knows by its concepts, the longest run first,
// keeps the other words as they are, and leaves out the words that carry no meaning.
func (r *clsReading) rewrite(norm []byte, all []clsTok) {
	r.text, r.toks, r.from = r.cbuf[:0], r.ctok[:0], r.cfrom[:0]
	toks := r.wtok[:0]
	for _, t := range all {
		if !clsDropWords[string(norm[t.s:t.e])] {
			toks = append(toks, t)
		}
	}
	for i := 0; i < len(toks); {
		if i > 0 && clsBreaks(norm[toks[i-1].e:toks[i].s]) && len(r.toks) > 0 &&
			string(r.text[r.toks[len(r.toks)-1].s:r.toks[len(r.toks)-1].e]) != "BREAK" {
			r.emit([]byte("BREAK"), clsTok{toks[i-1].e, toks[i].s})
		}
		best, found := clsMatch{}, false
		clsLexicon.eachAt(norm, toks, i, func(m clsMatch) bool {
			if !found || clsLexicon.longer(m, best) {
				best, found = m, true
			}
			return true
		})
		if !found {
			r.emit(norm[toks[i].s:toks[i].e], toks[i])
			i++
			continue
		}
		span := clsTok{toks[best.start].s, toks[best.end-1].e}
		if best.end-best.start == 1 && clsInsideHangulWord(norm, span) {
			r.emit(norm[span.s:span.e], toks[i]) // 안 in 천안 (a city) or 미 in 의미 (meaning) is no "not"
			i++
			continue
		}
		if string(norm[span.s:span.e]) == "no" && r.placeAt(norm, toks, i+1) {
			i++ // Portuguese "no" ("in the"): "recebido no armazém" is no negation
			continue
		}
		for _, c := range clsLexicon.rules[best.rule].concepts {
			r.emit([]byte(c), span)
		}
		i = int(best.end)
	}
}

// clsInsideHangulWord reports whether the token t is one Hangul syllable that follows another
// without a space: the lexicon's one-syllable Korean words (안, 못, 미: not) stand at a word's start.
func clsInsideHangulWord(norm []byte, t clsTok) bool {
	r, n := utf8.DecodeRune(norm[t.s:t.e])
	if n != int(t.e-t.s) || !unicode.Is(unicode.Hangul, r) {
		return false
	}
	prev, _ := utf8.DecodeLastRune(norm[:t.s])
	return unicode.Is(unicode.Hangul, prev)
}

// placeAt reports whether the lexicon reads a place at word i: the longest match there starts with
// one of clsPlaces.
func (r *clsReading) placeAt(norm []byte, toks []clsTok, i int) bool {
	if i >= len(toks) {
		return false
	}
	best, found := clsMatch{}, false
	clsLexicon.eachAt(norm, toks, i, func(m clsMatch) bool {
		if !found || clsLexicon.longer(m, best) {
			best, found = m, true
		}
		return true
	})
	return found && clsPlaces[clsLexicon.rules[best.rule].concepts[0]]
}

// clsPlaces are the concepts that name where a parcel is (lexicon.go's places).
var clsPlaces = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields(`FACILITY WAREHOUSE DEPOT POSTOFFICE PICKUPPOINT LOCKER NEIGHBOR
		DOORSTEP RECEPTION ORIGIN DEST COUNTRY ABROAD INTL EXCHANGE OUTWARD INWARD AIRPORT FLIGHT
		LINEHAUL CUSTOMS EXPORT IMPORT CARRIER DRIVER LOCAL TRANSITHUB GATEWAY ORIGINNAME DESTNAME
		FIRSTMILE LASTMILE SORT ADDRESS`) {
		m[c] = true
	}
	return m
}()

// clsBreaks reports whether the bytes between two words end a clause: a full stop, comma, colon,
// semicolon, question or exclamation mark, or a dash between spaces. A negation does not reach past
// it ("Closed - delivery not made" negates the delivery, not the closing).
func clsBreaks(b []byte) bool {
	for i, c := range b {
		switch c {
		case '.', ',', ';', ':', '!', '?', '|':
			return true
		case '-':
			if i > 0 && b[i-1] == ' ' {
				return true
			}
		}
	}
	return false
}

// emit appends one token of the rewritten text, standing for the bytes from of the normal form.
func (r *clsReading) emit(w []byte, from clsTok) {
	if len(r.text) > 0 {
		r.text = append(r.text, ' ')
	}
	start := len(r.text)
	r.text = append(r.text, w...)
	r.toks = append(r.toks, clsSpan(start, len(r.text)))
	r.from = append(r.from, from)
}

// longer reports whether lexicon match a should be preferred to b at one place: more words, then
// a whole status, then more exact words (a stem is a guess), then the earlier entry.
func (x *clsIndex) longer(a, b clsMatch) bool {
	if a.end != b.end {
		return a.end > b.end
	}
	ra, rb := &x.rules[a.rule], &x.rules[b.rule]
	if wa, wb := ra.start && ra.end, rb.start && rb.end; wa != wb {
		return wa // a whole status ("Processing", a store's) over the same word in a sentence
	}
	if ra.exact != rb.exact {
		return ra.exact > rb.exact
	}
	return ra.order < rb.order
}

// choose picks the match that says the most about where the parcel is (the order is stated in
// rules.go) and the stage and signal it gives.
func (r *clsReading) choose() {
	r.best, r.where, r.negated, r.thin, r.guess = -1, -1, -1, false, false
	r.stage, r.signal = StageUnknown, SignalNone
	x := clsRules
	if r.has("NOSTAGE") {
		return // "invalid tracking number", "cancelled": whatever else the text says
	}
	for i := range r.matches {
		if !r.cnt[i] || x.rules[r.matches[i].rule].isMask() {
			continue
		}
		if r.negatedAt(i) {
			if r.negated < 0 || r.better(i, r.negated) {
				r.negated = i
			}
			continue
		}
		if r.subsumed(i) {
			continue
		}
		if r.best < 0 || r.better(i, r.best) {
			r.best = i
		}
	}
	if r.best < 0 {
		return
	}
	if r.weak(r.best) {
		r.negated, r.best, r.thin = r.best, -1, true // said, but not said clearly enough: a suggestion
		return
	}
	br := &x.rules[r.matches[r.best].rule]
	if br.guess {
		if unknown, _ := r.words(); unknown > 0 {
			r.negated, r.best, r.guess = r.best, -1, true // a doubtful reading of a text not all understood
			return
		}
	}
	r.stage, r.signal = br.stage, br.signal
	if br.stage != StageUnknown {
		return
	}
	// A signal that does not say where: the stage of the best other match that shares no word
	// and says where in more than one concept (or carries a signal of its own).
	for i := range r.matches {
		ri := &x.rules[r.matches[i].rule]
		if ri.stage == StageUnknown || !r.cnt[i] || r.negatedAt(i) || r.subsumed(i) ||
			r.matches[i].overlaps(r.matches[r.best]) || ri.lastMile || ri.firstMile || ri.stage < StageExportCustoms &&
			(ri.named() < 2 || br.signal == SignalReturned || br.signal == SignalDamagedLost) {
			continue // a lone generic word ("processed"), or an origin facility, does not place a return
		}
		if r.where < 0 || r.furtherStage(i, r.where) {
			r.where = i
		}
	}
	if r.where >= 0 {
		r.stage = x.rules[r.matches[r.where].rule].stage
	} else {
		r.stage = clsSignalStage(br.signal)
	}
	if r.signal == SignalReturned && r.stage == StageDelivered {
		r.stage = StageOutForDelivery // delivered back to its sender: never delivered
	}
}

// weak reports whether match i is too thin a reading of its text to be trusted: a rule that names
// one concept, in a text where most words are unknown to the lexicon ("Tour exception", a
// sentence in a language the lexicon barely knows). Measured on the corpus, leaving those
// unmapped (with the reading as a suggestion) cut wrong stages by a fifth for a tenth as many
// right ones lost; wrong is worse than unmapped.
func (r *clsReading) weak(i int) bool {
	ru := &clsRules.rules[r.matches[i].rule]
	if ru.named() >= 2 {
		return false
	}
	unknown, total := r.words()
	return total >= 2 && 2*unknown > total
}

// words counts the words of the rewritten text that say something, and how many of them the
// lexicon does not know. The reading has its places cut ("[Shenzhen] Departed from sorting center"
// is not weak for its city), and a run of unknown words counts once, so a Chinese phrase (one
// token per character) weighs like a word.
func (r *clsReading) words() (unknown, total int) {
	inRun := false
	for _, t := range r.toks {
		word := r.text[t.s:t.e]
		switch string(word) {
		case "BREAK", "ITEM", "TO", "FROM", "BY", "NOTE": // say nothing of what happened
			inRun = false
			continue
		}
		switch {
		case clsIsConcept(string(word)) || clsAllDigits(word):
			total++
			inRun = false
		case !inRun:
			total++
			unknown++
			inRun = true
		}
	}
	return unknown, total
}

// counts reports whether match i takes part at all: a last-mile (first-mile) rule only counts for a last-mile (first-mile)
// carrier, and a match inside a mask that names more (or covers more) does not count.
func (r *clsReading) counts(i int) bool {
	x := clsRules
	m := r.matches[i]
	ri := &x.rules[m.rule]
	if ri.lastMile && !r.lastMile || ri.firstMile && !r.firstMile {
		return false
	}
	for _, c := range ri.unless {
		if r.has(c) {
			return false
		}
	}
	for k, mk := range r.matches {
		rk := &x.rules[mk.rule]
		if k == i || !rk.isMask() || ri.isMask() || !mk.covers(m) {
			continue
		}
		if mk.end-mk.start > m.end-m.start || rk.literals > ri.literals {
			return false
		}
	}
	return true
}

// has reports whether the rewritten text holds the concept c.
func (r *clsReading) has(c string) bool {
	for _, t := range r.toks {
		if string(r.text[t.s:t.e]) == c {
			return true
		}
	}
	return false
}

// subsumed reports whether all the words match i names are named by a counting match that names
// more: the longer reading of the same words wins, even when a negation or a future before it makes it
// count for nothing ("will be presented for customs review" claims its "customs" for the future
// it is in). A match with a negation inside it, between the words it names, is no reading at all
// and claims nothing.
func (r *clsReading) subsumed(i int) bool {
	x := clsRules
	m := r.matches[i]
	lits := x.rules[m.rule].literals
	for k, mk := range r.matches {
		if k == i || mk.words&m.words != m.words || x.rules[mk.rule].literals <= lits || x.rules[mk.rule].isMask() {
			continue
		}
		if r.cnt[k] && r.neg[k] != clsNegatedInside {
			return true
		}
	}
	return false
}

// Where a negation or future stands against a match.
const (
	clsNotNegated = iota
	clsNegatedBefore
	clsNegatedInside
)

// negatedAt reports whether match i is negated, before or inside.
func (r *clsReading) negatedAt(i int) bool { return r.neg[i] != clsNotNegated }

// negation says whether a negation or a future that match i's rule does not name itself comes
// right before the match, or inside it between the words it names: "not yet departed from the
// origin country" is not a departure, nor is "arrived, and will be presented to customs" a customs
// event. Before the match, up to two words the lexicon does not know (or ITEM) may stand between
// ("not yet", "may the item be"); another concept ends the negation's reach ("not delivered,
// address incomplete" negates the delivery, not the address).
func (r *clsReading) negation(i int) int {
	m := r.matches[i]
	if clsRules.rules[m.rule].modal {
		return clsNotNegated
	}
	modal := func(k int) bool {
		w := r.text[r.toks[k].s:r.toks[k].e]
		return string(w) == "NOT" || string(w) == "FUTURE" || string(w) == "MAYBE"
	}
	for k := int(m.start) + 1; k < int(m.end); k++ {
		if k < 64 && m.words&(1<<k) == 0 && modal(k) {
			return clsNegatedInside
		}
	}
	for k, skipped := int(m.start)-1, 0; k >= 0 && skipped <= 2; k-- {
		w := string(r.text[r.toks[k].s:r.toks[k].e])
		switch {
		case modal(k):
			return clsNegatedBefore
		case clsIsConcept(w) && w != "ITEM": // BREAK too
			return clsNotNegated
		}
		skipped++
	}
	return clsNotNegated
}

// better reports whether match a should win over b: the higher priority (an actionable signal
// beats a plain stage), then the further stage, then the longer rule, then the earlier.
func (r *clsReading) better(a, b int) bool {
	ra, rb := &clsRules.rules[r.matches[a].rule], &clsRules.rules[r.matches[b].rule]
	if ra.prio != rb.prio {
		return ra.prio > rb.prio
	}
	return r.furtherStage(a, b)
}

// furtherStage orders matches by stage, then length, then table order.
func (r *clsReading) furtherStage(a, b int) bool {
	ra, rb := &clsRules.rules[r.matches[a].rule], &clsRules.rules[r.matches[b].rule]
	if ra.stage != rb.stage {
		return ra.stage > rb.stage
	}
	if ra.literals != rb.literals {
		return ra.literals > rb.literals
	}
	return ra.order < rb.order
}

// named is how many words or concepts the rule names, without the bonus a last-mile rule gets.
func (r *clsRule) named() int {
	if r.lastMile || r.firstMile {
		return r.literals - 1
	}
	return r.literals
}

// isMask reports whether the rule only hides the words it covers from other rules.
func (r *clsRule) isMask() bool { return r.stage == StageUnknown && r.signal == SignalNone }

// Explanation is why an event got its stage and signal, for `portal classify --explain`, the
// unmapped statuses page and the shipment timeline.
type Explanation struct {
	Stage  Stage
	Signal Signal
	// By says what decided: "code", "stage", "seller rule", "rule", or "" when unmapped.
	By string
	// Concepts is the text as the rules read it: concepts in capitals, unknown words as they are.
	Concepts string
	// Reason is one line a seller can read: "saiu = DEPART, país de origem = ORIGIN COUNTRY; DEPART
	// ... ORIGIN → 6 Departure at Origin Country".
	Reason string
	// Suggestion is offered when the event is unmapped and something can be guessed.
	Suggestion *Suggestion
}

// Suggestion is a stage and signal offered for an unmapped text, for the seller to accept or not.
type Suggestion struct {
	Stage      Stage
	Signal     Signal
	Confidence float64 // 0..1
	Why        string
	// Guess marks a suggestion of the statistical model (model.go), or of an unsure rule
	// (rules.go): on carriers it has not seen it is right only about half the time, so it may
	// preselect a choice for the seller but is never accepted in bulk.
	Guess bool
}

// Explain classifies an event as ClassifyEvent does and says why. For an unmapped text it offers
// a suggestion when it has one: the reading a negation or future set aside, else the statistical
// model's guess (model.go). It allocates; it is for people, not for the import.
func (c *Classifier) Explain(e Event) Explanation {
	if e.Code != "" {
		if st, sg, ok := ClassifyCode(e.Code); ok {
			return Explanation{Stage: st, Signal: sg, By: "code",
				Reason: fmt.Sprintf("status code %s → %s", strings.TrimSpace(e.Code), clsStageSignal(st, sg))}
		}
	}
	if st, ok := clsStageCell(e.Text); ok {
		return Explanation{Stage: st, Signal: SignalNone, By: "stage",
			Reason: fmt.Sprintf("the text names the stage → %s", clsStageSignal(st, SignalNone))}
	}
	if c != nil && c.seller != nil {
		norm := clsAppendNormal(nil, e.Text)
		if st, sg, ok := c.seller.classifySeller(norm, clsTokenize(nil, norm)); ok {
			return Explanation{Stage: st, Signal: sg, By: "seller rule",
				Reason: fmt.Sprintf("your rule → %s", clsStageSignal(st, sg))}
		}
	}
	if st, sg, ok := clsTextCode(e.Text); ok {
		return Explanation{Stage: st, Signal: sg, By: "code",
			Reason: fmt.Sprintf("the text is status code %s → %s", strings.TrimSpace(e.Text), clsStageSignal(st, sg))}
	}
	norm := clsAppendReadable(nil, e.Text)
	toks := clsTokenize(nil, norm)
	if len(toks) == 0 {
		return Explanation{Reason: "no words"}
	}
	r := new(clsReading)
	side := CarrierSide(e.Carrier)
	r.read(norm, toks, side)
	ex := Explanation{Stage: r.stage, Signal: r.signal, Concepts: string(r.text)}
	if r.best >= 0 {
		ex.By = "rule"
		ex.Reason = r.reason(norm, r.best)
		if r.where >= 0 {
			ex.Reason += fmt.Sprintf("; where: %s", clsRules.rules[r.matches[r.where].rule].pattern)
		}
		switch br := &clsRules.rules[r.matches[r.best].rule]; {
		case br.lastMile:
			ex.Reason += "; a last-mile carrier printed it"
		case br.firstMile:
			ex.Reason += "; a first-mile carrier printed it"
		}
		return ex
	}
	ex.Reason = "no rule reads a stage in this text"
	if r.negated < 0 {
		if st, sg, p, ok := clsTheModel().suggest(e.Text); ok && p >= clsModelSuggestMin {
			ex.Suggestion = &Suggestion{Stage: st, Signal: sg, Confidence: p, Guess: true,
				Why: "a guess: texts with these words in the carrier texts the desk learned from mostly mean this"}
		}
		return ex
	}
	nr := &clsRules.rules[r.matches[r.negated].rule]
	st := nr.stage
	if st == StageUnknown {
		st = clsSignalStage(nr.signal)
	}
	if r.rival >= 0 {
		ex.Reason = "the text reads two ways: " + r.reason(norm, r.negated) + ", and " + r.reason(norm, r.rival)
		ex.Suggestion = &Suggestion{Stage: r.held, Signal: r.heldSig, Confidence: 0.5,
			Why: "the reading the rules rank first: " + nr.pattern}
		return ex
	}
	ex.Reason = "a negation or a future comes before " + r.reason(norm, r.negated)
	ex.Suggestion = &Suggestion{Stage: st, Signal: nr.signal, Confidence: 0.3,
		Why: "if the negation or future does not matter here: " + nr.pattern}
	switch {
	case r.thin:
		ex.Reason = "most of the text is unknown to the desk; it only read " + r.reason(norm, r.negated)
		ex.Suggestion.Confidence, ex.Suggestion.Why = 0.6, "the one part it knows: "+nr.pattern
	case r.guess:
		ex.Reason = "the desk only read " + r.reason(norm, r.negated) + ", which is as often wrong as right on carrier texts it has not seen"
		ex.Suggestion.Confidence, ex.Suggestion.Guess = 0.5, true
		ex.Suggestion.Why = "a guess: the one reading it has, " + nr.pattern
	}
	return ex
}

// reason says which words stood for which concepts in match i, and where the rule puts them.
func (r *clsReading) reason(norm []byte, i int) string {
	m := r.matches[i]
	var parts []string
	seen := -1
	for k := m.start; k < m.end; k++ {
		f := r.from[k]
		c := string(r.text[r.toks[k].s:r.toks[k].e])
		if !clsIsConcept(c) || int(f.s) == seen {
			continue
		}
		seen = int(f.s)
		words := string(norm[f.s:f.e])
		concepts := c
		for j := k + 1; j < m.end && r.from[j] == f; j++ {
			concepts += " " + string(r.text[r.toks[j].s:r.toks[j].e])
		}
		parts = append(parts, words+" = "+concepts)
	}
	ru := &clsRules.rules[m.rule]
	st, sg := ru.stage, ru.signal
	if i == r.best {
		st, sg = r.stage, r.signal
	}
	return fmt.Sprintf("%s; %s → %s", strings.Join(parts, ", "), ru.pattern, clsStageSignal(st, sg))
}

// clsStageSignal names a stage and signal for a reason: "6 Departure at Origin Country" or
// "10 Out for Delivery, attempt_failed".
func clsStageSignal(st Stage, sg Signal) string {
	s := fmt.Sprintf("%d %s", int(st), st.Label())
	if sg != SignalNone && sg != "" {
		s += ", " + string(sg)
	}
	return s
}
