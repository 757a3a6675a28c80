package domain_test

import (
	"context"
	"encoding/json"
	"maps"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
)

// TestQueueCountsFollowEveryWriter: the tab counts and the queue pages a store keeps between
// requests (queueCounts, QueueView) are, after every kind of change to what the queue shows — the
// sweep raising, resolving, waking them and refreshing their severity, an import and the sweep
// after it, an import that only changes a parcel's facts, mapping a status text, the exception
// page's resolve, snooze and assign, a bulk change and its undo, raising "not received" by hand,
// opening and changing a dispute, removing an assignee from the team — what a store that never
// read them before reads. Another seller's exceptions and changes never show in them, nor theirs
// in the other's. Each check reads through the keeping store first, so a writer that did not move
// the queue version on would leave it showing the page of the check before.
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

	// pages are the queue pages compared: the first page, a kind's tab, a stage filter, every
	// unresolved exception, one assignee's, and a keyset page of one parcel.
	pages := []domain.QueueFilter{{}, {Kind: domain.KindStalled}, {Stage: domain.StageExportCustoms},
		{State: domain.QueueUnresolved}, {Assignee: f.agent.ID}, {Limit: 1, After: &domain.QueueCursor{Severity: 1e9, ID: 1 << 62}}}
	// shown is what a queue view shows, as text: every field of its rows, counts and select-all.
	shown := func(v domain.QueueView) string {
		b, err := json.Marshal(struct {
			Page     domain.QueuePage
			Counts   domain.QueueCounts
			Matching int
		}{v.Page, v.Counts, v.Matching})
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	// check compares the counts and pages of f.s, which keeps them, with a new store's for both
	// sellers.
	check := func(step string) {
		t.Helper()
		for _, seller := range []domain.SellerID{f.seller, other.ID} {
			member := f.owner.ID
			if seller == other.ID {
				member = otherOwner.ID
			}
			for _, q := range pages {
				q.Now = now
				kept, err := f.s.QueueView(ctx, seller, member, q)
				if err != nil {
					t.Fatal(err)
				}
				fresh, err := domain.NewStore(f.db).QueueView(ctx, seller, member, q)
				if err != nil {
					t.Fatal(err)
				}
				if a, b := shown(kept), shown(fresh); a != b {
					t.Errorf("%s: seller %d's queue %+v shows\n%s\nread afresh\n%s", step, seller, q, a, b)
				}
			}
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

	if _, err := f.update(f.exceptionOf("W-2"), domain.ExceptionChange{AssigneeID: &f.agent.ID}, now); err != nil {
		t.Fatal(err)
	}
	check("assign on the exception page")
	if res, err := f.s.BulkUpdate(ctx, f.seller, f.owner, []int64{f.exceptionOf("W-4").ID},
		domain.ExceptionChange{AssigneeID: &f.agent.ID}, now); err != nil || res.Changed != 1 {
		t.Fatalf("bulk assign: %v %+v", err, res)
	}
	check("bulk assign")

	// A later scan of the same stage, to another country: the parcel's facts change, its
	// exceptions do not.
	mustImport(t, f.s, f.seller, sweepHeader+ev("W-4", "[Shenzhen] Export customs clearance started", "2026-11-02 10:00", "DE"))
	check("import changing a parcel's facts")
	mustImport(t, f.s, f.seller, sweepHeader+ev("W-4", "Parcel zorblaxed at the hub", "2026-11-03 10:00", "DE"))
	check("import of a status text no rule knows")
	if _, err := f.s.MapStatus(ctx, f.seller, f.owner.ID, domain.StatusMapping{Text: "Parcel zorblaxed at the hub",
		Stage: domain.StageDepartedOrigin, Signal: domain.SignalNone}, now); err != nil {
		t.Fatal(err)
	}
	check("mapping a status text") // W-4 moves on to departed: out of the stage filter's page

	f.sweep(until.Add(48 * time.Hour))
	check("sweep refreshing severities")

	// A draft dispute leaves its exception as it is; the queue shows it on the parcel's row.
	terms := domain.DisputeFields{Counterparty: domain.CounterpartySupplier, Reason: domain.ReasonNotReceived,
		Amount: "24.90", Currency: "eur", OpenedAt: now}
	d, err := f.s.CreateDispute(ctx, f.seller, f.owner, f.exceptionOf("W-2").ID, domain.DisputeDraft, terms, now)
	if err != nil {
		t.Fatal(err)
	}
	check("draft a dispute")
	respondBy := now.AddDate(0, 0, 9)
	terms.RespondBy = &respondBy
	if d, err = f.s.UpdateDispute(ctx, f.seller, f.owner, d.ID, d.Version, domain.DisputeChange{Fields: &terms}, now); err != nil {
		t.Fatal(err)
	}
	check("change a draft dispute's respond-by date")
	if _, err := f.s.UpdateDispute(ctx, f.seller, f.owner, d.ID, d.Version, domain.DisputeChange{Status: ptr(domain.DisputeOpen)}, now); err != nil {
		t.Fatal(err)
	}
	check("open a dispute") // its exception waits on it

	if err := f.s.RemoveUser(ctx, f.seller, f.owner, f.agent.ID); err != nil {
		t.Fatal(err)
	}
	check("remove an assignee from the team")

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

// TestQueueViewExtras: the team, dispute summary, saved views and last bulk change QueueView reads
// in one statement are what ListUsers, DisputeSummary, ListSavedViews and LastBulk return, and
// none of another seller's or member's.
func TestQueueViewExtras(t *testing.T) {
	t.Parallel()
	f := newDisputeFixture(t)
	ctx := context.Background()
	f.create(domain.DisputeOpen, f.fields())
	for _, name := range []string{"b view", "A view"} {
		if _, err := f.s.SaveView(ctx, f.seller, f.owner, name, "kind=stalled", f.now); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.s.SaveView(ctx, f.seller, f.agent, "Ann's", "kind=late", f.now); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.SaveView(ctx, f.other, f.otherOwner, "Other's", "kind=late", f.now); err != nil {
		t.Fatal(err)
	}
	agent := f.agent.ID
	if _, err := f.s.BulkUpdate(ctx, f.seller, f.owner, []int64{f.exc.ID}, domain.ExceptionChange{AssigneeID: &agent}, f.now); err != nil {
		t.Fatal(err)
	}

	for _, filter := range []domain.QueueFilter{{Now: f.now}, {Now: f.now, Country: "FR"}} { // with and without generic plans
		v, err := f.s.QueueView(ctx, f.seller, f.owner.ID, filter)
		if err != nil {
			t.Fatal(err)
		}
		team, _ := f.s.ListUsers(ctx, f.seller)
		sum, _ := f.s.DisputeSummary(ctx, f.seller, f.now)
		views, _ := f.s.ListSavedViews(ctx, f.seller, f.owner.ID)
		last, ok, _ := f.s.LastBulk(ctx, f.seller, f.owner.ID, f.now)
		if len(v.Team) != 2 || len(v.Team) != len(team) {
			t.Fatalf("team %+v, want %+v", v.Team, team)
		}
		for i := range team {
			a, b := v.Team[i], team[i]
			if a.ID != b.ID || a.SellerID != b.SellerID || a.Email != b.Email || a.Name != b.Name || a.Role != b.Role ||
				!a.CreatedAt.Equal(b.CreatedAt) || (a.LastLoginAt == nil) != (b.LastLoginAt == nil) {
				t.Errorf("team member %d: %+v, want %+v", i, a, b)
			}
		}
		if v.Disputes.DueSoon != sum.DueSoon || v.Disputes.PastDue != sum.PastDue || len(v.Disputes.Recovered) != len(sum.Recovered) {
			t.Errorf("disputes %+v, want %+v", v.Disputes, sum)
		}
		if len(v.Views) != 2 || v.Views[0] != views[0] || v.Views[1] != views[1] || v.Views[0].Name != "A view" {
			t.Errorf("views %+v, want %+v", v.Views, views)
		}
		if !ok || v.LastBulk == nil || v.LastBulk.ID != last.ID || v.LastBulk.Count != 1 || !v.LastBulk.At.Equal(last.At) ||
			v.LastBulk.Action != last.Action {
			t.Errorf("last bulk %+v, want %+v", v.LastBulk, last)
		}
		// The agent made no bulk change.
		if av, err := f.s.QueueView(ctx, f.seller, f.agent.ID, filter); err != nil || av.LastBulk != nil || len(av.Views) != 1 {
			t.Errorf("agent's view: %v %+v %+v", err, av.LastBulk, av.Views)
		}
	}
}
