package domain

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"
)

// The store side of disputes: their SQL and the transactions that change them. The rules a
// change must follow (moves, deadlines, fields) are pure functions in dispute.go.

// activeStatusesSQL are the statuses of a dispute still running, as SQL (disputes_active_idx).
const activeStatusesSQL = `('draft', 'open', 'responded', 'escalated')`

// filedStatusesSQL are the running statuses of a dispute filed with the counterparty (Filed): a
// draft was never filed, so its respond-by is not a deadline yet, neither due soon nor past due.
const filedStatusesSQL = `('open', 'responded', 'escalated')`

// decidedStatusesSQL are the statuses of a dispute that settled the money question for its parcel:
// won, lost or settled. After one, the sweep raises no protection exception for the parcel.
const decidedStatusesSQL = `('won', 'lost', 'settled')`

const disputeColumns = `d.seller_id, d.id, d.exception_id, d.counterparty, d.reason, d.status,
	CAST(d.amount AS text) AS amount, d.currency, CAST(d.amount_recovered AS text) AS amount_recovered, d.external_ref,
	d.opened_at, d.respond_by, d.status_at, d.ev_carrier, d.ev_tracking, d.ev_ship_date, d.ev_last_scan,
	d.ev_last_scan_at, d.ev_explanation, d.created_by, d.created_at, d.version`

// CreateDispute opens a dispute over one of the seller's exceptions, as a draft or open, with the
// evidence facts filled from the shipment, and writes it to the dispute's history and the
// exception's. It returns ErrNotFound for an exception that does not exist or belongs to another
// seller, ErrUnauthorized for an actor of another seller, and a *ValidationError, safe to show,
// for terms that break a rule.
func (s *Store) CreateDispute(ctx context.Context, seller SellerID, actor User, exception int64, status DisputeStatus, f DisputeFields, now time.Time) (Dispute, error) {
	if actor.SellerID != seller {
		return Dispute{}, ErrUnauthorized
	}
	if status != DisputeDraft && status != DisputeOpen {
		return Dispute{}, Invalid("status", "A new dispute is a draft or open")
	}
	exc, err := s.FindException(ctx, seller, exception)
	if err != nil {
		return Dispute{}, err
	}
	sd, err := s.ShipmentDetail(ctx, seller, exc.ShipmentID, now)
	if err != nil {
		return Dispute{}, err
	}
	loc, err := sellerLoc(ctx, s.db, seller)
	if err != nil {
		return Dispute{}, fmt.Errorf("create dispute: %w", err)
	}
	d := Dispute{SellerID: seller, ExceptionID: exception, Status: status, StatusAt: now, CreatedBy: &actor.ID,
		CreatedAt: now, DisputeEvidence: EvidenceFromShipment(sd)}
	if err := applyFields(&d, f, now, loc); err != nil {
		return Dispute{}, err
	}
	var out Dispute
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		// The exception is named with the seller: another seller's id inserts nothing.
		q, args, err := sqlx.Named(`
			INSERT INTO disputes AS d (seller_id, exception_id, counterparty, reason, status, amount, currency,
			       external_ref, opened_at, respond_by, status_at, ev_carrier, ev_tracking, ev_ship_date,
			       ev_last_scan, ev_last_scan_at, ev_explanation, created_by, created_at)
			SELECT e.seller_id, e.id, :counterparty, :reason, :status, CAST(:amount AS numeric), :currency, :external_ref,
			       :opened_at, :respond_by, :status_at, :ev_carrier, :ev_tracking, :ev_ship_date, :ev_last_scan,
			       :ev_last_scan_at, :ev_explanation, :created_by, :created_at
			FROM exceptions e WHERE e.seller_id = :seller_id AND e.id = :exception_id
			RETURNING `+disputeColumns, d)
		if err != nil {
			return err
		}
		if err := tx.GetContext(ctx, &out, tx.Rebind(q), args...); errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		} else if err != nil {
			return err
		}
		s.queueChanged(tx, seller) // the queue shows a parcel's running dispute
		verb := "Opened"
		if status == DisputeDraft {
			verb = "Drafted"
		}
		detail := fmt.Sprintf("%s with the %s: %s, %s %s, respond by %s", verb, strings.ToLower(out.Counterparty.Label()),
			strings.ToLower(out.Reason.Label()), out.Amount, out.Currency, out.RespondBy.In(loc).Format("2 Jan 2006"))
		if err := addDisputeHistory(ctx, tx, seller, out.ID, actor.ID, string(status), detail, now); err != nil {
			return err
		}
		if _, err = tx.ExecContext(ctx, `INSERT INTO exception_history (seller_id, exception_id, at, actor_id, action, detail)
			VALUES ($1, $2, $3, $4, 'dispute', $5)`, seller, exception, now, actor.ID,
			fmt.Sprintf("Dispute #%d: %s", out.ID, strings.ToLower(detail[:1])+detail[1:])); err != nil {
			return err
		}
		return s.followDispute(ctx, tx, actor, out, now)
	})
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return Dispute{}, err
		}
		return Dispute{}, fmt.Errorf("create dispute: %w", err)
	}
	return out, nil
}

// UpdateDispute applies a team member's change to a dispute the member last saw at version, in
// one transaction, and writes what changed to the dispute's history.
//
// It returns ErrNotFound for a dispute that does not exist or belongs to another seller,
// ErrConflict when the dispute changed since it was read (ErrExceptionChanged, which is an
// ErrConflict too, when it was its exception, resolved with it),
// ErrUnauthorized for an actor of another seller, and a *ValidationError, safe to show, for a
// change the rules refuse.
func (s *Store) UpdateDispute(ctx context.Context, seller SellerID, actor User, id int64, version int, ch DisputeChange, now time.Time) (Dispute, error) {
	if actor.SellerID != seller {
		return Dispute{}, ErrUnauthorized
	}
	var out Dispute
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		cur, err := findDispute(ctx, tx, seller, id)
		if err != nil {
			return err
		}
		if cur.Version != version {
			return ErrConflict
		}
		loc, err := sellerLoc(ctx, tx, seller)
		if err != nil {
			return err
		}
		next, hist, err := applyDisputeChange(cur, ch, now, loc)
		if err != nil {
			return err
		}
		q, args, err := sqlx.Named(`
			UPDATE disputes d SET counterparty = :counterparty, reason = :reason, status = :status,
			       amount = CAST(:amount AS numeric), currency = :currency, amount_recovered = CAST(:amount_recovered AS numeric),
			       external_ref = :external_ref, opened_at = :opened_at, respond_by = :respond_by,
			       status_at = :status_at, ev_carrier = :ev_carrier, ev_tracking = :ev_tracking,
			       ev_ship_date = :ev_ship_date, ev_last_scan = :ev_last_scan, ev_last_scan_at = :ev_last_scan_at,
			       ev_explanation = :ev_explanation, version = version + 1
			WHERE d.seller_id = :seller_id AND d.id = :id AND d.version = :version
			RETURNING `+disputeColumns, next)
		if err != nil {
			return err
		}
		if err := tx.GetContext(ctx, &out, tx.Rebind(q), args...); errors.Is(err, sql.ErrNoRows) {
			return ErrConflict
		} else if err != nil {
			return err
		}
		// The queue shows a parcel's running dispute.
		s.queueChanged(tx, seller)
		if err := s.notifyDisputeChange(ctx, tx, cur, out, now); err != nil { // notifications: notifyhooks.go
			return err
		}
		if _, resolves := ResolutionFor(out.Status); ch.ResolveException && out.Status != cur.Status && resolves {
			line, err := s.resolveDisputeException(ctx, tx, actor, out, now)
			if err != nil {
				return err
			}
			if line != "" {
				hist = append(hist, historyLine{"exception", line})
			}
		}
		for _, h := range hist {
			if err := addDisputeHistory(ctx, tx, seller, id, actor.ID, h.action, h.detail, now); err != nil {
				return err
			}
		}
		return s.followDispute(ctx, tx, actor, out, now)
	})
	if err != nil {
		var ve *ValidationError
		if errors.As(err, &ve) || errors.Is(err, ErrNotFound) || errors.Is(err, ErrConflict) {
			return Dispute{}, err
		}
		return Dispute{}, fmt.Errorf("update dispute: %w", err)
	}
	return out, nil
}

// followDispute keeps a dispute's exception in step with it, through the exception workflow: while
// the dispute is filed with the counterparty, the exception waits until its respond-by date (the
// seller is waiting on them; when the date passes without an answer, the sweep brings it back), and
// when the dispute ends without resolving the exception (withdrawn, settled, or decided without
// "resolve the exception"), an exception still waiting on it is back in the queue. A resolved
// exception, a draft and a respond-by date already past are left alone.
func (s *Store) followDispute(ctx context.Context, tx *sqlx.Tx, actor User, d Dispute, now time.Time) error {
	var exc Exception
	if err := tx.GetContext(ctx, &exc, `SELECT `+exceptionColumns+` FROM exceptions e
		WHERE e.seller_id = $1 AND e.id = $2 FOR UPDATE`, d.SellerID, d.ExceptionID); err != nil {
		return err
	}
	waitingOnIt := exc.State == StateWaiting && exc.WaitingUntil != nil && exc.WaitingUntil.Equal(d.RespondBy)
	var ch ExceptionChange
	switch {
	case exc.State == StateResolved:
		return nil
	case d.Status.Filed() && d.RespondBy.After(now) && !waitingOnIt:
		st, until := StateWaiting, d.RespondBy
		note := fmt.Sprintf("Waiting on dispute #%d with the %s until its respond-by date.", d.ID, strings.ToLower(d.Counterparty.Label()))
		ch = ExceptionChange{State: &st, WaitingUntil: &until, Note: &note}
	case !d.Status.Active() && waitingOnIt:
		st := StateOpen
		note := fmt.Sprintf("Dispute #%d ended (%s): back in the queue.", d.ID, strings.ToLower(d.Status.Label()))
		ch = ExceptionChange{State: &st, Note: &note}
	default:
		return nil
	}
	_, err := s.writeChange(ctx, tx, actor, exc, ch, now) // the row is locked: its version holds
	return err
}

// ErrExceptionChanged is the ErrConflict of a dispute change that also resolves the dispute's
// exception, when it is the exception that changed meanwhile, not the dispute.
var ErrExceptionChanged = fmt.Errorf("%w: the dispute's exception", ErrConflict)

// resolveDisputeException resolves a won or lost dispute's exception with the matching resolution
// through the exception workflow's own write path; an exception already resolved is left alone.
// It returns the line for the dispute's history, "" when nothing was done.
func (s *Store) resolveDisputeException(ctx context.Context, tx *sqlx.Tx, actor User, d Dispute, now time.Time) (string, error) {
	exc, err := findException(ctx, tx, d.SellerID, d.ExceptionID)
	if err != nil || exc.State == StateResolved {
		return "", err
	}
	st := StateResolved
	r, ok := ResolutionFor(d.Status)
	if !ok {
		return "", nil
	}
	if _, err := s.writeChange(ctx, tx, actor, exc, ExceptionChange{State: &st, Resolution: &r}, now); errors.Is(err, ErrConflict) {
		return "", ErrExceptionChanged
	} else if err != nil {
		return "", err
	}
	return "Exception resolved as " + strings.ToLower(r.Label()), nil
}

// AddDisputeNote appends a note to a dispute's history. Notes change nothing else, so they need
// no version: two members writing notes at once both keep theirs. It returns ErrNotFound for
// another seller's dispute and a *ValidationError for an empty or overlong note.
func (s *Store) AddDisputeNote(ctx context.Context, seller SellerID, actor User, id int64, note string, now time.Time) error {
	if actor.SellerID != seller {
		return ErrUnauthorized
	}
	note = strings.TrimSpace(note)
	switch {
	case note == "":
		return Invalid("note", "Write the note first")
	case utf8.RuneCountInString(note) > MaxNoteLen:
		return Invalid("note", fmt.Sprintf("Keep the note under %d characters", MaxNoteLen))
	}
	// The dispute is named with the seller: another seller's id inserts nothing.
	res, err := s.db.ExecContext(ctx, `INSERT INTO dispute_history (seller_id, dispute_id, at, actor_id, action, detail)
		SELECT d.seller_id, d.id, $3, $4, 'note', $5 FROM disputes d WHERE d.seller_id = $1 AND d.id = $2`,
		seller, id, now, actor.ID, note)
	if err != nil {
		return fmt.Errorf("add dispute note: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

func addDisputeHistory(ctx context.Context, q execer, seller SellerID, dispute, actor int64, action, detail string, now time.Time) error {
	_, err := q.ExecContext(ctx, `INSERT INTO dispute_history (seller_id, dispute_id, at, actor_id, action, detail)
		VALUES ($1, $2, $3, $4, $5, $6)`, seller, dispute, now, actor, action, detail)
	return err
}

// findDispute reads one dispute of the seller in q, or ErrNotFound.
func findDispute(ctx context.Context, q sqlx.QueryerContext, seller SellerID, id int64) (Dispute, error) {
	var d Dispute
	err := sqlx.GetContext(ctx, q, &d, `SELECT `+disputeColumns+` FROM disputes d WHERE d.seller_id = $1 AND d.id = $2`, seller, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Dispute{}, ErrNotFound
	}
	return d, err
}

// FindDispute returns the seller's dispute, or ErrNotFound.
func (s *Store) FindDispute(ctx context.Context, seller SellerID, id int64) (Dispute, error) {
	d, err := findDispute(ctx, s.db, seller, id)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return Dispute{}, fmt.Errorf("find dispute: %w", err)
	}
	return d, err
}

// ListExceptionDisputes returns the disputes over one exception, newest first.
func (s *Store) ListExceptionDisputes(ctx context.Context, seller SellerID, exception int64) ([]Dispute, error) {
	var out []Dispute
	if err := s.db.SelectContext(ctx, &out, `SELECT `+disputeColumns+` FROM disputes d
		WHERE d.seller_id = $1 AND d.exception_id = $2 ORDER BY d.id DESC`, seller, exception); err != nil {
		return nil, fmt.Errorf("list exception disputes: %w", err)
	}
	return out, nil
}

// ListDisputeHistory returns a dispute's history, notes included, oldest first.
func (s *Store) ListDisputeHistory(ctx context.Context, seller SellerID, dispute int64) ([]HistoryEntry, error) {
	var out []HistoryEntry
	if err := s.db.SelectContext(ctx, &out, `SELECT id, at, actor_id, action, detail FROM dispute_history
		WHERE seller_id = $1 AND dispute_id = $2 ORDER BY id`, seller, dispute); err != nil {
		return nil, fmt.Errorf("list dispute history: %w", err)
	}
	return out, nil
}
