package tracking_test

import (
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain/tracking"
)

var showMisses = flag.String("misses", "", "log the corpus rows the classifier gets wrong, for batches whose file name contains this ('all' for every batch)")

// corpusRow is one labelled real status text of testdata/corpus/*.csv (LABELLING.md there says how
// the texts were collected and labelled).
type corpusRow struct {
	batch   string
	line    int
	text    string
	stage   tracking.Stage
	signal  tracking.Signal
	alt     []corpusAlt
	lang    string
	carrier string
	source  string
}

// corpusAlt is another answer the labels accept for an ambiguous text; signal "" means any.
type corpusAlt struct {
	stage  tracking.Stage
	signal tracking.Signal
}

// mustReadCorpus reads every batch, in file-name order. A text that an earlier batch already has is
// kept only there, so each text is counted once, in the batch that brought it.
func mustReadCorpus(tb testing.TB) []corpusRow {
	tb.Helper()
	files, err := filepath.Glob("testdata/corpus/*.csv")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no corpus batches: %v", err)
	}
	slices.Sort(files)
	seen := map[string]bool{}
	var rows []corpusRow
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			tb.Fatal(err)
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		if got, want := strings.Join(recs[0], ","), "text,stage,signal,alt,lang,carrier,source"; got != want {
			tb.Fatalf("%s: header %q, want %q", name, got, want)
		}
		batch := strings.TrimSuffix(filepath.Base(name), ".csv")
		for i, rec := range recs[1:] {
			line := i + 2
			st, ok := corpusStage(rec[1])
			sg := tracking.Signal(rec[2])
			if !ok || !sg.Valid() {
				tb.Fatalf("%s:%d: bad stage or signal %q,%q", name, line, rec[1], rec[2])
			}
			var alts []corpusAlt
			for _, a := range strings.FieldsFunc(rec[3], func(r rune) bool { return r == '|' }) {
				s, g, _ := strings.Cut(a, ":")
				ast, ok := corpusStage(s)
				if !ok || g != "" && !tracking.Signal(g).Valid() {
					tb.Fatalf("%s:%d: bad alternative %q", name, line, a)
				}
				alts = append(alts, corpusAlt{ast, tracking.Signal(g)})
			}
			if rec[6] == "" {
				tb.Fatalf("%s:%d: no source", name, line)
			}
			key := strings.ToLower(strings.TrimSpace(rec[0]))
			if seen[key] {
				continue
			}
			seen[key] = true
			rows = append(rows, corpusRow{batch: batch, line: line, text: rec[0], stage: st, signal: sg, alt: alts,
				lang: rec[4], carrier: rec[5], source: rec[6]})
		}
	}
	return rows
}

func corpusStage(s string) (tracking.Stage, bool) {
	n, err := strconv.Atoi(s)
	st := tracking.Stage(n)
	return st, err == nil && (st == tracking.StageUnknown || st.Valid())
}

// corpusScore is how the classifier did on some rows.
type corpusScore struct {
	rows, right, unmapped, wrong, signal int
}

func (s *corpusScore) add(r corpusRow, st tracking.Stage, sg tracking.Signal) {
	s.rows++
	switch {
	case r.stageRight(st):
		s.right++
	case st == tracking.StageUnknown:
		s.unmapped++
	default:
		s.wrong++
	}
	if r.signalRight(sg) {
		s.signal++
	}
}

func (s corpusScore) pct(n int) float64 { return 100 * float64(n) / float64(max(1, s.rows)) }

func (s corpusScore) String() string {
	return fmt.Sprintf("%5d rows  right %5.1f%%  unmapped %5.1f%%  wrong stage %4.1f%%  signal right %5.1f%%",
		s.rows, s.pct(s.right), s.pct(s.unmapped), s.pct(s.wrong), s.pct(s.signal))
}

func (r corpusRow) stageRight(st tracking.Stage) bool {
	if st == r.stage {
		return true
	}
	for _, a := range r.alt {
		if a.stage == st {
			return true
		}
	}
	return false
}

func (r corpusRow) signalRight(sg tracking.Signal) bool {
	if sg == r.signal {
		return true
	}
	for _, a := range r.alt {
		if a.signal == sg {
			return true
		}
	}
	return false
}

// TestClassifyCorpus measures the built-in classifier against every labelled real text, as
// `portal classify` reads them (the text alone) and as the import reads them (with the carrier the
// row names). It prints, per batch and per language: right (the stage, or an accepted
// alternative), unmapped (no stage where the label has one), and wrong stage. Batches were added
// one at a time and measured before any rule or word was changed for them; BATCHES.md records
// those figures, which are the honest measure of what the classifier understands. The figures
// printed here are after tuning, on everything, and guard against regressions.
func TestClassifyCorpus(t *testing.T) {
	t.Parallel()
	rows := mustReadCorpus(t)
	cls := tracking.BuiltinClassifier()
	var total, inContext corpusScore
	perBatch := map[string]*corpusScore{}
	perLang := map[string]*corpusScore{}
	var batches, langs []string
	for _, r := range rows {
		st, sg := cls.Classify(r.text)
		total.add(r, st, sg)
		if perBatch[r.batch] == nil {
			perBatch[r.batch] = &corpusScore{}
			batches = append(batches, r.batch)
		}
		perBatch[r.batch].add(r, st, sg)
		if perLang[r.lang] == nil {
			perLang[r.lang] = &corpusScore{}
			langs = append(langs, r.lang)
		}
		perLang[r.lang].add(r, st, sg)
		cst, csg := cls.ClassifyEvent(tracking.Event{Text: r.text, Carrier: r.carrier})
		inContext.add(r, cst, csg)
		if m := *showMisses; m != "" && (m == "all" || strings.Contains(r.batch, m)) {
			if !r.stageRight(st) || !r.signalRight(sg) {
				t.Logf("%s:%d [%s %s] %q = %d,%s; labelled %d,%s %v", r.batch, r.line, r.lang, r.carrier, r.text, st, sg, r.stage, r.signal, r.alt)
			} else if !r.stageRight(cst) || !r.signalRight(csg) {
				t.Logf("%s:%d [%s %s] %q = %d,%s as %s's; labelled %d,%s %v", r.batch, r.line, r.lang, r.carrier, r.text, cst, csg, r.carrier, r.stage, r.signal, r.alt)
			}
		}
	}
	for _, b := range batches {
		t.Logf("%-34s %s", b, perBatch[b])
	}
	slices.Sort(langs)
	for _, l := range langs {
		t.Logf("language %-25s %s", l, perLang[l])
	}
	t.Logf("%-34s %s", "all, text alone", total)
	t.Logf("%-34s %s", "all, with the row's carrier", inContext)

	if total.rows < 2000 {
		t.Errorf("corpus has %d distinct texts, want at least 2000", total.rows)
	}
	if sources := corpusSources(rows); sources < 40 {
		t.Errorf("corpus has %d sources, want at least 40", sources)
	}
	// Guards at what the classifier does today, so a change that makes it worse fails. The aim
	// (issue 14) is at most 1% wrong and at least 95% right on texts it was not tuned on; the
	// figures per batch, before and after tuning, are in testdata/corpus/BATCHES.md.
	for _, g := range []struct {
		name      string
		got, want float64
		atMost    bool
	}{
		// Batches 12 to 96 came in at 53.8%, 61.3%, 50.9%, 65.2%, 66.0%, 57.8%, 55.7%, 73.8%, 80%,
		// 56.7%, 59.6%, 63.8%, 58.8%, 61.2%, 55.0%, 57.5%, 67.2%, 52.3%, 60.6%, 50.9%, 74.6%,
		// 66.0%, 66.4%, 68.5%, 62.3%, 60.1%, 64.1%, 70.4%, 76.2%, 78.6%, 74.9%, 72.3%, 56.7%,
		// 73.4%, 77.7%, 63.3%, 53.3%, 56.9%, 58.6%, 59.4%, 92.9%, 46.4%, 63.4%, 70.4%, 72.4%,
		// 71.1%, 52.5%, 72.8%, 65.7%, 66.0%, 66.7%, 70.1%, 69.4%, 78.6%, 80.1%, 68.3%, 61.2%,
		// 47.0%, 61.8%, 73.3%, 60.2%, 59.9%, 68.4%, 53.3%, 69.6%, 65.2%, 69.0%, 57.7%, 81.2%,
		// 77.9%, 70.5%, 68.0%, 69.4%, 69.0%, 61.4%, 57.1%, 66.7%, 73.3%, 63.5%, 72.8%, 50.8%,
		// 78.4%, 74.0%, 68.0% and 75.9% right, and a text that reads two ways is now a suggestion
		// (read.go, rivalOf): right fell from 82.6 to 78.4; each new batch is harder than the
		// corpus it joins. Unsure rules (rules.go) decide only texts the lexicon knows every word
		// of: right 78.1 → 77.8, wrong 4.8 → 4.5. A notification alone is no notice card (batches
		// 62-65): wrong 4.6 → 4.4. Batches 71-74 took the corpus from 77.7 / 17.8 / 4.5 to 77.3 /
		// 18.1 / 4.6, and their tuning to 77.6 / 17.9 / 4.55; batches 75-76 to 77.2 / 18.3 / 4.55,
		// and their tuning to 77.3 / 18.1 / 4.5; batch 77 to 77.2 / 18.3 / 4.5, and its tuning to
		// 77.2 / 18.3 / 4.49. An arrival beside a later stage is no rival (read.go): 77.3 / 18.2 /
		// 4.5. Batches 78-80 took it to 77.2 / 18.3 / 4.53, and their tuning to 77.3 / 18.1 / 4.53.
		// A bare "Arrived" or "Departed" is no origin scan without a first-mile carrier: 77.3 /
		// 18.3 / 4.44. Batches 81-82 took it to 77.2 / 18.3 / 4.48, and batch 83 to 77.1 / 18.4 /
		// 4.50; their tuning to 77.1 / 18.4 / 4.48; batches 84-85 to 77.0 / 18.4 / 4.52, and their
		// tuning to 77.1 / 18.4 / 4.49. Plain English words ("sorting", a postal code, a recipient
		// moved or not found): 77.2 / 18.3 / 4.50. Batches 86-89 took it to 76.9 / 18.5 / 4.60, and
		// their tuning to 77.1 / 18.4 / 4.51; batches 90-92 to 76.6 / 18.8 / 4.58, and their tuning
		// to 77.0 / 18.4 / 4.55. A seller's refusal, a return's payment, a recipient who did not
		// pick it up: 77.04 / 18.43 / 4.53. "Order created" left to a person: 77.00 / 18.53 / 4.48;
		// an airport scan unsure: 76.98 / 18.58 / 4.44. Batches 93-94 left it at 76.97 / 18.58 /
		// 4.45, and their tuning took it to 77.07 / 18.49 / 4.44; batches 95-96 to 77.05 / 18.50 /
		// 4.46, and their tuning to 77.06 / 18.50 / 4.44.
		{"wrong stage", total.pct(total.wrong), 4.5, true},
		{"right", total.pct(total.right), 77.0, false},
		{"signal right", total.pct(total.signal), 86.6, false},
	} {
		if g.atMost && g.got > g.want || !g.atMost && g.got < g.want {
			t.Errorf("%s on %.1f%% of the corpus, want %s %.1f%%", g.name, g.got, map[bool]string{true: "at most", false: "at least"}[g.atMost], g.want)
		}
	}
	// The carrier as context must turn more texts right than it turns wrong.
	if inContext.right-total.right < inContext.wrong-total.wrong {
		t.Errorf("the carrier made it worse: %s with it, %s without", inContext, total)
	}
	t.Logf("%d sources", corpusSources(rows))
}

// corpusSources counts the distinct sources (URLs) the rows name.
func corpusSources(rows []corpusRow) int {
	seen := map[string]bool{}
	for _, r := range rows {
		seen[r.source] = true
	}
	return len(seen)
}

// BenchmarkClassify classifies the corpus texts round and round, with no cache in front (the
// import's status cache cold): s/1M-texts is what a million distinct texts would take.
func BenchmarkClassify(b *testing.B) {
	rows := mustReadCorpus(b)
	texts := make([]string, len(rows))
	for i, r := range rows {
		texts[i] = r.text
	}
	cls := tracking.NewClassifier([]tracking.Rule{
		{Pattern: "arrived at hub", Stage: tracking.StageArrivedDestination},
		{Pattern: "parcel scanned at gateway", Stage: tracking.StageHandedToCarrier},
	})
	b.ReportAllocs()
	start := time.Now()
	for i := 0; b.Loop(); i++ {
		cls.Classify(texts[i%len(texts)])
	}
	b.ReportMetric(time.Since(start).Seconds()/float64(b.N)*1e6, "s/1M-texts")
}
