package domain

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
)

// Seen is an exception at the version a member saw it: what a change from a page applies to.
type Seen struct {
	ID      int64
	Version int
}

// SuggestResolution is the resolution the exception page preselects for "resolve & next" on an
// exception of kind, when the parcel's state makes one likely: delivered for a delivered parcel,
// refunded for one that is not coming (returned, lost, damaged). A customer's "not received" is
// raised on delivered parcels precisely, so it gets none. ok is false when the member must choose.
func SuggestResolution(sh Shipment, kind ExceptionKind) (r Resolution, ok bool) {
	switch {
	case kind == KindNotReceived:
		return "", false
	case sh.Stage == StageDelivered:
		return ResolutionDelivered, true
	case ParcelFate(sh.LastSignal, sh.LastStatus) != FateNone:
		return ResolutionRefunded, true
	}
	return "", false
}

// UpdateExceptions applies one change to several exceptions of one parcel of the seller, each at
// the version the member saw, in one transaction: all of them or none. It is how the exception page works a
// whole parcel ("resolve & next" resolves the parcel's open exceptions together).
//
// It returns ErrNotFound when one does not exist or belongs to another seller, ErrConflict when
// one changed since it was seen, ErrUnauthorized for an actor of another seller, and a
// *ValidationError for a change the workflow refuses for one of them.
func (s *Store) UpdateExceptions(ctx context.Context, seller SellerID, actor User, seen []Seen, ch ExceptionChange, now time.Time) error {
	if actor.SellerID != seller {
		return ErrUnauthorized
	}
	if len(seen) == 0 || ch.empty() {
		return Invalid("", "Nothing to change")
	}
	// Locked in id order, as BulkUpdate does, so that two changes over the same rows never wait
	// on each other in a circle.
	seen = slices.SortedFunc(slices.Values(seen), func(a, b Seen) int { return cmp.Compare(a.ID, b.ID) })
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var shipment int64
		for _, x := range seen {
			var cur Exception
			err := tx.GetContext(ctx, &cur, `SELECT `+exceptionColumns+` FROM exceptions e
				WHERE e.seller_id = $1 AND e.id = $2 FOR UPDATE`, seller, x.ID)
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			if err != nil {
				return err
			}
			if cur.Version != x.Version {
				return ErrConflict
			}
			if shipment != 0 && cur.ShipmentID != shipment {
				return Invalid("", "These exceptions are not one parcel's")
			}
			shipment = cur.ShipmentID
			if _, err := s.writeChange(ctx, tx, actor, cur, ch, now); err != nil {
				return err
			}
		}
		return nil
	})
	var ve *ValidationError
	if err != nil && !errors.As(err, &ve) && !errors.Is(err, ErrNotFound) && !errors.Is(err, ErrConflict) {
		return fmt.Errorf("update exceptions: %w", err)
	}
	return err
}

// queueNextProbe is how many rows NextInQueue reads: the parcel just worked may be the first.
const queueNextProbe = 2

// NextInQueue returns the queue row that comes after the given position in the queue f lists
// (its keyset cursor: the severity and id of the exception just worked), skipping the parcel just
// worked; past the end it starts again from the top, for parcels passed over. ok is false when the
// queue holds nothing else.
func (s *Store) NextInQueue(ctx context.Context, seller SellerID, f QueueFilter, after QueueCursor, worked int64) (row QueueRow, ok bool, err error) {
	for _, cursor := range []*QueueCursor{&after, nil} {
		f.After, f.Limit = cursor, queueNextProbe
		p, err := s.ListQueue(ctx, seller, f)
		if err != nil {
			return QueueRow{}, false, err
		}
		for _, r := range p.Rows {
			if r.ShipmentID != worked {
				return r, true, nil
			}
		}
	}
	return QueueRow{}, false, nil
}

// WorkSet is what the exception page's "resolve & next" and "snooze & next" change: this exception,
// unless resolved, and its parcel's other exceptions that need action (open or investigating) —
// the parcel, as its queue row shows it.
func (d ExceptionDetail) WorkSet() []Exception {
	var out []Exception
	if d.Exception.State != StateResolved {
		out = append(out, d.Exception)
	}
	for _, e := range d.Shipment.Exceptions {
		if e.ID != d.Exception.ID && (e.State == StateOpen || e.State == StateInvestigating) {
			out = append(out, e)
		}
	}
	return out
}

// ParcelHit is a parcel the header search found, and the exception to open for it: its most
// urgent one needing action, else its most urgent unresolved one; nil when it has none.
type ParcelHit struct {
	ShipmentID  int64  `db:"shipment_id"`
	ExceptionID *int64 `db:"exception_id"`
}

// FindParcels returns the seller's parcels whose order reference is q, or that were ever known by
// the tracking number q (any of them: first mile, last mile, one found in an event's text; case
// and spaces ignored), at most two: one is a match, two means the search page should list them.
func (s *Store) FindParcels(ctx context.Context, seller SellerID, q string) ([]ParcelHit, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil, nil
	}
	var out []ParcelHit
	if err := s.db.SelectContext(ctx, &out, `
		SELECT s.id AS shipment_id, (SELECT e.id FROM exceptions e
		       WHERE e.seller_id = $1 AND e.shipment_id = s.id AND e.state <> 'resolved'
		       ORDER BY e.state IN ('open', 'investigating') DESC, e.severity DESC, e.id DESC LIMIT 1) AS exception_id
		FROM shipments s
		WHERE s.seller_id = $1 AND (s.order_ref = $2
		      OR s.id IN (SELECT t.shipment_id FROM tracking_numbers t WHERE t.seller_id = $1 AND t.number = $3))
		ORDER BY s.id LIMIT 2`, seller, q, trackingNumberKey(q)); err != nil {
		return nil, fmt.Errorf("find parcels: %w", err)
	}
	return out, nil
}

// WakeHour is when a waiting exception comes back on the day chosen for it: the start of the
// working day, in the seller's zone. Every way to wait (wait, snooze & next, bulk snooze) uses it.
const WakeHour = 9

// WakeAt is when an exception waiting until day (a date in loc) comes back.
func WakeAt(day time.Time, loc *time.Location) time.Time {
	day = day.In(loc)
	return time.Date(day.Year(), day.Month(), day.Day(), WakeHour, 0, 0, 0, loc)
}

// SnoozeDefault is the day "snooze & next" offers for a parcel's exceptions (work), in loc: three
// days on, or the last day that wakes before its buyer protection ends when that comes sooner — a
// snooze past it would let the window to claim close unseen — and never before tomorrow. It is
// the zero time when no day from tomorrow on wakes in time: the parcel needs a dispute, not a snooze.
func SnoozeDefault(work []Exception, now time.Time, loc *time.Location) time.Time {
	today := WakeAt(now, loc)
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, loc)
	out := today.AddDate(0, 0, 3)
	for _, e := range work {
		if e.Kind != KindProtectionExpiring || e.DueAt == nil {
			continue
		}
		for !WakeAt(out, loc).Before(*e.DueAt) && out.After(today) {
			out = out.AddDate(0, 0, -1)
		}
	}
	if !out.After(today) {
		return time.Time{}
	}
	return out
}
