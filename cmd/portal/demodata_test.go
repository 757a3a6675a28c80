package main

import (
	"bytes"
	"encoding/csv"
	"testing"
	"time"
)

func TestDemoCSVIsDeterministicAndWellFormed(t *testing.T) {
	now := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	var a, b bytes.Buffer
	if err := writeDemoCSV(&a, 300, 0, now, 7); err != nil {
		t.Fatal(err)
	}
	if err := writeDemoCSV(&b, 300, 0, now, 7); err != nil {
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
	if err := writeDemoCSV(&c, 1000, 500, now, 7); err != nil {
		t.Fatal(err)
	}
	if recs, _ := csv.NewReader(&c).ReadAll(); len(recs) != 501 {
		t.Errorf("maxRows 500 gave %d rows", len(recs)-1)
	}
}
