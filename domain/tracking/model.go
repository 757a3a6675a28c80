package tracking

import (
	_ "embed" // model.bin
	"encoding/binary"
	"encoding/csv"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The statistical part of the classifier: a logistic regression over the words, letter trigrams
// and concepts of the labelled corpus (testdata/corpus), trained by `go generate`
// (internal/genmodel) into model.bin, which the binary embeds. It never decides a stage: the rules
// do that, and say "I don't know" where they are not sure. It only offers a suggestion for a text
// they leave unmapped, for the seller to accept or not; TestModelSourcesHeldOut measures how often
// that suggestion is right for sources the model was not trained on. For the texts the rules leave
// unmapped that was only about two times in three on the held-out batches (BATCHES.md), so its
// suggestions are marked Guess: they preselect a choice and are never accepted in bulk.

//go:generate go run ./internal/genmodel

//go:embed model.bin
var clsModelData string

// clsModel is the generated model: per class its score for a text with no known feature; per
// feature (sorted by hash) the classes it says something of, with what it adds to their score.
type clsModel struct {
	classes []clsModelClass
	hashes  []uint32 // sorted
	offsets []uint32 // entries of hashes[i] are entries[offsets[i]:offsets[i+1]]
	entries []clsModelEntry
}

type clsModelClass struct {
	stage  Stage
	signal Signal
	bias   float64 // the class's score before any feature
}

type clsModelEntry struct {
	class uint16
	gain  float32 // the feature's weight for the class
}

// ModelFeatures returns the features the model reads in a status text: its concepts, its words
// and the letter trigrams of its words, hashed. The generator and the classifier share it.
func ModelFeatures(text string) []uint32 {
	norm := clsAppendReadable(nil, text)
	toks := clsTokenize(nil, norm)
	var out []uint32
	add := func(kind byte, s []byte) {
		h := fnv.New32a()
		_, _ = h.Write([]byte{kind}) // a hash's Write never fails
		_, _ = h.Write(s)
		out = append(out, h.Sum32())
	}
	r := clsReadings.Get().(*clsReading)
	defer clsReadings.Put(r)
	r.rewrite(norm, toks)
	for _, t := range r.toks {
		w := r.text[t.s:t.e]
		if clsIsConcept(string(w)) {
			add('c', w)
		}
	}
	for _, t := range toks {
		w := norm[t.s:t.e]
		if clsDropWords[string(w)] {
			continue
		}
		add('w', w)
		padded := append(append([]byte{'^'}, w...), '$')
		for i := 0; i+3 <= len(padded); i++ {
			add('t', padded[i:i+3])
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// suggest returns the model's most likely stage and signal for a text and its posterior, or
// false when the model says the text has no stage (or has no model).
func (m *clsModel) suggest(text string) (Stage, Signal, float64, bool) {
	if m == nil || len(m.classes) == 0 {
		return StageUnknown, SignalNone, 0, false
	}
	feats := ModelFeatures(text)
	scores := make([]float64, len(m.classes))
	for c, cl := range m.classes {
		scores[c] = cl.bias
	}
	for _, f := range feats {
		i, ok := slices.BinarySearch(m.hashes, f)
		if !ok {
			continue
		}
		for _, e := range m.entries[m.offsets[i]:m.offsets[i+1]] {
			scores[e.class] += float64(e.gain)
		}
	}
	softmax(scores)
	best := 0
	for c := range scores {
		if scores[c] > scores[best] {
			best = c
		}
	}
	cl := m.classes[best]
	if cl.stage == StageUnknown {
		return StageUnknown, SignalNone, 0, false
	}
	return cl.stage, cl.signal, scores[best], true
}

// clsModelSuggestMin is the probability below which the model offers nothing. On the held-out
// batches (texts the rules left unmapped), its guesses at 0.4 and above were right two times in
// three; lower, about half the time or less.
const clsModelSuggestMin = 0.4

var (
	clsModelOnce   sync.Once
	clsModelLoaded *clsModel
)

// clsTheModel decodes the generated model on first use.
func clsTheModel() *clsModel {
	clsModelOnce.Do(func() { clsModelLoaded = decodeModel(clsModelData) })
	return clsModelLoaded
}

// The model's binary form (model.bin): little-endian
//
//	u32 classes; per class: u8 stage, u8 len, signal, f64 bias
//	u32 features; per feature: u32 hash, u16 entries; per entry: u16 class, f32 gain
func encodeModel(m *clsModel) []byte {
	var b []byte
	b = binary.LittleEndian.AppendUint32(b, uint32(len(m.classes))) // #nosec G115 -- a few dozen classes
	for _, c := range m.classes {
		b = append(b, byte(c.stage), byte(len(c.signal))) // #nosec G115 -- stage 0..11, short signal names
		b = append(b, c.signal...)
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(c.bias))
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(m.hashes))) // #nosec G115 -- features of the corpus
	for i, h := range m.hashes {
		es := m.entries[m.offsets[i]:m.offsets[i+1]]
		b = binary.LittleEndian.AppendUint32(b, h)
		b = binary.LittleEndian.AppendUint16(b, uint16(len(es))) // #nosec G115 -- at most the classes
		for _, e := range es {
			b = binary.LittleEndian.AppendUint16(b, e.class)
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(e.gain))
		}
	}
	return b
}

// decodeModel reads encodeModel's form; a malformed model (which a test would have caught) gives
// no model rather than a panic.
func decodeModel(s string) *clsModel {
	b := []byte(s)
	m := &clsModel{}
	u8 := func() int {
		if len(b) < 1 {
			return 0
		}
		v := b[0]
		b = b[1:]
		return int(v)
	}
	u16 := func() uint16 {
		if len(b) < 2 {
			return 0
		}
		v := binary.LittleEndian.Uint16(b)
		b = b[2:]
		return v
	}
	u32 := func() uint32 {
		if len(b) < 4 {
			return 0
		}
		v := binary.LittleEndian.Uint32(b)
		b = b[4:]
		return v
	}
	f64 := func() float64 {
		if len(b) < 8 {
			return 0
		}
		v := math.Float64frombits(binary.LittleEndian.Uint64(b))
		b = b[8:]
		return v
	}
	n := int(u32())
	for range n {
		st := Stage(u8())
		l := u8()
		if len(b) < l {
			return nil
		}
		sg := Signal(b[:l])
		b = b[l:]
		m.classes = append(m.classes, clsModelClass{stage: st, signal: sg, bias: f64()})
	}
	nf := int(u32())
	m.offsets = append(m.offsets, 0)
	for range nf {
		m.hashes = append(m.hashes, u32())
		ne := int(u16())
		for range ne {
			c := u16()
			m.entries = append(m.entries, clsModelEntry{class: c, gain: math.Float32frombits(u32())})
		}
		m.offsets = append(m.offsets, uint32(len(m.entries))) // #nosec G115 -- entries of the corpus
	}
	if len(b) != 0 || int(u32()) != 0 {
		return nil
	}
	return m
}

// clsTrainRow is one labelled text for TrainModel.
type clsTrainRow struct {
	features []uint32
	stage    Stage
	signal   Signal
}

// The model's training: a multinomial logistic regression, fitted by AdaGrad over a fixed number
// of shuffled passes, with an L1 step that sets the weights of features saying nothing of a class
// to zero (most of them: the model stays small). Measured on held-out batches (BATCHES.md, batches
// 15 to 74), its top guess is right as often as the naive Bayes model's it replaced, but its
// confidence means something: at clsModelSuggestMin it offered a suggestion for 54% of the texts
// the rules left unmapped and was wrong for 18% of them, where naive Bayes offered 77% and was wrong
// for 35%.
const (
	clsTrainPasses = 8
	clsTrainRate   = 0.2
	clsTrainL1     = 0.003
)

// trainModel fits the model to labelled rows. It is deterministic (a seeded shuffle, products
// converted explicitly so that no platform fuses them, clsExp), so that model.bin is reproducible.
func trainModel(rows []clsTrainRow) *clsModel {
	type key struct {
		stage  Stage
		signal Signal
	}
	classOf := map[key]int{}
	var classes []clsModelClass
	featOf := map[uint32]int{}
	var hashes []uint32
	ys := make([]int, len(rows))
	xs := make([][]int, len(rows))
	for i, r := range rows {
		k := key{r.stage, r.signal}
		c, ok := classOf[k]
		if !ok {
			c = len(classes)
			classOf[k] = c
			classes = append(classes, clsModelClass{stage: r.stage, signal: r.signal})
		}
		ys[i] = c
		for _, f := range r.features {
			j, ok := featOf[f]
			if !ok {
				j = len(hashes)
				featOf[f] = j
				hashes = append(hashes, f)
			}
			xs[i] = append(xs[i], j)
		}
	}
	nc := len(classes)
	bias, biasG := make([]float64, nc), make([]float64, nc)
	w, wG := make([]float64, len(hashes)*nc), make([]float64, len(hashes)*nc) // w[j*nc+c]
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(1, 2)) // #nosec G404 -- a reproducible shuffle, not a secret
	p := make([]float64, nc)
	for range clsTrainPasses {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		for _, i := range order {
			copy(p, bias)
			for _, j := range xs[i] {
				for c := range p {
					p[c] += w[j*nc+c]
				}
			}
			softmax(p)
			for c := range nc {
				g := p[c]
				if c == ys[i] {
					g--
				}
				gg := float64(g * g)
				biasG[c] += gg
				bias[c] -= float64(clsTrainRate*g) / (1e-8 + math.Sqrt(biasG[c]))
				for _, j := range xs[i] {
					k := j*nc + c
					wG[k] += gg
					step := clsTrainRate / (1e-8 + math.Sqrt(wG[k]))
					v := w[k] - float64(step*g)
					switch shrink := float64(clsTrainL1 * step); {
					case v > shrink:
						v -= shrink
					case v < -shrink:
						v += shrink
					default:
						v = 0
					}
					w[k] = v
				}
			}
		}
	}
	for c := range classes {
		classes[c].bias = bias[c]
	}
	m := &clsModel{classes: classes}
	sorted := slices.Clone(hashes)
	slices.Sort(sorted)
	m.offsets = append(m.offsets, 0)
	for _, f := range sorted {
		j := featOf[f]
		n := len(m.entries)
		for c := range nc {
			if v := w[j*nc+c]; v != 0 {
				m.entries = append(m.entries, clsModelEntry{class: uint16(c), gain: float32(v)}) // #nosec G115 -- a few dozen classes
			}
		}
		if len(m.entries) == n {
			continue // a feature that says nothing of any class
		}
		m.hashes = append(m.hashes, f)
		m.offsets = append(m.offsets, uint32(len(m.entries))) // #nosec G115 -- entries of the corpus
	}
	return m
}

// softmax turns scores into probabilities, in place. It uses clsExp, not math.Exp, whose assembly
// on amd64 and arm64 differs in the last bit with the CPU (FMA or not): training must give the same
// model.bin on every machine.
func softmax(p []float64) {
	top := slices.Max(p)
	var sum float64
	for c := range p {
		p[c] = clsExp(p[c] - top)
		sum += p[c]
	}
	for c := range p {
		p[c] /= sum
	}
}

// clsExp is e^x for x ≤ 0, to about 1e-15, from the same operations on every platform: x = k·ln2 + r
// with |r| ≤ ln2/2, e^r by its Taylor series (Horner, products converted so none is fused), then
// scaled by 2^k.
func clsExp(x float64) float64 {
	const ln2Hi, ln2Lo = 6.93147180369123816490e-01, 1.90821492927058770002e-10 // ln 2 = ln2Hi + ln2Lo
	if x < -745 {
		return 0
	}
	k := math.Floor(float64(x*(1/math.Ln2)) + 0.5)
	r := x - float64(k*ln2Hi) - float64(k*ln2Lo)
	e := 1.0
	for n := 17.0; n >= 1; n-- {
		e = 1 + float64(float64(r/n)*e)
	}
	return math.Ldexp(e, int(k))
}

// BuildModel trains the model on the labelled corpus files (the CSV form of testdata/corpus) and
// returns the contents of model.bin. A text found in two files counts once, in the first file
// (files are read in the order given).
func BuildModel(files []string) ([]byte, error) {
	rows, err := readModelCorpus(files)
	if err != nil {
		return nil, err
	}
	train := make([]clsTrainRow, len(rows))
	for i, r := range rows {
		train[i] = clsTrainRow{ModelFeatures(r.text), r.stage, r.signal}
	}
	return encodeModel(trainModel(train)), nil
}

// corpusText is one labelled text of the corpus, as the model reads it.
type corpusText struct {
	text   string
	stage  Stage
	signal Signal
	source string
}

// readModelCorpus reads the text, stage, signal and source columns of the corpus files.
func readModelCorpus(files []string) ([]corpusText, error) {
	seen := map[string]bool{}
	var out []corpusText
	for _, name := range files {
		f, err := os.Open(name) // #nosec G304 -- the generator's own corpus files
		if err != nil {
			return nil, err
		}
		recs, err := csv.NewReader(f).ReadAll()
		_ = f.Close() // read only
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for i, rec := range recs {
			if i == 0 {
				continue
			}
			if len(rec) < 7 {
				return nil, fmt.Errorf("%s:%d: %d fields", name, i+1, len(rec))
			}
			key := strings.ToLower(strings.TrimSpace(rec[0]))
			if seen[key] {
				continue
			}
			seen[key] = true
			n, err := strconv.Atoi(rec[1])
			st, sg := Stage(n), Signal(rec[2])
			if err != nil || st != StageUnknown && !st.Valid() || !sg.Valid() {
				return nil, fmt.Errorf("%s:%d: bad stage or signal", name, i+1)
			}
			out = append(out, corpusText{text: rec[0], stage: st, signal: sg, source: rec[6]})
		}
	}
	return out, nil
}
