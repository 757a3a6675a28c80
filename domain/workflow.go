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
	"github.com/parceldesk/portal/domain/zone"
)

// Valid reports whether k is a known kind.
func (k ExceptionKind) Valid() bool {
	for _, x := range ExceptionKinds {
		if k == x {
			return true
		}
	}
	return false
}

// ExceptionStates lists the workflow states in workflow order.
var ExceptionStates = []ExceptionState{StateOpen, StateInvestigating, StateWaiting, StateResolved}

// Valid reports whether st is a known state.
func (st ExceptionState) Valid() bool {
	for _, x := range ExceptionStates {
		if st == x {
			return true
		}
	}
	return false
}

// Label is the state as sellers read it.
func (st ExceptionState) Label() string {
	switch st {
	case StateOpen:
		return "Open"
	case StateInvestigating:
		return "Investigating"
	case StateWaiting:
		return "Waiting"
	case StateResolved:
		return "Resolved"
	}
	return string(st)
}

// Resolutions lists the ways an exception can end.
var Resolutions = []Resolution{ResolutionRecovered, ResolutionDelivered, ResolutionReshipped, ResolutionRefunded,
	ResolutionDisputeWon, ResolutionDisputeLost, ResolutionFalseAlarm, ResolutionCancelled}

// Valid reports whether r is a known resolution.
func (r Resolution) Valid() bool {
	for _, x := range Resolutions {
		if r == x {
			return true
		}
	}
	return false
}

// Label is the resolution as sellers read it ("Dispute won").
func (r Resolution) Label() string {
	s := strings.ReplaceAll(string(r), "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// CanMove reports whether the workflow lets an exception go from one state to another. Work
// moves forward (open → investigating → waiting → resolved), and any step may be skipped — a
// false alarm is resolved straight from open. Unresolved work may go back to open (handed back to
// the queue) and waiting to investigating (the answer came); waiting → waiting moves the date. A
// resolved exception can only be reopened.
func CanMove(from, to ExceptionState) bool {
	switch from {
	case StateOpen:
		return to == StateInvestigating || to == StateWaiting || to == StateResolved
	case StateInvestigating:
		return to == StateOpen || to == StateWaiting || to == StateResolved
	case StateWaiting:
		return to == StateOpen || to == StateInvestigating || to == StateWaiting || to == StateResolved
	case StateResolved:
		return to == StateOpen
	}
	return false
}

// MaxNoteLen is the longest note, in characters, a team member can add to an exception.
const MaxNoteLen = 4000

// ExceptionChange is what UpdateException changes; nil fields stay as they are. Several may be
// set at once (resolve with a note, investigate and assign), and all are applied together.
type ExceptionChange struct {
	// State moves the exception in its workflow (see CanMove).
	State *ExceptionState
	// Resolution is required when State is StateResolved, and allowed only then.
	Resolution *Resolution
	// WaitingUntil is required, in the future, when State is StateWaiting; given alone while
	// waiting it moves the date.
	WaitingUntil *time.Time
	// AssigneeID assigns the exception to a team member; a pointer to 0 unassigns it.
	AssigneeID *int64
	// Note adds a note to the history.
	Note *string
}

func (ch ExceptionChange) empty() bool {
	return ch.State == nil && ch.Resolution == nil && ch.WaitingUntil == nil && ch.AssigneeID == nil && ch.Note == nil
}

// historyLine is one exception_history row about to be written.
type historyLine struct{ action, detail string }

// UpdateException applies a team member's change to an exception the member last saw at version,
// in one transaction, and writes each part of it (state, assignment, note) to the history with
// the actor and now. Moving to investigating assigns the actor when nobody is assigned and the
// change names nobody else.
//
// It returns ErrNotFound for an exception that does not exist or belongs to another seller,
// ErrConflict when the exception changed since version (someone else got there first; nothing is
// written), ErrUnauthorized for an actor of another seller, and a *ValidationError, safe to show,
// for a change the workflow refuses.
func (s *Store) UpdateException(ctx context.Context, seller SellerID, actor User, id int64, version int, ch ExceptionChange, now time.Time) (Exception, error) {
	if actor.SellerID != seller {
		return Exception{}, ErrUnauthorized
	}
	if ch.empty() {
		return Exception{}, Invalid("", "Nothing to change")
	}
	var out Exception
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		cur, err := findException(ctx, tx, seller, id)
		if err != nil {
			return err
		}
		// A stale version is refused before the change is judged: it was chosen against a
		// state the member no longer sees.
		if cur.Version != version {
			return ErrConflict
		}
		out, err = s.writeChange(ctx, tx, actor, cur, ch, now)
		return err
	})
	if err != nil {
		var ve *ValidationError
		if errors.As(err, &ve) || errors.Is(err, ErrNotFound) || errors.Is(err, ErrConflict) {
			return Exception{}, err
		}
		return Exception{}, fmt.Errorf("update exception: %w", err)
	}
	return out, nil
}

// writeChange judges a change against the exception as read (applyChange), writes it if the row
// still has the version read (ErrConflict otherwise), and appends its history lines. Single and
// bulk updates both go through it.
func (s *Store) writeChange(ctx context.Context, tx *sqlx.Tx, actor User, cur Exception, ch ExceptionChange, now time.Time) (Exception, error) {
	next, hist, err := s.applyChange(ctx, tx, cur.SellerID, actor, cur, ch, now)
	if err != nil {
		return Exception{}, err
	}
	q, args, err := sqlx.Named(`
		UPDATE exceptions e SET state = :state, resolution = :resolution, waiting_until = :waiting_until,
		       resolved_at = :resolved_at, assignee_id = :assignee_id, version = version + 1
		WHERE e.seller_id = :seller_id AND e.id = :id AND e.version = :version
		RETURNING `+exceptionColumns, map[string]any{
		"seller_id": cur.SellerID, "id": cur.ID, "version": cur.Version,
		"state": next.State, "resolution": next.Resolution, "waiting_until": next.WaitingUntil,
		"resolved_at": next.ResolvedAt, "assignee_id": next.AssigneeID,
	})
	if err != nil {
		return Exception{}, err
	}
	var out Exception
	err = tx.GetContext(ctx, &out, tx.Rebind(q), args...)
	if errors.Is(err, sql.ErrNoRows) {
		// Changed between our read and this write (the version moved on); the row exists, as we
		// just read it under the seller's scope.
		return Exception{}, ErrConflict
	}
	if isUniqueViolation(err, "exceptions_one_open") {
		return Exception{}, reopenBlocked(cur.Kind)
	}
	if err != nil {
		return Exception{}, err
	}
	s.queueChanged(tx, cur.SellerID) // its state, assignee or version, which the queue shows
	for _, h := range hist {
		if _, err := tx.ExecContext(ctx, `INSERT INTO exception_history (seller_id, exception_id, at, actor_id, action, detail)
			VALUES ($1, $2, $3, $4, $5, $6)`, cur.SellerID, cur.ID, now, actor.ID, h.action, h.detail); err != nil {
			return Exception{}, err
		}
	}
	if err := s.notifyChange(ctx, tx, cur, out, now); err != nil { // notifications: notifyhooks.go
		return Exception{}, err
	}
	return out, nil
}

// applyChange checks a change against the workflow and returns the exception as it will be and
// the history lines that say what changed.
func (s *Store) applyChange(ctx context.Context, tx *sqlx.Tx, seller SellerID, actor User, cur Exception, ch ExceptionChange, now time.Time) (Exception, []historyLine, error) {
	next := cur
	var hist []historyLine
	to := cur.State
	switch {
	case ch.State != nil:
		to = *ch.State
	case ch.Resolution != nil:
		to = StateResolved
	case ch.WaitingUntil != nil:
		to = StateWaiting
	}
	if to != cur.State || ch.State != nil || ch.Resolution != nil || ch.WaitingUntil != nil {
		switch {
		case !to.Valid():
			return next, nil, Invalid("state", "Choose a state from the list")
		case cur.State == StateResolved && to != StateOpen:
			return next, nil, Invalid("state", "A resolved exception can only be reopened")
		case !CanMove(cur.State, to):
			return next, nil, Invalid("state", "It is already "+strings.ToLower(to.Label()))
		case to == StateWaiting && (ch.WaitingUntil == nil || !ch.WaitingUntil.After(now)):
			return next, nil, Invalid("waiting_until", "Choose a date in the future to wait until")
		case to == StateResolved && (ch.Resolution == nil || !ch.Resolution.Valid()):
			return next, nil, Invalid("resolution", "Choose how it was resolved")
		case to != StateResolved && ch.Resolution != nil:
			return next, nil, Invalid("resolution", "A resolution is only given when resolving")
		case to != StateWaiting && ch.WaitingUntil != nil:
			return next, nil, Invalid("waiting_until", "A date is only given when waiting")
		}
		if to == StateWaiting && cur.Kind == KindProtectionExpiring && cur.DueAt != nil && !ch.WaitingUntil.Before(*cur.DueAt) {
			// Waiting past the end of buyer protection lets the window to claim close unseen; a
			// dispute filed in time is the one exception (it waits on the counterparty).
			var filed bool
			if err := tx.GetContext(ctx, &filed, `SELECT EXISTS (SELECT 1 FROM disputes WHERE seller_id = $1
				AND exception_id = $2 AND status IN `+filedStatusesSQL+`)`, seller, cur.ID); err != nil {
				return next, nil, err
			}
			if !filed {
				return next, nil, Invalid("waiting_until", "Buyer protection ends before then: choose an earlier day, or open a dispute")
			}
		}
		if cur.State == StateResolved {
			// The unique index allows one unresolved exception per shipment and kind; the sweep
			// may have raised a newer one since this one was resolved.
			var taken bool
			if err := tx.GetContext(ctx, &taken, `SELECT EXISTS (SELECT 1 FROM exceptions WHERE seller_id = $1
				AND shipment_id = $2 AND kind = $3 AND state <> 'resolved' AND id <> $4)`,
				seller, cur.ShipmentID, cur.Kind, cur.ID); err != nil {
				return next, nil, err
			}
			if taken {
				return next, nil, reopenBlocked(cur.Kind)
			}
		}
		next.State, next.Resolution, next.WaitingUntil, next.ResolvedAt = to, nil, nil, nil
		detail := "state " + string(cur.State) + " → " + string(to)
		switch to {
		case StateWaiting:
			w := *ch.WaitingUntil
			next.WaitingUntil = &w
			loc, err := sellerLoc(ctx, tx, seller)
			if err != nil {
				return next, nil, err
			}
			detail += " until " + w.In(loc).Format("2 Jan 2006")
		case StateResolved:
			r := *ch.Resolution
			next.Resolution, next.ResolvedAt = &r, &now
			detail += " (" + string(r) + ")"
		}
		action := string(to)
		if to == StateOpen {
			action = "reopened"
		}
		hist = append(hist, historyLine{action, detail})
	}

	assignee := ch.AssigneeID
	if assignee == nil && to == StateInvestigating && cur.State != StateInvestigating && cur.AssigneeID == nil {
		assignee = &actor.ID // whoever starts investigating has it, unless they named someone
	}
	if assignee != nil {
		if cur.State == StateResolved && to == StateResolved {
			return next, nil, Invalid("assignee", "A resolved exception can only be reopened")
		}
		if *assignee == 0 {
			if cur.AssigneeID != nil {
				next.AssigneeID = nil
				hist = append(hist, historyLine{"unassigned", "unassigned"})
			}
		} else if cur.AssigneeID == nil || *cur.AssigneeID != *assignee {
			var name string
			err := tx.GetContext(ctx, &name, `SELECT coalesce(nullif(name, ''), email) FROM users
				WHERE seller_id = $1 AND id = $2`, seller, *assignee)
			if errors.Is(err, sql.ErrNoRows) {
				return next, nil, Invalid("assignee", "Choose a member of your team")
			}
			if err != nil {
				return next, nil, err
			}
			a := *assignee
			next.AssigneeID = &a
			hist = append(hist, historyLine{"assigned", "assigned to " + name})
		}
	}

	if ch.Note != nil {
		note := strings.TrimSpace(*ch.Note)
		switch {
		case note == "":
			return next, nil, Invalid("note", "Write the note first")
		case utf8.RuneCountInString(note) > MaxNoteLen:
			return next, nil, Invalid("note", fmt.Sprintf("Keep the note under %d characters", MaxNoteLen))
		}
		hist = append(hist, historyLine{"note", note})
	}
	if len(hist) == 0 {
		return next, nil, Invalid("", "Nothing to change")
	}
	return next, hist, nil
}

// reopenBlocked is the refusal to reopen an exception while a newer one of the same kind is open
// for the shipment: the database allows one, and the newer one is where the work goes on.
func reopenBlocked(kind ExceptionKind) *ValidationError {
	return Invalid("state", "This shipment already has an open "+strings.ToLower(kind.Label())+
		" exception; work on that one instead of reopening this one")
}

// findException reads one exception of the seller in q, or ErrNotFound.
func findException(ctx context.Context, q sqlx.QueryerContext, seller SellerID, id int64) (Exception, error) {
	var e Exception
	err := sqlx.GetContext(ctx, q, &e, `SELECT `+exceptionColumns+` FROM exceptions e WHERE e.seller_id = $1 AND e.id = $2`, seller, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Exception{}, ErrNotFound
	}
	return e, err
}

// sellerLoc is the seller's time zone, in which history lines write dates as the seller reads
// them (zone.Load).
func sellerLoc(ctx context.Context, q sqlx.QueryerContext, seller SellerID) (*time.Location, error) {
	var tz string
	if err := sqlx.GetContext(ctx, q, &tz, `SELECT timezone FROM sellers WHERE id = $1`, seller); err != nil {
		return nil, err
	}
	return zone.Load(tz), nil
}

// ExceptionDetail is everything the page of one exception shows: the exception, its shipment's
// detail (facts, events, stage timeline), its history oldest first, the team it can be assigned
// to, and its disputes.
type ExceptionDetail struct {
	Exception Exception
	Shipment  ShipmentDetail
	History   []HistoryEntry
	Team      []User
	// CustomerMessage is the ready message to the customer about the exception (CustomerMessage).
	CustomerMessage string
	// Disputes are the disputes over the exception, newest first.
	Disputes []Dispute
	// ProtectionWarningDays is the seller's buyer-protection warning period, in days.
	ProtectionWarningDays int
}

// ProtectionDaysLeft reports, for a shipment not yet delivered whose buyer protection ends within
// the seller's warning period, how many days remain to open a dispute with the supplier; ok is
// false when there is nothing to warn about (no date, delivered, ended, or still far off).
func (d ExceptionDetail) ProtectionDaysLeft(now time.Time) (days int, ok bool) {
	sh := d.Shipment.Shipment
	if sh.ProtectionEndsAt == nil || sh.Stage == StageDelivered || !sh.ProtectionEndsAt.After(now) {
		return 0, false
	}
	if sh.ProtectionEndsAt.Sub(now) > time.Duration(d.ProtectionWarningDays)*24*time.Hour {
		return 0, false
	}
	return ProtectionDaysLeft(*sh.ProtectionEndsAt, now), true
}

// MemberName is the display name of a team member by id; "" when the id is nil or not in the
// team (removed members' history lines keep their text, not their name).
func (d ExceptionDetail) MemberName(id *int64) string { return MemberName(d.Team, id) }

// MemberName is the display name of the member of team with the id; "" when the id is nil or not
// in the team.
func MemberName(team []User, id *int64) string {
	if id == nil {
		return ""
	}
	for _, u := range team {
		if u.ID == *id {
			return u.DisplayName()
		}
	}
	return ""
}

// ExceptionDetail gathers one exception with its shipment's detail as of now, its history and
// the seller's team. It returns ErrNotFound for an id that does not exist or belongs to another
// seller.
func (s *Store) ExceptionDetail(ctx context.Context, seller SellerID, id int64, now time.Time) (ExceptionDetail, error) {
	var d ExceptionDetail
	var err error
	if d.Exception, err = s.FindException(ctx, seller, id); err != nil {
		return ExceptionDetail{}, err
	}
	if d.Shipment, err = s.ShipmentDetail(ctx, seller, d.Exception.ShipmentID, now); err != nil {
		return ExceptionDetail{}, err
	}
	if d.History, err = s.ListHistory(ctx, seller, id); err != nil {
		return ExceptionDetail{}, err
	}
	if d.Team, err = s.ListUsers(ctx, seller); err != nil {
		return ExceptionDetail{}, err
	}
	if d.CustomerMessage, err = s.CustomerMessage(ctx, seller, d.Exception, d.Shipment.Shipment, now); err != nil {
		return ExceptionDetail{}, err
	}
	if d.Disputes, err = s.ListExceptionDisputes(ctx, seller, id); err != nil {
		return ExceptionDetail{}, err
	}
	if d.ProtectionWarningDays, err = s.ProtectionWarningDays(ctx, seller); err != nil {
		return ExceptionDetail{}, err
	}
	return d, nil
}
