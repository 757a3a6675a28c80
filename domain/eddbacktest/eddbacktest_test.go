package eddbacktest

import (
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
)

// TestRunOnDefaults: with fewer deliveries than a history level needs, every window is the
// product's default one, and each parcel is counted where it arrived against it. (domain's
// TestEDDBacktestGeneratedHistory runs it on a history the sweep also reads.)
func TestRunOnDefaults(t *testing.T) {
	t0 := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)
	sample := func(days int) domain.EDDSample {
		s := domain.EDDSample{Country: "FR", ServiceKey: "x", Delivered: t0.Add(time.Duration(days) * 24 * time.Hour)}
		s.Entered[domain.StageImportCustoms] = t0 // defaults: 5 to 9 days from import customs
		return s
	}
	got := Run([]domain.EDDSample{sample(4), sample(7), sample(10)})
	if got.Shipments != 3 || got.Windows != 3 || got.Before != 1 || got.Inside != 1 || got.After != 1 ||
		got.ByBasis[domain.EDDDefault] != 3 {
		t.Errorf("Run = %+v", got)
	}
	if s := got.ByLateShare(); s < 0.66 || s > 0.67 {
		t.Errorf("ByLateShare = %.3f, want 2/3", s)
	}
}

// TestPercentileCont: PostgreSQL's percentile_cont interpolates between the values around
// p × (n − 1).
func TestPercentileCont(t *testing.T) {
	xs := []float64{10, 20, 30, 40}
	for p, want := range map[float64]float64{0: 10, 0.5: 25, 0.9: 37, 1: 40} {
		if got := percentileCont(xs, p); got < want-1e-9 || got > want+1e-9 {
			t.Errorf("percentileCont(%v, %v) = %v, want %v", xs, p, got, want)
		}
	}
}
