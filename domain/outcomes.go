package domain

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/parceldesk/portal/domain/tracking"
)

// UnknownGroup names the service, last-mile carrier or destination country of shipments whose
// files did not give one.
const UnknownGroup = "unknown"

// OutcomeMinSample is the fewest parcels a rate, a transit time or a stage time is shown from.
// Below it one parcel moves a rate by more than five points, and a seller would drop a carrier
// over two late parcels; the page says how many there are and how many it needs instead.
const OutcomeMinSample = 20

// OutcomeBasis is which date of a shipment the outcomes' date range reads.
type OutcomeBasis string

const (
	// OutcomeShipped reads the date the carrier first scanned the parcel (a label-only event
	// when there is no scan): what a carrier is judged from.
	OutcomeShipped OutcomeBasis = "shipped"
	// OutcomeOrdered reads the order date, or the first event's when the file gave none.
	OutcomeOrdered OutcomeBasis = "ordered"
)

// ParseOutcomeBasis returns the basis a form value names, and false for anything else.
func ParseOutcomeBasis(s string) (OutcomeBasis, bool) {
	switch b := OutcomeBasis(s); b {
	case OutcomeShipped, OutcomeOrdered:
		return b, true
	}
	return "", false
}

// OutcomeFilter is the shipments the outcomes are taken from: those whose Basis date is in
// [From, To).
type OutcomeFilter struct {
	Basis    OutcomeBasis
	From, To time.Time
}

// OutcomeRange is a ready-made date range: the last Days days, today included.
type OutcomeRange struct {
	Key, Label string
	Days       int
}

// OutcomeRanges are the date ranges the outcomes page offers, shortest first.
var OutcomeRanges = []OutcomeRange{
	{"30d", "Last 30 days", 30}, {"90d", "Last 90 days", 90}, {"180d", "Last 6 months", 180}, {"365d", "Last 12 months", 365},
}

// DefaultOutcomeRange is the range the page opens with: long enough for most parcels shipped in
// it to have arrived, short enough to describe a carrier as it is now.
const DefaultOutcomeRange = "90d"

// FindOutcomeRange returns the range with the key, and false if there is none.
func FindOutcomeRange(key string) (OutcomeRange, bool) {
	for _, r := range OutcomeRanges {
		if r.Key == key {
			return r, true
		}
	}
	return OutcomeRange{}, false
}

// Bounds returns the range as instants: from the start of the day Days-1 days before now's day,
// to the start of the day after now's, days as they are in loc.
func (r OutcomeRange) Bounds(now time.Time, loc *time.Location) (from, to time.Time) {
	y, m, d := now.In(loc).Date()
	return time.Date(y, m, d-r.Days+1, 0, 0, 0, 0, loc), time.Date(y, m, d+1, 0, 0, 0, 0, loc)
}

// Outcomes is how the seller's shipments in a date range fared, in total and grouped by
// shipping service, by last-mile carrier and by destination country, so that a seller sees which
// service, which local carrier or which route to drop.
type Outcomes struct {
	Filter OutcomeFilter
	// Total is every shipment in the range, Key "".
	Total                            OutcomeGroup
	ByService, ByLastMile, ByCountry []OutcomeGroup
}

// OutcomeGroup is the outcome of the shipments of one service, last-mile carrier or country.
type OutcomeGroup struct {
	// Key is the service, the carrier or the country code, UnknownGroup for shipments without one.
	Key string
	// Shipments counts the group's shipments; Stalled those that ever had a stalled exception;
	// Delivered those delivered.
	Shipments, Stalled, Delivered int64
	// Promised counts the shipments with a promised delivery date; Due those of them whose
	// outcome is known: delivered, or past the date undelivered (but not a service untracked
	// after hand-over that has arrived: its delivery is not reported); OnTime those delivered by
	// the date.
	Promised, Due, OnTime int64
	// Transit is the time from the carrier's first scan to delivery: P50 and P90 over N delivered
	// shipments that had a scan before delivery.
	Transit Transit
	// Stages has the median time delivered shipments spent in each stage they passed, stages
	// ascending.
	Stages []StageTime
}

// Transit is the spread of total transit times over N shipments.
type Transit struct {
	N        int64
	P50, P90 time.Duration
}

// Shown reports whether the sample is big enough to show the times.
func (t Transit) Shown() bool { return t.N >= OutcomeMinSample }

// Share is N of Of shipments, shown as a rate only from OutcomeMinSample shipments.
type Share struct{ N, Of int64 }

// Shown reports whether the sample is big enough to show the rate.
func (s Share) Shown() bool { return s.Of >= OutcomeMinSample }

// Rate is N/Of, 0 to 1 (0 for no shipments).
func (s Share) Rate() float64 {
	if s.Of == 0 {
		return 0
	}
	return float64(s.N) / float64(s.Of)
}

// StallRate is the share of the group's shipments that ever stalled.
func (g OutcomeGroup) StallRate() Share { return Share{g.Stalled, g.Shipments} }

// OnTimeRate is the share of the due shipments delivered by their promised date.
func (g OutcomeGroup) OnTimeRate() Share { return Share{g.OnTime, g.Due} }

// StageTime is the median time a group's delivered shipments spent in one stage, out of N
// shipments, with the seller's threshold for it: per country for a country group, the seller's
// per-stage value (or the default) for the others.
type StageTime struct {
	Stage     Stage
	N         int64
	Median    time.Duration
	Threshold time.Duration
}

// Over reports whether the median time is over the threshold.
func (t StageTime) Over() bool { return t.Threshold > 0 && t.Median > t.Threshold }

// Shown reports whether the median is taken from enough shipments to show.
func (t StageTime) Shown() bool { return t.N >= OutcomeMinSample }

// outcomesSQL is Outcomes' one statement for each basis, column-wise as suggestSQL is: one row
// per shipment with a column per stage. Parameters: $1 seller, $2 and $3 the range, $4 now, $5
// the carriers that are last-mile ones.
//   - cand: the seller's shipments that can be in the range. A parcel shipped (or first seen)
//     after $2 has its latest event after $2, so shipments quiet since before the range are
//     never read further;
//   - sh: per shipment, the earliest event of each stage t1…t11 (pre-advices left out), read
//     through the events index one shipment at a time. Joining the seller's events wholesale is
//     as fast when the planner's statistics are right, but right after a big import, before
//     autovacuum has analysed it, the planner took cand for one row and the page for
//     seconds (make bench-queue's data); this form does not depend on the estimate. Then the
//     dates and groups: shipped_at is the first scan before delivery (stage 3 on: stage 2 is a
//     label, which may wait days for the parcel), else the label event; for the range, the
//     delivery stands in for it, so a file that gives only the last status still has a date.
//     The service is the file's, else the carrier unless that is a last-mile one; the last-mile
//     carrier the file's, else the carrier when it is a last-mile one (the carrier column of a
//     tracking export names the last-mile carrier once that has the parcel);
//   - spans: per shipment in the range, what is counted, and for delivered ones the seconds hK
//     from entering stage K to entering a later one (NULL for stages from arrival on of services
//     untracked after hand-over, whose "arrival" lasts until the buyer confirms);
//   - then the counts and percentiles in total and per group, in one pass.
var outcomesSQL = func() map[OutcomeBasis]string {
	var firsts, later, spans, ns, medians []string
	for k := 1; k <= 11; k++ {
		firsts = append(firsts, fmt.Sprintf("min(coalesce(e.occurred_at, e.recorded_at)) FILTER (WHERE e.stage = %d) AS t%d", k, k))
	}
	for k := 1; k <= 10; k++ {
		later = later[:0]
		for j := k + 1; j <= 11; j++ {
			later = append(later, fmt.Sprintf("t%d", j))
		}
		// 0 when a later stage came first; NULL without tK or a later stage.
		h := fmt.Sprintf("CASE WHEN t%[1]d > least(%[2]s) THEN 0 ELSE extract(epoch FROM least(%[2]s) - t%[1]d) END", k, strings.Join(later, ", "))
		if Stage(k) >= StageArrivedDestination {
			h = "CASE WHEN NOT untracked THEN " + h + " END"
		}
		spans = append(spans, fmt.Sprintf("CASE WHEN delivered_at IS NOT NULL THEN %s END AS h%d", h, k))
		ns = append(ns, fmt.Sprintf("count(h%d)", k))
		medians = append(medians, fmt.Sprintf("coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY h%d), 0)", k))
	}
	const sep = ",\n\t\t\t       "
	build := func(cand, day string) string {
		return `
		WITH cand AS (
			SELECT s.id, s.stage, s.stage_entered_at, s.order_date, s.promised_by, s.service, s.service_key, s.carrier,
			       s.last_mile_carrier, s.destination_country
			FROM shipments s
			WHERE s.seller_id = $1 AND ` + cand + `
		), sh AS (
			SELECT c.id, c.stage, c.promised_by, f.*, u.name IS NOT NULL AS untracked,
			       coalesce(least(f.t3, f.t4, f.t5, f.t6, f.t7, f.t8, f.t9, f.t10), f.t2) AS shipped_at,
			       coalesce(c.order_date, least(f.t1, f.t2, f.t3, f.t4, f.t5, f.t6, f.t7, f.t8, f.t9, f.t10, f.t11)) AS order_day,
			       CASE WHEN c.stage = 11 THEN c.stage_entered_at END AS delivered_at,
			       CASE WHEN c.service <> '' THEN c.service
			            WHEN c.carrier <> '' AND NOT c.carrier = ANY($5) THEN c.carrier ELSE '' END AS service,
			       CASE WHEN c.last_mile_carrier <> '' THEN c.last_mile_carrier
			            WHEN c.carrier = ANY($5) THEN c.carrier ELSE '' END AS last_mile,
			       c.destination_country AS country
			FROM cand c
			CROSS JOIN LATERAL (
				SELECT ` + strings.Join(firsts, sep) + `
				FROM events e
				WHERE e.seller_id = $1 AND e.shipment_id = c.id AND e.stage BETWEEN 1 AND 11 AND NOT ` + preAdviceSQL + `
			) f
			LEFT JOIN untracked_services u
			       ON u.seller_id = $1 AND u.name = c.service_key
		), spans AS (
			SELECT service, last_mile, country,
			       EXISTS (SELECT 1 FROM exceptions x
			               WHERE x.seller_id = $1 AND x.shipment_id = sh.id AND x.kind = 'stalled') AS stalled,
			       promised_by IS NOT NULL AND (delivered_at IS NOT NULL
			           OR (promised_by < $4 AND NOT (untracked AND stage >= 7))) AS due,
			       delivered_at <= promised_by AS on_time,
			       CASE WHEN shipped_at < delivered_at THEN extract(epoch FROM delivered_at - shipped_at) END AS transit,
			       delivered_at, promised_by,
			       ` + strings.Join(spans, sep) + `
			FROM sh
			WHERE ` + day + ` >= $2 AND ` + day + ` < $3
		)
		SELECT CASE WHEN GROUPING(service) = 0 THEN 'service' WHEN GROUPING(last_mile) = 0 THEN 'last_mile'
		            WHEN GROUPING(country) = 0 THEN 'country' ELSE '' END AS dim,
		       coalesce(service, last_mile, country, '') AS key,
		       count(*) AS shipments,
		       count(*) FILTER (WHERE stalled) AS stalled,
		       count(delivered_at) AS delivered,
		       count(promised_by) AS promised,
		       count(*) FILTER (WHERE due) AS due,
		       count(*) FILTER (WHERE on_time) AS on_time,
		       count(transit) AS transit_n,
		       coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY transit), 0) AS transit_p50,
		       coalesce(percentile_cont(0.9) WITHIN GROUP (ORDER BY transit), 0) AS transit_p90,
		       ARRAY[` + strings.Join(ns, ", ") + `] AS stage_n,
		       ARRAY[` + strings.Join(medians, ", ") + `] AS stage_median
		FROM spans
		GROUP BY GROUPING SETS ((), (service), (last_mile), (country))`
	}
	return map[OutcomeBasis]string{
		OutcomeShipped: build(`s.last_event_at >= $2 AND (s.order_date IS NULL OR s.order_date < $3)`,
			`coalesce(shipped_at, t11)`),
		OutcomeOrdered: build(`(s.order_date >= $2 AND s.order_date < $3 OR s.order_date IS NULL AND s.last_event_at >= $2)`,
			`order_day`),
	}
}()

type outcomeRow struct {
	Dim         string          `db:"dim"`
	Key         string          `db:"key"`
	Shipments   int64           `db:"shipments"`
	Stalled     int64           `db:"stalled"`
	Delivered   int64           `db:"delivered"`
	Promised    int64           `db:"promised"`
	Due         int64           `db:"due"`
	OnTime      int64           `db:"on_time"`
	TransitN    int64           `db:"transit_n"`
	TransitP50  float64         `db:"transit_p50"`
	TransitP90  float64         `db:"transit_p90"`
	StageN      pq.Int64Array   `db:"stage_n"`
	StageMedian pq.Float64Array `db:"stage_median"`
}

// Outcomes sums up the seller's shipments whose f.Basis date is in the range: in total, and per
// service, last-mile carrier and destination country, biggest groups first and the unknown group
// last. now decides which promised dates have passed. A stage's time is from the shipment
// entering it (its earliest event of that stage that is not an import-customs pre-advice, the
// rule the stage itself follows) to entering any later stage; stages a shipment skipped count
// for nothing.
func (s *Store) Outcomes(ctx context.Context, seller SellerID, f OutcomeFilter, now time.Time) (Outcomes, error) {
	query, ok := outcomesSQL[f.Basis]
	if !ok {
		return Outcomes{}, fmt.Errorf("outcomes: unknown basis %q", f.Basis)
	}
	out := Outcomes{Filter: f}
	var rows []outcomeRow
	var overrides []ThresholdOverride
	err := s.readOnly(ctx, func(tx *sqlx.Tx) error {
		// One plan for a million rows: the JIT's compile time costs more than it saves here.
		if _, err := tx.ExecContext(ctx, `SET LOCAL jit = off`); err != nil {
			return err
		}
		// The carriers the lexicon knows as last-mile ones, among the seller's: a few dozen names,
		// so the rule stays tracking.IsLastMile instead of a copy of it in SQL.
		var carriers []string
		lastMile := []string{} // never nil: pq sends a nil slice as NULL, and "= ANY(NULL)" is never false
		if err := tx.SelectContext(ctx, &carriers, `SELECT DISTINCT carrier FROM shipments WHERE seller_id = $1 AND carrier <> ''`, seller); err != nil {
			return fmt.Errorf("outcomes: carriers: %w", err)
		}
		for _, c := range carriers {
			if tracking.IsLastMile(c) {
				lastMile = append(lastMile, c)
			}
		}
		if err := tx.SelectContext(ctx, &rows, query, seller, f.From, f.To, now, pq.Array(lastMile)); err != nil {
			return fmt.Errorf("outcomes: %w", err)
		}
		return tx.SelectContext(ctx, &overrides, `SELECT stage, country, max_hours FROM stage_thresholds WHERE seller_id = $1`, seller)
	})
	if err != nil {
		return Outcomes{}, err
	}
	th := NewThresholds(overrides)
	for _, r := range rows {
		g := OutcomeGroup{Key: r.Key, Shipments: r.Shipments, Stalled: r.Stalled, Delivered: r.Delivered,
			Promised: r.Promised, Due: r.Due, OnTime: r.OnTime,
			Transit: Transit{N: r.TransitN, P50: seconds(r.TransitP50), P90: seconds(r.TransitP90)}}
		if g.Key == "" && r.Dim != "" {
			g.Key = UnknownGroup
		}
		country := ""
		if r.Dim == "country" && g.Key != UnknownGroup {
			country = g.Key
		}
		for i, n := range r.StageN {
			if n == 0 {
				continue
			}
			st := Stage(i + 1)
			limit, _ := th.For(st, country)
			g.Stages = append(g.Stages, StageTime{Stage: st, N: n, Median: seconds(r.StageMedian[i]), Threshold: limit})
		}
		switch r.Dim {
		case "service":
			out.ByService = append(out.ByService, g)
		case "last_mile":
			out.ByLastMile = append(out.ByLastMile, g)
		case "country":
			out.ByCountry = append(out.ByCountry, g)
		default:
			out.Total = g
		}
	}
	for _, list := range [][]OutcomeGroup{out.ByService, out.ByLastMile, out.ByCountry} {
		sort.Slice(list, func(i, j int) bool {
			if ui, uj := list[i].Key == UnknownGroup, list[j].Key == UnknownGroup; ui != uj {
				return uj
			}
			if list[i].Shipments != list[j].Shipments {
				return list[i].Shipments > list[j].Shipments
			}
			return list[i].Key < list[j].Key
		})
	}
	return out, nil
}

func seconds(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

// readOnly runs fn in a read-only transaction, always rolled back.
func (s *Store) readOnly(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := s.db.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	return fn(tx)
}
