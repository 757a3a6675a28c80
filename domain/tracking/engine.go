package tracking

import (
	"slices"
	"strings"
)

// The pattern engine shared by the three tables of this package: the lexicon (words of any
// language → concepts, lexicon.go), the built-in rules (concepts → stage and signal, rules.go) and
// a seller's own rules (words → stage and signal). A pattern is a sequence of elements matched
// against the tokens of a text, as whole tokens and in order, anywhere in the text:
//
//	{a|b}   one of the alternatives; {|a} makes a optional; an alternative may be several words
//	...     zero to six tokens ("DELIVERED ... LOCKER" matches "delivered, parcel locker")
//	*       exactly one token
//	word*   any token starting with word ("zoll*": zoll, zollamt, zollabfertigung)
//	^ $     at the start, at the end: the pattern must begin (end) at the first (last) token
//	NAME    a concept (all capitals), as the lexicon writes it into the text it rewrites
//
// Words are written naturally and folded like status text, so "dédouané" matches "dedouane",
// "we've" is "we ve" and "已签收" is three one-character tokens.

// clsElemKind is what one element of a compiled pattern matches.
type clsElemKind uint8

const (
	clsWord   clsElemKind = iota // a token equal to word
	clsPrefix                    // a token starting with word
	clsAny                       // exactly one token ("*")
	clsGap                       // zero to clsMaxGap tokens ("...")
)

// clsMaxGap bounds "...": enough for "delivered to your community mailbox, parcel locker", short
// enough that the words of two unrelated sentences do not pair up.
const clsMaxGap = 6

type clsElem struct {
	kind clsElemKind
	word string
}

// clsRule is one compiled variant of a pattern: a table pattern with alternatives compiles to
// several clsRules that share order.
type clsRule struct {
	stage     Stage
	signal    Signal
	emit      string   // lexicon: the concepts the words stand for, space-separated
	concepts  []string // emit, split
	lastMile  bool     // applies only to a text printed by a last-mile carrier
	firstMile bool     // applies only to a text printed by a first-mile carrier
	guess     bool     // decides only a text the lexicon knows every word of, else suggests (rules.go, unsure)
	unless    []string // concepts that, anywhere in the text, stop the rule from counting
	prio      int      // built-in: the signal's weight or the rule's override; seller: pattern length
	literals  int      // words or concepts the variant names: a longer phrase is more specific
	exact     int      // of those, whole words rather than stems
	modal     bool     // names NOT or FUTURE itself, so a negation before it is its own business
	order     int      // position in the table or in the seller's list
	start     bool     // anchored at the first token (^)
	end       bool     // anchored at the last token ($)
	pattern   string
}

// clsIndex holds compiled patterns as a trie of tokens, so that matching walks each start token
// once through the phrases that can begin there, whatever the number of patterns and variants.
type clsIndex struct {
	rules         []clsRule
	root          clsNode
	vocab         map[string]struct{} // every literal word the patterns name
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

// clsMatch is one rule matching tokens [start, end) of a text; words has a bit set for each token
// the rule names (not those a gap or "*" passed over), for the first 64 tokens.
type clsMatch struct {
	rule       int32
	start, end int32
	words      uint64
}

// overlaps reports whether the two matches name a token in common: two readings of the same
// words. A match whose gap passes over another's words does not overlap it.
func (m clsMatch) overlaps(o clsMatch) bool { return m.words&o.words != 0 }

func (m clsMatch) covers(o clsMatch) bool { return m.start <= o.start && o.end <= m.end }

func clsNewIndex() *clsIndex {
	return &clsIndex{vocab: map[string]struct{}{}}
}

func (x *clsIndex) add(r clsRule, elems []clsElem) {
	switch elems[0].kind {
	case clsWord, clsPrefix:
	default:
		panic("tracking: pattern starts with a wildcard: " + r.pattern)
	}
	i := int32(len(x.rules)) // #nosec G115 -- built-in rules plus one seller's mappings: far below 2^31
	x.rules = append(x.rules, r)
	n := &x.root
	for _, e := range elems {
		n = n.child(e)
		switch {
		case e.kind == clsWord && !clsIsConcept(e.word):
			x.vocab[e.word] = struct{}{}
		case e.kind == clsPrefix && !slices.Contains(x.vocabPrefixes, e.word):
			x.vocabPrefixes = append(x.vocabPrefixes, e.word)
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
// until f returns false. Anchored rules are reported only where their anchors hold.
func (x *clsIndex) each(text []byte, toks []clsTok, f func(clsMatch) bool) {
	for i := range toks {
		if !x.eachAt(text, toks, i, f) {
			return
		}
	}
}

// eachAt calls f for every rule matching from token i, until f returns false.
func (x *clsIndex) eachAt(text []byte, toks []clsTok, i int, f func(clsMatch) bool) bool {
	return x.root.walk(text, toks, i, i, 0, func(m clsMatch) bool {
		r := &x.rules[m.rule]
		if r.start && m.start != 0 || r.end && int(m.end) != len(toks) {
			return true
		}
		return f(m)
	})
}

// walk follows the tokens from i through the trie below n, reporting the rules that end on the
// way as matches of [start, i).
func (n *clsNode) walk(text []byte, toks []clsTok, start, i int, words uint64, f func(clsMatch) bool) bool {
	for _, ri := range n.rules {
		if !f(clsMatch{ri, int32(start), int32(i), words}) { // #nosec G115 -- token indexes of one status text (see clsSpan)
			return false
		}
	}
	if i < len(toks) {
		w := text[toks[i].s:toks[i].e]
		named := words
		if i < 64 {
			named |= 1 << i
		}
		if n.next != nil {
			if c := n.next[string(w)]; c != nil && !c.walk(text, toks, start, i+1, named, f) {
				return false
			}
		}
		for _, p := range n.prefix {
			if len(w) >= len(p.stem) && string(w[:len(p.stem)]) == p.stem && !p.node.walk(text, toks, start, i+1, named, f) {
				return false
			}
		}
		if n.any != nil && !n.any.walk(text, toks, start, i+1, words, f) {
			return false
		}
	}
	if n.gap != nil {
		// The gap node itself ends no rule (a pattern cannot end in "..."), so g = 0 is the
		// element after the gap matching token i.
		for g := 0; g <= clsMaxGap && i+g < len(toks); g++ {
			if !n.gap.walk(text, toks, start, i+g, words, f) {
				return false
			}
		}
	}
	return true
}

// matches appends the matches to dst up to its capacity.
func (x *clsIndex) matches(dst []clsMatch, text []byte, toks []clsTok) []clsMatch {
	x.each(text, toks, func(m clsMatch) bool {
		dst = append(dst, m)
		return len(dst) < cap(dst)
	})
	return dst
}

// inVocab reports whether the lower-case word w is a literal word of some pattern.
func (x *clsIndex) inVocab(w []byte) bool {
	if _, ok := x.vocab[string(w)]; ok {
		return true
	}
	for _, p := range x.vocabPrefixes {
		if len(w) >= len(p) && string(w[:len(p)]) == p {
			return true
		}
	}
	return false
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
		panic("tracking: pattern with an unclosed {: " + p)
	}
	for _, alt := range strings.Split(p[i+1:i+j], "|") {
		out = clsExpand(p[:i]+alt+p[i+j+1:], out)
	}
	if len(out) > 4096 {
		panic("tracking: pattern expands too far: " + p)
	}
	return out
}

// clsIsConcept reports whether a pattern word names a concept: two or more capitals, digits or
// underscores. Status text is lower-cased before it is matched, so a concept can only be found in
// the text the lexicon rewrites.
func clsIsConcept(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; !('A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// clsParsePattern compiles one expanded pattern: words are folded and split exactly like status
// text (so "pick-up" is two words and "已签收" three), concepts are kept as written, "..." is a
// gap, "*" one word, a word ending in "*" a prefix, and "^" and "$" anchors. It returns the
// elements, the anchors and a key that tells duplicate variants apart.
func clsParsePattern(s, orig string) (elems []clsElem, start, end bool, key string) {
	fields := strings.Fields(s)
	if len(fields) > 0 && fields[0] == "^" {
		start, fields = true, fields[1:]
	}
	if len(fields) > 0 && fields[len(fields)-1] == "$" {
		end, fields = true, fields[:len(fields)-1]
	}
	for _, f := range fields {
		switch {
		case f == "...":
			if len(elems) == 0 || elems[len(elems)-1].kind == clsGap {
				panic("tracking: pattern with a misplaced ...: " + orig)
			}
			elems = append(elems, clsElem{kind: clsGap})
		case f == "*":
			elems = append(elems, clsElem{kind: clsAny})
		case clsIsConcept(f):
			elems = append(elems, clsElem{kind: clsWord, word: f})
		default:
			prefix := strings.HasSuffix(f, "*")
			norm := clsAppendFold(nil, strings.TrimSuffix(f, "*"), true)
			toks := clsTokenize(nil, norm)
			if len(toks) == 0 || prefix && len(toks) != 1 {
				panic("tracking: pattern with a bad word " + f + ": " + orig)
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
		panic("tracking: pattern that is empty or ends in a wildcard: " + orig)
	}
	var k strings.Builder
	if start {
		k.WriteString("^ ")
	}
	for _, e := range elems {
		k.WriteByte(byte('0' + e.kind))
		k.WriteString(e.word)
		k.WriteByte(' ')
	}
	if end {
		k.WriteString("$")
	}
	return elems, start, end, k.String()
}

// clsCompile compiles a table: each row's pattern is expanded, each distinct variant added with
// the row's stage, signal, concepts and priority. A malformed pattern panics: the tables are part
// of the program, so the panic comes at package initialisation and fails every test run.
func clsCompile(rows []clsRule) *clsIndex {
	x := clsNewIndex()
	for order, row := range rows {
		seen := map[string]bool{}
		for _, variant := range clsExpand(row.pattern, nil) {
			elems, start, end, key := clsParsePattern(variant, row.pattern)
			if seen[key] {
				continue
			}
			seen[key] = true
			r := row
			r.order, r.start, r.end, r.literals, r.exact = order, start, end, 0, 0
			r.concepts = strings.Fields(r.emit)
			for _, e := range elems {
				if e.kind == clsWord || e.kind == clsPrefix {
					r.literals++
				}
				if e.kind == clsWord {
					r.exact++
				}
				if e.word == "NOT" || e.word == "FUTURE" || e.word == "MAYBE" {
					r.modal = true
				}
			}
			if r.lastMile || r.firstMile {
				r.literals++ // the carrier is one more thing the rule knows
			}
			x.add(r, elems)
		}
	}
	return x
}
