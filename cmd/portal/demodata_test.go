package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/dbtest"
	"github.com/parceldesk/portal/domain/tracking"
)

func TestDemoCSVIsDeterministicAndWellFormed(t *testing.T) {
	now := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	var a, b bytes.Buffer
	if err := writeDemoCSV(&a, 300, 0, false, now, 7); err != nil {
		t.Fatal(err)
	}
	if err := writeDemoCSV(&b, 300, 0, false, now, 7); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("same seed and now gave different files")
	}
	recs, err := csv.NewReader(&a).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) < 1000 {
		t.Errorf("300 orders gave only %d rows", len(recs))
	}
	china := time.FixedZone("CST", 8*3600)
	for _, r := range recs[1:] {
		at, err := time.ParseInLocation("2006-01-02 15:04:05", r[7], china)
		if err != nil || at.After(now) {
			t.Fatalf("event time %q: %v (after now: %v)", r[7], err, at.After(now))
		}
	}
	var c bytes.Buffer
	if err := writeDemoCSV(&c, 1000, 500, false, now, 7); err != nil {
		t.Fatal(err)
	}
	if recs, _ := csv.NewReader(&c).ReadAll(); len(recs) != 501 {
		t.Errorf("maxRows 500 gave %d rows", len(recs)-1)
	}
	// An order export: the last row of each order of the same file, one per order.
	var d bytes.Buffer
	if err := writeDemoCSV(&d, 300, 0, true, now, 7); err != nil {
		t.Fatal(err)
	}
	latest, err := csv.NewReader(&d).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var want [][]string
	for i, r := range recs[1:] {
		if i+2 == len(recs) || recs[i+2][0] != r[0] {
			want = append(want, r)
		}
	}
	if len(latest) != 301 || !slices.EqualFunc(latest[1:], want, slices.Equal) {
		t.Errorf("latestOnly gave %d rows, not the last row of each of the 300 orders", len(latest)-1)
	}
}

// TestDemoEventsClassify: every demo event text means, to the built-in rules, the stage the
// generator meant; only the deliberately unknown texts are unmapped. A rule change that breaks
// the demo shows here rather than as a confusing demo.
func TestDemoEventsClassify(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	now := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	cls := tracking.BuiltinClassifier()
	seen := map[string]bool{}
	for i := range 2000 {
		for _, ev := range newDemoOrder(rng, i, now, 0).events {
			if seen[ev.text] {
				continue
			}
			seen[ev.text] = true
			stage, _ := cls.Classify(ev.text)
			if int(stage) != ev.stage {
				t.Errorf("%q classifies as stage %d, the demo means %d", ev.text, stage, ev.stage)
			}
		}
	}
	for _, tr := range demoTrouble {
		if _, signal := cls.Classify(tr.text); signal == domain.SignalNone {
			t.Errorf("%q carries no signal", tr.text)
		}
	}
}

// TestDemoDisputes: the demo shop shows the disputes feature: one due within 48 hours, one won
// with money recovered and its exception resolved, one draft.
func TestDemoDisputes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	store := dbtest.NewStore(t)
	_, owner, err := store.CreateSeller(ctx, domain.Signup{ShopName: "Demo", Email: "demo@shop.test", Password: "correct horse battery"})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	path := filepath.Join(t.TempDir(), "demo.csv")
	var buf bytes.Buffer
	if err := writeDemoCSV(&buf, 200, 0, false, now.UTC(), 1); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := importFile(ctx, store, nil, owner.SellerID, &owner.ID, "demo", path, "", time.FixedZone("CST", 8*3600)); err != nil {
		t.Fatal(err)
	}
	if err := demoDisputes(ctx, store, owner, now); err != nil {
		t.Fatal(err)
	}
	rows, err := store.ListDisputes(ctx, owner.SellerID, domain.DisputeFilter{Status: domain.DisputesAll, Now: now, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	var statuses []string
	for _, r := range rows {
		statuses = append(statuses, string(r.Status))
	}
	if got := strings.Join(statuses, ","); got != "open,draft,won" {
		t.Errorf("demo disputes %s, want open (due soon), draft, won", got)
	}
	sum, err := store.DisputeSummary(ctx, owner.SellerID, now)
	if err != nil || sum.DueSoon != 1 || len(sum.Recovered) != 1 {
		t.Errorf("summary %+v, %v", sum, err)
	}
}

// TestDemoTroubleRate: the benchmark's realistic files (demo-csv --trouble 3) have a few percent of
// their orders in trouble once imported and swept; the demo's own mix has far more.
func TestDemoTroubleRate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now := time.Now()
	for _, tc := range []struct {
		trouble  float64
		min, max float64 // exceptions that need action, per order
	}{{0.03, 0.02, 0.06}, {0, 0.25, 0.6}} {
		store := dbtest.NewStore(t)
		_, owner, err := store.CreateSeller(ctx, domain.Signup{ShopName: "Bench", Email: "bench@shop.test", Password: "correct horse battery"})
		if err != nil {
			t.Fatal(err)
		}
		const orders = 4000
		var buf bytes.Buffer
		if err := writeDemoCSVMix(&buf, orders, 0, true, now.UTC(), 1, tc.trouble); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "orders.csv")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := importFile(ctx, store, nil, owner.SellerID, &owner.ID, "cli", path, "", time.FixedZone("CST", 8*3600)); err != nil {
			t.Fatal(err)
		}
		counts, err := store.QueueCounts(ctx, owner.SellerID)
		if err != nil {
			t.Fatal(err)
		}
		var with int
		for _, n := range counts.ByKind {
			with += n
		}
		if share := float64(with) / orders; share < tc.min || share > tc.max {
			t.Errorf("--trouble %.0f%%: %d exceptions on %d orders (%.1f%%), want %.0f%% to %.0f%%",
				tc.trouble*100, with, orders, share*100, tc.min*100, tc.max*100)
		}
	}
}
