package domain_test

import (
	"context"
	"maps"
	"testing"

	"github.com/parceldesk/portal/domain"
)

// TestQueueCountsFollowEveryWriter: the tab counts a store keeps between pages (queueCounts) are,
// after every kind of change to exceptions — the sweep raising, resolving and waking them, an
// import and the sweep after it, the exception page's resolve and snooze, a bulk change and its
// undo, raising "not received" by hand — what a store that never counted before counts. Another
// seller's exceptions and changes never show in them, nor theirs in the other's.
func TestQueueCountsFollowEveryWriter(t *testing.T) {
	t.Parallel()
	f := newQueueFixture(t)
	ctx := context.Background()
	now := at("2026-11-20 10:00")
	other, otherOwner := mustSeller(t, f.s, "Other", "owner@other.test")
	mustImport(t, f.s, other.ID, sweepHeader+ev("O-1", "[Shenzhen] Export customs clearance started", "2026-11-01 10:00", "FR"))
	if _, err := f.s.Sweep(ctx, other.ID, now); err != nil {
		t.Fatal(err)
	}

	// check compares the counts of f.s, which keeps them, with a new store's for both sellers.
	check := func(step string) {
		t.Helper()
		for _, seller := range []domain.SellerID{f.seller, other.ID} {
			kept, err := f.s.QueueCounts(ctx, seller)
			if err != nil {
				t.Fatal(err)
			}
			fresh, err := domain.NewStore(f.db).QueueCounts(ctx, seller)
			if err != nil {
				t.Fatal(err)
			}
			if kept.Total != fresh.Total || !maps.Equal(kept.ByKind, fresh.ByKind) {
				t.Errorf("%s: seller %d's counts %v, counted afresh %v", step, seller, kept, fresh)
			}
		}
	}
	check("before any exception")

	f.stalled(now,
		ev("W-1", "[Shenzhen] Export customs clearance started", "2026-11-01 10:00", "FR"),
		ev("W-2", "[Shenzhen] Export customs clearance started", "2026-11-01 10:00", "FR"),
		ev("W-3", "[Shenzhen] Export customs clearance started", "2026-11-01 10:00", "FR"),
		ev("W-4", "[Shenzhen] Export customs clearance started", "2026-11-01 10:00", "FR"))
	check("import and sweep raising")
	if c, _ := f.s.QueueCounts(ctx, f.seller); c.Total != 4 || c.ByKind[domain.KindStalled] != 4 {
		t.Fatalf("counts after raising 4 stalled: %v", c)
	}
	if c, _ := f.s.QueueCounts(ctx, other.ID); c.Total != 1 {
		t.Fatalf("other seller's counts: %v", c)
	}

	resolved := domain.StateResolved
	fixed := domain.Resolution("delivered")
	if _, err := f.update(f.exceptionOf("W-1"), domain.ExceptionChange{State: &resolved, Resolution: &fixed}, now); err != nil {
		t.Fatal(err)
	}
	check("resolve on the exception page")

	waiting, until := domain.StateWaiting, now.AddDate(0, 0, 2)
	if _, err := f.update(f.exceptionOf("W-2"), domain.ExceptionChange{State: &waiting, WaitingUntil: &until}, now); err != nil {
		t.Fatal(err)
	}
	check("snooze")

	res, err := f.s.BulkUpdate(ctx, f.seller, f.owner, []int64{f.exceptionOf("W-3").ID, f.exceptionOf("W-4").ID},
		domain.ExceptionChange{State: &resolved, Resolution: &fixed}, now)
	if err != nil || res.Changed != 2 {
		t.Fatalf("bulk resolve: %v %+v", err, res)
	}
	check("bulk resolve")
	if _, err := f.s.UndoBulk(ctx, f.seller, f.owner, res.UndoID, now); err != nil {
		t.Fatal(err)
	}
	check("bulk undo")

	f.sweep(until.Add(1)) // W-2 wakes
	check("sweep waking a snoozed exception")

	mustImport(t, f.s, f.seller, sweepHeader+ev("W-3", "Delivered", "2026-11-21 10:00", "FR"))
	f.sweep(until.Add(2)) // W-3 recovered
	check("import and sweep resolving")

	if _, opened, err := f.s.RaiseNotReceived(ctx, f.seller, f.owner, shipmentByRef(t, f.s, f.seller, "W-3").ID, now); err != nil || !opened {
		t.Fatalf("raise not received: %v %v", opened, err)
	}
	check("raise not received")

	// The other seller's change moves only its own counts.
	if _, err := f.s.UpdateException(ctx, other.ID, otherOwner, shipmentException(t, f, other.ID, "O-1").ID,
		shipmentException(t, f, other.ID, "O-1").Version, domain.ExceptionChange{State: &resolved, Resolution: &fixed}, now); err != nil {
		t.Fatal(err)
	}
	check("the other seller resolves")
	if c, _ := f.s.QueueCounts(ctx, other.ID); c.Total != 0 || len(c.ByKind) != 0 {
		t.Errorf("other seller's counts after resolving its only exception: %v", c)
	}
}

// shipmentException returns the newest exception of the seller's shipment ref.
func shipmentException(t *testing.T, f *queueFixture, seller domain.SellerID, ref string) domain.Exception {
	t.Helper()
	exs, err := f.s.ListShipmentExceptions(context.Background(), seller, shipmentByRef(t, f.s, seller, ref).ID)
	if err != nil || len(exs) == 0 {
		t.Fatalf("no exception for %s: %v", ref, err)
	}
	return exs[0]
}
