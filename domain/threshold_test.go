package domain_test

import (
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
)

func TestThresholdsResolve(t *testing.T) {
	th := domain.NewThresholds([]domain.ThresholdOverride{
		{Stage: domain.StageImportCustoms, MaxHours: 240},
		{Stage: domain.StageImportCustoms, Country: "BR", MaxHours: 720},
		{Stage: domain.StageExportCustoms, Country: "US", MaxHours: 72},
	})
	for _, tc := range []struct {
		stage   domain.Stage
		country string
		want    time.Duration
		source  domain.ThresholdSource
	}{
		{domain.StageImportCustoms, "BR", 720 * time.Hour, domain.SourceCountry},
		{domain.StageImportCustoms, "DE", 240 * time.Hour, domain.SourceSeller},
		{domain.StageImportCustoms, "", 240 * time.Hour, domain.SourceSeller},
		{domain.StageExportCustoms, "US", 72 * time.Hour, domain.SourceCountry},
		{domain.StageExportCustoms, "FR", 4 * 24 * time.Hour, domain.SourceDefault},
		{domain.StageDepartedOrigin, "US", 10 * 24 * time.Hour, domain.SourceDefault},
		{domain.StageDelivered, "US", 0, domain.SourceDefault},
	} {
		got, src := th.For(tc.stage, tc.country)
		if got != tc.want || src != tc.source {
			t.Errorf("For(%v, %q) = %v %s, want %v %s", tc.stage, tc.country, got, src, tc.want, tc.source)
		}
	}
}

func TestPausedAndClockTime(t *testing.T) {
	d := func(s string) time.Time {
		v, err := time.Parse("2006-01-02 15:04", s)
		if err != nil {
			panic(err)
		}
		return v
	}
	cny := domain.PeakPeriod{StartsAt: d("2026-02-10 00:00"), EndsAt: d("2026-03-03 00:00")}
	own := domain.PeakPeriod{StartsAt: d("2026-02-28 00:00"), EndsAt: d("2026-03-05 00:00")} // overlaps CNY
	periods := []domain.PeakPeriod{own, cny}
	for _, tc := range []struct {
		name     string
		from, to time.Time
		want     time.Duration
	}{
		{"before any period", d("2026-01-01 00:00"), d("2026-01-05 00:00"), 0},
		{"spans the whole of both, counted once", d("2026-02-01 00:00"), d("2026-03-10 00:00"), 23 * 24 * time.Hour},
		{"starts inside", d("2026-03-02 00:00"), d("2026-03-10 00:00"), 3 * 24 * time.Hour},
		{"ends inside", d("2026-02-09 00:00"), d("2026-02-11 12:00"), 36 * time.Hour},
		{"inside entirely", d("2026-02-15 00:00"), d("2026-02-16 00:00"), 24 * time.Hour},
		{"empty span", d("2026-02-15 00:00"), d("2026-02-15 00:00"), 0},
	} {
		if got := domain.Paused(periods, tc.from, tc.to); got != tc.want {
			t.Errorf("%s: Paused = %v, want %v", tc.name, got, tc.want)
		}
	}
	entered, now := d("2026-02-08 00:00"), d("2026-03-04 00:00") // 24 days, 22 of them paused (CNY + own)
	if got, want := domain.ClockTime(domain.StageExportCustoms, entered, now, periods), 2*24*time.Hour; got != want {
		t.Errorf("origin stage clock = %v, want %v", got, want)
	}
	if got, want := domain.ClockTime(domain.StageImportCustoms, entered, now, periods), 24*24*time.Hour; got != want {
		t.Errorf("destination stage clock = %v, want %v (pauses apply to origin stages only)", got, want)
	}
	// Time zones: a period written in China time pauses the same instants seen from anywhere.
	china := time.FixedZone("CST", 8*3600)
	gw := domain.PeakPeriod{StartsAt: time.Date(2026, 10, 1, 0, 0, 0, 0, china), EndsAt: time.Date(2026, 10, 8, 0, 0, 0, 0, china)}
	madrid := time.FixedZone("CEST", 2*3600)
	from := time.Date(2026, 9, 30, 19, 0, 0, 0, madrid) // = 1 Oct 01:00 in China
	if got, want := domain.Paused([]domain.PeakPeriod{gw}, from, from.Add(48*time.Hour)), 48*time.Hour; got != want {
		t.Errorf("Golden Week from Madrid: %v, want %v", got, want)
	}
}
