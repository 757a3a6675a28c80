package domain

import (
	"context"
	"fmt"
	"sort"
	"time"
)

const day = 24 * time.Hour

// DefaultThresholds are the product's maximum times in each stage before a shipment is flagged,
// from the seeds of this product (index = stage; delivered has none). A quiet parcel within these
// is normal: three days in export customs is not a problem.
var DefaultThresholds = [StageDelivered]time.Duration{
	StageOrderCompleted:     5 * day,
	StageDispatched:         4 * day,
	StageOutboundSorting:    3 * day,
	StageHandedToCarrier:    3 * day,
	StageExportCustoms:      4 * day,
	StageDepartedOrigin:     10 * day,
	StageArrivedDestination: 4 * day,
	StageImportCustoms:      7 * day,
	StageCustomsCleared:     7 * day,
	StageOutForDelivery:     2 * day,
}

// ThresholdOverride is a seller's own maximum for a stage: for every destination when Country is
// "", else for shipments to that country.
type ThresholdOverride struct {
	Stage    Stage  `db:"stage"`
	Country  string `db:"country"`
	MaxHours int    `db:"max_hours"`
}

// ThresholdSource says where an effective threshold comes from.
type ThresholdSource string

// The sources of a threshold, most specific first.
const (
	SourceCountry ThresholdSource = "country"
	SourceSeller  ThresholdSource = "seller"
	SourceDefault ThresholdSource = "default"
)

// Thresholds resolves a seller's effective thresholds: a per-country override beats the seller's
// per-stage value, which beats the default.
type Thresholds struct {
	byKey map[thresholdKey]time.Duration
}

type thresholdKey struct {
	stage   Stage
	country string
}

// NewThresholds builds the resolver from a seller's overrides.
func NewThresholds(overrides []ThresholdOverride) Thresholds {
	t := Thresholds{byKey: make(map[thresholdKey]time.Duration, len(overrides))}
	for _, o := range overrides {
		t.byKey[thresholdKey{o.Stage, o.Country}] = time.Duration(o.MaxHours) * time.Hour
	}
	return t
}

// For returns the effective threshold for a stage and destination country, and its source. A
// stage without one (delivered, unknown) returns 0.
func (t Thresholds) For(stage Stage, country string) (time.Duration, ThresholdSource) {
	if !stage.Valid() || stage == StageDelivered {
		return 0, SourceDefault
	}
	if country != "" {
		if d, ok := t.byKey[thresholdKey{stage, country}]; ok {
			return d, SourceCountry
		}
	}
	if d, ok := t.byKey[thresholdKey{stage, ""}]; ok {
		return d, SourceSeller
	}
	return DefaultThresholds[stage], SourceDefault
}

// PeakPeriod is a span when origin work stops; time inside it does not count toward the
// thresholds of stages 1–6. Built-in periods (Chinese New Year, Golden Week) are shared by every
// seller and have ID 0.
type PeakPeriod struct {
	ID       int64     `db:"id"`
	Name     string    `db:"name"`
	StartsAt time.Time `db:"starts_at"`
	EndsAt   time.Time `db:"ends_at"`
	Builtin  bool      `db:"builtin"`
}

// Paused returns how much of [from, to) falls inside the periods; overlapping periods count once.
func Paused(periods []PeakPeriod, from, to time.Time) time.Duration {
	if !to.After(from) {
		return 0
	}
	spans := make([]PeakPeriod, 0, len(periods))
	for _, p := range periods {
		s, e := maxTime(p.StartsAt, from), minTime(p.EndsAt, to)
		if e.After(s) {
			spans = append(spans, PeakPeriod{StartsAt: s, EndsAt: e})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].StartsAt.Before(spans[j].StartsAt) })
	var total time.Duration
	var curS, curE time.Time
	for i, sp := range spans {
		switch {
		case i == 0:
			curS, curE = sp.StartsAt, sp.EndsAt
		case !sp.StartsAt.After(curE): // overlaps or touches: extend
			curE = maxTime(curE, sp.EndsAt)
		default:
			total += curE.Sub(curS)
			curS, curE = sp.StartsAt, sp.EndsAt
		}
	}
	if len(spans) > 0 {
		total += curE.Sub(curS)
	}
	return total
}

// ClockTime is the time a shipment has spent in its stage that counts toward the threshold: the
// time since it entered, less peak periods for origin stages (a factory closed for Chinese New
// Year is not a stalled parcel).
func ClockTime(stage Stage, entered, now time.Time, periods []PeakPeriod) time.Duration {
	if !now.After(entered) {
		return 0
	}
	d := now.Sub(entered)
	if stage.IsOrigin() {
		d -= Paused(periods, entered, now)
	}
	return d
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// ListThresholdOverrides returns the seller's own thresholds, by stage then country.
func (s *Store) ListThresholdOverrides(ctx context.Context, seller SellerID) ([]ThresholdOverride, error) {
	var out []ThresholdOverride
	if err := s.db.SelectContext(ctx, &out, `
		SELECT stage, country, max_hours FROM stage_thresholds WHERE seller_id = $1 ORDER BY stage, country`, seller); err != nil {
		return nil, fmt.Errorf("list thresholds: %w", err)
	}
	return out, nil
}

// ListPeakPeriods returns the built-in periods and the seller's own, by start.
func (s *Store) ListPeakPeriods(ctx context.Context, seller SellerID) ([]PeakPeriod, error) {
	var out []PeakPeriod
	if err := s.db.SelectContext(ctx, &out, `
		SELECT 0::bigint AS id, name, starts_at, ends_at, true AS builtin FROM builtin_peak_periods
		UNION ALL
		SELECT id, name, starts_at, ends_at, false FROM peak_periods WHERE seller_id = $1
		ORDER BY starts_at`, seller); err != nil {
		return nil, fmt.Errorf("list peak periods: %w", err)
	}
	return out, nil
}
