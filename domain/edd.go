package domain

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
)

// Estimated delivery (issue 16). Every undelivered shipment gets a window from the seller's own
// delivered history: of their parcels that were delivered, how long each took from entering the
// stage this one is in now to delivery — p50 is the early end, p90 the late end, both counted
// from the time this shipment entered its stage. The sweep keeps the window on the shipment
// (refreshEDD), and raises edd_missed when its late end passes (findCauses).
//
// The history a window is taken from is the narrowest one with enough deliveries, in order:
//
//	country_service  the same destination country and service (the stored service_key)
//	country          the same destination country, any service
//	shop             all of the seller's delivered parcels
//	default          EDDDefaults, the product's typical times, when the shop has too few
//
// "Enough" is EDDMinDeliveries delivered parcels that passed through the stage: below about 20
// the p90 is the second-slowest parcel or worse, and one odd parcel moves the window by days.
// Only the seller's own history is read: another shop's parcels never shape a window.

// EDDMinDeliveries is the fewest delivered parcels through a stage a history level needs before a
// window is taken from it; below it the next, wider level is used.
const EDDMinDeliveries = 20

// EDDHistoryLimit is how many of the seller's most recent deliveries the history is taken from:
// recent parcels say how carriers perform now, and it bounds what a rebuild reads for the biggest
// shops.
const EDDHistoryLimit = 20000

// EDDBasis is which history a window was taken from.
type EDDBasis string

// The history levels, narrowest first.
const (
	EDDCountryService EDDBasis = "country_service"
	EDDCountry        EDDBasis = "country"
	EDDShop           EDDBasis = "shop"
	EDDDefault        EDDBasis = "default"
)

// EDDSpan is the time left to delivery from entering a stage: P50 the median, P90 the time 90% of
// parcels needed.
type EDDSpan struct{ P50, P90 time.Duration }

// EDDDefaults are the product's typical times from entering each stage to delivery, for an
// AliExpress Standard–like service to Europe or North America: what a shop without enough
// delivered history of its own is told. They follow the stage thresholds' defaults (a parcel
// that spends its typical time in each stage) and are written once, here.
var EDDDefaults = map[Stage]EDDSpan{
	StageOrderCompleted:     {14 * day, 25 * day},
	StageDispatched:         {13 * day, 23 * day},
	StageOutboundSorting:    {12 * day, 21 * day},
	StageHandedToCarrier:    {11 * day, 20 * day},
	StageExportCustoms:      {10 * day, 18 * day},
	StageDepartedOrigin:     {8 * day, 15 * day},
	StageArrivedDestination: {6 * day, 11 * day},
	StageImportCustoms:      {5 * day, 9 * day},
	StageCustomsCleared:     {3 * day, 6 * day},
	StageOutForDelivery:     {1 * day, 2 * day},
}

// eddDefaultsSQL is EDDDefaults as a VALUES list of (stage, p50 seconds, p90 seconds).
func eddDefaultsSQL() string {
	return stageValuesSQL(func(st Stage) []float64 {
		if d, ok := EDDDefaults[st]; ok {
			return []float64{d.P50.Seconds(), d.P90.Seconds()}
		}
		return nil
	})
}

// Estimate is a shipment's estimated delivery window and where it came from.
type Estimate struct {
	Early, Late time.Time
	// Stage is the stage the window was estimated from, entered at From.
	Stage Stage
	From  time.Time
	Basis EDDBasis
	// Deliveries is how many delivered parcels the history had (0 for the defaults).
	Deliveries int
	// Country and Service are the shipment's, as the explanation names them.
	Country, Service string
}

// Estimate returns the shipment's estimated delivery window, and false when it has none (no
// stage yet, or not swept since it got one).
func (sh Shipment) Estimate() (Estimate, bool) {
	if sh.EDDEarly == nil || sh.EDDLate == nil || sh.EDDFrom == nil || !sh.EDDStage.Valid() {
		return Estimate{}, false
	}
	return Estimate{Early: *sh.EDDEarly, Late: *sh.EDDLate, Stage: sh.EDDStage, From: *sh.EDDFrom,
		Basis: EDDBasis(sh.EDDBasis), Deliveries: sh.EDDDeliveries, Country: sh.DestinationCountry, Service: sh.Service}, true
}

// Span is the window as times from entering the stage: what the history says parcels took.
func (e Estimate) Span() EDDSpan { return EDDSpan{e.Early.Sub(e.From), e.Late.Sub(e.From)} }

// Standing says where the shipment stands against its window: for a delivered one (delivered
// not nil) whether it arrived inside it, for the others where now is.
func (e Estimate) Standing(delivered *time.Time, now time.Time) string {
	if delivered != nil {
		switch {
		case delivered.After(e.Late):
			return "Delivered " + Span(delivered.Sub(e.Late)) + " after the window closed."
		case delivered.Before(e.Early):
			return "Delivered " + Span(e.Early.Sub(*delivered)) + " before the window opened."
		}
		return "Delivered inside the window."
	}
	switch {
	case now.After(e.Late):
		return "Not delivered " + Span(now.Sub(e.Late)) + " after the window closed."
	case now.Before(e.Early):
		return "The window opens in " + Span(e.Early.Sub(now)) + "."
	}
	return "Inside the window now; it closes in " + Span(e.Late.Sub(now)) + "."
}

// Explain says in a sentence where the window comes from: "Parcels to FR by AliExpress Standard
// Shipping from import customs took 3–6 days (42 deliveries)."
func (e Estimate) Explain() string {
	took, from := e.Span().Words(), eddFromPhrase(e.Stage)
	n := plural(e.Deliveries, "delivery", "deliveries")
	switch e.Basis {
	case EDDCountryService:
		by := ""
		if e.Service != "" {
			by = " by " + e.Service
		}
		return fmt.Sprintf("Parcels to %s%s %s took %s (%s).", e.Country, by, from, took, n)
	case EDDCountry:
		return fmt.Sprintf("Parcels to %s %s took %s (%s; too few by this service to go by).", e.Country, from, took, n)
	case EDDShop:
		return fmt.Sprintf("Your parcels %s took %s (%s; too few to this country and service to go by).", from, took, n)
	}
	return fmt.Sprintf("Parcels %s typically take %s (product default: too few of your own deliveries to go by yet).", from, took)
}

// Words writes the span as the explanation says it: "3–6 days", "20–40 hours", "2 days".
func (s EDDSpan) Words() string {
	if s.P90 < 48*time.Hour {
		lo, hi := int(math.Round(s.P50.Hours())), int(math.Round(s.P90.Hours()))
		if lo == hi {
			return plural(hi, "hour", "hours")
		}
		return fmt.Sprintf("%d–%d hours", lo, hi)
	}
	lo, hi := int(math.Round(s.P50.Hours()/24)), int(math.Round(s.P90.Hours()/24))
	if lo == hi {
		return plural(hi, "day", "days")
	}
	return fmt.Sprintf("%d–%d days", lo, hi)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// eddFromPhrase names the stage a window counts from, as "from import customs".
func eddFromPhrase(st Stage) string {
	switch st {
	case StageOrderCompleted:
		return "from the order"
	case StageDispatched:
		return "from dispatch"
	case StageOutboundSorting:
		return "from the origin sorting centre"
	case StageHandedToCarrier:
		return "from hand-over to the carrier"
	case StageExportCustoms:
		return "from export customs"
	case StageDepartedOrigin:
		return "from departure"
	case StageArrivedDestination:
		return "from arrival in the country"
	case StageImportCustoms:
		return "from import customs"
	case StageCustomsCleared:
		return "from customs clearance"
	case StageOutForDelivery:
		return "from out for delivery"
	}
	return "from " + strings.ToLower(st.Label())
}

// eddEntriesSQL ($1 seller, $2 how many recent deliveries) is one row per delivered shipment and
// stage 1–10 it passed through: its country, service key, stage, and the seconds from its
// earliest event of that stage (import-customs pre-advices left out, as for the stage itself) to
// its delivery. The most recent deliveries are read through the stage index, and their events
// one shipment at a time through the events' dedupe index. A stage first seen after delivery
// (a late scan) says nothing about the time left, and is left out.
const eddEntriesSQL = `
	SELECT r.id, r.country, r.service_key, f.stage, r.delivered_at,
	       extract(epoch FROM r.delivered_at - f.entered_at)::float8 AS secs
	FROM (
		SELECT s.id, s.destination_country AS country, s.service_key, s.stage_entered_at AS delivered_at
		FROM shipments s
		WHERE s.seller_id = $1 AND s.stage = 11 AND s.stage_entered_at IS NOT NULL
		ORDER BY s.stage_entered_at DESC
		LIMIT $2
	) r
	CROSS JOIN LATERAL (
		SELECT e.stage, min(coalesce(e.occurred_at, e.recorded_at)) AS entered_at
		FROM events e
		WHERE e.seller_id = $1 AND e.shipment_id = r.id AND e.stage BETWEEN 1 AND 10 AND NOT ` + preAdviceSQL + `
		GROUP BY e.stage
	) f
	WHERE f.entered_at <= r.delivered_at`

// refreshEDD brings the seller's estimated delivery windows up to date, in the sweep's
// transaction. It rebuilds edd_stats when the history grew: deliveries later than the latest one
// of the last rebuild, found through the stage index, that number 5% or more of it (or any, a day
// later); once a day it also recounts every delivery, for deliveries imported with older dates.
// Then it writes the window of every undelivered shipment whose stage or stage entry changed
// since its window was made (shipments_edd_stale_idx), or of all of them after a rebuild.
// Windows are whole hours, so a rebuild that shifts a percentile by minutes rewrites nothing.
func refreshEDD(ctx context.Context, tx *sqlx.Tx, seller SellerID, now time.Time) error {
	var st struct {
		Stored *int64     `db:"delivered"`
		At     *time.Time `db:"computed_at"`
		Latest *time.Time `db:"latest"`
		New    int64      `db:"new"`
	}
	if err := tx.GetContext(ctx, &st, `
		SELECT r.delivered, r.computed_at, r.latest,
		       (SELECT count(*) FROM shipments s WHERE s.seller_id = $1 AND s.stage = 11
		        AND s.stage_entered_at > coalesce(r.latest, '-infinity')) AS new
		FROM (SELECT 1) one LEFT JOIN edd_refresh r ON r.seller_id = $1`, seller); err != nil {
		return fmt.Errorf("estimated delivery: %w", err)
	}
	rebuild, recount := eddRebuildDue(st.Stored, st.At, st.New, now)
	if recount {
		var all int64
		if err := tx.GetContext(ctx, &all, `SELECT count(*) FROM shipments WHERE seller_id = $1 AND stage = 11`, seller); err != nil {
			return fmt.Errorf("estimated delivery: %w", err)
		}
		rebuild = all != *st.Stored
		if !rebuild { // checked: the history stands for another day
			if _, err := tx.ExecContext(ctx, `UPDATE edd_refresh SET computed_at = $2 WHERE seller_id = $1`, seller, now); err != nil {
				return fmt.Errorf("estimated delivery: %w", err)
			}
		}
	}
	if rebuild {
		if err := rebuildEDDStats(ctx, tx, seller, now); err != nil {
			return fmt.Errorf("estimated delivery: %w", err)
		}
	}
	which := eddStaleSQL
	if rebuild {
		which = eddAllSQL
	}
	if _, err := tx.ExecContext(ctx, eddWindowSQL(which), seller, EDDMinDeliveries); err != nil {
		return fmt.Errorf("estimated delivery: windows: %w", err)
	}
	return nil
}

// eddRebuildDue says whether a seller's edd_stats are rebuilt now, or first recounted. stored is
// the deliveries the last rebuild counted (nil: never built), at when it was built or last
// checked, newer the deliveries since its latest one: a rebuild when they are 5% or more of
// stored, or any at all a day later; with none newer, a recount once a day (older deliveries may
// have been imported since, which the stage index does not show as newer).
func eddRebuildDue(stored *int64, at *time.Time, newer int64, now time.Time) (rebuild, recount bool) {
	if stored == nil || at == nil {
		return true, false
	}
	dayOld := at.Before(now.Add(-24 * time.Hour))
	if newer > 0 && (newer*20 >= *stored || dayOld) {
		return true, false
	}
	return false, dayOld
}

// rebuildEDDStats replaces the seller's edd_stats: p50 and p90 (percentile_cont) of the seconds
// from entering each stage to delivery, over the seller's EDDHistoryLimit most recent deliveries,
// per stage and country and service, per stage and country, and per stage over the shop, in one
// pass (GROUPING SETS). Groups without a country, or without a service at the narrowest level,
// are left out: "parcels to an unknown country" is not a history.
func rebuildEDDStats(ctx context.Context, tx *sqlx.Tx, seller SellerID, now time.Time) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM edd_stats WHERE seller_id = $1`, seller); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO edd_stats (seller_id, level, stage, country, service_key, deliveries, p50_s, p90_s)
		SELECT $1, CASE WHEN GROUPING(country) = 1 THEN 'shop' WHEN GROUPING(service_key) = 1 THEN 'country'
		                ELSE 'country_service' END,
		       stage, coalesce(country, ''), coalesce(service_key, ''), count(*),
		       percentile_cont(0.5) WITHIN GROUP (ORDER BY secs), percentile_cont(0.9) WITHIN GROUP (ORDER BY secs)
		FROM (`+eddEntriesSQL+`) x
		GROUP BY GROUPING SETS ((stage, country, service_key), (stage, country), (stage))
		HAVING (GROUPING(country) = 1 OR country <> '') AND (GROUPING(service_key) = 1 OR service_key <> '')`,
		seller, EDDHistoryLimit); err != nil {
		return fmt.Errorf("rebuild stats: %w", err)
	}
	_, err := tx.ExecContext(ctx, `
		INSERT INTO edd_refresh (seller_id, computed_at, delivered, latest)
		SELECT $1, $2, count(*), max(stage_entered_at) FROM shipments WHERE seller_id = $1 AND stage = 11
		ON CONFLICT (seller_id) DO UPDATE
		SET computed_at = EXCLUDED.computed_at, delivered = EXCLUDED.delivered, latest = EXCLUDED.latest`,
		seller, now)
	return err
}

// eddAllSQL and eddStaleSQL choose the shipments eddWindowSQL re-estimates: every undelivered
// one with a stage, or those whose window is not for their stage as it is now — the predicate of
// shipments_edd_stale_idx, written out so that the planner reads that index.
const (
	eddAllSQL   = `s.stage BETWEEN 1 AND 10 AND s.stage_entered_at IS NOT NULL`
	eddStaleSQL = eddAllSQL + ` AND (s.edd_stage <> s.stage OR s.edd_from IS DISTINCT FROM s.stage_entered_at)`
)

// eddWindowSQL ($1 seller, $2 EDDMinDeliveries) writes the window of the seller's shipments that
// match which: from the narrowest history level with enough deliveries for the shipment's stage,
// else the defaults. Only rows whose window changes are written.
func eddWindowSQL(which string) string {
	return `
	WITH defaults (stage, p50_s, p90_s) AS ` + eddDefaultsSQL() + `,
	est AS (
		SELECT s.id, s.stage, s.stage_entered_at AS from_at,
		       CASE WHEN cs.p50_s IS NOT NULL THEN 'country_service' WHEN c.p50_s IS NOT NULL THEN 'country'
		            WHEN sh.p50_s IS NOT NULL THEN 'shop' ELSE 'default' END AS basis,
		       coalesce(cs.deliveries, c.deliveries, sh.deliveries, 0) AS deliveries,
		       round(coalesce(cs.p50_s, c.p50_s, sh.p50_s, d.p50_s) / 3600) AS p50_h,
		       round(coalesce(cs.p90_s, c.p90_s, sh.p90_s, d.p90_s) / 3600) AS p90_h
		FROM shipments s
		JOIN defaults d ON d.stage = s.stage
		LEFT JOIN edd_stats cs ON cs.seller_id = $1 AND cs.level = 'country_service' AND cs.stage = s.stage
		      AND cs.country = s.destination_country AND cs.service_key = s.service_key AND cs.deliveries >= $2
		LEFT JOIN edd_stats c ON c.seller_id = $1 AND c.level = 'country' AND c.stage = s.stage
		      AND c.country = s.destination_country AND c.service_key = '' AND c.deliveries >= $2
		LEFT JOIN edd_stats sh ON sh.seller_id = $1 AND sh.level = 'shop' AND sh.stage = s.stage
		      AND sh.country = '' AND sh.service_key = '' AND sh.deliveries >= $2
		WHERE s.seller_id = $1 AND ` + which + `
	), win AS (
		SELECT id, stage, from_at, basis, deliveries,
		       from_at + p50_h * interval '1 hour' AS early,
		       from_at + greatest(p90_h, p50_h, 1) * interval '1 hour' AS late
		FROM est
	)
	UPDATE shipments s
	SET edd_early = w.early, edd_late = w.late, edd_stage = w.stage, edd_from = w.from_at,
	    edd_basis = w.basis, edd_deliveries = w.deliveries
	FROM win w
	WHERE s.seller_id = $1 AND s.id = w.id
	  AND (s.edd_early, s.edd_late, s.edd_stage, s.edd_from, s.edd_basis, s.edd_deliveries)
	      IS DISTINCT FROM (w.early, w.late, w.stage, w.from_at, w.basis, w.deliveries)`
}

// eddMissedSQL ($1 seller, $2 now) adds to causes an edd_missed for each undelivered shipment
// whose window's late end passed — unless a promised date covers it: the date is at or after the
// late end (the seller promised longer; late will say when that passes), or it already passed (a
// late cause is found this sweep, or a late exception is open). Not for a parcel returned, lost
// or damaged (its delivery issue says so), nor from arrival on for a service untracked after
// hand-over, whose delivery is never reported. Nor from a window of the product defaults: they
// are a guess shown until the shop has history, and flagging from a guess would double every
// stall of a new shop. Severity 2.5 rising to 3.5 over two weeks past the
// late end: under late (a date promised to the customer) among equals.
const eddMissedSQL = `
	INSERT INTO causes
	SELECT s.id, 'edd_missed', s.stage, s.last_signal, s.edd_late,
	       round(10 * (2.5 + least(date_part('epoch', $2 - s.edd_late) / 86400 / 14, 1)
	              + ln(1 + coalesce(s.order_value, 0)::float8) / 10)) / 10
	FROM shipments s
	WHERE s.seller_id = $1 AND s.stage < 11 AND s.edd_late < $2 AND s.edd_basis <> 'default'
	  AND NOT coalesce(s.promised_by >= s.edd_late, false)
	  AND s.last_signal NOT IN ` + goneSignals + `
	  AND NOT EXISTS (SELECT 1 FROM causes c WHERE c.shipment_id = s.id AND c.kind = 'late')
	  AND NOT EXISTS (SELECT 1 FROM exceptions e WHERE e.seller_id = $1 AND e.shipment_id = s.id
	                  AND e.kind = 'late' AND e.state <> 'resolved')
	  AND NOT (s.stage >= 7 AND EXISTS (SELECT 1 FROM untracked_services u
	                                    WHERE u.seller_id = $1 AND u.name = s.service_key))`
