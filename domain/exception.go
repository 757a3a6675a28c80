package domain

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// ExceptionKind is what is wrong with a shipment.
type ExceptionKind string

// The kinds of exception. The sweep raises and resolves all but NotReceived, which a person
// raises by hand (marked delivered, but the customer cannot find it).
const (
	KindStalled            ExceptionKind = "stalled"
	KindDeliveryIssue      ExceptionKind = "delivery_issue"
	KindLate               ExceptionKind = "late"
	KindProtectionExpiring ExceptionKind = "protection_expiring"
	KindNotReceived        ExceptionKind = "not_received"
	// KindEDDMissed is an undelivered parcel past the late end of its estimated delivery window
	// (edd.go), with no promised date covering it.
	KindEDDMissed ExceptionKind = "edd_missed"
)

// ExceptionKinds lists the kinds.
var ExceptionKinds = []ExceptionKind{KindStalled, KindDeliveryIssue, KindLate, KindProtectionExpiring, KindNotReceived, KindEDDMissed}

// Label is the kind as sellers read it.
func (k ExceptionKind) Label() string {
	switch k {
	case KindStalled:
		return "Stalled"
	case KindDeliveryIssue:
		return "Delivery issue"
	case KindLate:
		return "Late"
	case KindProtectionExpiring:
		return "Protection expiring"
	case KindNotReceived:
		return "Not received"
	case KindEDDMissed:
		return "Past estimate"
	}
	return string(k)
}

// ExceptionState is where an exception is in its workflow.
type ExceptionState string

// The workflow states: open → investigating → waiting (until a date) → resolved; a resolved
// exception can be reopened.
const (
	StateOpen          ExceptionState = "open"
	StateInvestigating ExceptionState = "investigating"
	StateWaiting       ExceptionState = "waiting"
	StateResolved      ExceptionState = "resolved"
)

// Resolution is how an exception ended.
type Resolution string

// The resolutions. The sweep resolves as Recovered when the cause went away.
const (
	ResolutionRecovered   Resolution = "recovered"
	ResolutionDelivered   Resolution = "delivered"
	ResolutionReshipped   Resolution = "reshipped"
	ResolutionRefunded    Resolution = "refunded"
	ResolutionDisputeWon  Resolution = "dispute_won"
	ResolutionDisputeLost Resolution = "dispute_lost"
	ResolutionFalseAlarm  Resolution = "false_alarm"
	ResolutionCancelled   Resolution = "cancelled"
)

// Exception is one problem with one shipment that a person should look at.
type Exception struct {
	SellerID     SellerID       `db:"seller_id"`
	ID           int64          `db:"id"`
	ShipmentID   int64          `db:"shipment_id"`
	Kind         ExceptionKind  `db:"kind"`
	State        ExceptionState `db:"state"`
	Resolution   *Resolution    `db:"resolution"`
	Stage        Stage          `db:"stage"`
	Signal       Signal         `db:"signal"`
	DueAt        *time.Time     `db:"due_at"`
	Severity     float64        `db:"severity"`
	AssigneeID   *int64         `db:"assignee_id"`
	WaitingUntil *time.Time     `db:"waiting_until"`
	OpenedAt     time.Time      `db:"opened_at"`
	ResolvedAt   *time.Time     `db:"resolved_at"`
	Version      int            `db:"version"`
}

const exceptionColumns = `e.seller_id, e.id, e.shipment_id, e.kind, e.state, e.resolution, e.stage, e.signal,
	e.due_at, e.severity, e.assignee_id, e.waiting_until, e.opened_at, e.resolved_at, e.version`

// ListShipmentExceptions returns a shipment's exceptions, unresolved first, newest first.
func (s *Store) ListShipmentExceptions(ctx context.Context, seller SellerID, shipment int64) ([]Exception, error) {
	var out []Exception
	if err := s.db.SelectContext(ctx, &out, `SELECT `+exceptionColumns+` FROM exceptions e
		WHERE e.seller_id = $1 AND e.shipment_id = $2
		ORDER BY e.state = 'resolved', e.opened_at DESC, e.id DESC`, seller, shipment); err != nil {
		return nil, fmt.Errorf("list shipment exceptions: %w", err)
	}
	return out, nil
}

// FindException returns the seller's exception, or ErrNotFound.
func (s *Store) FindException(ctx context.Context, seller SellerID, id int64) (Exception, error) {
	var e Exception
	err := s.db.GetContext(ctx, &e, `SELECT `+exceptionColumns+` FROM exceptions e WHERE e.seller_id = $1 AND e.id = $2`, seller, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Exception{}, ErrNotFound
	}
	if err != nil {
		return Exception{}, fmt.Errorf("find exception: %w", err)
	}
	return e, nil
}

// HistoryEntry is one line of an exception's append-only history; ActorID nil is the system.
type HistoryEntry struct {
	ID      int64     `db:"id"`
	At      time.Time `db:"at"`
	ActorID *int64    `db:"actor_id"`
	Action  string    `db:"action"`
	Detail  string    `db:"detail"`
}

// ListHistory returns an exception's history, oldest first.
func (s *Store) ListHistory(ctx context.Context, seller SellerID, exception int64) ([]HistoryEntry, error) {
	var out []HistoryEntry
	if err := s.db.SelectContext(ctx, &out, `SELECT id, at, actor_id, action, detail FROM exception_history
		WHERE seller_id = $1 AND exception_id = $2 ORDER BY id`, seller, exception); err != nil {
		return nil, fmt.Errorf("list history: %w", err)
	}
	return out, nil
}

// RaiseNotReceived opens a not_received exception by hand: the shipment shows delivered but the
// customer cannot find it. At most one is open per shipment; raising it again returns the open one
// with opened false. It returns ErrNotFound for another seller's shipment.
func (s *Store) RaiseNotReceived(ctx context.Context, seller SellerID, actor User, shipment int64, now time.Time) (e Exception, opened bool, err error) {
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		var sh Shipment
		if err := tx.GetContext(ctx, &sh, `SELECT `+shipmentColumns+` FROM shipments s WHERE s.seller_id = $1 AND s.id = $2`, seller, shipment); errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		} else if err != nil {
			return err
		}
		err := tx.GetContext(ctx, &e, `
			INSERT INTO exceptions AS e (seller_id, shipment_id, kind, stage, shipment_stage, signal, severity, opened_at)
			VALUES ($1, $2, 'not_received', $3, $3, $4, $6, $5)
			ON CONFLICT (seller_id, shipment_id, kind) WHERE state <> 'resolved' DO NOTHING
			RETURNING `+exceptionColumns, seller, shipment, int(sh.Stage), string(sh.LastSignal), now, severityNotReceived)
		if errors.Is(err, sql.ErrNoRows) { // already open
			return tx.GetContext(ctx, &e, `SELECT `+exceptionColumns+` FROM exceptions e WHERE e.seller_id = $1
				AND e.shipment_id = $2 AND e.kind = 'not_received' AND e.state <> 'resolved'`, seller, shipment)
		}
		if err != nil {
			return err
		}
		opened = true
		s.queueChanged(tx, seller)
		if _, err := tx.ExecContext(ctx, `INSERT INTO exception_history (seller_id, exception_id, at, actor_id, action, detail)
			VALUES ($1, $2, $3, $4, 'raised', 'Raised by hand: the customer has not received the parcel.')`, seller, e.ID, now, actor.ID); err != nil {
			return err
		}
		return s.notifyRaisedByHand(ctx, tx, seller, e.ID, now) // notifications: notifyhooks.go
	})
	if err != nil {
		return Exception{}, false, fmt.Errorf("raise not received: %w", err)
	}
	return e, opened, nil
}
