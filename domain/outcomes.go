package domain

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"time"

	"github.com/jmoiron/sqlx"
)

// UnknownGroup names the carrier or destination country of shipments that have none.
const UnknownGroup = "unknown"

// Outcomes is how the seller's shipments since a date fared, grouped by carrier and by
// destination country: how often they stalled and how long delivered ones spent in each stage,
// so a seller sees which carrier or which route keeps failing.
type Outcomes struct {
	Since     time.Time
	ByCarrier []OutcomeGroup
	ByCountry []OutcomeGroup
}

// OutcomeGroup is the outcome of the shipments of one carrier or one destination country.
type OutcomeGroup struct {
	// Key is the carrier or the country code, UnknownGroup for shipments without one.
	Key string
	// Shipments counts the group's shipments; Stalled those that ever had a stalled exception;
	// Delivered those delivered, the ones the stage times are taken from.
	Shipments, Stalled, Delivered int64
	// Stages has the median time delivered shipments spent in each stage they passed, stages
	// ascending.
	Stages []StageTime
}

// StallRate is the share of the group's shipments that ever stalled, 0 to 1.
func (g OutcomeGroup) StallRate() float64 {
	if g.Shipments == 0 {
		return 0
	}
	return float64(g.Stalled) / float64(g.Shipments)
}

// Stage returns the group's time in a stage, and false if no delivered shipment passed it.
func (g OutcomeGroup) Stage(st Stage) (StageTime, bool) {
	for _, t := range g.Stages {
		if t.Stage == st {
			return t, true
		}
	}
	return StageTime{}, false
}

// StageTime is the median time a group's delivered shipments spent in one stage, out of N
// shipments, with the seller's threshold for it: per country for a country group, the seller's
// per-stage value (or the default) for a carrier group.
type StageTime struct {
	Stage     Stage
	N         int64
	Median    time.Duration
	Threshold time.Duration
}

// Over reports whether the median time is over the threshold.
func (t StageTime) Over() bool { return t.Threshold > 0 && t.Median > t.Threshold }

// outcomeShipmentsSQL is the seller's ($1) shipments ordered since $2 (by order date, else by
// when they were imported), with carrier and country under both groupings as (dim, key) rows.
const outcomeShipmentsSQL = `
	sh AS (
		SELECT s.id, s.stage,
		       CASE WHEN s.carrier = '' THEN '` + UnknownGroup + `' ELSE s.carrier END AS carrier,
		       CASE WHEN s.destination_country = '' THEN '` + UnknownGroup + `' ELSE s.destination_country END AS country
		FROM shipments s
		WHERE s.seller_id = $1 AND coalesce(s.order_date, s.created_at) >= $2
	), dims AS (
		SELECT sh.id, sh.stage, d.dim, d.key
		FROM sh, LATERAL (VALUES ('carrier', sh.carrier), ('country', sh.country)) AS d (dim, key)
	)`

type outcomeCount struct {
	Dim       string `db:"dim"`
	Key       string `db:"key"`
	Shipments int64  `db:"shipments"`
	Stalled   int64  `db:"stalled"`
	Delivered int64  `db:"delivered"`
}

type outcomeStage struct {
	Dim   string  `db:"dim"`
	Key   string  `db:"key"`
	Stage Stage   `db:"stage"`
	N     int64   `db:"n"`
	Secs  float64 `db:"secs"`
}

// Outcomes groups the seller's shipments ordered since the given time by carrier and by
// destination country, biggest groups first. A stage's time is from the shipment entering it
// (its earliest event of that stage that is not an import-customs pre-advice, the rule the stage
// itself follows) to entering any later stage; stages a shipment skipped count for nothing.
func (s *Store) Outcomes(ctx context.Context, seller SellerID, since time.Time) (Outcomes, error) {
	out := Outcomes{Since: since}
	var counts []outcomeCount
	var stages []outcomeStage
	var overrides []ThresholdOverride
	err := s.readOnly(ctx, func(tx *sqlx.Tx) error {
		// One plan for a million rows: the JIT's compile time costs more than it saves here.
		if _, err := tx.ExecContext(ctx, `SET LOCAL jit = off`); err != nil {
			return err
		}
		if err := tx.SelectContext(ctx, &counts, `
			WITH stalled AS (
				SELECT DISTINCT shipment_id FROM exceptions WHERE seller_id = $1 AND kind = 'stalled'
			), `+outcomeShipmentsSQL+`
			SELECT d.dim, d.key, count(*) AS shipments,
			       count(*) FILTER (WHERE st.shipment_id IS NOT NULL) AS stalled,
			       count(*) FILTER (WHERE d.stage = 11) AS delivered
			FROM dims d LEFT JOIN stalled st ON st.shipment_id = d.id
			GROUP BY d.dim, d.key`, seller, since); err != nil {
			return fmt.Errorf("outcomes: counts: %w", err)
		}
		// entries: when each delivered shipment entered each stage; spans: from there to the
		// earliest entry of a later stage.
		if err := tx.SelectContext(ctx, &stages, `
			WITH `+outcomeShipmentsSQL+`, entries AS (
				SELECT e.shipment_id, e.stage, min(coalesce(e.occurred_at, e.recorded_at)) AS at
				FROM events e JOIN sh ON sh.id = e.shipment_id AND sh.stage = 11
				WHERE e.seller_id = $1 AND e.stage > 0 AND NOT `+preAdviceSQL+`
				GROUP BY e.shipment_id, e.stage
			), spans AS (
				SELECT shipment_id, stage,
				       min(at) OVER (PARTITION BY shipment_id ORDER BY stage DESC
				                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) - at AS spent
				FROM entries
			)
			SELECT d.dim, d.key, sp.stage, count(*) AS n,
			       percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(extract(epoch FROM sp.spent), 0)) AS secs
			FROM spans sp JOIN dims d ON d.id = sp.shipment_id
			WHERE sp.stage < 11 AND sp.spent IS NOT NULL
			GROUP BY d.dim, d.key, sp.stage`, seller, since); err != nil {
			return fmt.Errorf("outcomes: stage times: %w", err)
		}
		return tx.SelectContext(ctx, &overrides, `SELECT stage, country, max_hours FROM stage_thresholds WHERE seller_id = $1`, seller)
	})
	if err != nil {
		return Outcomes{}, err
	}
	th := NewThresholds(overrides)
	groups := map[[2]string]*OutcomeGroup{}
	for _, c := range counts {
		groups[[2]string{c.Dim, c.Key}] = &OutcomeGroup{Key: c.Key, Shipments: c.Shipments, Stalled: c.Stalled, Delivered: c.Delivered}
	}
	for _, st := range stages {
		g, ok := groups[[2]string{st.Dim, st.Key}]
		if !ok {
			continue
		}
		country := ""
		if st.Dim == "country" && st.Key != UnknownGroup {
			country = st.Key
		}
		limit, _ := th.For(st.Stage, country)
		g.Stages = append(g.Stages, StageTime{Stage: st.Stage, N: st.N, Median: time.Duration(st.Secs * float64(time.Second)), Threshold: limit})
	}
	for k, g := range groups {
		sort.Slice(g.Stages, func(i, j int) bool { return g.Stages[i].Stage < g.Stages[j].Stage })
		if k[0] == "carrier" {
			out.ByCarrier = append(out.ByCarrier, *g)
		} else {
			out.ByCountry = append(out.ByCountry, *g)
		}
	}
	for _, list := range [][]OutcomeGroup{out.ByCarrier, out.ByCountry} {
		sort.Slice(list, func(i, j int) bool {
			if list[i].Shipments != list[j].Shipments {
				return list[i].Shipments > list[j].Shipments
			}
			return list[i].Key < list[j].Key
		})
	}
	return out, nil
}

// readOnly runs fn in a read-only transaction, always rolled back.
func (s *Store) readOnly(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := s.db.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	return fn(tx)
}
