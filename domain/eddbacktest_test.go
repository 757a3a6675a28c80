package domain_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/eddbacktest"
)

// generatedHistory is a CSV (sweepHeader) of n delivered parcels to three countries by two
// services, each route with its own speed, every stage's time drawn from a log-normal spread:
// sorting, departure, arrival, import customs, out for delivery, delivered. Orders are an hour
// and a half apart, so early parcels have little history and later ones plenty.
func generatedHistory(n int, start time.Time, seed uint64) string {
	rng := rand.New(rand.NewPCG(seed, 1))
	countries := []struct {
		code  string
		speed float64
	}{{"FR", 1}, {"US", 1.3}, {"DE", 0.8}}
	services := []struct {
		name  string
		speed float64
	}{{"AliExpress Standard Shipping", 1}, {"Cainiao Standard", 1.4}}
	steps := []struct {
		text  string
		hours float64 // typical hours until the next step
	}{
		{"[Shenzhen] Outbound in sorting center", 40},
		{"[Shenzhen] Departed from departure country/region", 100},
		{"Arrived at destination country/region", 30},
		{"Import clearance start", 60},
		{"Out for delivery", 12},
		{"Delivered", 0},
	}
	var b strings.Builder
	for i := range n {
		c, s := countries[rng.IntN(len(countries))], services[rng.IntN(len(services))]
		at := start.Add(time.Duration(i) * 90 * time.Minute)
		for _, st := range steps {
			b.WriteString(evService(fmt.Sprintf("G-%d", i), s.name, st.text, at.Format("2006-01-02 15:04"), c.code))
			h := st.hours * c.speed * s.speed * math.Exp(0.4*rng.NormFloat64())
			at = at.Add(time.Duration(h * float64(time.Hour)))
		}
	}
	return b.String()
}

// TestEDDBacktestGeneratedHistory: on a generated history whose routes differ in speed, the
// windows the sweep would have given (each estimated from the deliveries before it) hold about
// 40% of the parcels between p50 and p90, and about 90% by the late end; and the back-test's
// estimator is the sweep's (the same percentiles as edd_stats).
func TestEDDBacktestGeneratedHistory(t *testing.T) {
	t.Parallel()
	f := newSweepFixture(t)
	mustImport(t, f.s, f.seller, sweepHeader+generatedHistory(1500, at("2026-06-01 10:00"), 16))
	f.sweep(at("2026-10-01 10:00"))
	samples, err := f.s.EDDSamples(context.Background(), f.seller)
	if err != nil {
		t.Fatal(err)
	}
	acc := eddbacktest.Run(samples)
	t.Logf("generated history: %s", acc)
	if acc.Shipments != 1500 || acc.Windows != 1500*5 {
		t.Fatalf("%d shipments, %d windows, want 1500 and 7500", acc.Shipments, acc.Windows)
	}
	if s := acc.InsideShare(); s < 0.3 || s > 0.5 {
		t.Errorf("inside the window: %.3f, want about 0.4 (p50 to p90)", s)
	}
	if s := acc.ByLateShare(); s < 0.82 || s > 0.95 {
		t.Errorf("by the late end: %.3f, want about 0.9", s)
	}
	if acc.ByBasis[domain.EDDCountryService] < acc.Windows*3/4 {
		t.Errorf("windows per basis: %v; most should have their route's own history", acc.ByBasis)
	}

	// The sweep's p90 for FR by AliExpress Standard from import customs is the back-test's.
	var secs []float64
	for _, s := range samples {
		if s.Country == "FR" && s.ServiceKey == "aliexpress standard shipping" {
			secs = append(secs, s.Delivered.Sub(s.Entered[domain.StageImportCustoms]).Seconds())
		}
	}
	slices.Sort(secs)
	var p90 float64
	if err := f.db.Get(&p90, `SELECT p90_s FROM edd_stats WHERE seller_id = $1 AND level = 'country_service'
		AND stage = 8 AND country = 'FR' AND service_key = 'aliexpress standard shipping'`, f.seller); err != nil {
		t.Fatal(err)
	}
	pos := 0.9 * float64(len(secs)-1)
	lo := int(pos)
	want := secs[lo] + (pos-float64(lo))*(secs[lo+1]-secs[lo])
	if math.Abs(p90-want) > 1 {
		t.Errorf("edd_stats p90 %.0f s, the samples' %.0f s", p90, want)
	}
}
