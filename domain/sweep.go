package domain

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
)

// SweepResult counts what a sweep did.
type SweepResult struct {
	Raised   int64 // new exceptions
	Resolved int64 // exceptions whose cause went away, resolved as recovered
	Reopened int64 // waiting exceptions whose date passed, back in the queue
	Skipped  int   // sellers being swept by another process at the same time (SweepAll)
}

// Add sums two results.
func (r SweepResult) Add(o SweepResult) SweepResult {
	return SweepResult{r.Raised + o.Raised, r.Resolved + o.Resolved, r.Reopened + o.Reopened, r.Skipped + o.Skipped}
}

// issueSignals are the signals that make a delivery_issue while the parcel is not delivered.
const issueSignals = `('attempt_failed', 'pickup_available', 'address_issue', 'customs_hold', 'returned', 'damaged_lost', 'rollback')`

// goneSignals are the signals of a parcel that is not coming to the customer (returned, lost or
// damaged): its delivery issue says so, and it is not also "stalled" in the stage it was last seen.
const goneSignals = `('returned', 'damaged_lost')`

// Sweep refreshes the seller's estimated delivery windows (RefreshEstimates), then raises the
// seller's exceptions that are due at now, resolves as recovered those whose cause went away, and
// brings back waiting exceptions whose date passed — set-based SQL in one transaction, holding
// the seller's sweep lock (it waits for a sweep of the same seller running elsewhere). now is a
// parameter so that "not a minute before" can be tested.
func (s *Store) Sweep(ctx context.Context, seller SellerID, now time.Time) (SweepResult, error) {
	if _, err := s.refreshEstimates(ctx, seller, now, false); err != nil {
		return SweepResult{}, err
	}
	r, _, err := s.sweep(ctx, seller, now, false)
	return r, err
}

// RefreshEstimates brings the seller's estimated delivery windows up to date (refreshEDD), in a
// transaction of its own under the seller's sweep lock. It is not part of the sweep's transaction:
// after a big import the first refresh writes a window on every undelivered shipment, and the
// exceptions and the import's "parcels need you" must not wait for that. The sweep's edd_missed
// reads the windows the last refresh wrote, so Sweep and SweepAll refresh first.
func (s *Store) RefreshEstimates(ctx context.Context, seller SellerID, now time.Time) error {
	_, err := s.refreshEstimates(ctx, seller, now, false)
	return err
}

// refreshEstimates is RefreshEstimates; with try it gives up (ran false) when another process
// holds the seller's sweep lock.
func (s *Store) refreshEstimates(ctx context.Context, seller SellerID, now time.Time, try bool) (bool, error) {
	ran := true
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		if ran, err = lockSweep(ctx, tx, seller, try); err != nil || !ran {
			return err
		}
		return refreshEDD(ctx, tx, seller, now)
	})
	if err != nil {
		return false, fmt.Errorf("estimates of seller %d: %w", seller, err)
	}
	return ran, nil
}

// SweepAll sweeps every seller. A seller that another process is sweeping right now is skipped
// (and counted), so several replicas running the periodic sweep never do the work twice.
func (s *Store) SweepAll(ctx context.Context, now time.Time) (SweepResult, error) {
	var sellers []SellerID
	if err := s.db.SelectContext(ctx, &sellers, `SELECT id FROM sellers ORDER BY id`); err != nil {
		return SweepResult{}, fmt.Errorf("sweep: %w", err)
	}
	var total SweepResult
	var errs []error
	for _, seller := range sellers {
		if ctx.Err() != nil {
			return total, ctx.Err()
		}
		ran, err := s.refreshEstimates(ctx, seller, now, true)
		var r SweepResult
		if err == nil && ran {
			r, ran, err = s.sweep(ctx, seller, now, true)
		}
		if err != nil {
			errs = append(errs, err) // one seller's failure must not stop the others' sweep
			continue
		}
		if !ran {
			total.Skipped++
		}
		total = total.Add(r)
	}
	return total, errors.Join(errs...)
}

// lockSweep takes the seller's sweep lock for the transaction (with try, only when it is free:
// got false when another process holds it) and turns JIT off for it: JIT compilation costs close
// to a second per statement here, far more than it saves on queries that read a few percent of
// the table through indexes.
func lockSweep(ctx context.Context, tx *sqlx.Tx, seller SellerID, try bool) (got bool, err error) {
	if try {
		if err := tx.GetContext(ctx, &got, `SELECT pg_try_advisory_xact_lock(`+sweepLockSQL+`)`, seller); err != nil || !got {
			return false, err
		}
	} else if err := lockStageWriters(ctx, tx, seller); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `SET LOCAL jit = off`); err != nil {
		return false, err
	}
	return true, nil
}

func (s *Store) sweep(ctx context.Context, seller SellerID, now time.Time, try bool) (SweepResult, bool, error) {
	var r SweepResult
	ran := true
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		if ran, err = lockSweep(ctx, tx, seller, try); err != nil || !ran {
			return err
		}
		if err := findCauses(ctx, tx, seller, now); err != nil {
			return err
		}
		if r.Resolved, err = resolveGone(ctx, tx, seller, now); err != nil {
			return err
		}
		if r.Reopened, err = reopenWaiting(ctx, tx, seller, now); err != nil {
			return err
		}
		if r.Raised, err = raiseCauses(ctx, tx, seller, now); err != nil {
			return err
		}
		// Besides what it resolves, wakes and raises, the sweep refreshes the severity and facts
		// of open exceptions, which the queue shows and orders by.
		s.queueChanged(tx, seller)
		return s.notifySweep(ctx, tx, seller, now) // notifications: notifyhooks.go
	})
	if err != nil {
		return SweepResult{}, false, fmt.Errorf("sweep seller %d: %w", seller, err)
	}
	if err := s.analyzeExceptions(ctx, r); err != nil {
		return r, ran, fmt.Errorf("sweep seller %d: %w", seller, err)
	}
	return r, ran, nil
}

// defaultThresholdsSQL is DefaultThresholds as a VALUES list of (stage, hours).
func defaultThresholdsSQL() string {
	return stageValuesSQL(func(st Stage) []float64 {
		if d := DefaultThresholds[st]; d > 0 {
			return []float64{float64(int(d.Hours()))}
		}
		return nil
	})
}

// stageValuesSQL writes a table of per-stage constants as a VALUES list for a query's WITH: one
// row (stage, values...) for each stage before delivered that row gives values for.
func stageValuesSQL(row func(Stage) []float64) string {
	var rows []string
	for st := StageUnknown; st < StageDelivered; st++ {
		vs := row(st)
		if vs == nil {
			continue
		}
		cols := []string{strconv.Itoa(int(st))}
		for _, v := range vs {
			cols = append(cols, strconv.FormatFloat(v, 'f', -1, 64))
		}
		rows = append(rows, "("+strings.Join(cols, ", ")+")")
	}
	return "(VALUES " + strings.Join(rows, ", ") + ")"
}

// stageClockSQL is a query ($1 seller, $2 now, $3 least ratio of the threshold) of the seller's
// shipments whose time in their current stage is at least ratio × threshold: shipment_id, stage,
// threshold and clock as intervals, order value. It computes the rules of Thresholds.For and
// ClockTime in SQL, for a million shipments at once:
//   - effective threshold: per-country override, else the seller's per-stage value, else default;
//   - clock: time since the stage was entered, less peak periods (merged so that overlapping ones
//     count once) for origin stages 1–6;
//   - services untracked after hand-over have no stage clock from arrival (stage 7) on.
//
// Shipments are first narrowed with the stage index to those that entered their stage before
// now − (the smallest threshold the stage can have × ratio): the clock never exceeds the elapsed
// time, so nothing is missed, and only a small share of a million rows is looked at.
func stageClockSQL() string {
	return `
	WITH periods AS (
		SELECT starts_at, ends_at FROM builtin_peak_periods WHERE starts_at < $2
		UNION ALL
		SELECT starts_at, ends_at FROM peak_periods WHERE seller_id = $1 AND starts_at < $2
	), marked AS (
		SELECT starts_at, ends_at,
		       CASE WHEN starts_at <= max(ends_at) OVER (ORDER BY starts_at ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
		            THEN 0 ELSE 1 END AS fresh
		FROM periods
	), merged AS (
		SELECT min(starts_at) AS starts_at, max(ends_at) AS ends_at
		FROM (SELECT starts_at, ends_at, sum(fresh) OVER (ORDER BY starts_at) AS island FROM marked) m
		GROUP BY island
	), defaults (stage, hours) AS ` + defaultThresholdsSQL() + `,
	lim AS (
		SELECT d.stage, d.hours AS default_hours,
		       least(coalesce(min(t.max_hours) FILTER (WHERE t.country = ''), d.hours),
		             coalesce(min(t.max_hours) FILTER (WHERE t.country <> ''), d.hours)) AS min_hours
		FROM defaults d LEFT JOIN stage_thresholds t ON t.seller_id = $1 AND t.stage = d.stage
		GROUP BY d.stage, d.hours
	)
	SELECT s.id AS shipment_id, s.stage, s.last_signal, s.order_value,
	       coalesce(tc.max_hours, ts.max_hours, lim.default_hours) * interval '1 hour' AS threshold,
	       ($2 - s.stage_entered_at) - CASE WHEN s.stage <= 6 AND s.stage_entered_at < (SELECT max(ends_at) FROM merged) THEN (
	           SELECT coalesce(sum(least(m.ends_at, $2) - greatest(m.starts_at, s.stage_entered_at)), interval '0')
	           FROM merged m WHERE m.starts_at < $2 AND m.ends_at > s.stage_entered_at) ELSE interval '0' END AS clock
	FROM lim
	JOIN shipments s ON s.seller_id = $1 AND s.stage = lim.stage
	     AND s.stage_entered_at < $2 - lim.min_hours * $3::float8 * interval '1 hour'
	LEFT JOIN stage_thresholds ts ON ts.seller_id = $1 AND ts.stage = s.stage AND ts.country = ''
	LEFT JOIN stage_thresholds tc ON tc.seller_id = $1 AND tc.stage = s.stage AND tc.country = s.destination_country
	WHERE NOT (s.stage >= 7 AND EXISTS (
		SELECT 1 FROM untracked_services u
		WHERE u.seller_id = $1 AND u.name = s.service_key))`
}

// findCauses fills the temporary table causes with every (shipment, kind) that should have an
// unresolved exception at now, with its severity and deadline. Severity orders the queue by what
// is lost if nobody acts (see issueSeverity for the bands): lost, returned, held by customs, then
// buyer protection rising as its end nears (not raised once a dispute over the parcel was won,
// lost or settled: the money question is closed), the other delivery issues, late, a missed
// estimated delivery (eddMissedSQL, after late, which covers it when a date was promised), stalled. A stall is
// not raised for a parcel that was returned, lost or damaged (goneSignals): that is its delivery
// issue. A stall's deadline is when it crossed its stage limit (stage entry + limit + paused
// time: the same instant every sweep), so the row can say how far over it is.
//
// Each adds ln(1 + order value) / 10, so costlier orders come first among equals. Rounded to
// 0.1 (in float arithmetic: numeric ln() was a large share of the sweep's time) so that the
// hourly growth of a stalled parcel's ratio does not rewrite every row each sweep.
func findCauses(ctx context.Context, tx *sqlx.Tx, seller SellerID, now time.Time) error {
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE causes (
		shipment_id bigint NOT NULL, kind text NOT NULL, stage smallint NOT NULL, signal text NOT NULL,
		due_at timestamptz, severity double precision NOT NULL, PRIMARY KEY (shipment_id, kind)) ON COMMIT DROP`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO causes
		SELECT shipment_id, 'stalled', stage, last_signal, $2 - (clock - threshold),
		       round(10 * (2 + least(date_part('epoch', clock) / date_part('epoch', threshold) - 1, 2)
		              + ln(1 + coalesce(order_value, 0)::float8) / 10)) / 10
		FROM (`+stageClockSQL()+`) c
		WHERE clock > threshold AND last_signal NOT IN `+goneSignals, seller, now, 1.0); err != nil {
		return fmt.Errorf("stalled: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO causes
		SELECT id, 'delivery_issue', stage, last_signal, NULL,
		       round(10 * (`+issueSeveritySQL("last_signal")+` + ln(1 + coalesce(order_value, 0)::float8) / 10)) / 10
		FROM shipments WHERE seller_id = $1 AND stage < 11 AND last_signal IN `+issueSignals, seller); err != nil {
		return fmt.Errorf("delivery issues: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO causes
		SELECT id, 'late', stage, last_signal, promised_by,
		       round(10 * (3 + least(date_part('epoch', $2 - promised_by) / 86400 / 14, 1) + ln(1 + coalesce(order_value, 0)::float8) / 10)) / 10
		FROM shipments WHERE seller_id = $1 AND stage < 11 AND promised_by < $2`, seller, now); err != nil {
		return fmt.Errorf("late: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO causes
		SELECT s.id, 'protection_expiring', s.stage, s.last_signal, s.protection_ends_at,
		       round(10 * (6 + 1.5 * greatest(0, least(1, 1 - date_part('epoch', s.protection_ends_at - $2) / (86400.0 * w.days)))
		              + ln(1 + coalesce(s.order_value, 0)::float8) / 10)) / 10
		FROM shipments s, (SELECT protection_warning_days AS days FROM sellers WHERE id = $1) w
		WHERE s.seller_id = $1 AND s.stage < 11 AND s.protection_ends_at <= $2 + w.days * interval '1 day'
		  AND NOT EXISTS (SELECT 1 FROM disputes d JOIN exceptions x ON x.seller_id = d.seller_id AND x.id = d.exception_id
		                  WHERE d.seller_id = $1 AND x.shipment_id = s.id AND d.status IN `+decidedStatusesSQL+`)`, seller, now); err != nil {
		return fmt.Errorf("protection: %w", err)
	}
	// After late: a late cause found this sweep means a promised date covers the parcel.
	if _, err := tx.ExecContext(ctx, eddMissedSQL, seller, now); err != nil {
		return fmt.Errorf("edd missed: %w", err)
	}
	// A temporary table has no statistics until analysed; without them the joins below would be
	// planned as nested loops over tens of thousands of rows.
	if _, err := tx.ExecContext(ctx, `SET LOCAL default_statistics_target = 10`); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `ANALYZE causes`)
	return err
}

// resolveGone resolves as recovered the unresolved exceptions whose cause is gone: the shipment
// moved on (a stalled exception belongs to the stage it stalled in), was delivered, or the date
// was fixed. Hand-raised not_received exceptions are left to people, and so is the exception of a
// decided dispute: its cause went away because the dispute decided it, which a person records as
// won or lost, not the sweep as recovered.
func resolveGone(ctx context.Context, tx *sqlx.Tx, seller SellerID, now time.Time) (int64, error) {
	var n int64
	err := tx.GetContext(ctx, &n, `
		WITH gone AS (
			UPDATE exceptions e SET state = 'resolved', resolution = 'recovered', resolved_at = $2,
			       waiting_until = NULL, version = version + 1
			WHERE e.seller_id = $1 AND e.state <> 'resolved' AND e.kind <> 'not_received'
			  AND NOT EXISTS (SELECT 1 FROM causes c WHERE c.shipment_id = e.shipment_id AND c.kind = e.kind
			                  AND (e.kind <> 'stalled' OR c.stage = e.stage))
			  AND NOT EXISTS (SELECT 1 FROM disputes d WHERE d.seller_id = $1 AND d.exception_id = e.id
			                  AND d.status IN `+decidedStatusesSQL+`)
			RETURNING e.id
		), h AS (
			INSERT INTO exception_history (seller_id, exception_id, at, action, detail)
			SELECT $1, id, $2, 'resolved', 'Resolved as recovered by the sweep: the cause went away.' FROM gone
		)
		SELECT count(*) FROM gone`, seller, now)
	return n, err
}

// reopenWaiting brings back to the queue the waiting exceptions whose date has come.
func reopenWaiting(ctx context.Context, tx *sqlx.Tx, seller SellerID, now time.Time) (int64, error) {
	var n int64
	err := tx.GetContext(ctx, &n, `
		WITH back AS (
			UPDATE exceptions SET state = 'open', waiting_until = NULL, version = version + 1
			WHERE seller_id = $1 AND state = 'waiting' AND waiting_until <= $2
			RETURNING id
		), h AS (
			INSERT INTO exception_history (seller_id, exception_id, at, action, detail)
			SELECT $1, id, $2, 'reopened', 'Back in the queue: the waiting date passed.' FROM back
		)
		SELECT count(*) FROM back`, seller, now)
	return n, err
}

// raiseCauses refreshes the severity and facts of the exceptions already open for a cause
// (without touching their version: a person editing one is not interrupted by the clock), then
// opens one for each cause without — except a cause a person already settled (an exception of the
// kind they resolved, other than as recovered, for the same stall stage, signal or date: a false
// alarm stays dismissed) and a protection exception for a parcel with a dispute filed (it was
// opened in time, and its own exception follows it: followDispute).
//
// The causes that must not be raised are deleted from causes first, and what is left is inserted
// in (shipment_id, kind) order, so that the foreign key checks read shipments in index order
// rather than at random. This empties causes of what is not raised: nothing after raiseCauses may
// read it. ON CONFLICT DO NOTHING stays for the rare exception a person brings back between the
// delete and the insert (the undo of a bulk change); the unique index still guarantees one open
// exception per kind.
func raiseCauses(ctx context.Context, tx *sqlx.Tx, seller SellerID, now time.Time) (int64, error) {
	if _, err := tx.ExecContext(ctx, `
		UPDATE exceptions e SET severity = c.severity, signal = c.signal, due_at = c.due_at
		FROM causes c
		WHERE e.seller_id = $1 AND e.state <> 'resolved' AND e.shipment_id = c.shipment_id AND e.kind = c.kind
		  AND (e.severity, e.signal, e.due_at) IS DISTINCT FROM (c.severity, c.signal, c.due_at)`, seller); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `
		DELETE FROM causes c
		WHERE EXISTS (SELECT 1 FROM exceptions e WHERE e.seller_id = $1 AND e.state <> 'resolved'
		              AND e.shipment_id = c.shipment_id AND e.kind = c.kind)
		   OR EXISTS (SELECT 1 FROM exceptions r WHERE r.seller_id = $1 AND r.state = 'resolved'
		              AND r.resolution <> 'recovered' AND r.shipment_id = c.shipment_id AND r.kind = c.kind
		              AND CASE c.kind WHEN 'stalled' THEN r.stage = c.stage
		                              WHEN 'delivery_issue' THEN r.signal = c.signal
		                              ELSE r.due_at IS NOT DISTINCT FROM c.due_at END)
		   OR (c.kind = 'protection_expiring' AND EXISTS (
		       SELECT 1 FROM disputes d JOIN exceptions x ON x.seller_id = d.seller_id AND x.id = d.exception_id
		       WHERE d.seller_id = $1 AND x.shipment_id = c.shipment_id AND d.status IN `+filedStatusesSQL+`))`, seller); err != nil {
		return 0, fmt.Errorf("settled causes: %w", err)
	}
	var n int64
	err := tx.GetContext(ctx, &n, `
		WITH ins AS (
			INSERT INTO exceptions (seller_id, shipment_id, kind, stage, shipment_stage, signal, due_at, severity, opened_at)
			SELECT $1, c.shipment_id, c.kind, c.stage, c.stage, c.signal, c.due_at, c.severity, $2 FROM causes c
			ORDER BY c.shipment_id, c.kind
			ON CONFLICT DO NOTHING
			RETURNING id
		), h AS (
			INSERT INTO exception_history (seller_id, exception_id, at, action, detail)
			SELECT $1, id, $2, 'raised', 'Raised by the sweep.' FROM ins
		)
		SELECT count(*) FROM ins`, seller, now)
	return n, err
}

// AtRisk is a shipment nearing its stage threshold: past 80% of it, not yet over.
type AtRisk struct {
	ShipmentID int64         `db:"shipment_id"`
	Stage      Stage         `db:"stage"`
	Threshold  time.Duration `db:"-"`
	Clock      time.Duration `db:"-"`
	ThresholdS float64       `db:"threshold_s"`
	ClockS     float64       `db:"clock_s"`
}

// ListAtRisk returns the seller's shipments past 80% of their stage threshold but not over it,
// nearest to the breach first: the watch list, so a seller can warn a customer before it happens.
func (s *Store) ListAtRisk(ctx context.Context, seller SellerID, now time.Time, limit int) ([]AtRisk, error) {
	var out []AtRisk
	err := s.db.SelectContext(ctx, &out, `
		SELECT shipment_id, stage, extract(epoch FROM threshold) AS threshold_s, extract(epoch FROM clock) AS clock_s
		FROM (`+stageClockSQL()+`) c
		WHERE clock >= threshold * 0.8 AND clock <= threshold
		ORDER BY extract(epoch FROM clock) / extract(epoch FROM threshold) DESC, shipment_id
		LIMIT $4`, seller, now, 0.8, limit)
	if err != nil {
		return nil, fmt.Errorf("list at risk: %w", err)
	}
	for i := range out {
		out[i].Threshold = time.Duration(out[i].ThresholdS * float64(time.Second))
		out[i].Clock = time.Duration(out[i].ClockS * float64(time.Second))
	}
	return out, nil
}
