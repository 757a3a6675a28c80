package domain_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
)

// queueRefs lists the order references of queue rows in order.
func queueRefs(rows []domain.QueueRow) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.OrderRef)
	}
	return out
}

func (f *queueFixture) queue(qf domain.QueueFilter) []string {
	f.t.Helper()
	p, err := f.s.ListQueue(context.Background(), f.seller, qf)
	if err != nil {
		f.t.Fatal(err)
	}
	return queueRefs(p.Rows)
}

func TestListQueueOrderAndKeysetPaging(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newQueueFixture(t)
	now := at("2026-11-20 10:00")
	var rows []string
	// Eleven stalled parcels, stuck for different times; tie on severity, so the
	// id breaks the tie and paging must not lose or repeat either.
	for i := 0; i < 11; i++ {
		day := 1 + i/2*2
		if i < 2 {
			day = 1
		}
		rows = append(rows, ev(fmt.Sprintf("Q-%02d", i), "[Shenzhen] Export customs clearance started",
			fmt.Sprintf("2026-11-%02d 10:00", day), "FR"))
	}
	f.stalled(now, rows...)

	all, err := f.s.ListQueue(ctx, f.seller, domain.QueueFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Rows) != 11 || all.Next != nil {
		t.Fatalf("one page: %d rows, next %v", len(all.Rows), all.Next)
	}
	for i := 1; i < len(all.Rows); i++ {
		a, b := all.Rows[i-1], all.Rows[i]
		if a.Severity < b.Severity || a.Severity == b.Severity && a.ID < b.ID {
			t.Errorf("out of order at %d: %v/%d before %v/%d", i, a.Severity, a.ID, b.Severity, b.ID)
		}
	}
	r := all.Rows[0]
	if r.OrderRef == "" || r.DestinationCountry != "FR" || r.ShipmentStage != domain.StageExportCustoms ||
		r.StageEnteredAt == nil || r.Kind != domain.KindStalled || r.AssigneeName != "" {
		t.Errorf("row facts: %+v", r)
	}

	var paged []string
	var cursor *domain.QueueCursor
	for pages := 0; ; pages++ {
		if pages > 10 {
			t.Fatal("paging does not end")
		}
		p, err := f.s.ListQueue(ctx, f.seller, domain.QueueFilter{Limit: 3, After: cursor})
		if err != nil {
			t.Fatal(err)
		}
		paged = append(paged, queueRefs(p.Rows)...)
		if p.Next == nil {
			break
		}
		cursor = p.Next
	}
	if want := queueRefs(all.Rows); !slices.Equal(paged, want) {
		t.Errorf("pages of 3:\n%v\nwant\n%v", paged, want)
	}
}

func TestListQueueFilters(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newQueueFixture(t)
	now := at("2026-11-10 10:00")
	f.stalled(now,
		ev("F-1", "[Shenzhen] Export customs clearance started", "2026-11-01 10:00", "FR"),
		ev("F-2", "[Shenzhen] Export customs clearance started", "2026-11-02 10:00", "DE"),
		ev("F-3", "Import clearance start", "2026-11-05 10:00", "DE"),
		ev("G-4", "[Shenzhen] Export customs clearance started", "2026-11-03 10:00", "FR"))

	inv, res := f.exceptionOf("F-2"), f.exceptionOf("G-4")
	if _, err := f.update(inv, domain.ExceptionChange{State: ptr(domain.StateInvestigating), AssigneeID: &f.agent.ID}, now); err != nil {
		t.Fatal(err)
	}
	if _, err := f.update(res, domain.ExceptionChange{State: ptr(domain.StateResolved), Resolution: ptr(domain.ResolutionFalseAlarm)}, now); err != nil {
		t.Fatal(err)
	}
	sorted := func(refs []string) []string { slices.Sort(refs); return refs }
	for _, tc := range []struct {
		name string
		f    domain.QueueFilter
		want []string
	}{
		{"needs action by default", domain.QueueFilter{}, []string{"F-1", "F-2"}},
		{"unresolved", domain.QueueFilter{State: domain.QueueUnresolved}, []string{"F-1", "F-2"}},
		{"all states", domain.QueueFilter{State: domain.QueueAll}, []string{"F-1", "F-2", "G-4"}},
		{"resolved", domain.QueueFilter{State: "resolved"}, []string{"G-4"}},
		{"investigating", domain.QueueFilter{State: "investigating"}, []string{"F-2"}},
		{"kind", domain.QueueFilter{Kind: domain.KindStalled}, []string{"F-1", "F-2"}},
		{"other kind", domain.QueueFilter{Kind: domain.KindLate}, nil},
		{"stage", domain.QueueFilter{Stage: domain.StageExportCustoms}, []string{"F-1", "F-2"}},
		{"stage without", domain.QueueFilter{Stage: domain.StageDelivered}, nil},
		{"country", domain.QueueFilter{Country: "de"}, []string{"F-2"}},
		{"assignee", domain.QueueFilter{Assignee: f.agent.ID}, []string{"F-2"}},
		{"unassigned", domain.QueueFilter{Assignee: domain.QueueUnassigned}, []string{"F-1"}},
		{"text", domain.QueueFilter{Query: "F-1"}, []string{"F-1"}},
		{"text prefix, all", domain.QueueFilter{Query: "G", State: domain.QueueAll}, []string{"G-4"}},
	} {
		if got := sorted(f.queue(tc.f)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
	// F-3 is in import customs, under its 7-day threshold: not in the queue at all.
	if got := f.queue(domain.QueueFilter{Query: "F-3", State: domain.QueueAll}); len(got) != 0 {
		t.Errorf("F-3 listed: %v", got)
	}
	p, err := f.s.ListQueue(ctx, f.seller, domain.QueueFilter{Assignee: f.agent.ID})
	if err != nil || len(p.Rows) != 1 || p.Rows[0].AssigneeName != "Ann" {
		t.Errorf("assignee name: %v %+v", err, p.Rows)
	}
	var ve *domain.ValidationError
	if _, err := f.s.ListQueue(ctx, f.seller, domain.QueueFilter{State: "closed"}); !errors.As(err, &ve) {
		t.Errorf("unknown state: %v", err)
	}

	counts, err := f.s.QueueCounts(ctx, f.seller)
	if err != nil {
		t.Fatal(err)
	}
	if counts.ByKind[domain.KindStalled] != 2 || counts.ByKind[domain.KindLate] != 0 || len(counts.ByKind) != 1 || counts.Total != 2 {
		t.Errorf("counts: %v", counts)
	}

	// Another seller sees none of it.
	other, _ := mustSeller(t, f.s, "Other", "owner@other.test")
	if p, err := f.s.ListQueue(ctx, other.ID, domain.QueueFilter{State: domain.QueueAll}); err != nil || len(p.Rows) != 0 {
		t.Errorf("other seller's queue: %v %v", err, queueRefs(p.Rows))
	}
	if c, err := f.s.QueueCounts(ctx, other.ID); err != nil || len(c.ByKind) != 0 || c.Total != 0 {
		t.Errorf("other seller's counts: %v %v", err, c)
	}
}

// TestQueueCountsAreCapped: past QueueCountCap a kind's count stops at the cap + 1 (the tab says
// "1,000+"), so counting stays cheap however many exceptions are open.
func TestQueueCountsAreCapped(t *testing.T) {
	t.Parallel()
	f := newSweepFixture(t)
	var b strings.Builder
	b.WriteString(sweepHeader)
	for i := range domain.QueueCountCap + 5 {
		b.WriteString(ev(fmt.Sprintf("CAP-%d", i), "[Shenzhen] Export customs clearance started", "2026-11-01 10:00", "FR"))
	}
	mustImport(t, f.s, f.seller, b.String())
	f.sweep(at("2026-11-20 10:00"))
	counts, err := f.s.QueueCounts(context.Background(), f.seller)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := counts.ByKind[domain.KindStalled], domain.QueueCountCap+1; got != want || counts.Total != want {
		t.Errorf("stalled count = %d, total %d, want the cap + 1 = %d", got, counts.Total, want)
	}
}

// TestQueueStageFollowsTheShipment: the queue's stage filter is on the shipment's current stage,
// which each exception carries (exceptions.shipment_stage). Its writers keep it equal to the
// shipment's: the sweep raising an exception, and an import moving a shipment — for its open and
// resolved exceptions alike. An import waits for a sweep of the same seller running meanwhile, so
// that the sweep cannot raise an exception at a stage the import has just moved the shipment from.
func TestQueueStageFollowsTheShipment(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newQueueFixture(t)
	// M-1 stalls in export customs and is late (promised 5 November): two exceptions.
	late := func(ref, status, when string) string {
		return fmt.Sprintf("%s,AliExpress Standard Shipping,%s,%s,FR,2026-11-05,\n", ref, status, when)
	}
	f.stalled(at("2026-11-10 10:00"), late("M-1", "[Shenzhen] Export customs clearance started", "2026-11-01 10:00"),
		ev("N-1", "[Shenzhen] Export customs clearance started", "2026-11-01 10:00", "FR"))
	stale := func(when string) {
		t.Helper()
		var n int
		if err := f.db.Get(&n, `SELECT count(*) FROM exceptions e JOIN shipments s ON s.seller_id = e.seller_id AND s.id = e.shipment_id
			WHERE e.shipment_stage <> s.stage`); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%s: %d exceptions carry another stage than their shipment's", when, n)
		}
	}
	stale("after the sweep")
	all := domain.QueueFilter{State: domain.QueueAll}
	inStage := func(st domain.Stage) domain.QueueFilter { f := all; f.Stage = st; return f }
	if got := f.queue(inStage(domain.StageExportCustoms)); len(got) != 2 || f.queue(inStage(domain.StageDepartedOrigin)) != nil {
		t.Fatalf("export customs: %v; departed: %v", got, f.queue(inStage(domain.StageDepartedOrigin)))
	}

	// The import moves M-1 on: both its exceptions follow at once, before any sweep.
	mustImport(t, f.s, f.seller, sweepHeader+late("M-1", "[Shenzhen] Departed from departure country/region", "2026-11-10 13:00"))
	stale("after the import")
	if got := f.queue(inStage(domain.StageDepartedOrigin)); !slices.Equal(got, []string{"M-1"}) {
		t.Errorf("departed after the import: %v", got)
	}
	if got := f.queue(inStage(domain.StageExportCustoms)); !slices.Equal(got, []string{"N-1"}) {
		t.Errorf("export customs after the import: %v", got)
	}
	// The sweep resolves the stall (the cause went away) and keeps the late one: the resolved
	// exception stays at its shipment's stage too, and moves with it.
	f.sweep(at("2026-11-10 14:00"))
	stale("after the second sweep")
	mustImport(t, f.s, f.seller, sweepHeader+late("M-1", "Arrived at destination country", "2026-11-12 13:00"))
	stale("after the second import")
	if got := f.queue(inStage(domain.StageArrivedDestination)); !slices.Equal(got, []string{"M-1"}) {
		t.Errorf("arrived, all states: %v", got)
	}
	if got := f.queue(domain.QueueFilter{Stage: domain.StageArrivedDestination}); !slices.Equal(got, []string{"M-1"}) {
		t.Errorf("arrived, needing action: %v", got)
	}

	// A sweep running (its lock held here) makes the import wait until it ends.
	tx, err := f.db.BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback() //nolint:errcheck
	if _, err := tx.Exec(`SELECT pg_advisory_xact_lock(`+domain.SweepLockSQL+`)`, f.seller); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		csv := sweepHeader + ev("N-1", "[Shenzhen] Departed from departure country/region", "2026-11-10 13:00", "FR")
		_, err := importCSV(f.s, f.seller, strings.NewReader(csv), int64(len(csv)))
		done <- err
	}()
	waiting := false
	for i := 0; i < 200 && !waiting; i++ {
		select {
		case err := <-done:
			t.Fatalf("the import ran while the seller's sweep held its lock (err %v)", err)
		case <-time.After(50 * time.Millisecond):
		}
		if err := f.db.Get(&waiting, `SELECT EXISTS (SELECT FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory')`); err != nil {
			t.Fatal(err)
		}
	}
	if !waiting {
		t.Fatal("the import does not wait for the sweep's lock")
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	stale("after the import that waited")
	if got := f.queue(inStage(domain.StageDepartedOrigin)); !slices.Equal(got, []string{"N-1"}) {
		t.Errorf("departed after the import that waited: %v", got)
	}
}

// TestQueueOneRowPerParcel: a parcel with two problems is one row, placed by its most urgent
// exception, carrying both; the counts are of parcels; a returned or lost parcel is not also
// stalled.
func TestQueueOneRowPerParcel(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newQueueFixture(t)
	now := at("2026-11-20 10:00")
	late := func(ref, status, when string) string {
		return fmt.Sprintf("%s,AliExpress Standard Shipping,%s,%s,FR,2026-11-10,\n", ref, status, when)
	}
	f.stalled(now,
		late("P-2", "[Shenzhen] Export customs clearance started", "2026-11-01 10:00"), // stalled and late
		ev("P-1", "[Shenzhen] Export customs clearance started", "2026-11-02 10:00", "FR"),
		late("P-3", "Package lost in transit", "2026-11-01 10:00"), // delivery issue and late, not stalled
		late("P-4", "Returned to sender", "2026-11-01 10:00"))      // the same
	if got := f.open("P-3"); got != "late@10,delivery_issue@10" {
		t.Errorf("lost parcel's exceptions: %s", got)
	}
	if got := f.open("P-4"); got != "late@10,delivery_issue@10" {
		t.Errorf("returned parcel's exceptions: %s", got)
	}
	p, err := f.s.ListQueue(ctx, f.seller, domain.QueueFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got := queueRefs(p.Rows); len(got) != 4 || slices.Compact(slices.Sorted(slices.Values(got)))[0] != "P-1" {
		t.Fatalf("rows %v, want one per parcel", got)
	}
	for _, r := range p.Rows {
		kinds := []string{}
		for _, e := range r.Exceptions {
			kinds = append(kinds, string(e.Kind))
		}
		slices.Sort(kinds)
		want := map[string]string{"P-1": "stalled", "P-2": "late,stalled", "P-3": "delivery_issue,late", "P-4": "delivery_issue,late"}[r.OrderRef]
		if got := strings.Join(kinds, ","); got != want {
			t.Errorf("%s: kinds %s, want %s", r.OrderRef, got, want)
		}
		if r.Exceptions[0].ID != r.ID {
			t.Errorf("%s: the lead is not the first of its exceptions", r.OrderRef)
		}
	}
	// Paged one by one, each parcel comes once.
	var paged []string
	var cursor *domain.QueueCursor
	for range 10 {
		p, err := f.s.ListQueue(ctx, f.seller, domain.QueueFilter{Limit: 1, After: cursor})
		if err != nil {
			t.Fatal(err)
		}
		paged = append(paged, queueRefs(p.Rows)...)
		if cursor = p.Next; cursor == nil {
			break
		}
	}
	if want := queueRefs(p.Rows); !slices.Equal(paged, want) {
		t.Errorf("paged %v, want %v", paged, want)
	}
	// A filter on the kind keeps the parcel, with the matching exception alone.
	lp, err := f.s.ListQueue(ctx, f.seller, domain.QueueFilter{Kind: domain.KindLate, Query: "P-2"})
	if err != nil || len(lp.Rows) != 1 || len(lp.Rows[0].Exceptions) != 1 || lp.Rows[0].Kind != domain.KindLate {
		t.Errorf("late filter: %v %+v", err, lp.Rows)
	}
	counts, err := f.s.QueueCounts(ctx, f.seller)
	if err != nil {
		t.Fatal(err)
	}
	if counts.Total != 4 || counts.ByKind[domain.KindLate] != 3 || counts.ByKind[domain.KindStalled] != 2 || counts.ByKind[domain.KindDeliveryIssue] != 2 {
		t.Errorf("counts %+v, want 4 parcels: 3 late, 2 stalled, 2 delivery issues", counts)
	}
	if n, err := f.s.CountQueue(ctx, f.seller, domain.QueueFilter{}, 100); err != nil || n != 4 {
		t.Errorf("CountQueue = %d, %v; want 4", n, err)
	}
	if n, err := f.s.CountQueue(ctx, f.seller, domain.QueueFilter{}, 2); err != nil || n != 3 {
		t.Errorf("CountQueue capped at 2 = %d, %v; want 3", n, err)
	}
	ids, err := f.s.QueueExceptionIDs(ctx, f.seller, domain.QueueFilter{Kind: domain.KindLate}, 2)
	if err != nil || len(ids) != 2 {
		t.Errorf("QueueExceptionIDs of 2 late parcels: %v, %v", ids, err)
	}
}

func TestParcelFate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		signal domain.Signal
		text   string
		want   domain.Fate
	}{
		{domain.SignalDamagedLost, "Package lost in transit", domain.FateLost},
		{domain.SignalDamagedLost, "Parcel damaged in transit", domain.FateDamaged},
		{domain.SignalDamagedLost, "Paket beschädigt", domain.FateDamaged},
		{domain.SignalDamagedLost, "Damaged or lost", domain.FateLostDamaged},
		{domain.SignalReturned, "Returned to sender", domain.FateReturned},
		{domain.SignalCustomsHold, "Held by customs", domain.FateNone},
	} {
		if got := domain.ParcelFate(tc.signal, tc.text); got != tc.want {
			t.Errorf("%s %q: %q, want %q", tc.signal, tc.text, got, tc.want)
		}
	}
}

// TestQueueOrderLosesMoneyFirst: what loses money first comes first — lost, returned, customs
// asking for duties, protection about to close — and a quiet parcel far over its limit after them;
// each row can say how urgent it is and why it ranks there.
func TestQueueOrderLosesMoneyFirst(t *testing.T) {
	t.Parallel()
	f := newQueueFixture(t)
	now := at("2026-11-20 10:00")
	row := func(ref, status, when, protection string) string {
		return fmt.Sprintf("%s,AliExpress Standard Shipping,%s,%s,FR,,%s\n", ref, status, when, protection)
	}
	f.stalled(now,
		row("O-STALL", "Arrived at destination country/region", "2026-11-01 10:00", ""), // 4× its 4-day limit
		row("O-PROT", "[Shenzhen] Departed from departure country/region", "2026-11-18 10:00", "2026-11-20 22:00"),
		row("O-CUSTOMS", "Held by customs - import duties payment required", "2026-11-19 10:00", ""),
		row("O-RET", "Returned to sender", "2026-11-19 10:00", ""),
		row("O-LOST", "Package lost in transit", "2026-11-19 10:00", ""))
	p, err := f.s.ListQueue(context.Background(), f.seller, domain.QueueFilter{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := queueRefs(p.Rows), []string{"O-LOST", "O-RET", "O-CUSTOMS", "O-PROT", "O-STALL"}; !slices.Equal(got, want) {
		t.Errorf("queue order %v, want %v", got, want)
	}
	by := map[string]domain.QueueRow{}
	for _, r := range p.Rows {
		by[r.OrderRef] = r
	}
	// The stall crossed its limit (arrived: 4 days, in China time) 15 days before now.
	if got := by["O-STALL"].Urgency(now); got != "over its limit by 15d" {
		t.Errorf("stall urgency %q", got)
	}
	if got := by["O-PROT"].Urgency(now); got != "protection ends in 12 h" {
		t.Errorf("protection urgency %q", got)
	}
	lost := by["O-LOST"]
	if got := lost.SeverityReason(lost.Fate, "", "", now); lost.Fate != domain.FateLost || !strings.HasPrefix(got, "Reported lost") {
		t.Errorf("lost reason %q", got)
	}
	if got := by["O-STALL"].SeverityReason(domain.FateNone, "12.50", "EUR", now); !strings.Contains(got, "(12.50 EUR)") {
		t.Errorf("stall reason %q", got)
	}
}

func TestSpan(t *testing.T) {
	t.Parallel()
	for d, want := range map[time.Duration]string{
		40*time.Hour + 10*time.Minute: "1d 16h", 12 * time.Hour: "12 h", 48 * time.Hour: "2d", 40 * time.Minute: "40 min",
		-3 * time.Hour: "3 h", 0: "1 min",
	} {
		if got := domain.Span(d); got != want {
			t.Errorf("Span(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestSavedViews: each member keeps their own views; saving a name again replaces its filter;
// another member's or seller's view cannot be deleted.
func TestSavedViews(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newQueueFixture(t)
	now := at("2026-11-20 10:00")
	v, err := f.s.SaveView(ctx, f.seller, f.owner, "  DE   customs ", "country=DE&stage=import_customs", now)
	if err != nil || v.Name != "DE customs" {
		t.Fatalf("save: %v %+v", err, v)
	}
	if _, err := f.s.SaveView(ctx, f.seller, f.owner, "DE customs", "country=DE", now); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.SaveView(ctx, f.seller, f.agent, "Mine", "assignee=2", now); err != nil {
		t.Fatal(err)
	}
	views, err := f.s.ListSavedViews(ctx, f.seller, f.owner.ID)
	if err != nil || len(views) != 1 || views[0].Query != "country=DE" {
		t.Errorf("owner's views: %v %+v", err, views)
	}
	var ve *domain.ValidationError
	if _, err := f.s.SaveView(ctx, f.seller, f.owner, " ", "", now); !errors.As(err, &ve) {
		t.Errorf("empty name: %v", err)
	}
	if err := f.s.DeleteView(ctx, f.seller, f.agent, v.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("agent deletes the owner's view: %v", err)
	}
	other, otherOwner := mustSeller(t, f.s, "Other", "owner@other.test")
	if err := f.s.DeleteView(ctx, other.ID, otherOwner, v.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("another seller deletes it: %v", err)
	}
	if err := f.s.DeleteView(ctx, f.seller, f.owner, v.ID); err != nil {
		t.Errorf("owner deletes it: %v", err)
	}
	for i := range domain.MaxSavedViews {
		if _, err := f.s.SaveView(ctx, f.seller, f.owner, fmt.Sprintf("V%d", i), "", now); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.s.SaveView(ctx, f.seller, f.owner, "One more", "", now); !errors.As(err, &ve) {
		t.Errorf("view %d: %v, want refused", domain.MaxSavedViews+1, err)
	}
}

// TestFindParcels: the header search finds a parcel by its order reference or any number it was
// known by, with the exception to open; another seller's parcel is not found.
func TestFindParcels(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newQueueFixture(t)
	mustImport(t, f.s, f.seller, "Order ID,Tracking Number,Last Mile Tracking,Shipping Method,Last Event,Event Time,Country\n"+
		"S-1,LP001122334455,UG251350054MV,AliExpress Standard Shipping,[Shenzhen] Export customs clearance started,2026-11-01 10:00,FR\n"+
		"S-2,LP009988776655,,AliExpress Standard Shipping,Delivered,2026-11-01 10:00,FR\n")
	f.sweep(at("2026-11-20 10:00"))
	s1 := f.exceptionOf("S-1")
	for _, q := range []string{"S-1", "LP001122334455", " ug2513 50054mv "} {
		hits, err := f.s.FindParcels(ctx, f.seller, q)
		if err != nil || len(hits) != 1 || hits[0].ExceptionID == nil || *hits[0].ExceptionID != s1.ID {
			t.Errorf("%q: %v %+v, want S-1's exception", q, err, hits)
		}
	}
	if hits, err := f.s.FindParcels(ctx, f.seller, "LP009988776655"); err != nil || len(hits) != 1 || hits[0].ExceptionID != nil {
		t.Errorf("S-2 (no exception): %v %+v", err, hits)
	}
	other, _ := mustSeller(t, f.s, "Other", "owner@other.test")
	if hits, err := f.s.FindParcels(ctx, other.ID, "S-1"); err != nil || len(hits) != 0 {
		t.Errorf("another seller finds %+v, %v", hits, err)
	}
}

func TestSnoozeDefault(t *testing.T) {
	t.Parallel()
	utc := time.UTC
	now := time.Date(2026, 11, 20, 15, 0, 0, 0, utc)
	ends := func(d time.Time) domain.Exception {
		return domain.Exception{Kind: domain.KindProtectionExpiring, DueAt: &d}
	}
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, utc) }
	for _, tc := range []struct {
		name string
		work []domain.Exception
		want time.Time
	}{
		{"three days on", []domain.Exception{{Kind: domain.KindStalled}}, day(23)},
		{"the last day that wakes before protection ends", []domain.Exception{{Kind: domain.KindStalled}, ends(day(22).Add(10 * time.Hour))}, day(22)},
		{"protection ends before that day's wake", []domain.Exception{ends(day(22).Add(8 * time.Hour))}, day(21)},
		{"protection far off", []domain.Exception{ends(day(30))}, day(23)},
		{"no day wakes in time: no snooze", []domain.Exception{ends(day(21).Add(8 * time.Hour))}, time.Time{}},
	} {
		if got := domain.SnoozeDefault(tc.work, now, utc); !got.Equal(tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestSuggestResolution: a delivered parcel suggests "delivered", a lost one "refunded" — but a
// customer's "not received", raised on delivered parcels, suggests nothing.
func TestSuggestResolution(t *testing.T) {
	t.Parallel()
	delivered := domain.Shipment{Stage: domain.StageDelivered}
	lost := domain.Shipment{Stage: domain.StageOutForDelivery, LastSignal: domain.SignalDamagedLost}
	for _, tc := range []struct {
		sh   domain.Shipment
		kind domain.ExceptionKind
		want domain.Resolution
	}{
		{delivered, domain.KindLate, domain.ResolutionDelivered},
		{lost, domain.KindDeliveryIssue, domain.ResolutionRefunded},
		{delivered, domain.KindNotReceived, ""},
		{domain.Shipment{Stage: domain.StageExportCustoms}, domain.KindStalled, ""},
	} {
		if got, _ := domain.SuggestResolution(tc.sh, tc.kind); got != tc.want {
			t.Errorf("%s on stage %v: %q, want %q", tc.kind, tc.sh.Stage, got, tc.want)
		}
	}
}
