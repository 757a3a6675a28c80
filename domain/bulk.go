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

// MaxBulk is the most exceptions one bulk change may name: every parcel select-all can take
// (SelectAllCap), with a few exceptions each.
const MaxBulk = 2500

// SelectAllCap is the most parcels "every parcel that matches" changes at once.
const SelectAllCap = 1000

// UndoWindow is how long a member can undo their last bulk change.
const UndoWindow = 10 * time.Minute

// BulkSkip is one exception a bulk change left as it was, and why, in words safe to show.
type BulkSkip struct {
	ID     int64
	Reason string
}

// BulkResult tells how many exceptions a bulk change changed and which it skipped, and the id
// that undoes it (UndoBulk; 0 when nothing changed).
type BulkResult struct {
	Changed int
	Skipped []BulkSkip
	UndoID  int64
}

// bulkAction names a bulk change for the undo offer: "snoozed".
func bulkAction(ch ExceptionChange) string {
	switch {
	case ch.Resolution != nil:
		return "resolved"
	case ch.WaitingUntil != nil:
		return "snoozed"
	case ch.AssigneeID != nil && ch.State == nil:
		return "assigned"
	}
	return "changed"
}

// BulkUpdate applies one change to several exceptions of the seller at once (assign, wait until,
// resolve from the queue), in one transaction, and keeps what each was before, so the actor can
// undo it for a while (UndoBulk). Each exception is judged by the same workflow
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
	// In id order, each once: the rows are locked in that order, so two bulk changes (or one and
	// the exception page) over the same rows never wait on each other in a circle.
	uniq := slices.Compact(slices.Sorted(slices.Values(ids)))
	switch {
	case len(uniq) == 0:
		return BulkResult{}, Invalid("ids", "Select the exceptions to change")
	case len(uniq) > MaxBulk:
		return BulkResult{}, Invalid("ids", fmt.Sprintf("Select at most %d exceptions at once", MaxBulk))
	}
	var res BulkResult
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		// What can no longer be undone is no longer kept (its items go with it).
		if _, err := tx.ExecContext(ctx, `DELETE FROM bulk_changes WHERE seller_id = $1 AND at < $2`,
			seller, now.Add(-UndoWindow)); err != nil {
			return err
		}
		if err := tx.GetContext(ctx, &res.UndoID, `INSERT INTO bulk_changes (seller_id, user_id, action, at)
			VALUES ($1, $2, $3, $4) RETURNING id`, seller, actor.ID, bulkAction(ch), now); err != nil {
			return err
		}
		for _, id := range uniq {
			// A savepoint per exception: a refused one (even one the database refuses) leaves
			// the others' changes in the transaction.
			if _, err := tx.ExecContext(ctx, `SAVEPOINT bulk_item`); err != nil {
				return err
			}
			err := s.updateLocked(ctx, tx, seller, actor, res.UndoID, id, ch, now)
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
		if res.Changed == 0 { // nothing to undo
			_, err := tx.ExecContext(ctx, `DELETE FROM bulk_changes WHERE seller_id = $1 AND id = $2`, seller, res.UndoID)
			res.UndoID = 0
			return err
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
func (s *Store) updateLocked(ctx context.Context, tx *sqlx.Tx, seller SellerID, actor User, bulk, id int64, ch ExceptionChange, now time.Time) error {
	var cur Exception
	err := tx.GetContext(ctx, &cur, `SELECT `+exceptionColumns+` FROM exceptions e
		WHERE e.seller_id = $1 AND e.id = $2 FOR UPDATE`, seller, id)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	out, err := s.writeChange(ctx, tx, actor, cur, ch, now) // the row is locked: its version holds
	if err != nil {
		return err
	}
	// What it was, for UndoBulk.
	_, err = tx.ExecContext(ctx, `INSERT INTO bulk_change_items (seller_id, bulk_id, exception_id, version, state,
		resolution, waiting_until, resolved_at, assignee_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		seller, bulk, id, out.Version, cur.State, cur.Resolution, cur.WaitingUntil, cur.ResolvedAt, cur.AssigneeID)
	return err
}

// BulkChange is a member's last bulk change, which they may undo until UndoBy.
type BulkChange struct {
	ID     int64     `db:"id"`
	Action string    `db:"action"`
	At     time.Time `db:"at"`
	Count  int       `db:"count"`
}

// UndoBy is when the change can no longer be undone.
func (b BulkChange) UndoBy() time.Time { return b.At.Add(UndoWindow) }

// lastBulkSQL reads the member's (seller and user) last bulk change made after since and not
// undone, at most one row (the placeholders given): the query of LastBulk and of the queue page's
// extras (queueExtrasSQL).
func lastBulkSQL(seller, user, since string) string {
	return `SELECT b.id, b.action, b.at,
		(SELECT count(*) FROM bulk_change_items i WHERE i.seller_id = b.seller_id AND i.bulk_id = b.id) AS count
		FROM bulk_changes b
		WHERE b.seller_id = ` + seller + ` AND b.user_id = ` + user + ` AND b.at > ` + since + ` AND b.undone_at IS NULL
		ORDER BY b.at DESC, b.id DESC LIMIT 1`
}

// LastBulk returns the member's last bulk change if it can still be undone at now (made within
// UndoWindow and not undone yet); ok is false otherwise.
func (s *Store) LastBulk(ctx context.Context, seller SellerID, user int64, now time.Time) (b BulkChange, ok bool, err error) {
	err = s.hot.GetContext(ctx, &b, lastBulkSQL("$1", "$2", "$3"), seller, user, now.Add(-UndoWindow))
	if errors.Is(err, sql.ErrNoRows) {
		return BulkChange{}, false, nil
	}
	if err != nil {
		return BulkChange{}, false, fmt.Errorf("last bulk change: %w", err)
	}
	return b, true, nil
}

// UndoBulk puts the exceptions of one of the member's bulk changes back as they were, within
// UndoWindow of it and once, and writes "undone" to each one's history. An exception changed
// since (its version moved on) is left as it is and counted as skipped, and so is one that cannot
// be reopened because a newer exception of its kind is open for the parcel.
//
// It returns ErrNotFound for a change that does not exist or is another member's or seller's,
// and a *ValidationError when it is too late or already undone.
func (s *Store) UndoBulk(ctx context.Context, seller SellerID, actor User, id int64, now time.Time) (BulkResult, error) {
	if actor.SellerID != seller {
		return BulkResult{}, ErrUnauthorized
	}
	var res BulkResult
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var b struct {
			At     time.Time  `db:"at"`
			Undone *time.Time `db:"undone_at"`
		}
		err := tx.GetContext(ctx, &b, `SELECT at, undone_at FROM bulk_changes
			WHERE seller_id = $1 AND id = $2 AND user_id = $3 FOR UPDATE`, seller, id, actor.ID)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return ErrNotFound
		case err != nil:
			return err
		case b.Undone != nil:
			return Invalid("", "That change was undone already")
		case now.Sub(b.At) > UndoWindow:
			return Invalid("", "Too late to undo that change")
		}
		var items []struct {
			ExceptionID  int64      `db:"exception_id"`
			Version      int        `db:"version"`
			State        string     `db:"state"`
			Resolution   *string    `db:"resolution"`
			WaitingUntil *time.Time `db:"waiting_until"`
			ResolvedAt   *time.Time `db:"resolved_at"`
			AssigneeID   *int64     `db:"assignee_id"`
		}
		if err := tx.SelectContext(ctx, &items, `SELECT exception_id, version, state, resolution, waiting_until,
			resolved_at, assignee_id FROM bulk_change_items WHERE seller_id = $1 AND bulk_id = $2 ORDER BY exception_id`,
			seller, id); err != nil {
			return err
		}
		for _, it := range items {
			if _, err := tx.ExecContext(ctx, `SAVEPOINT undo_item`); err != nil {
				return err
			}
			// Only while the exception still has the version the change left it at.
			r, err := tx.ExecContext(ctx, `UPDATE exceptions SET state = $4, resolution = $5, waiting_until = $6,
				resolved_at = $7, assignee_id = $8, version = version + 1
				WHERE seller_id = $1 AND id = $2 AND version = $3`,
				seller, it.ExceptionID, it.Version, it.State, it.Resolution, it.WaitingUntil, it.ResolvedAt, it.AssigneeID)
			if isUniqueViolation(err, "exceptions_one_open") {
				res.Skipped = append(res.Skipped, BulkSkip{ID: it.ExceptionID, Reason: "a newer exception of its kind is open"})
				if _, err := tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT undo_item`); err != nil {
					return err
				}
				continue
			}
			if err != nil {
				return err
			}
			if n, _ := r.RowsAffected(); n == 0 {
				res.Skipped = append(res.Skipped, BulkSkip{ID: it.ExceptionID, Reason: "changed since"})
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO exception_history (seller_id, exception_id, at, actor_id, action, detail)
				VALUES ($1, $2, $3, $4, 'undone', $5)`, seller, it.ExceptionID, now, actor.ID,
				"Bulk change undone: back to "+it.State); err != nil {
				return err
			}
			s.queueChanged(tx, seller)
			res.Changed++
		}
		_, err = tx.ExecContext(ctx, `UPDATE bulk_changes SET undone_at = $3 WHERE seller_id = $1 AND id = $2`, seller, id, now)
		return err
	})
	if err != nil {
		var ve *ValidationError
		if errors.As(err, &ve) || errors.Is(err, ErrNotFound) {
			return BulkResult{}, err
		}
		return BulkResult{}, fmt.Errorf("undo bulk change: %w", err)
	}
	return res, nil
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
