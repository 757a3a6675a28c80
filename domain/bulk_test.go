package domain_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
)

func TestListQueueCarrierAndAge(t *testing.T) {
	t.Parallel()
	f := newQueueFixture(t)
	now := at("2026-11-20 10:00")
	f.stalled(now,
		ev("C-1", "[Shenzhen] Export customs clearance started", "2026-11-01 10:00", "FR"),
		ev("C-2", "[Shenzhen] Export customs clearance started", "2026-11-02 10:00", "FR"),
		ev("C-3", "[Shenzhen] Export customs clearance started", "2026-11-03 10:00", "FR"))
	f.exec(`UPDATE shipments SET carrier = 'YunExpress' WHERE seller_id = $1 AND order_ref = 'C-1'`, f.seller)
	f.exec(`UPDATE shipments SET last_mile_carrier = 'Colissimo' WHERE seller_id = $1 AND order_ref = 'C-2'`, f.seller)
	f.exec(`UPDATE shipments SET service = 'Cainiao Super Economy Global' WHERE seller_id = $1 AND order_ref = 'C-3'`, f.seller)
	f.exec(`UPDATE exceptions SET opened_at = $2 WHERE seller_id = $1 AND id = $3`, f.seller, now.AddDate(0, 0, -10), f.exceptionOf("C-1").ID)
	f.exec(`UPDATE exceptions SET opened_at = $2 WHERE seller_id = $1 AND id = $3`, f.seller, now.AddDate(0, 0, -2), f.exceptionOf("C-2").ID)

	sorted := func(refs []string) []string { slices.Sort(refs); return refs }
	for _, tc := range []struct {
		name string
		f    domain.QueueFilter
		want []string
	}{
		{"carrier", domain.QueueFilter{Carrier: "yunexpress"}, []string{"C-1"}},
		{"last-mile carrier", domain.QueueFilter{Carrier: "COLISSIMO"}, []string{"C-2"}},
		{"service", domain.QueueFilter{Carrier: "cainiao"}, []string{"C-3"}},
		{"service of every other", domain.QueueFilter{Carrier: "AliExpress"}, []string{"C-1", "C-2"}},
		{"carrier, no match", domain.QueueFilter{Carrier: "DHL"}, nil},
		{"carrier with wildcard text", domain.QueueFilter{Carrier: "%"}, nil},
		{"older than 1 day", domain.QueueFilter{Age: 1, Now: now}, []string{"C-1", "C-2"}},
		{"older than 3 days", domain.QueueFilter{Age: 3, Now: now}, []string{"C-1"}},
		{"older than 14 days", domain.QueueFilter{Age: 14, Now: now}, nil},
		{"age and carrier", domain.QueueFilter{Age: 1, Now: now, Carrier: "colissimo"}, []string{"C-2"}},
	} {
		if got := sorted(f.queue(tc.f)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}

	// The export walk sees every row of the filter, across its pages, in queue order.
	var walked []string
	if err := f.s.EachQueueRow(context.Background(), f.seller, domain.QueueFilter{Age: 1, Now: now, Limit: 1}, func(r domain.QueueRow) error {
		walked = append(walked, r.OrderRef)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if want := f.queue(domain.QueueFilter{Age: 1, Now: now}); !slices.Equal(walked, want) || len(walked) != 2 {
		t.Errorf("EachQueueRow: %v, want %v", walked, want)
	}
}

func TestEachQueueRowPages(t *testing.T) {
	t.Parallel()
	f := newQueueFixture(t)
	now := at("2026-11-20 10:00")
	var rows []string
	for i := 0; i < 7; i++ {
		rows = append(rows, ev("P-"+string(rune('a'+i)), "[Shenzhen] Export customs clearance started", "2026-11-01 10:00", "FR"))
	}
	f.stalled(now, rows...)
	stop := errors.New("stop")
	n := 0
	err := f.s.EachQueueRow(context.Background(), f.seller, domain.QueueFilter{}, func(domain.QueueRow) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("stopping walk: %v after %d rows", err, n)
	}
}

func TestBulkUpdate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newQueueFixture(t)
	now := at("2026-11-20 10:00")
	f.stalled(now,
		ev("B-1", "[Shenzhen] Export customs clearance started", "2026-11-01 10:00", "FR"),
		ev("B-2", "[Shenzhen] Export customs clearance started", "2026-11-02 10:00", "FR"),
		ev("B-3", "[Shenzhen] Export customs clearance started", "2026-11-03 10:00", "FR"))
	b1, b2, b3 := f.exceptionOf("B-1"), f.exceptionOf("B-2"), f.exceptionOf("B-3")
	if _, err := f.update(b3, domain.ExceptionChange{State: ptr(domain.StateResolved), Resolution: ptr(domain.ResolutionFalseAlarm)}, now); err != nil {
		t.Fatal(err)
	}

	// Another seller's exception, whose id the first seller names.
	other, otherOwner := mustSeller(t, f.s, "Other", "owner@other.test")
	mustImport(t, f.s, other.ID, sweepHeader+ev("X-1", "[Shenzhen] Export customs clearance started", "2026-11-01 10:00", "DE"))
	if _, err := f.s.Sweep(ctx, other.ID, now); err != nil {
		t.Fatal(err)
	}
	op, err := f.s.ListQueue(ctx, other.ID, domain.QueueFilter{})
	if err != nil || len(op.Rows) != 1 {
		t.Fatalf("other seller's queue: %v %v", err, op.Rows)
	}
	foreign := op.Rows[0].Exception

	// Resolve: B-1 and B-2 change; B-3 is resolved already; the foreign id and a missing one are
	// not found; a repeated id counts once.
	later := now.Add(time.Hour)
	res, err := f.s.BulkUpdate(ctx, f.seller, f.owner, []int64{b1.ID, b2.ID, b3.ID, foreign.ID, 999999, b1.ID},
		domain.ExceptionChange{State: ptr(domain.StateResolved), Resolution: ptr(domain.ResolutionRefunded)}, later)
	if err != nil {
		t.Fatal(err)
	}
	wantSkips := []domain.BulkSkip{{ID: b3.ID, Reason: "A resolved exception can only be reopened"},
		{ID: foreign.ID, Reason: "not found"}, {ID: 999999, Reason: "not found"}}
	if res.Changed != 2 || !slices.Equal(res.Skipped, wantSkips) {
		t.Errorf("result %+v, want 2 changed and skips %+v", res, wantSkips)
	}
	for _, e := range []domain.Exception{b1, b2} {
		got, err := f.s.FindException(ctx, f.seller, e.ID)
		if err != nil || got.State != domain.StateResolved || *got.Resolution != domain.ResolutionRefunded ||
			got.Version != e.Version+1 || !got.ResolvedAt.Equal(later) {
			t.Errorf("after bulk resolve: %v %+v", err, got)
		}
		if h := f.history(e.ID); len(h) == 0 || h[len(h)-1] != "state open → resolved (refunded)" {
			t.Errorf("history of %d: %q", e.ID, h)
		}
	}
	if got, err := f.s.FindException(ctx, other.ID, foreign.ID); err != nil || got.State != domain.StateOpen || got.Version != foreign.Version {
		t.Errorf("foreign exception changed: %v %+v", err, got)
	}
	if h, err := f.s.ListHistory(ctx, other.ID, foreign.ID); err != nil || len(h) != 1 || h[0].Action != "raised" {
		t.Errorf("foreign history written: %v %+v", err, h)
	}

	// Assign and snooze: the workflow's own rules, per exception.
	b3 = f.exceptionOf("B-3")
	if _, err := f.update(b3, domain.ExceptionChange{State: ptr(domain.StateOpen)}, later); err != nil {
		t.Fatal(err)
	}
	res, err = f.s.BulkUpdate(ctx, f.seller, f.owner, []int64{b1.ID, b3.ID}, domain.ExceptionChange{AssigneeID: &f.agent.ID}, later)
	if err != nil || res.Changed != 1 || len(res.Skipped) != 1 || res.Skipped[0].ID != b1.ID {
		t.Errorf("bulk assign: %v %+v", err, res)
	}
	if h := f.history(b3.ID); h[len(h)-1] != "assigned to Ann" {
		t.Errorf("assign history: %q", h)
	}
	res, err = f.s.BulkUpdate(ctx, f.seller, f.owner, []int64{b3.ID}, domain.ExceptionChange{
		State: ptr(domain.StateWaiting), WaitingUntil: ptr(now.Add(-time.Hour))}, later)
	if err != nil || res.Changed != 0 || len(res.Skipped) != 1 || !strings.Contains(res.Skipped[0].Reason, "future") {
		t.Errorf("bulk snooze into the past: %v %+v", err, res)
	}
	until := now.AddDate(0, 0, 3)
	res, err = f.s.BulkUpdate(ctx, f.seller, f.owner, []int64{b3.ID}, domain.ExceptionChange{
		State: ptr(domain.StateWaiting), WaitingUntil: &until}, later)
	if err != nil || res.Changed != 1 {
		t.Errorf("bulk snooze: %v %+v", err, res)
	}
	if got, _ := f.s.FindException(ctx, f.seller, b3.ID); got.State != domain.StateWaiting || !got.WaitingUntil.Equal(until) {
		t.Errorf("after snooze: %+v", got)
	}

	// Refusals of the whole request.
	var ve *domain.ValidationError
	if _, err := f.s.BulkUpdate(ctx, f.seller, f.owner, nil, domain.ExceptionChange{AssigneeID: &f.agent.ID}, later); !errors.As(err, &ve) {
		t.Errorf("no ids: %v", err)
	}
	if _, err := f.s.BulkUpdate(ctx, f.seller, f.owner, []int64{b3.ID}, domain.ExceptionChange{}, later); !errors.As(err, &ve) {
		t.Errorf("empty change: %v", err)
	}
	if _, err := f.s.BulkUpdate(ctx, f.seller, otherOwner, []int64{b3.ID}, domain.ExceptionChange{AssigneeID: &f.agent.ID}, later); !errors.Is(err, domain.ErrUnauthorized) {
		t.Errorf("actor of another seller: %v", err)
	}
}

// TestUndoBulk: the member's last bulk change can be undone once, within UndoWindow, by that
// member only: each exception goes back to what it was, except one changed since.
func TestUndoBulk(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newQueueFixture(t)
	now := at("2026-11-20 10:00")
	f.stalled(now,
		ev("U-1", "[Shenzhen] Export customs clearance started", "2026-11-01 10:00", "FR"),
		ev("U-2", "[Shenzhen] Export customs clearance started", "2026-11-02 10:00", "FR"),
		ev("U-3", "[Shenzhen] Export customs clearance started", "2026-11-03 10:00", "FR"))
	u1, u2, u3 := f.exceptionOf("U-1"), f.exceptionOf("U-2"), f.exceptionOf("U-3")
	until := now.AddDate(0, 0, 3)
	res, err := f.s.BulkUpdate(ctx, f.seller, f.owner, []int64{u1.ID, u2.ID, u3.ID},
		domain.ExceptionChange{State: ptr(domain.StateWaiting), WaitingUntil: &until}, now)
	if err != nil || res.Changed != 3 || res.UndoID == 0 {
		t.Fatalf("snooze: %v %+v", err, res)
	}
	last, ok, err := f.s.LastBulk(ctx, f.seller, f.owner.ID, now.Add(time.Minute))
	if err != nil || !ok || last.ID != res.UndoID || last.Count != 3 || last.Action != "snoozed" {
		t.Fatalf("last bulk: %v %v %+v", err, ok, last)
	}
	if _, ok, _ := f.s.LastBulk(ctx, f.seller, f.agent.ID, now); ok {
		t.Errorf("another member is offered the owner's undo")
	}
	if _, ok, _ := f.s.LastBulk(ctx, f.seller, f.owner.ID, now.Add(domain.UndoWindow+time.Second)); ok {
		t.Errorf("undo offered after the window")
	}
	// Someone puts U-3 back to work meanwhile: undo leaves it.
	if _, err := f.update(f.exceptionOf("U-3"), domain.ExceptionChange{State: ptr(domain.StateInvestigating)}, now); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.UndoBulk(ctx, f.seller, f.agent, res.UndoID, now); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("another member's undo: %v, want ErrNotFound", err)
	}
	other, otherOwner := mustSeller(t, f.s, "Other", "owner@other.test")
	if _, err := f.s.UndoBulk(ctx, other.ID, otherOwner, res.UndoID, now); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("another seller's undo: %v, want ErrNotFound", err)
	}
	var ve *domain.ValidationError
	if _, err := f.s.UndoBulk(ctx, f.seller, f.owner, res.UndoID, now.Add(domain.UndoWindow+time.Second)); !errors.As(err, &ve) {
		t.Errorf("late undo: %v, want refused", err)
	}
	undo, err := f.s.UndoBulk(ctx, f.seller, f.owner, res.UndoID, now.Add(time.Minute))
	if err != nil || undo.Changed != 2 || len(undo.Skipped) != 1 || undo.Skipped[0].ID != u3.ID {
		t.Fatalf("undo: %v %+v", err, undo)
	}
	for _, e := range []domain.Exception{u1, u2} {
		got, _ := f.s.FindException(ctx, f.seller, e.ID)
		if got.State != domain.StateOpen || got.WaitingUntil != nil {
			t.Errorf("%d after undo: %s until %v", e.ID, got.State, got.WaitingUntil)
		}
		if h := f.history(e.ID); h[len(h)-1] != "Bulk change undone: back to open" {
			t.Errorf("history %q", h)
		}
	}
	if got, _ := f.s.FindException(ctx, f.seller, u3.ID); got.State != domain.StateInvestigating {
		t.Errorf("U-3 after undo: %s, want left investigating", got.State)
	}
	if _, err := f.s.UndoBulk(ctx, f.seller, f.owner, res.UndoID, now.Add(2*time.Minute)); !errors.As(err, &ve) {
		t.Errorf("second undo: %v, want refused", err)
	}
	if _, ok, _ := f.s.LastBulk(ctx, f.seller, f.owner.ID, now.Add(2*time.Minute)); ok {
		t.Errorf("an undone change is offered again")
	}
}

// TestBulkForgetsWhatCannotBeUndone: a bulk change past the undo window is deleted (with its
// items) by the next bulk change, so the undo tables stay small.
func TestBulkForgetsWhatCannotBeUndone(t *testing.T) {
	t.Parallel()
	f := newQueueFixture(t)
	ctx := context.Background()
	now := at("2026-11-10 10:00")
	f.stalled(now, ev("B-1", "[Shenzhen] Export customs clearance started", "2026-11-01 10:00", "FR"))
	e := f.exceptionOf("B-1")
	me := f.owner.ID
	if _, err := f.s.BulkUpdate(ctx, f.seller, f.owner, []int64{e.ID}, domain.ExceptionChange{AssigneeID: &me}, now); err != nil {
		t.Fatal(err)
	}
	ann := f.agent.ID
	later := now.Add(domain.UndoWindow + time.Minute)
	if _, err := f.s.BulkUpdate(ctx, f.seller, f.owner, []int64{e.ID}, domain.ExceptionChange{AssigneeID: &ann}, later); err != nil {
		t.Fatal(err)
	}
	var changes, items int
	if err := f.db.QueryRow(`SELECT (SELECT count(*) FROM bulk_changes), (SELECT count(*) FROM bulk_change_items)`).Scan(&changes, &items); err != nil {
		t.Fatal(err)
	}
	if changes != 1 || items != 1 {
		t.Errorf("kept %d bulk changes and %d items, want only the one that can still be undone", changes, items)
	}
}
