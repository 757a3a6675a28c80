package domain

import (
	"context"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// analyzeAfter is how many exceptions a sweep must raise or resolve before it analyses the table
// itself rather than leave that to autovacuum.
const analyzeAfter = 1000

// analyzeExceptions refreshes the planner's statistics of exceptions after a sweep that raised or
// resolved many (the first sweep after a big import raises tens of thousands). Until autovacuum
// got round to them, the queue page was planned on statistics that did not know those rows, and
// chose a nested loop over every open exception, many times slower than its usual plan. ANALYZE
// reads a sample of fixed size, whatever the table's size. It gives up after a second's wait for
// the table's lock: someone else (autovacuum) is analysing it.
func (s *Store) analyzeExceptions(ctx context.Context, r SweepResult) error {
	if r.Raised+r.Resolved < analyzeAfter {
		return nil
	}
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `SET LOCAL lock_timeout = '1s'`); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `ANALYZE exceptions`)
		return err
	})
	if err != nil && !isLockTimeout(err) {
		return fmt.Errorf("analyze exceptions: %w", err)
	}
	return nil
}

// isLockTimeout reports whether err is PostgreSQL's lock_not_available.
func isLockTimeout(err error) bool {
	var pqErr *pq.Error
	return errors.As(err, &pqErr) && pqErr.Code == "55P03"
}

// analyzeImported refreshes the planner's statistics of the tables an import wrote many rows into
// (1,000 or more new or changed shipments), before the sweep after it and the seller's first look:
// a shop's first big file makes most of its rows new to statistics that autovacuum refreshes only
// later, and the queue page, joining each exception to its shipment, was planned as a walk through
// every one of the shop's shipments. Like analyzeExceptions, it gives up when it would wait.
func (s *Store) analyzeImported(ctx context.Context, im Import) error {
	if im.ShipmentsCreated+im.ShipmentsUpdated < analyzeAfter {
		return nil
	}
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `SET LOCAL lock_timeout = '1s'`); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `ANALYZE shipments, tracking_numbers, events`)
		return err
	})
	if err != nil && !isLockTimeout(err) {
		return fmt.Errorf("analyze imported: %w", err)
	}
	return nil
}
