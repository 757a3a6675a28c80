package tracking

import (
	"encoding/binary"
	"encoding/csv"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The statistical part of the classifier: a naive Bayes model over the words, letter trigrams and
// concepts of the labelled corpus (testdata/corpus), generated into model_gen.go by
// `go generate` (internal/genmodel). It never decides a stage: the rules do that, and say "I don't
// know" where they are not sure. It only offers a suggestion for a text they leave unmapped, for
// the seller to accept or not; TestModelLeaveOneSourceOut measures how often that suggestion is
// right for a source the model was not trained on. For the texts the rules leave unmapped that was
// about half the time (47% on 242 sources; its own confidence is far too high), so its
// suggestions are marked Guess: they preselect a choice and are never accepted in bulk.

//go:generate go run ./internal/genmodel

// clsModel is the generated model: per class a log prior and a log of the weight every feature
// gets when the class has not seen it; per feature (sorted by hash) the classes that have seen it,
// with what that adds to their score.
type clsModel struct {
	classes []clsModelClass
	hashes  []uint32 // sorted
	offsets []uint32 // entries of hashes[i] are entries[offsets[i]:offsets[i+1]]
	entries []clsModelEntry
}

type clsModelClass struct {
	stage   Stage
	signal  Signal
	prior   float64 // log P(class)
	unseen  float64 // log P(feature | class) for a feature the class never saw
	samples int
}

type clsModelEntry struct {
	class uint16
	gain  float32 // log(count+α) − log(α)
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
		scores[c] = cl.prior + float64(len(feats))*cl.unseen
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
	best := 0
	for c := range scores {
		if scores[c] > scores[best] {
			best = c
		}
	}
	var sum float64
	for _, s := range scores {
		sum += math.Exp(s - scores[best])
	}
	cl := m.classes[best]
	if cl.stage == StageUnknown {
		return StageUnknown, SignalNone, 0, false
	}
	return cl.stage, cl.signal, 1 / sum, true
}

// clsModelSuggestMin is the posterior below which the model offers nothing: measured by
// leave-one-source-out, its suggestions below it are right less than half the time.
const clsModelSuggestMin = 0.5

var (
	clsModelOnce   sync.Once
	clsModelLoaded *clsModel
)

// clsTheModel decodes the generated model on first use.
func clsTheModel() *clsModel {
	clsModelOnce.Do(func() { clsModelLoaded = decodeModel(clsModelData) })
	return clsModelLoaded
}

// The model's binary form (model_gen.go holds it as a string): little-endian
//
//	u32 classes; per class: u8 stage, u8 len, signal, f64 prior, f64 unseen, u32 samples
//	u32 features; per feature: u32 hash, u16 entries; per entry: u16 class, f32 gain
func encodeModel(m *clsModel) []byte {
	var b []byte
	b = binary.LittleEndian.AppendUint32(b, uint32(len(m.classes))) // #nosec G115 -- a few dozen classes
	for _, c := range m.classes {
		b = append(b, byte(c.stage), byte(len(c.signal))) // #nosec G115 -- stage 0..11, short signal names
		b = append(b, c.signal...)
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(c.prior))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(c.unseen))
		b = binary.LittleEndian.AppendUint32(b, uint32(c.samples)) // #nosec G115 -- corpus rows
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
		m.classes = append(m.classes, clsModelClass{stage: st, signal: sg, prior: f64(), unseen: f64(), samples: int(u32())})
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

// trainModel builds the naive Bayes model from labelled rows (Laplace smoothing α = 1).
func trainModel(rows []clsTrainRow) *clsModel {
	const alpha = 1.0
	type key struct {
		stage  Stage
		signal Signal
	}
	classOf := map[key]int{}
	var classes []clsModelClass
	total := map[int]int{} // features seen per class
	counts := map[uint32]map[int]int{}
	vocab := map[uint32]bool{}
	for _, r := range rows {
		k := key{r.stage, r.signal}
		c, ok := classOf[k]
		if !ok {
			c = len(classes)
			classOf[k] = c
			classes = append(classes, clsModelClass{stage: r.stage, signal: r.signal})
		}
		classes[c].samples++
		for _, f := range r.features {
			if counts[f] == nil {
				counts[f] = map[int]int{}
			}
			counts[f][c]++
			total[c]++
			vocab[f] = true
		}
	}
	v := float64(len(vocab))
	for c := range classes {
		denom := float64(total[c]) + alpha*v
		classes[c].prior = math.Log(float64(classes[c].samples) / float64(len(rows)))
		classes[c].unseen = math.Log(alpha / denom)
	}
	m := &clsModel{classes: classes}
	for f := range counts {
		m.hashes = append(m.hashes, f)
	}
	slices.Sort(m.hashes)
	m.offsets = append(m.offsets, 0)
	for _, f := range m.hashes {
		cs := make([]int, 0, len(counts[f]))
		for c := range counts[f] {
			cs = append(cs, c)
		}
		slices.Sort(cs)
		for _, c := range cs {
			m.entries = append(m.entries, clsModelEntry{class: uint16(c), // #nosec G115 -- a few dozen classes
				gain: float32(math.Log(float64(counts[f][c])+alpha) - math.Log(alpha))})
		}
		m.offsets = append(m.offsets, uint32(len(m.entries))) // #nosec G115 -- entries of the corpus
	}
	return m
}

// BuildModelSource trains the model on the labelled corpus files (the CSV form of
// testdata/corpus) and returns the Go source of model_gen.go. A text found in two files counts
// once, in the first file (files are read in the order given).
func BuildModelSource(files []string) ([]byte, error) {
	rows, err := readModelCorpus(files)
	if err != nil {
		return nil, err
	}
	train := make([]clsTrainRow, len(rows))
	for i, r := range rows {
		train[i] = clsTrainRow{ModelFeatures(r.text), r.stage, r.signal}
	}
	data := encodeModel(trainModel(train))
	var b strings.Builder
	b.WriteString("// Code generated by go generate (internal/genmodel) from testdata/corpus; DO NOT EDIT.\n\n")
	b.WriteString("package tracking\n\n")
	fmt.Fprintf(&b, "// clsModelData is the naive Bayes model trained on %d labelled texts (model.go).\n", len(rows))
	b.WriteString("const clsModelData = \"")
	for _, c := range data {
		fmt.Fprintf(&b, "\\x%02x", c)
	}
	b.WriteString("\"\n")
	return []byte(b.String()), nil
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
