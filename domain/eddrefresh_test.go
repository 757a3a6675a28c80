package domain

import (
	"testing"
	"time"
)

// TestEDDRebuildDue: the history is rebuilt when it was never built, when the deliveries newer
// than its latest are 5% or more of it, or when any are newer a day later; with none newer it is
// recounted once a day, and left alone otherwise.
func TestEDDRebuildDue(t *testing.T) {
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	hours := func(h int) *time.Time { at := now.Add(-time.Duration(h) * time.Hour); return &at }
	n := func(v int64) *int64 { return &v }
	for _, tc := range []struct {
		name             string
		stored           *int64
		at               *time.Time
		newer            int64
		rebuild, recount bool
	}{
		{"never built", nil, nil, 0, true, false},
		{"5% newer", n(1000), hours(1), 50, true, false},
		{"under 5% newer, same day", n(1000), hours(1), 49, false, false},
		{"under 5% newer, a day later", n(1000), hours(25), 1, true, false},
		{"none newer, same day", n(1000), hours(23), 0, false, false},
		{"none newer, a day later", n(1000), hours(25), 0, false, true},
	} {
		rebuild, recount := eddRebuildDue(tc.stored, tc.at, tc.newer, now)
		if rebuild != tc.rebuild || recount != tc.recount {
			t.Errorf("%s: rebuild %v, recount %v; want %v, %v", tc.name, rebuild, recount, tc.rebuild, tc.recount)
		}
	}
}
