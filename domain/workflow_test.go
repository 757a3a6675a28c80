package domain_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
)

// queueFixture is a seller with an owner and an agent, Ann, whose shipments the sweep turns into
// exceptions.
type queueFixture struct {
	*sweepFixture
	owner, agent domain.User
}

func newQueueFixture(t *testing.T) *queueFixture {
	t.Helper()
	f := newSweepFixture(t)
	owner, err := f.s.FindUserByEmail(context.Background(), "owner@shop.test")
	if err != nil {
		t.Fatal(err)
	}
	var agent domain.User
	if err := f.db.Get(&agent, `INSERT INTO users (seller_id, email, name, password_hash, role)
		VALUES ($1, 'ann@shop.test', 'Ann', 'x', 'agent')
		RETURNING seller_id, id, email, name, role, created_at, last_login_at`, f.seller); err != nil {
		t.Fatal(err)
	}
	return &queueFixture{sweepFixture: f, owner: owner, agent: agent}
}

// stalled imports shipments stuck in export customs since entered and sweeps at now, so each has
// an open stalled exception.
func (f *queueFixture) stalled(now time.Time, rows ...string) {
	f.t.Helper()
	mustImport(f.t, f.s, f.seller, sweepHeader+strings.Join(rows, ""))
	f.sweep(now)
}

// exceptionOf returns the newest exception of a shipment.
func (f *queueFixture) exceptionOf(ref string) domain.Exception {
	f.t.Helper()
	sh := shipmentByRef(f.t, f.s, f.seller, ref)
	exs, err := f.s.ListShipmentExceptions(context.Background(), f.seller, sh.ID)
	if err != nil || len(exs) == 0 {
		f.t.Fatalf("no exception for %s: %v", ref, err)
	}
	return exs[0]
}

// update applies a change as the owner at the exception's current version.
func (f *queueFixture) update(e domain.Exception, ch domain.ExceptionChange, now time.Time) (domain.Exception, error) {
	return f.s.UpdateException(context.Background(), f.seller, f.owner, e.ID, e.Version, ch, now)
}

func (f *queueFixture) history(id int64) []string {
	f.t.Helper()
	h, err := f.s.ListHistory(context.Background(), f.seller, id)
	if err != nil {
		f.t.Fatal(err)
	}
	var out []string
	for _, l := range h {
		out = append(out, l.Detail)
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// wantRefused fails unless err is a *ValidationError carrying msg for field.
func wantRefused(t *testing.T, err error, field, msg string) {
	t.Helper()
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a validation error %q", err, msg)
	}
	if got := ve.Fields[field]; !strings.Contains(got, msg) {
		t.Fatalf("%s: message %q, want %q", field, got, msg)
	}
}

func TestCanMove(t *testing.T) {
	t.Parallel()
	o, i, w, r := domain.StateOpen, domain.StateInvestigating, domain.StateWaiting, domain.StateResolved
	allowed := map[[2]domain.ExceptionState]bool{
		{o, i}: true, {o, w}: true, {o, r}: true,
		{i, o}: true, {i, w}: true, {i, r}: true,
		{w, o}: true, {w, i}: true, {w, w}: true, {w, r}: true,
		{r, o}: true,
	}
	for _, from := range domain.ExceptionStates {
		for _, to := range domain.ExceptionStates {
			if got, want := domain.CanMove(from, to), allowed[[2]domain.ExceptionState{from, to}]; got != want {
				t.Errorf("CanMove(%s, %s) = %v, want %v", from, to, got, want)
			}
		}
	}
}

func TestUpdateExceptionWorkflow(t *testing.T) {
	t.Parallel()
	f := newQueueFixture(t)
	now := at("2026-11-10 10:00")
	f.stalled(now, ev("W-1", "[Shenzhen] Export customs clearance started", "2026-11-01 10:00", "FR"))
	e := f.exceptionOf("W-1")
	if e.State != domain.StateOpen || e.AssigneeID != nil {
		t.Fatalf("raised: %+v", e)
	}

	// open → investigating assigns whoever starts it.
	e, err := f.update(e, domain.ExceptionChange{State: ptr(domain.StateInvestigating)}, now)
	if err != nil {
		t.Fatal(err)
	}
	if e.State != domain.StateInvestigating || e.AssigneeID == nil || *e.AssigneeID != f.owner.ID || e.Version != 2 {
		t.Fatalf("investigating: %+v", e)
	}
	_, err = f.update(e, domain.ExceptionChange{State: ptr(domain.StateInvestigating)}, now)
	wantRefused(t, err, "state", "It is already investigating")

	// Waiting needs a date in the future.
	for _, until := range []*time.Time{nil, ptr(now.Add(-time.Hour)), ptr(now)} {
		_, err = f.update(e, domain.ExceptionChange{State: ptr(domain.StateWaiting), WaitingUntil: until}, now)
		wantRefused(t, err, "waiting_until", "Choose a date in the future to wait until")
	}
	until := now.Add(72 * time.Hour)
	if e, err = f.update(e, domain.ExceptionChange{State: ptr(domain.StateWaiting), WaitingUntil: &until}, now); err != nil {
		t.Fatal(err)
	}
	if e.State != domain.StateWaiting || e.WaitingUntil == nil || !e.WaitingUntil.Equal(until) {
		t.Fatalf("waiting: %+v", e)
	}
	// waiting → investigating → open: the answer came, then handed back to the queue.
	if e, err = f.update(e, domain.ExceptionChange{State: ptr(domain.StateInvestigating)}, now); err != nil {
		t.Fatal(err)
	}
	if e.WaitingUntil != nil {
		t.Errorf("waiting date kept after leaving waiting: %v", e.WaitingUntil)
	}
	if e, err = f.update(e, domain.ExceptionChange{State: ptr(domain.StateOpen)}, now); err != nil {
		t.Fatal(err)
	}

	// Resolving needs a resolution.
	_, err = f.update(e, domain.ExceptionChange{State: ptr(domain.StateResolved)}, now)
	wantRefused(t, err, "resolution", "Choose how it was resolved")
	_, err = f.update(e, domain.ExceptionChange{State: ptr(domain.StateResolved), Resolution: ptr(domain.Resolution("lucky"))}, now)
	wantRefused(t, err, "resolution", "Choose how it was resolved")
	e, err = f.update(e, domain.ExceptionChange{State: ptr(domain.StateResolved), Resolution: ptr(domain.ResolutionRefunded),
		Note: ptr("Refunded 12.50 EUR")}, now)
	if err != nil {
		t.Fatal(err)
	}
	if e.State != domain.StateResolved || e.Resolution == nil || *e.Resolution != domain.ResolutionRefunded || e.ResolvedAt == nil {
		t.Fatalf("resolved: %+v", e)
	}

	// A resolved exception only reopens.
	for _, to := range []domain.ExceptionState{domain.StateInvestigating, domain.StateWaiting, domain.StateResolved} {
		_, err = f.update(e, domain.ExceptionChange{State: ptr(to), WaitingUntil: &until, Resolution: ptr(domain.ResolutionDelivered)}, now)
		wantRefused(t, err, "state", "A resolved exception can only be reopened")
	}
	if e, err = f.update(e, domain.ExceptionChange{State: ptr(domain.StateOpen)}, now); err != nil {
		t.Fatal(err)
	}
	if e.State != domain.StateOpen || e.Resolution != nil || e.ResolvedAt != nil {
		t.Fatalf("reopened: %+v", e)
	}

	got := strings.Join(f.history(e.ID), "\n")
	want := strings.Join([]string{
		"Raised by the sweep.",
		"state open → investigating",
		"assigned to owner@shop.test",
		"state investigating → waiting until 13 Nov 2026",
		"state waiting → investigating",
		"state investigating → open",
		"state open → resolved (refunded)",
		"Refunded 12.50 EUR",
		"state resolved → open",
	}, "\n")
	if got != want {
		t.Errorf("history:\n%s\nwant:\n%s", got, want)
	}
}

func TestUpdateExceptionAssignAndNote(t *testing.T) {
	t.Parallel()
	f := newQueueFixture(t)
	now := at("2026-11-10 10:00")
	f.stalled(now, ev("N-1", "[Shenzhen] Export customs clearance started", "2026-11-01 10:00", "FR"))
	e := f.exceptionOf("N-1")

	e, err := f.update(e, domain.ExceptionChange{AssigneeID: &f.agent.ID}, now)
	if err != nil {
		t.Fatal(err)
	}
	if e.AssigneeID == nil || *e.AssigneeID != f.agent.ID || e.State != domain.StateOpen {
		t.Fatalf("assigned: %+v", e)
	}
	// Starting to investigate keeps the member already assigned.
	if e, err = f.update(e, domain.ExceptionChange{State: ptr(domain.StateInvestigating)}, now); err != nil {
		t.Fatal(err)
	}
	if *e.AssigneeID != f.agent.ID {
		t.Errorf("investigating reassigned to %d", *e.AssigneeID)
	}
	if e, err = f.update(e, domain.ExceptionChange{AssigneeID: ptr(int64(0))}, now); err != nil || e.AssigneeID != nil {
		t.Fatalf("unassign: %v %+v", err, e)
	}
	_, err = f.update(e, domain.ExceptionChange{Note: ptr("  \n ")}, now)
	wantRefused(t, err, "note", "Write the note first")
	_, err = f.update(e, domain.ExceptionChange{Note: ptr(strings.Repeat("x", domain.MaxNoteLen+1))}, now)
	wantRefused(t, err, "note", "under")
	_, err = f.update(e, domain.ExceptionChange{}, now)
	wantRefused(t, err, "", "Nothing to change")
	if e, err = f.update(e, domain.ExceptionChange{Note: ptr("Asked the supplier for a new tracking number")}, now); err != nil {
		t.Fatal(err)
	}

	// Another shop's member cannot be assigned.
	_, other := mustSeller(t, f.s, "Other", "owner@other.test")
	_, err = f.update(e, domain.ExceptionChange{AssigneeID: &other.ID}, now)
	wantRefused(t, err, "assignee", "Choose a member of your team")

	h, err := f.s.ListHistory(context.Background(), f.seller, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range h[1:] {
		if l.ActorID == nil || *l.ActorID != f.owner.ID || !l.At.Equal(now) {
			t.Errorf("history line %q: actor %v at %v", l.Detail, l.ActorID, l.At)
		}
		lines = append(lines, l.Action+": "+l.Detail)
	}
	want := "assigned: assigned to Ann|investigating: state open → investigating|unassigned: unassigned|note: Asked the supplier for a new tracking number"
	if got := strings.Join(lines, "|"); got != want {
		t.Errorf("history %q\nwant     %q", got, want)
	}
}

func TestUpdateExceptionVersionConflict(t *testing.T) {
	t.Parallel()
	f := newQueueFixture(t)
	now := at("2026-11-10 10:00")
	f.stalled(now, ev("C-1", "[Shenzhen] Export customs clearance started", "2026-11-01 10:00", "FR"))
	e := f.exceptionOf("C-1")
	// Both members loaded the page at the same version.
	if _, err := f.s.UpdateException(context.Background(), f.seller, f.owner, e.ID, e.Version,
		domain.ExceptionChange{State: ptr(domain.StateInvestigating)}, now); err != nil {
		t.Fatal(err)
	}
	_, err := f.s.UpdateException(context.Background(), f.seller, f.agent, e.ID, e.Version,
		domain.ExceptionChange{State: ptr(domain.StateResolved), Resolution: ptr(domain.ResolutionFalseAlarm)}, now)
	if !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("second update: %v, want ErrConflict", err)
	}
	cur, err := f.s.FindException(context.Background(), f.seller, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if cur.State != domain.StateInvestigating || cur.Version != e.Version+1 {
		t.Errorf("after the conflict: %+v", cur)
	}
	if h := f.history(e.ID); len(h) != 3 { // raised, investigating, assigned
		t.Errorf("history %q: the refused change wrote something", h)
	}
}

func TestUpdateExceptionReopenBlockedByNewer(t *testing.T) {
	t.Parallel()
	f := newQueueFixture(t)
	now := at("2026-11-10 10:00")
	f.stalled(now, ev("R-1", "[Shenzhen] Export customs clearance started", "2026-11-01 10:00", "FR"))
	old := f.exceptionOf("R-1")
	old, err := f.update(old, domain.ExceptionChange{State: ptr(domain.StateResolved), Resolution: ptr(domain.ResolutionFalseAlarm)}, now)
	if err != nil {
		t.Fatal(err)
	}
	// It moves on and stalls again, in the next stage: the sweep raises a new one.
	f.stalled(at("2026-11-21 12:00"), ev("R-1", "[Shenzhen] Departed from departure country/region", "2026-11-10 11:00", "FR"))
	if newer := f.exceptionOf("R-1"); newer.ID == old.ID || newer.State != domain.StateOpen {
		t.Fatalf("no newer exception: %+v", newer)
	}
	_, err = f.update(old, domain.ExceptionChange{State: ptr(domain.StateOpen)}, now)
	wantRefused(t, err, "state", "already has an open stalled exception")
}

func TestUpdateExceptionOtherSeller(t *testing.T) {
	t.Parallel()
	f := newQueueFixture(t)
	now := at("2026-11-10 10:00")
	f.stalled(now, ev("X-1", "[Shenzhen] Export customs clearance started", "2026-11-01 10:00", "FR"))
	e := f.exceptionOf("X-1")
	other, otherOwner := mustSeller(t, f.s, "Other", "owner@other.test")
	ch := domain.ExceptionChange{State: ptr(domain.StateInvestigating)}
	if _, err := f.s.UpdateException(context.Background(), other.ID, otherOwner, e.ID, e.Version, ch, now); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("another seller's id: %v, want ErrNotFound", err)
	}
	if _, err := f.s.UpdateException(context.Background(), f.seller, f.owner, e.ID+1000, 1, ch, now); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown id: %v, want ErrNotFound", err)
	}
	// A member of another shop acting on this seller's scope is refused outright.
	if _, err := f.s.UpdateException(context.Background(), f.seller, otherOwner, e.ID, e.Version, ch, now); !errors.Is(err, domain.ErrUnauthorized) {
		t.Errorf("foreign actor: %v, want ErrUnauthorized", err)
	}
	if cur := f.exceptionOf("X-1"); cur.State != domain.StateOpen || cur.Version != e.Version {
		t.Errorf("changed: %+v", cur)
	}
	if _, err := f.s.ExceptionDetail(context.Background(), other.ID, e.ID, now); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("detail for another seller: %v", err)
	}
}

// TestWaitNotPastProtection: a protection exception cannot wait (or be snoozed in bulk) past the
// end of buyer protection, unless a dispute filed in time waits on the counterparty.
func TestWaitNotPastProtection(t *testing.T) {
	t.Parallel()
	f := newQueueFixture(t)
	ctx := context.Background()
	now := at("2026-11-10 10:00")
	f.stalled(now, "P-1,AliExpress Standard Shipping,Arrived at destination country/region,2026-11-08 10:00,FR,,2026-11-13 10:00\n")
	e := f.exceptionOf("P-1")
	if e.Kind != domain.KindProtectionExpiring {
		t.Fatalf("P-1's exception is %s", e.Kind)
	}
	_, err := f.update(e, domain.ExceptionChange{State: ptr(domain.StateWaiting), WaitingUntil: ptr(at("2026-11-14 09:00"))}, now)
	wantRefused(t, err, "waiting_until", "Buyer protection ends before then")
	res, err := f.s.BulkUpdate(ctx, f.seller, f.owner, []int64{e.ID}, domain.ExceptionChange{State: ptr(domain.StateWaiting), WaitingUntil: ptr(at("2026-11-14 09:00"))}, now)
	if err != nil || res.Changed != 0 || len(res.Skipped) != 1 || !strings.Contains(res.Skipped[0].Reason, "Buyer protection") {
		t.Errorf("bulk snooze past protection: %+v, %v", res, err)
	}
	if _, err := f.update(e, domain.ExceptionChange{State: ptr(domain.StateWaiting), WaitingUntil: ptr(at("2026-11-12 09:00"))}, now); err != nil {
		t.Errorf("waiting until before protection ends: %v", err)
	}
}
