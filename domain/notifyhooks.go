package domain

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/jmoiron/sqlx"
)

// The hooks below are called by the writers of the changes people hear about (the sweep, an
// import, the exception workflow, disputes), inside their transactions, so that a change and its
// messages commit together or not at all. Each first looks at what the seller listens for, and
// does nothing more when nobody listens.

// notifySweep writes what a sweep at now tells: exception.raised and exception.resolved events,
// immediate alerts and buyer messages for the exceptions it raised (opened at now) and the events
// of those it resolved as recovered (resolved at now).
func (s *Store) notifySweep(ctx context.Context, tx *sqlx.Tx, seller SellerID, now time.Time) error {
	const raised = `e.opened_at = $2 AND e.kind <> 'not_received'`
	if err := s.notifyRaised(ctx, tx, seller, raised, now); err != nil {
		return fmt.Errorf("notify sweep: %w", err)
	}
	subs, err := subscribedEvents(ctx, tx, seller)
	if err != nil {
		return fmt.Errorf("notify sweep: %w", err)
	}
	if subs[EventExceptionResolved] {
		if _, err := tx.ExecContext(ctx, webhookInsertSQL(exceptionEventsSQL(EventExceptionResolved,
			`e.id || '/' || e.version`, `e.state = 'resolved' AND e.resolved_at = $2 AND e.resolution = 'recovered'`), "true"),
			seller, now); err != nil {
			return fmt.Errorf("notify sweep: %w", err)
		}
	}
	return nil
}

// notifyRaised writes the exception.raised events, alerts and buyer messages of the exceptions
// that match where (on exceptions e; $1 the seller, $2 now).
func (s *Store) notifyRaised(ctx context.Context, tx *sqlx.Tx, seller SellerID, where string, now time.Time) error {
	subs, err := subscribedEvents(ctx, tx, seller)
	if err != nil {
		return err
	}
	if subs[EventExceptionRaised] {
		if _, err := tx.ExecContext(ctx, webhookInsertSQL(exceptionEventsSQL(EventExceptionRaised, `e.id`, where), "true"),
			seller, now); err != nil {
			return err
		}
	}
	if err := writeAlerts(ctx, tx, s, seller, where, now); err != nil {
		return err
	}
	rules, err := activeRules(ctx, tx, seller)
	if err != nil {
		return err
	}
	return writeExceptionMessages(ctx, tx, seller, rules, where, now)
}

// notifyRaisedByHand writes what an exception raised by a person tells.
func (s *Store) notifyRaisedByHand(ctx context.Context, tx *sqlx.Tx, seller SellerID, exception int64, now time.Time) error {
	if err := s.notifyRaised(ctx, tx, seller, `e.id = `+strconv.FormatInt(exception, 10), now); err != nil {
		return fmt.Errorf("notify raised: %w", err)
	}
	return nil
}

// notifyImport writes what an import tells, in its transaction just before it commits: the
// import.finished event, and the buyer messages of shipments that entered a quiet stage with its
// events.
func (s *Store) notifyImport(ctx context.Context, tx *sqlx.Tx, seller SellerID, importID int64) error {
	now := time.Now()
	subs, err := subscribedEvents(ctx, tx, seller)
	if err != nil {
		return fmt.Errorf("notify import: %w", err)
	}
	if subs[EventImportFinished] {
		if _, err := tx.ExecContext(ctx, webhookInsertSQL(`
			SELECT 'import.finished/' || i.id AS key, 'import.finished' AS type,
			       json_build_object('import', json_build_object('id', i.id, 'filename', i.filename, 'source', i.source,
			           'status', i.status, 'rows_read', i.rows_read, 'rows_rejected', i.rows_rejected,
			           'rows_warned', i.rows_warned, 'shipments_created', i.shipments_created,
			           'shipments_updated', i.shipments_updated, 'events_added', i.events_added,
			           'duplicates_skipped', i.duplicates_skipped, 'started_at', `+jsonTimeSQL("i.started_at")+`,
			           'finished_at', `+jsonTimeSQL("i.finished_at")+`)) AS data
			FROM imports i WHERE i.seller_id = $1 AND i.id = $3`, "true"), seller, now, importID); err != nil {
			return fmt.Errorf("notify import: %w", err)
		}
	}
	rules, err := activeRules(ctx, tx, seller)
	if err != nil {
		return fmt.Errorf("notify import: %w", err)
	}
	return writeStageMessages(ctx, tx, seller, importID, rules, now)
}

// notifyChange writes what a workflow change of an exception tells: exception.resolved when it
// was resolved, exception.assigned when it was given to someone.
func (s *Store) notifyChange(ctx context.Context, tx *sqlx.Tx, before, after Exception, now time.Time) error {
	resolved := before.State != StateResolved && after.State == StateResolved
	assigned := after.AssigneeID != nil && (before.AssigneeID == nil || *before.AssigneeID != *after.AssigneeID)
	if !resolved && !assigned {
		return nil
	}
	subs, err := subscribedEvents(ctx, tx, after.SellerID)
	if err != nil {
		return fmt.Errorf("notify change: %w", err)
	}
	for typ, on := range map[string]bool{EventExceptionResolved: resolved, EventExceptionAssigned: assigned} {
		if !on || !subs[typ] {
			continue
		}
		if _, err := tx.ExecContext(ctx, webhookInsertSQL(exceptionEventsSQL(typ, `e.id || '/' || e.version`, `e.id = $3`), "true"),
			after.SellerID, now, after.ID); err != nil {
			return fmt.Errorf("notify change: %w", err)
		}
	}
	return nil
}

// notifyDisputeChange writes dispute.closed when a change ended a running dispute.
func (s *Store) notifyDisputeChange(ctx context.Context, tx *sqlx.Tx, before, after Dispute, now time.Time) error {
	if !before.Status.Active() || after.Status.Active() {
		return nil
	}
	subs, err := subscribedEvents(ctx, tx, after.SellerID)
	if err != nil || !subs[EventDisputeClosed] {
		return err
	}
	if _, err := tx.ExecContext(ctx, webhookInsertSQL(disputeEventsSQL(EventDisputeClosed, `d.id || '/' || d.version`, `d.id = $3`), "true"),
		after.SellerID, now, after.ID); err != nil {
		return fmt.Errorf("notify dispute: %w", err)
	}
	return nil
}
