package domain_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
)

// spanView is the part of a StageSpan a test states: enough to read a whole timeline in one
// line per stage.
type spanView struct {
	State   domain.SpanState
	Entered string // "" for none
	Spent   time.Duration
	Paused  time.Duration
	Limit   time.Duration
	Over    bool
	Stopped bool
}

func viewSpans(t domain.Timeline) []spanView {
	out := make([]spanView, len(t.Stages))
	for i, sp := range t.Stages {
		v := spanView{State: sp.State, Spent: sp.Spent, Paused: sp.Paused, Limit: sp.Threshold, Over: sp.Over, Stopped: sp.ClockStopped}
		if sp.EnteredAt != nil {
			v.Entered = sp.EnteredAt.UTC().Format("01-02 15:04")
		}
		out[i] = v
	}
	return out
}

func TestBuildTimeline(t *testing.T) {
	const h, d = time.Hour, 24 * time.Hour
	at := func(s string) time.Time {
		v, err := time.Parse("2006-01-02 15:04", s)
		if err != nil {
			panic(err)
		}
		return v
	}
	ev := func(st domain.Stage, when string) domain.Event {
		v := at(when)
		return domain.Event{Stage: st, OccurredAt: &v, RecordedAt: at("2026-12-31 00:00")}
	}
	preadvice := func(e domain.Event) domain.Event { e.PreAdvice = true; return e }
	undated := func(st domain.Stage, recorded string) domain.Event {
		return domain.Event{Stage: st, RecordedAt: at(recorded)}
	}
	def := domain.NewThresholds(nil)
	limit := func(st domain.Stage) time.Duration { l, _ := def.For(st, ""); return l }
	future := func(st domain.Stage) spanView { return spanView{State: domain.SpanFuture, Limit: limit(st)} }
	skipped := func(st domain.Stage) spanView { return spanView{State: domain.SpanSkipped, Limit: limit(st)} }
	cny := []domain.PeakPeriod{{Name: "Chinese New Year 2026", StartsAt: at("2026-02-10 00:00"), EndsAt: at("2026-03-03 00:00")}}

	for _, tc := range []struct {
		name      string
		events    []domain.Event
		current   domain.Stage
		overrides []domain.ThresholdOverride
		country   string
		periods   []domain.PeakPeriod
		untracked bool
		now       string
		want      []spanView
	}{
		{
			name:    "no stage yet: every stage in the future",
			events:  []domain.Event{{StatusText: "Parcel greeted by the warehouse cat", RecordedAt: at("2026-11-01 00:00")}},
			current: domain.StageUnknown,
			now:     "2026-11-02 00:00",
			want: []spanView{future(1), future(2), future(3), future(4), future(5), future(6), future(7),
				future(8), future(9), future(10), future(11)},
		},
		{
			// Events come in any order and twice (a re-import); a stage starts at its earliest
			// event, and a label-only "dispatched" that came after the hub's scan ends at that scan.
			name: "out-of-order and duplicated events",
			events: []domain.Event{
				ev(3, "2026-11-03 12:00"), ev(1, "2026-11-01 00:00"), ev(4, "2026-11-05 00:00"),
				ev(3, "2026-11-04 00:00"), ev(2, "2026-11-03 18:00"), ev(1, "2026-11-01 00:00"),
				ev(1, "2026-11-02 06:00"),
			},
			current: 4,
			now:     "2026-11-09 00:00",
			want: []spanView{
				{State: domain.SpanDone, Entered: "11-01 00:00", Spent: 2*d + 12*h, Limit: 5 * d},
				{State: domain.SpanDone, Entered: "11-03 18:00", Spent: 0, Limit: 4 * d},
				{State: domain.SpanDone, Entered: "11-03 12:00", Spent: 1*d + 12*h, Limit: 3 * d},
				{State: domain.SpanCurrent, Entered: "11-05 00:00", Spent: 4 * d, Limit: 3 * d, Over: true},
				future(5), future(6), future(7), future(8), future(9), future(10), future(11),
			},
		},
		{
			name:    "skipped stages take no time; the stage before them runs to the next one seen",
			events:  []domain.Event{ev(1, "2026-11-01 00:00"), ev(3, "2026-11-02 00:00"), ev(6, "2026-11-04 00:00")},
			current: 6,
			now:     "2026-11-05 12:00",
			want: []spanView{
				{State: domain.SpanDone, Entered: "11-01 00:00", Spent: d, Limit: 5 * d},
				skipped(2),
				{State: domain.SpanDone, Entered: "11-02 00:00", Spent: 2 * d, Limit: 3 * d},
				skipped(4), skipped(5),
				{State: domain.SpanCurrent, Entered: "11-04 00:00", Spent: 36 * h, Limit: 10 * d},
				future(7), future(8), future(9), future(10), future(11),
			},
		},
		{
			// Cainiao's "Import clearance start" before departure: shown in the events, but it
			// neither ends export customs nor starts import customs, which starts at the real
			// clearance event after arrival.
			name: "a pre-advice is no stage",
			events: []domain.Event{ev(5, "2026-11-03 08:00"), preadvice(ev(8, "2026-11-03 11:00")),
				ev(6, "2026-11-04 04:00"), ev(7, "2026-11-06 04:00"), ev(8, "2026-11-06 10:00")},
			current: 8,
			now:     "2026-11-07 10:00",
			want: []spanView{
				skipped(1), skipped(2), skipped(3), skipped(4),
				{State: domain.SpanDone, Entered: "11-03 08:00", Spent: 20 * h, Limit: 4 * d},
				{State: domain.SpanDone, Entered: "11-04 04:00", Spent: 2 * d, Limit: 10 * d},
				{State: domain.SpanDone, Entered: "11-06 04:00", Spent: 6 * h, Limit: 4 * d},
				{State: domain.SpanCurrent, Entered: "11-06 10:00", Spent: d, Limit: 7 * d},
				future(9), future(10), future(11),
			},
		},
		{
			name:    "an event without its own time counts when it was recorded",
			events:  []domain.Event{ev(8, "2026-11-10 00:00"), undated(9, "2026-11-12 06:00")},
			current: 9,
			now:     "2026-11-13 06:00",
			want: []spanView{
				skipped(1), skipped(2), skipped(3), skipped(4), skipped(5), skipped(6), skipped(7),
				{State: domain.SpanDone, Entered: "11-10 00:00", Spent: 2*d + 6*h, Limit: 7 * d},
				{State: domain.SpanCurrent, Entered: "11-12 06:00", Spent: d, Limit: 7 * d},
				future(10), future(11),
			},
		},
		{
			// Ordered on 5 Feb, the factory closed for Chinese New Year (10 Feb – 3 Mar), shipped 5
			// Mar: 28 days in stage 1, of which 21 paused; the 7 that count are over its 5 days.
			// Paused time also stops the current origin stage's clock.
			name:    "a peak period spanning a stage",
			events:  []domain.Event{ev(1, "2026-02-05 00:00"), ev(2, "2026-03-05 00:00")},
			current: 2,
			periods: cny,
			now:     "2026-03-06 00:00",
			want: []spanView{
				{State: domain.SpanDone, Entered: "02-05 00:00", Spent: 7 * d, Paused: 21 * d, Limit: 5 * d, Over: true},
				{State: domain.SpanCurrent, Entered: "03-05 00:00", Spent: d, Limit: 4 * d},
				future(3), future(4), future(5), future(6), future(7), future(8), future(9), future(10), future(11),
			},
		},
		{
			name:    "peak periods pause only origin stages",
			events:  []domain.Event{ev(6, "2026-02-01 00:00"), ev(7, "2026-02-09 00:00")},
			current: 7,
			periods: cny,
			now:     "2026-02-15 00:00",
			want: []spanView{
				skipped(1), skipped(2), skipped(3), skipped(4), skipped(5),
				{State: domain.SpanDone, Entered: "02-01 00:00", Spent: 8 * d, Limit: 10 * d},
				{State: domain.SpanCurrent, Entered: "02-09 00:00", Spent: 6 * d, Limit: 4 * d, Over: true},
				future(8), future(9), future(10), future(11),
			},
		},
		{
			// Economy service: no tracking after hand-over, so 20 days since arrival is normal.
			name:      "economy service: the clock stops at arrival",
			events:    []domain.Event{ev(6, "2026-11-01 00:00"), ev(7, "2026-11-05 00:00")},
			current:   7,
			untracked: true,
			now:       "2026-11-25 00:00",
			want: []spanView{
				skipped(1), skipped(2), skipped(3), skipped(4), skipped(5),
				{State: domain.SpanDone, Entered: "11-01 00:00", Spent: 4 * d, Limit: 10 * d},
				{State: domain.SpanCurrent, Entered: "11-05 00:00", Spent: 20 * d, Stopped: true},
				{State: domain.SpanFuture, Stopped: true}, {State: domain.SpanFuture, Stopped: true},
				{State: domain.SpanFuture, Stopped: true}, future(11),
			},
		},
		{
			name: "delivered: every stage done, delivered has no time",
			events: []domain.Event{ev(1, "2026-11-01 00:00"), ev(2, "2026-11-02 00:00"), ev(3, "2026-11-03 00:00"),
				ev(4, "2026-11-04 00:00"), ev(5, "2026-11-05 00:00"), ev(6, "2026-11-06 00:00"),
				ev(7, "2026-11-16 00:00"), ev(8, "2026-11-17 00:00"), ev(9, "2026-11-20 00:00"),
				ev(10, "2026-11-21 00:00"), ev(11, "2026-11-21 15:00"), ev(10, "2026-11-22 09:00")},
			current: 11,
			now:     "2026-12-10 00:00",
			want: []spanView{
				{State: domain.SpanDone, Entered: "11-01 00:00", Spent: d, Limit: 5 * d},
				{State: domain.SpanDone, Entered: "11-02 00:00", Spent: d, Limit: 4 * d},
				{State: domain.SpanDone, Entered: "11-03 00:00", Spent: d, Limit: 3 * d},
				{State: domain.SpanDone, Entered: "11-04 00:00", Spent: d, Limit: 3 * d},
				{State: domain.SpanDone, Entered: "11-05 00:00", Spent: d, Limit: 4 * d},
				{State: domain.SpanDone, Entered: "11-06 00:00", Spent: 10 * d, Limit: 10 * d},
				{State: domain.SpanDone, Entered: "11-16 00:00", Spent: d, Limit: 4 * d},
				{State: domain.SpanDone, Entered: "11-17 00:00", Spent: 3 * d, Limit: 7 * d},
				{State: domain.SpanDone, Entered: "11-20 00:00", Spent: d, Limit: 7 * d},
				{State: domain.SpanDone, Entered: "11-21 00:00", Spent: 15 * h, Limit: 2 * d},
				{State: domain.SpanCurrent, Entered: "11-21 15:00"},
			},
		},
		{
			name:      "a country's own threshold",
			events:    []domain.Event{ev(8, "2026-11-01 00:00")},
			current:   8,
			overrides: []domain.ThresholdOverride{{Stage: 8, Country: "BR", MaxHours: 720}},
			country:   "BR",
			now:       "2026-11-21 00:00",
			want: []spanView{
				skipped(1), skipped(2), skipped(3), skipped(4), skipped(5), skipped(6), skipped(7),
				{State: domain.SpanCurrent, Entered: "11-01 00:00", Spent: 20 * d, Limit: 30 * d},
				future(9), future(10), future(11),
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tl := domain.BuildTimeline(tc.events, tc.current, domain.NewThresholds(tc.overrides), tc.country, tc.periods, tc.untracked, at(tc.now))
			if tl.Current != tc.current {
				t.Errorf("Current = %v, want %v", tl.Current, tc.current)
			}
			got, want := viewSpans(tl), tc.want
			if len(got) != len(want) {
				t.Fatalf("%d spans, want %d", len(got), len(want))
			}
			for i := range want {
				if st := tl.Stages[i].Stage; st != domain.Stages[i] {
					t.Errorf("span %d is stage %v, want %v", i, st, domain.Stages[i])
				}
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Errorf("stage %d:\n got %+v\nwant %+v", i+1, got[i], want[i])
				}
			}
		})
	}
}

func TestBuildTimelineRatio(t *testing.T) {
	entered := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	events := []domain.Event{{Stage: domain.StageImportCustoms, OccurredAt: &entered}}
	tl := domain.BuildTimeline(events, domain.StageImportCustoms, domain.NewThresholds(nil), "", nil, false,
		entered.Add(10*24*time.Hour+12*time.Hour))
	sp, ok := tl.Span(domain.StageImportCustoms)
	if !ok {
		t.Fatal("no span for import customs")
	}
	got, want := sp.Ratio, 1.5 // 10.5 days of 7
	if got != want || !sp.Over {
		t.Errorf("Ratio = %v (over %v), want %v and over", got, sp.Over, want)
	}
	if _, ok := tl.Span(domain.StageUnknown); ok {
		t.Error("a timeline has a span for the unknown stage")
	}
}
