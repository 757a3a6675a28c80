// Package eddbacktest measures the estimated delivery windows: it replays a shop's delivered
// history (domain.EDDSamples) and counts how many parcels arrived inside the window the sweep
// would have given them. It is measurement, not a rule of the portal: only tests and measuring
// tools import it, and the sweep's own windows come from SQL (domain's edd_stats).
package eddbacktest

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"time"

	"github.com/parceldesk/portal/domain"
)

// Accuracy is what a back-test found: of the Windows given (one per delivered shipment and
// stage it passed through, estimated when it entered the stage), how many it arrived Inside
// (between the early and the late end), Before the early end, and After the late end — the ones
// edd_missed would have flagged. ByBasis counts the windows per history level they came from.
type Accuracy struct {
	Shipments             int
	Windows               int
	Inside, Before, After int
	ByBasis               map[domain.EDDBasis]int
}

// InsideShare is the share of windows the parcel arrived inside.
func (a Accuracy) InsideShare() float64 { return share(a.Inside, a.Windows) }

// ByLateShare is the share of windows whose late end the parcel beat (inside or early): the
// windows that raised no edd_missed.
func (a Accuracy) ByLateShare() float64 { return share(a.Inside+a.Before, a.Windows) }

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// String is the back-test's figures on one line.
func (a Accuracy) String() string {
	return fmt.Sprintf("%d delivered shipments, %d windows: inside %.1f%%, before the early end %.1f%%, after the late end %.1f%% "+
		"(by the late end %.1f%%); windows from country+service %d, country %d, shop %d, defaults %d",
		a.Shipments, a.Windows, 100*a.InsideShare(), 100*share(a.Before, a.Windows), 100*share(a.After, a.Windows),
		100*a.ByLateShare(), a.ByBasis[domain.EDDCountryService], a.ByBasis[domain.EDDCountry], a.ByBasis[domain.EDDShop], a.ByBasis[domain.EDDDefault])
}

// Run replays the seller's history: for each delivered shipment and each stage it passed
// through, the window the sweep would have given it when it entered the stage — from the
// deliveries known then (delivered strictly before that moment, so never itself), by the same
// fallback chain, minimum counts, percentiles (percentile_cont's interpolation) and whole-hour
// rounding as the sweep — and where it actually arrived against it. The most-recent-deliveries
// cap of the sweep is left out: it only bites for shops far larger than a back-test reads.
func Run(samples []domain.EDDSample) Accuracy {
	type point struct {
		at    time.Time
		query bool // a window asked for (sample i entering stage k), else sample i delivered
		i     int
		stage domain.Stage
	}
	var pts []point
	for i, s := range samples {
		pts = append(pts, point{at: s.Delivered, i: i})
		for k := domain.StageOrderCompleted; k < domain.StageDelivered; k++ {
			if !s.Entered[k].IsZero() {
				pts = append(pts, point{at: s.Entered[k], query: true, i: i, stage: k})
			}
		}
	}
	// Windows asked for at an instant come before the deliveries at that instant: the history
	// is what was delivered before.
	sort.SliceStable(pts, func(a, b int) bool {
		if !pts[a].at.Equal(pts[b].at) {
			return pts[a].at.Before(pts[b].at)
		}
		return pts[a].query && !pts[b].query
	})
	type key struct {
		level            domain.EDDBasis
		country, service string
		stage            domain.Stage
	}
	hist := map[key][]float64{} // seconds to delivery, sorted
	add := func(k key, v float64) {
		xs := hist[k]
		j, _ := slices.BinarySearch(xs, v)
		hist[k] = slices.Insert(xs, j, v)
	}
	acc := Accuracy{Shipments: len(samples), ByBasis: map[domain.EDDBasis]int{}}
	for _, p := range pts {
		s := samples[p.i]
		if !p.query {
			for k := domain.StageOrderCompleted; k < domain.StageDelivered; k++ {
				if s.Entered[k].IsZero() {
					continue
				}
				v := s.Delivered.Sub(s.Entered[k]).Seconds()
				if s.Country != "" && s.ServiceKey != "" {
					add(key{domain.EDDCountryService, s.Country, s.ServiceKey, k}, v)
				}
				if s.Country != "" {
					add(key{domain.EDDCountry, s.Country, "", k}, v)
				}
				add(key{domain.EDDShop, "", "", k}, v)
			}
			continue
		}
		basis, span := domain.EDDDefault, domain.EDDDefaults[p.stage]
		for _, k := range []key{{domain.EDDCountryService, s.Country, s.ServiceKey, p.stage}, {domain.EDDCountry, s.Country, "", p.stage}, {domain.EDDShop, "", "", p.stage}} {
			if xs := hist[k]; len(xs) >= domain.EDDMinDeliveries {
				basis = k.level
				span = domain.EDDSpan{P50: time.Duration(percentileCont(xs, 0.5) * float64(time.Second)), P90: time.Duration(percentileCont(xs, 0.9) * float64(time.Second))}
				break
			}
		}
		p50 := math.RoundToEven(span.P50.Hours())
		p90 := max(math.RoundToEven(span.P90.Hours()), p50, 1)
		early, late := s.Entered[p.stage].Add(time.Duration(p50)*time.Hour), s.Entered[p.stage].Add(time.Duration(p90)*time.Hour)
		acc.Windows++
		acc.ByBasis[basis]++
		switch {
		case s.Delivered.Before(early):
			acc.Before++
		case s.Delivered.After(late):
			acc.After++
		default:
			acc.Inside++
		}
	}
	return acc
}

// percentileCont is PostgreSQL's percentile_cont over sorted values: linear interpolation
// between the two values around position p × (n − 1).
func percentileCont(sorted []float64, p float64) float64 {
	pos := p * float64(len(sorted)-1)
	lo := int(math.Floor(pos))
	if lo+1 >= len(sorted) {
		return sorted[lo]
	}
	return sorted[lo] + (pos-float64(lo))*(sorted[lo+1]-sorted[lo])
}
