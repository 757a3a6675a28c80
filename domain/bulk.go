package domain

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jmoiron/sqlx"
)

// MaxBulk is the most exceptions one bulk change may name: a few pages of the queue.
const MaxBulk = 500

// BulkSkip is one exception a bulk change left as it was, and why, in words safe to show.
type BulkSkip struct {
	ID     int64
	Reason string
}

// BulkResult tells how many exceptions a bulk change changed and which it skipped.
type BulkResult struct {
	Changed int
	Skipped []BulkSkip
}

// BulkUpdate applies one change to several exceptions of the seller at once (assign, wait until,
// resolve from the queue), in one transaction. Each exception is judged by the same workflow
// rules as UpdateException, at its current version (it is locked while judged, so nobody changes
// it in between), and each change is written to its history with the actor and now. An exception
// the rules refuse, or that does not exist or belongs to another seller ("not found"), is skipped
// with the reason; the others are changed.
//
// It returns ErrUnauthorized for an actor of another seller and a *ValidationError for an empty
// change or selection.
func (s *Store) BulkUpdate(ctx context.Context, seller SellerID, actor User, ids []int64, ch ExceptionChange, now time.Time) (BulkResult, error) {
	if actor.SellerID != seller {
		return BulkResult{}, ErrUnauthorized
	}
	if ch.empty() {
		return BulkResult{}, Invalid("", "Nothing to change")
	}
	var uniq []int64
	for _, id := range ids {
		if !slices.Contains(uniq, id) {
			uniq = append(uniq, id)
		}
	}
	switch {
	case len(uniq) == 0:
		return BulkResult{}, Invalid("ids", "Select the exceptions to change")
	case len(uniq) > MaxBulk:
		return BulkResult{}, Invalid("ids", fmt.Sprintf("Select at most %d exceptions at once", MaxBulk))
	}
	var res BulkResult
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		for _, id := range uniq {
			// A savepoint per exception: a refused one (even one the database refuses) leaves
			// the others' changes in the transaction.
			if _, err := tx.ExecContext(ctx, `SAVEPOINT bulk_item`); err != nil {
				return err
			}
			err := s.updateLocked(ctx, tx, seller, actor, id, ch, now)
			var ve *ValidationError
			switch {
			case err == nil:
				res.Changed++
				_, err = tx.ExecContext(ctx, `RELEASE SAVEPOINT bulk_item`)
			case errors.Is(err, ErrNotFound):
				res.Skipped = append(res.Skipped, BulkSkip{ID: id, Reason: "not found"})
				_, err = tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT bulk_item`)
			case errors.As(err, &ve):
				res.Skipped = append(res.Skipped, BulkSkip{ID: id, Reason: ve.Message()})
				_, err = tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT bulk_item`)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return BulkResult{}, fmt.Errorf("bulk update: %w", err)
	}
	return res, nil
}

// updateLocked applies ch to one exception of the seller in tx, at the version it has now: it
// locks the row, judges the change with applyChange (the rules UpdateException follows), writes
// it and its history. It returns ErrNotFound for another seller's or a missing id and a
// *ValidationError for a change the workflow refuses.
func (s *Store) updateLocked(ctx context.Context, tx *sqlx.Tx, seller SellerID, actor User, id int64, ch ExceptionChange, now time.Time) error {
	var cur Exception
	err := tx.GetContext(ctx, &cur, `SELECT `+exceptionColumns+` FROM exceptions e
		WHERE e.seller_id = $1 AND e.id = $2 FOR UPDATE`, seller, id)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	_, err = s.writeChange(ctx, tx, actor, cur, ch, now) // the row is locked: its version holds
	return err
}

// queueExportPage is how many rows EachQueueRow reads per query.
const queueExportPage = 500

// EachQueueRow calls fn with every exception of the seller matching f (all pages, f.After and
// f.Limit ignored), in queue order. It reads the queue a keyset page at a time, so an export of
// any size holds one page in memory. An error from fn stops the walk and is returned as is; it
// returns a *ValidationError for an unknown state or kind.
func (s *Store) EachQueueRow(ctx context.Context, seller SellerID, f QueueFilter, fn func(QueueRow) error) error {
	f.After, f.Limit = nil, queueExportPage
	if f.Now.IsZero() {
		f.Now = time.Now() // one clock reading for every page, so Age cuts the same everywhere
	}
	for {
		p, err := s.ListQueue(ctx, seller, f)
		if err != nil {
			return err
		}
		for _, r := range p.Rows {
			if err := fn(r); err != nil {
				return err
			}
		}
		if p.Next == nil {
			return nil
		}
		f.After = p.Next
	}
}
