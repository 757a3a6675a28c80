package domain_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"image"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/zone"
)

func TestDisputeDeadline(t *testing.T) {
	t.Parallel()
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	// endOf is the last microsecond of a day in loc: a deadline lasts its whole last day.
	endOf := func(day string, loc *time.Location) time.Time {
		d, err := time.ParseInLocation("2006-01-02", day, loc)
		if err != nil {
			t.Fatal(err)
		}
		return d.AddDate(0, 0, 1).Add(-time.Microsecond)
	}
	// Read back from the database in UTC, as the store does.
	opened := at("2026-11-01 10:00").UTC()
	since := at("2026-11-04 09:00").UTC()
	for _, tc := range []struct {
		cp   domain.Counterparty
		st   domain.DisputeStatus
		want string // the last day in Shanghai; "": no default
	}{
		// AliExpress: 5 days for the supplier's answer, 15 days of negotiation, ~7 for the ruling.
		{domain.CounterpartySupplier, domain.DisputeDraft, "2026-11-06"},
		{domain.CounterpartySupplier, domain.DisputeOpen, "2026-11-06"},
		{domain.CounterpartySupplier, domain.DisputeResponded, "2026-11-19"},
		{domain.CounterpartySupplier, domain.DisputeEscalated, "2026-11-11"},
		{domain.CounterpartyMarketplace, domain.DisputeOpen, "2026-11-04"},
		{domain.CounterpartyMarketplace, domain.DisputeEscalated, "2026-11-11"},
		{domain.CounterpartyCarrier, domain.DisputeOpen, "2026-11-15"},
		{domain.CounterpartyCarrier, domain.DisputeResponded, "2026-11-18"},
		// A chargeback's date is the processor's; an ended dispute has none.
		{domain.CounterpartyChargeback, domain.DisputeOpen, ""},
		{domain.CounterpartyChargeback, domain.DisputeEscalated, ""},
		{domain.CounterpartySupplier, domain.DisputeWon, ""},
		{domain.CounterpartyCarrier, domain.DisputeWithdrawn, ""},
	} {
		got, ok := domain.DisputeDeadline(tc.cp, tc.st, opened, since, shanghai)
		if ok != (tc.want != "") || (ok && !got.Equal(endOf(tc.want, shanghai))) {
			t.Errorf("DisputeDeadline(%s, %s) = %v, %v; want the end of %s in Shanghai", tc.cp, tc.st, got.In(shanghai), ok, tc.want)
		}
	}
	for _, tc := range []struct {
		name   string
		opened time.Time
		loc    *time.Location
		want   string
	}{
		// Early morning in Shanghai is the day before in UTC: the days count from the seller's day.
		{"Shanghai, 01:30", time.Date(2026, 11, 1, 1, 30, 0, 0, shanghai), shanghai, "2026-11-06"},
		{"Shanghai, 23:30", time.Date(2026, 11, 1, 23, 30, 0, 0, shanghai), shanghai, "2026-11-06"},
		// Across the end of summer time in Berlin (25 Oct 2026, 03:00 → 02:00): 21 Oct + 5 days is
		// 26 Oct, all of it, whatever the hour it was opened at.
		{"Berlin, midnight", time.Date(2026, 10, 21, 0, 0, 0, 0, berlin), berlin, "2026-10-26"},
		{"Berlin, 23:30", time.Date(2026, 10, 21, 23, 30, 0, 0, berlin), berlin, "2026-10-26"},
		// And into summer time (29 Mar 2026, 02:00 → 03:00).
		{"Berlin, spring", time.Date(2026, 3, 26, 0, 30, 0, 0, berlin), berlin, "2026-03-31"},
	} {
		got, _ := domain.DisputeDeadline(domain.CounterpartySupplier, domain.DisputeOpen, tc.opened.UTC(), tc.opened.UTC(), tc.loc)
		if want := endOf(tc.want, tc.loc); !got.Equal(want) {
			t.Errorf("%s: opened %v, respond by %v; want %v", tc.name, tc.opened, got.In(tc.loc), want)
		}
		if h, m := got.In(tc.loc).Hour(), got.In(tc.loc).Minute(); h != 23 || m != 59 {
			t.Errorf("%s: respond by %v, want the end of the local day", tc.name, got.In(tc.loc))
		}
	}
	// A date typed in the form follows the same rule as the default.
	if got := zone.EndOfDay(time.Date(2026, 10, 25, 0, 0, 0, 0, berlin), berlin); !got.Equal(endOf("2026-10-25", berlin)) {
		t.Errorf("EndOfDay(25 Oct, Berlin) = %v", got)
	}
	for cp, want := range map[domain.Counterparty]int{domain.CounterpartySupplier: 5, domain.CounterpartyMarketplace: 3,
		domain.CounterpartyCarrier: 14, domain.CounterpartyChargeback: 0} {
		if got := domain.DefaultDeadlineDays(cp); got != want {
			t.Errorf("DefaultDeadlineDays(%s) = %d, want %d", cp, got, want)
		}
	}
	// The help beside the respond-by input states the same days as the rule.
	for cp, want := range map[domain.Counterparty][]string{
		domain.CounterpartySupplier:    {"within 5 days", "15 days of negotiation", "about 7 days"},
		domain.CounterpartyMarketplace: {"about 3 days", "about 7"},
		domain.CounterpartyCarrier:     {"after 14 days"},
		domain.CounterpartyChargeback:  {"due date"},
	} {
		for _, w := range want {
			if got := domain.DeadlineHelp(cp); !strings.Contains(got, w) {
				t.Errorf("DeadlineHelp(%s) = %q, want %q", cp, got, w)
			}
		}
	}
}

func TestDisputeStatusRules(t *testing.T) {
	t.Parallel()
	for _, st := range domain.DisputeStatuses {
		r, ok := domain.ResolutionFor(st)
		wantR, wantOK := map[domain.DisputeStatus]domain.Resolution{domain.DisputeWon: domain.ResolutionDisputeWon,
			domain.DisputeLost: domain.ResolutionDisputeLost}[st]
		if r != wantR || ok != wantOK {
			t.Errorf("ResolutionFor(%s) = %s, %v", st, r, ok)
		}
		if got, want := st.Recovers(), st == domain.DisputeWon || st == domain.DisputeSettled; got != want {
			t.Errorf("%s.Recovers() = %v", st, got)
		}
		if got, want := st.Filed(), st.Active() && st != domain.DisputeDraft; got != want {
			t.Errorf("%s.Filed() = %v", st, got)
		}
	}
}

func TestCanMoveDispute(t *testing.T) {
	t.Parallel()
	allowed := map[string]bool{
		"draft>open": true, "draft>withdrawn": true,
		"open>responded": true, "open>escalated": true, "open>won": true, "open>lost": true, "open>settled": true, "open>withdrawn": true,
		"responded>escalated": true, "responded>won": true, "responded>lost": true, "responded>settled": true, "responded>withdrawn": true,
		"escalated>won": true, "escalated>lost": true, "escalated>settled": true, "escalated>withdrawn": true,
	}
	for _, from := range domain.DisputeStatuses {
		for _, to := range domain.DisputeStatuses {
			if got, want := domain.CanMoveDispute(from, to), allowed[string(from)+">"+string(to)]; got != want {
				t.Errorf("CanMoveDispute(%s, %s) = %v, want %v", from, to, got, want)
			}
		}
	}
}

func TestProtectionDaysLeft(t *testing.T) {
	t.Parallel()
	now := at("2026-11-10 10:00")
	// Rounded down: 50 hours left is 2 days, never 3.
	for d, want := range map[time.Duration]int{time.Hour: 0, 24 * time.Hour: 1, 25 * time.Hour: 1, 47 * time.Hour: 1, 50 * time.Hour: 2,
		72 * time.Hour: 3, 0: 0, -time.Hour: 0, -49 * time.Hour: -2} {
		if got := domain.ProtectionDaysLeft(now.Add(d), now); got != want {
			t.Errorf("ProtectionDaysLeft(now%+v) = %d, want %d", d, got, want)
		}
	}
}

// pngBytes is a small real PNG image.
func pngBytes(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 8, 8))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestEvidenceFromShipment(t *testing.T) {
	t.Parallel()
	sorted, departed, preadvice := at("2026-11-02 08:00"), at("2026-11-05 09:00"), at("2026-11-06 09:00")
	d := domain.ShipmentDetail{
		Shipment:        domain.Shipment{Carrier: "Cainiao", Service: "AliExpress Standard Shipping", LastMileCarrier: "La Poste"},
		TrackingNumbers: []domain.TrackingNumber{{Number: "LP001", Source: "first_mile"}, {Number: "6A123", Source: "last_mile"}},
		Events: []domain.Event{
			{OccurredAt: &sorted, StatusText: "[Shenzhen] Outbound in sorting center", Location: "Shenzhen", Stage: domain.StageOutboundSorting},
			{OccurredAt: &departed, StatusText: "Flight departed", Location: "Hong Kong", Stage: domain.StageDepartedOrigin},
			{OccurredAt: &preadvice, StatusText: "Import clearance start", Stage: domain.StageImportCustoms, PreAdvice: true},
		},
		Timeline: domain.Timeline{Stages: []domain.StageSpan{
			{Stage: domain.StageOrderCompleted, EnteredAt: ptr(at("2026-10-30 10:00"))},
			{Stage: domain.StageDispatched, EnteredAt: ptr(at("2026-11-01 10:00"))},
			{Stage: domain.StageOutboundSorting, EnteredAt: &sorted},
			{Stage: domain.StageDepartedOrigin, EnteredAt: &departed},
		}},
	}
	ev := domain.EvidenceFromShipment(d)
	if ev.Carrier != "Cainiao · AliExpress Standard Shipping; last mile: La Poste" || ev.Tracking != "LP001, 6A123" {
		t.Errorf("carrier %q, tracking %q", ev.Carrier, ev.Tracking)
	}
	if ev.ShipDate == nil || !ev.ShipDate.Equal(sorted) {
		t.Errorf("ship date = %v, want the first scan at the sorting center %v", ev.ShipDate, sorted)
	}
	if ev.LastScanAt == nil || !ev.LastScanAt.Equal(departed) || ev.LastScan != "Flight departed — Hong Kong" {
		t.Errorf("last scan = %q at %v, want the departure (the pre-advice does not count)", ev.LastScan, ev.LastScanAt)
	}
}

// disputeFixture is a seller with a stalled exception to dispute, and a second seller.
type disputeFixture struct {
	*queueFixture
	exc         domain.Exception
	other       domain.SellerID
	otherOwner  domain.User
	now, opened time.Time
}

func newDisputeFixture(t *testing.T) *disputeFixture {
	t.Helper()
	f := newQueueFixture(t)
	now := at("2026-11-20 10:00")
	f.stalled(now, ev("D-1", "[Shenzhen] Export customs clearance started", "2026-11-01 10:00", "FR"))
	other, otherOwner := mustSeller(t, f.s, "Other shop", "owner@other.test")
	return &disputeFixture{queueFixture: f, exc: f.exceptionOf("D-1"), other: other.ID, otherOwner: otherOwner, now: now, opened: now}
}

// fields are valid terms of a supplier dispute.
func (f *disputeFixture) fields() domain.DisputeFields {
	return domain.DisputeFields{Counterparty: domain.CounterpartySupplier, Reason: domain.ReasonNotReceived,
		Amount: "24.90", Currency: "eur", ExternalRef: "AE-DSP-1", OpenedAt: f.opened}
}

func (f *disputeFixture) create(status domain.DisputeStatus, fl domain.DisputeFields) domain.Dispute {
	f.t.Helper()
	d, err := f.s.CreateDispute(context.Background(), f.seller, f.owner, f.exc.ID, status, fl, f.now)
	if err != nil {
		f.t.Fatalf("create dispute: %v", err)
	}
	return d
}

func (f *disputeFixture) move(d domain.Dispute, to domain.DisputeStatus, ch domain.DisputeChange) (domain.Dispute, error) {
	ch.Status = &to
	return f.s.UpdateDispute(context.Background(), f.seller, f.owner, d.ID, d.Version, ch, f.now)
}

func TestCreateDispute(t *testing.T) {
	t.Parallel()
	f := newDisputeFixture(t)
	ctx := context.Background()
	d := f.create(domain.DisputeOpen, f.fields())
	if d.Status != domain.DisputeOpen || d.Amount != "24.90" || d.Currency != "EUR" || d.AmountRecovered != "0.00" || d.Version != 1 {
		t.Errorf("created %+v", d)
	}
	// The supplier's 5 days, to the end of the fifth day in the seller's zone (Shanghai).
	if want := time.Date(2026, 11, 25, 23, 59, 59, 999999000, china); !d.RespondBy.Equal(want) {
		t.Errorf("respond by %v, want the end of the supplier's 5th day: %v", d.RespondBy.In(china), want)
	}
	if d.Carrier != "AliExpress Standard Shipping" {
		t.Errorf("evidence not filled from the shipment: %+v", d.DisputeEvidence)
	}
	if scan := at("2026-11-01 10:00"); d.ShipDate == nil || !d.ShipDate.Equal(scan) || d.LastScanAt == nil || !d.LastScanAt.Equal(scan) ||
		!strings.Contains(d.LastScan, "Export customs") {
		t.Errorf("last scan %q at %v, ship date %v", d.LastScan, d.LastScanAt, d.ShipDate)
	}
	h, _ := f.s.ListDisputeHistory(ctx, f.seller, d.ID)
	if len(h) != 1 || h[0].Action != "open" || !strings.Contains(h[0].Detail, "Opened with the supplier: not received, 24.90 EUR") {
		t.Errorf("dispute history %+v", h)
	}
	if eh := f.history(f.exc.ID); !strings.Contains(strings.Join(eh, "\n"), "Dispute #") {
		t.Errorf("the exception's history does not mention the dispute: %q", eh)
	}
	// A money amount that names its currency needs no currency field; a chargeback takes the
	// processor's date as typed.
	due := f.now.AddDate(0, 0, 9)
	cb := f.fields()
	cb.Counterparty, cb.Amount, cb.Currency, cb.RespondBy = domain.CounterpartyChargeback, "US $31.50", "", &due
	if d := f.create(domain.DisputeDraft, cb); d.Currency != "USD" || d.Amount != "31.50" || !d.RespondBy.Equal(due) || d.Status != domain.DisputeDraft {
		t.Errorf("chargeback %+v", d)
	}

	for name, tc := range map[string]struct {
		edit  func(*domain.DisputeFields)
		field string
		msg   string
	}{
		"no amount":        {func(f *domain.DisputeFields) { f.Amount = " " }, "amount", "Enter the amount"},
		"zero":             {func(f *domain.DisputeFields) { f.Amount = "0" }, "amount", "more than zero"},
		"negative":         {func(f *domain.DisputeFields) { f.Amount = "-5" }, "amount", "negative"},
		"not money":        {func(f *domain.DisputeFields) { f.Amount = "lots" }, "amount", "as a number"},
		"rounds to zero":   {func(f *domain.DisputeFields) { f.Amount = "0.004" }, "amount", "more than zero"},
		"too large":        {func(f *domain.DisputeFields) { f.Amount = "1000000000000" }, "amount", "too large: the most it can be is 999999999999.99"},
		"rounds too large": {func(f *domain.DisputeFields) { f.Amount = "999999999999.9999" }, "amount", "the most it can be is 999999999999.99"},
		"two currencies":   {func(f *domain.DisputeFields) { f.Amount = "€12"; f.Currency = "USD" }, "amount", "in EUR but the currency says USD"},
		"bad currency":     {func(f *domain.DisputeFields) { f.Currency = "EURO" }, "currency", "not a currency code"},
		"no currency":      {func(f *domain.DisputeFields) { f.Currency = "" }, "currency", "three-letter"},
		"counterparty":     {func(f *domain.DisputeFields) { f.Counterparty = "bank" }, "counterparty", "Choose who"},
		"reason":           {func(f *domain.DisputeFields) { f.Reason = "" }, "reason", "Choose the reason"},
		"future":           {func(f *domain.DisputeFields) { f.OpenedAt = f.OpenedAt.AddDate(0, 0, 3) }, "opened_at", "future"},
		"chargeback without date": {func(f *domain.DisputeFields) { f.Counterparty = domain.CounterpartyChargeback },
			"respond_by", "due date"},
		"deadline before opening": {func(f *domain.DisputeFields) { t := f.OpenedAt.AddDate(0, 0, -1); f.RespondBy = &t },
			"respond_by", "before the dispute was opened"},
		"long reference": {func(f *domain.DisputeFields) { f.ExternalRef = strings.Repeat("x", 201) }, "external_ref", "under 200"},
	} {
		fl := f.fields()
		tc.edit(&fl)
		_, err := f.s.CreateDispute(ctx, f.seller, f.owner, f.exc.ID, domain.DisputeOpen, fl, f.now)
		if err == nil {
			t.Errorf("%s: accepted", name)
			continue
		}
		var ve *domain.ValidationError
		if !errors.As(err, &ve) || !strings.Contains(ve.Fields[tc.field], tc.msg) {
			t.Errorf("%s: %v, want %s: %q", name, err, tc.field, tc.msg)
		}
	}
	if ds, _ := f.s.ListExceptionDisputes(ctx, f.seller, f.exc.ID); len(ds) != 2 {
		t.Errorf("%d disputes stored, want the 2 valid ones", len(ds))
	}
}

// TestDisputeTransitions tries every status against every other on the database: the transition
// table's moves are made, every other move is refused and leaves the dispute as it was.
func TestDisputeTransitions(t *testing.T) {
	t.Parallel()
	f := newDisputeFixture(t)
	ctx := context.Background()
	// reach makes a new dispute in a status by the shortest valid path.
	reach := func(st domain.DisputeStatus) domain.Dispute {
		t.Helper()
		if st == domain.DisputeDraft {
			return f.create(domain.DisputeDraft, f.fields())
		}
		d := f.create(domain.DisputeOpen, f.fields())
		if st == domain.DisputeOpen {
			return d
		}
		ch := domain.DisputeChange{}
		if st == domain.DisputeSettled {
			ch.Recovered = ptr("10")
		}
		d, err := f.move(d, st, ch)
		if err != nil {
			t.Fatalf("reach %s: %v", st, err)
		}
		return d
	}
	for _, from := range domain.DisputeStatuses {
		for _, to := range domain.DisputeStatuses {
			d := reach(from)
			ch := domain.DisputeChange{}
			if to == domain.DisputeSettled {
				ch.Recovered = ptr("12.00")
			}
			got, err := f.move(d, to, ch)
			if domain.CanMoveDispute(from, to) {
				if err != nil {
					t.Errorf("%s → %s refused: %v", from, to, err)
					continue
				}
				if got.Status != to || got.Version != d.Version+1 || !got.StatusAt.Equal(f.now) {
					t.Errorf("%s → %s: got %s v%d", from, to, got.Status, got.Version)
				}
				continue
			}
			var ve *domain.ValidationError
			if !errors.As(err, &ve) || ve.Fields["status"] == "" {
				t.Errorf("%s → %s: err = %v, want a refusal", from, to, err)
			}
			if now, _ := f.s.FindDispute(ctx, f.seller, d.ID); now.Status != from || now.Version != d.Version {
				t.Errorf("%s → %s refused but the dispute changed: %s v%d", from, to, now.Status, now.Version)
			}
		}
	}
}

func TestDisputeOutcomes(t *testing.T) {
	t.Parallel()
	f := newDisputeFixture(t)
	ctx := context.Background()

	// Responded: the next deadline is the 15 days of negotiation from now.
	d := f.create(domain.DisputeOpen, f.fields())
	d, err := f.move(d, domain.DisputeResponded, domain.DisputeChange{})
	if err != nil || !d.RespondBy.Equal(zone.EndOfDay(f.now.AddDate(0, 0, 15), china)) {
		t.Fatalf("responded: %v, respond by %v", err, d.RespondBy)
	}
	// A typed date wins over the default.
	typed := f.now.AddDate(0, 0, 4)
	if d, err = f.move(d, domain.DisputeEscalated, domain.DisputeChange{RespondBy: &typed}); err != nil || !d.RespondBy.Equal(typed) {
		t.Fatalf("escalated: %v, respond by %v", err, d.RespondBy)
	}
	// Settled needs the amount recovered, at most the amount in dispute.
	_, err = f.move(d, domain.DisputeSettled, domain.DisputeChange{})
	wantRefused(t, err, "amount_recovered", "Give the amount recovered")
	_, err = f.move(d, domain.DisputeSettled, domain.DisputeChange{Recovered: ptr("30")})
	wantRefused(t, err, "amount_recovered", "cannot be more than the amount in dispute (24.90 EUR)")
	_, err = f.move(d, domain.DisputeLost, domain.DisputeChange{Recovered: ptr("3")})
	wantRefused(t, err, "amount_recovered", "Only a dispute won or settled")
	if d, err = f.move(d, domain.DisputeSettled, domain.DisputeChange{Recovered: ptr("12,45")}); err != nil || d.AmountRecovered != "12.45" {
		t.Fatalf("settled: %v, recovered %s", err, d.AmountRecovered)
	}
	if e, _ := f.s.FindException(ctx, f.seller, f.exc.ID); e.State == domain.StateResolved {
		t.Errorf("settling resolved the exception, which only won and lost offer")
	}

	// Won without resolving the exception: it stays as it is.
	w := f.create(domain.DisputeOpen, f.fields())
	if w, err = f.move(w, domain.DisputeWon, domain.DisputeChange{}); err != nil || w.AmountRecovered != "24.90" {
		t.Fatalf("won: %v, recovered %s (want the whole amount)", err, w.AmountRecovered)
	}
	if e, _ := f.s.FindException(ctx, f.seller, f.exc.ID); e.State != domain.StateOpen {
		t.Errorf("exception %s after a won dispute without the option", e.State)
	}
	// A stale version is a conflict and changes nothing.
	stale := f.create(domain.DisputeOpen, f.fields())
	note := "Supplier answered by chat"
	if _, err := f.s.UpdateDispute(ctx, f.seller, f.owner, stale.ID, stale.Version+1, domain.DisputeChange{Status: ptr(domain.DisputeWon)}, f.now); !errors.Is(err, domain.ErrConflict) {
		t.Errorf("stale update: %v, want ErrConflict", err)
	}
	if err := f.s.AddDisputeNote(ctx, f.seller, f.owner, stale.ID, note, f.now); err != nil {
		t.Fatal(err)
	}
	// Lost, resolving the exception: it ends as dispute_lost, in the exception's own history.
	if _, err := f.move(stale, domain.DisputeLost, domain.DisputeChange{ResolveException: true}); err != nil {
		t.Fatal(err)
	}
	e, _ := f.s.FindException(ctx, f.seller, f.exc.ID)
	if e.State != domain.StateResolved || e.Resolution == nil || *e.Resolution != domain.ResolutionDisputeLost {
		t.Errorf("exception %s %v, want resolved as dispute_lost", e.State, e.Resolution)
	}
	if h := strings.Join(f.history(f.exc.ID), "\n"); !strings.Contains(h, "state waiting → resolved (dispute_lost)") {
		t.Errorf("exception history lacks the resolution:\n%s", h)
	}
	dh, _ := f.s.ListDisputeHistory(ctx, f.seller, stale.ID)
	var lines []string
	for _, l := range dh {
		lines = append(lines, l.Action+": "+l.Detail)
	}
	if got := strings.Join(lines, "\n"); !strings.Contains(got, "note: "+note) || !strings.Contains(got, "lost: status open → lost") ||
		!strings.Contains(got, "exception: Exception resolved as dispute lost") {
		t.Errorf("dispute history:\n%s", got)
	}

	// Editing the terms is versioned and written down; an ended dispute keeps its date.
	fl := f.fields()
	fl.Amount, fl.ExternalRef = "20", "AE-DSP-2"
	got, err := f.s.UpdateDispute(ctx, f.seller, f.owner, d.ID, d.Version, domain.DisputeChange{Fields: &fl}, f.now)
	if err != nil || got.Amount != "20.00" || got.ExternalRef != "AE-DSP-2" || !got.RespondBy.Equal(d.RespondBy) {
		t.Fatalf("edit: %v %+v", err, got)
	}
	fl.Amount = "10"
	_, err = f.s.UpdateDispute(ctx, f.seller, f.owner, d.ID, got.Version, domain.DisputeChange{Fields: &fl}, f.now)
	wantRefused(t, err, "amount", "less than what was already recovered (12.45)")
	// The edit form corrects the amount a settlement recovered.
	fl.Amount = "20"
	if got, err = f.s.UpdateDispute(ctx, f.seller, f.owner, d.ID, got.Version, domain.DisputeChange{Fields: &fl, Recovered: ptr("15")}, f.now); err != nil || got.AmountRecovered != "15.00" {
		t.Errorf("correct the recovered amount: %v, %s", err, got.AmountRecovered)
	}
}

// TestFileDraft: a draft has no deadline yet: it is neither due soon nor past due, however old,
// and lists after the filed disputes. Filing it opens it: opened now, the deadline from now.
func TestFileDraft(t *testing.T) {
	t.Parallel()
	f := newDisputeFixture(t)
	ctx := context.Background()
	saved := f.now.AddDate(0, 0, -10)
	fl := f.fields()
	fl.OpenedAt = saved
	d, err := f.s.CreateDispute(ctx, f.seller, f.owner, f.exc.ID, domain.DisputeDraft, fl, saved)
	if err != nil {
		t.Fatal(err)
	}
	filed := f.fields()
	filed.ExternalRef = "filed"
	due := f.now.AddDate(0, 0, 3)
	filed.RespondBy = &due
	f.create(domain.DisputeOpen, filed)
	if d.PastDue(f.now) || d.DueSoon(f.now) {
		t.Errorf("a draft saved 10 days ago is past due or due soon")
	}
	if sum, _ := f.s.DisputeSummary(ctx, f.seller, f.now); sum.DueSoon != 0 || sum.PastDue != 0 {
		t.Errorf("summary counts the draft: %+v", sum)
	}
	if rows, _ := f.s.ListDisputes(ctx, f.seller, domain.DisputeFilter{Now: f.now, Limit: 10}); len(rows) != 2 || rows[0].ExternalRef != "filed" {
		t.Errorf("running disputes %+v, want the filed one before the draft", rows)
	}

	d, err = f.move(d, domain.DisputeOpen, domain.DisputeChange{})
	if err != nil {
		t.Fatal(err)
	}
	if !d.OpenedAt.Equal(f.now) {
		t.Errorf("filed draft opened %v, want now %v", d.OpenedAt, f.now)
	}
	if want := time.Date(2026, 11, 25, 23, 59, 59, 999999000, china); !d.RespondBy.Equal(want) {
		t.Errorf("filed draft respond by %v, want the end of the 5th day from filing: %v", d.RespondBy.In(china), want)
	}
	if d.PastDue(f.now) {
		t.Errorf("filing the draft made it past due at once")
	}
	h, _ := f.s.ListDisputeHistory(ctx, f.seller, d.ID)
	if got := h[len(h)-1].Detail; got != "status draft → open, filed: opened 20 Nov 2026, respond by 25 Nov 2026" {
		t.Errorf("history %q", got)
	}
}

// TestResolveExceptionChanged: when the exception changes while a dispute change resolves it, the
// change is refused as a conflict that names the exception, and nothing is saved.
func TestResolveExceptionChanged(t *testing.T) {
	t.Parallel()
	f := newDisputeFixture(t)
	ctx := context.Background()
	d := f.create(domain.DisputeOpen, f.fields())
	// Another member's change to the exception, not yet committed, holds its row.
	other, err := f.db.BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Rollback()
	if _, err := other.Exec(`UPDATE exceptions SET version = version + 1 WHERE seller_id = $1 AND id = $2`, f.seller, f.exc.ID); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := f.move(d, domain.DisputeWon, domain.DisputeChange{ResolveException: true})
		done <- err
	}()
	// Wait until the dispute change has read the exception and waits for its row, then commit.
	// Bounded: a change that never waits (it finished, or blocks elsewhere) fails the test
	// instead of hanging it.
	deadline := time.Now().Add(30 * time.Second)
	for waiting := false; !waiting; time.Sleep(10 * time.Millisecond) {
		select {
		case err := <-done:
			t.Fatalf("the dispute change finished without waiting for the exception's row: %v", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("the dispute change never waited for the exception's row")
		}
		if err := f.db.Get(&waiting, `SELECT EXISTS (SELECT 1 FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%UPDATE exceptions%')`); err != nil {
			t.Fatal(err)
		}
	}
	if err := other.Commit(); err != nil {
		t.Fatal(err)
	}
	err = <-done
	if !errors.Is(err, domain.ErrExceptionChanged) || !errors.Is(err, domain.ErrConflict) {
		t.Errorf("err = %v, want ErrExceptionChanged, an ErrConflict", err)
	}
	if got, _ := f.s.FindDispute(ctx, f.seller, d.ID); got.Status != domain.DisputeOpen || got.Version != d.Version {
		t.Errorf("the dispute changed: %s v%d", got.Status, got.Version)
	}
}

// TestListDisputesDeadlineOrder: the running disputes due within 48 hours come first, past due
// at the very top, then the other running ones by deadline, then the ended ones; the summary
// counts the due-soon ones and totals the money recovered per currency.
func TestListDisputesDeadlineOrder(t *testing.T) {
	t.Parallel()
	f := newDisputeFixture(t)
	ctx := context.Background()
	f.opened = f.now.AddDate(0, 0, -20)
	mk := func(ref string, in time.Duration, status domain.DisputeStatus, currency, recovered string) {
		t.Helper()
		fl := f.fields()
		fl.ExternalRef, fl.Currency = ref, currency
		due := f.now.Add(in)
		fl.RespondBy = &due
		d := f.create(domain.DisputeOpen, fl)
		if status != domain.DisputeOpen {
			if _, err := f.move(d, status, domain.DisputeChange{Recovered: ptr(recovered)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	mk("in-10-days", 240*time.Hour, domain.DisputeOpen, "EUR", "")
	mk("won", 5*time.Hour, domain.DisputeWon, "EUR", "")
	mk("in-47h", 47*time.Hour, domain.DisputeOpen, "EUR", "")
	mk("in-49h", 49*time.Hour, domain.DisputeOpen, "EUR", "")
	mk("past-due", -2*time.Hour, domain.DisputeOpen, "EUR", "")
	mk("settled", 1*time.Hour, domain.DisputeSettled, "USD", "5.10")
	mk("in-10h", 10*time.Hour, domain.DisputeOpen, "EUR", "")
	mk("withdrawn", 1*time.Hour, domain.DisputeWithdrawn, "EUR", "")

	list := func(status string) string {
		rows, err := f.s.ListDisputes(ctx, f.seller, domain.DisputeFilter{Status: status, Now: f.now, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		var refs []string
		for _, r := range rows {
			if r.OrderRef != "D-1" || r.ExceptionKind != domain.KindStalled {
				t.Errorf("row %+v lacks its shipment", r)
			}
			refs = append(refs, r.ExternalRef)
		}
		return strings.Join(refs, ",")
	}
	if got, want := list(domain.DisputesAll), "past-due,in-10h,in-47h,in-49h,in-10-days,withdrawn,settled,won"; got != want {
		t.Errorf("all: %s\nwant %s", got, want)
	}
	if got, want := list(""), "past-due,in-10h,in-47h,in-49h,in-10-days"; got != want {
		t.Errorf("running: %s, want %s", got, want)
	}
	if got := list("won"); got != "won" {
		t.Errorf("won: %s", got)
	}
	sum, err := f.s.DisputeSummary(ctx, f.seller, f.now)
	if err != nil {
		t.Fatal(err)
	}
	if sum.DueSoon != 3 || sum.PastDue != 1 || len(sum.Recovered) != 2 ||
		sum.Recovered[0] != (domain.Money{Amount: "24.90", Currency: "EUR"}) || sum.Recovered[1] != (domain.Money{Amount: "5.10", Currency: "USD"}) {
		t.Errorf("summary %+v", sum)
	}
	if rows, _ := f.s.ListDisputes(ctx, f.other, domain.DisputeFilter{Status: domain.DisputesAll, Now: f.now, Limit: 50}); len(rows) != 0 {
		t.Errorf("another seller lists %d disputes", len(rows))
	}
}

func TestEvidence(t *testing.T) {
	t.Parallel()
	f := newDisputeFixture(t)
	ctx := context.Background()
	d := f.create(domain.DisputeOpen, f.fields())
	img := pngBytes(t)
	ev, err := f.s.AddEvidence(ctx, f.seller, f.owner, d.ID, domain.EvidenceUpload{Kind: domain.EvidencePhoto,
		Filename: "../box photo.png", Description: "Box as received", Data: img}, f.now)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(img)
	if ev.ContentType != "image/png" || ev.Filename != "box photo.png" || ev.Size != int64(len(img)) || !bytes.Equal(ev.SHA256, sum[:]) {
		t.Errorf("stored %+v", ev)
	}
	got, data, err := f.s.EvidenceFile(ctx, f.seller, d.ID, ev.ID)
	if err != nil || !bytes.Equal(data, img) || got.Filename != ev.Filename {
		t.Errorf("read back: %v, %d bytes", err, len(data))
	}

	for name, up := range map[string]domain.EvidenceUpload{
		"html":       {Kind: domain.EvidencePhoto, Filename: "photo.png", Data: []byte("<html><body><script>alert(1)</script>")},
		"exe as png": {Kind: domain.EvidencePhoto, Filename: "photo.png", Data: append([]byte("MZ\x90\x00\x03\x00\x00\x00"), make([]byte, 64)...)},
		"too big":    {Kind: domain.EvidencePhoto, Filename: "big.png", Data: append(pngBytes(t), make([]byte, domain.MaxEvidenceBytes)...)},
		"empty":      {Kind: domain.EvidencePhoto, Filename: "nothing.png"},
		"kind":       {Kind: "selfie", Filename: "a.png", Data: img},
	} {
		_, err := f.s.AddEvidence(ctx, f.seller, f.owner, d.ID, up, f.now)
		var ve *domain.ValidationError
		if !errors.As(err, &ve) {
			t.Errorf("%s: err = %v, want refused", name, err)
		}
	}
	if list, _ := f.s.ListEvidence(ctx, f.seller, d.ID); len(list) != 1 {
		t.Errorf("%d files stored, want only the PNG", len(list))
	}
	_, err = f.s.AddEvidence(ctx, f.seller, f.owner, d.ID, domain.EvidenceUpload{Kind: domain.EvidencePhoto, Filename: "x.png",
		Data: []byte("<!DOCTYPE html><p>hi")}, f.now)
	wantRefused(t, err, "file", "not an image or a PDF: its content reads as an HTML page")
}

// TestDisputesOfAnotherSeller: every way in to a dispute, its evidence and its exception answers
// ErrNotFound to another seller, and the schema refuses a dispute linked across sellers.
func TestDisputesOfAnotherSeller(t *testing.T) {
	t.Parallel()
	f := newDisputeFixture(t)
	ctx := context.Background()
	d := f.create(domain.DisputeOpen, f.fields())
	ev, err := f.s.AddEvidence(ctx, f.seller, f.owner, d.ID, domain.EvidenceUpload{Kind: domain.EvidencePhoto, Filename: "a.png", Data: pngBytes(t)}, f.now)
	if err != nil {
		t.Fatal(err)
	}
	b, bo := f.other, f.otherOwner
	checks := map[string]error{}
	_, checks["find"] = f.s.FindDispute(ctx, b, d.ID)
	_, checks["detail"] = f.s.DisputeDetail(ctx, b, d.ID, f.now)
	_, checks["create"] = f.s.CreateDispute(ctx, b, bo, f.exc.ID, domain.DisputeOpen, f.fields(), f.now)
	_, checks["update"] = f.s.UpdateDispute(ctx, b, bo, d.ID, d.Version, domain.DisputeChange{Status: ptr(domain.DisputeWon)}, f.now)
	checks["note"] = f.s.AddDisputeNote(ctx, b, bo, d.ID, "mine now", f.now)
	_, checks["evidence"] = f.s.AddEvidence(ctx, b, bo, d.ID, domain.EvidenceUpload{Kind: domain.EvidencePhoto, Filename: "b.png", Data: pngBytes(t)}, f.now)
	_, _, checks["download"] = f.s.EvidenceFile(ctx, b, d.ID, ev.ID)
	for name, err := range checks {
		if !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("%s as another seller: %v, want ErrNotFound", name, err)
		}
	}
	// The right seller with the wrong dispute id does not reach the file either.
	if _, _, err := f.s.EvidenceFile(ctx, f.seller, d.ID+1000, ev.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("evidence through another dispute id: %v", err)
	}
	// An actor of another seller is refused even with the right scope.
	if _, err := f.s.UpdateDispute(ctx, f.seller, bo, d.ID, d.Version, domain.DisputeChange{Status: ptr(domain.DisputeWon)}, f.now); !errors.Is(err, domain.ErrUnauthorized) {
		t.Errorf("foreign actor: %v", err)
	}
	if got, _ := f.s.FindDispute(ctx, f.seller, d.ID); got.Status != domain.DisputeOpen || got.Version != 1 {
		t.Errorf("the dispute changed: %+v", got)
	}
	// The composite key: a dispute of seller B cannot point at seller A's exception.
	_, err = f.db.Exec(`INSERT INTO disputes (seller_id, exception_id, counterparty, reason, amount, currency, opened_at, respond_by, status_at, created_at)
		VALUES ($1, $2, 'supplier', 'not_received', 1, 'EUR', now(), now(), now(), now())`, b, f.exc.ID)
	if err == nil || !strings.Contains(err.Error(), "foreign key") {
		t.Errorf("cross-seller dispute inserted: %v", err)
	}
}

func TestExceptionProtectionDaysLeft(t *testing.T) {
	t.Parallel()
	now := at("2026-11-10 10:00")
	ends := func(d time.Duration, st domain.Stage) domain.ExceptionDetail {
		e := now.Add(d)
		return domain.ExceptionDetail{ProtectionWarningDays: 5,
			Shipment: domain.ShipmentDetail{Shipment: domain.Shipment{ProtectionEndsAt: &e, Stage: st}}}
	}
	for _, tc := range []struct {
		d    domain.ExceptionDetail
		days int
		ok   bool
	}{
		{ends(50*time.Hour, domain.StageImportCustoms), 2, true},
		{ends(5*24*time.Hour, domain.StageImportCustoms), 5, true},
		{ends(6*24*time.Hour, domain.StageImportCustoms), 0, false},
		{ends(50*time.Hour, domain.StageDelivered), 0, false},
		{ends(-time.Hour, domain.StageImportCustoms), 0, false},
		{domain.ExceptionDetail{ProtectionWarningDays: 5}, 0, false},
	} {
		if days, ok := tc.d.ProtectionDaysLeft(now); days != tc.days || ok != tc.ok {
			t.Errorf("%+v: %d, %v; want %d, %v", tc.d.Shipment.Shipment, days, ok, tc.days, tc.ok)
		}
	}
}

// TestDisputeMovesItsException: a dispute filed with the counterparty puts its exception to wait
// until the respond-by date (the seller is waiting on them), a new deadline moves the date, and
// a dispute that ends without resolving the exception hands it back to the queue. A draft changes
// nothing.
func TestDisputeMovesItsException(t *testing.T) {
	t.Parallel()
	f := newDisputeFixture(t)
	ctx := context.Background()
	state := func() (domain.ExceptionState, *time.Time) {
		t.Helper()
		e, err := f.s.FindException(ctx, f.seller, f.exc.ID)
		if err != nil {
			t.Fatal(err)
		}
		return e.State, e.WaitingUntil
	}
	draft := f.create(domain.DisputeDraft, f.fields())
	if st, _ := state(); st != domain.StateOpen {
		t.Errorf("after a draft: %s, want open", st)
	}
	d, err := f.move(draft, domain.DisputeOpen, domain.DisputeChange{})
	if err != nil {
		t.Fatal(err)
	}
	if st, until := state(); st != domain.StateWaiting || until == nil || !until.Equal(d.RespondBy) {
		t.Errorf("after filing: %s until %v, want waiting until %v", st, until, d.RespondBy)
	}
	if d, err = f.move(d, domain.DisputeResponded, domain.DisputeChange{}); err != nil {
		t.Fatal(err)
	}
	if st, until := state(); st != domain.StateWaiting || until == nil || !until.Equal(d.RespondBy) {
		t.Errorf("after the answer: %s until %v, want waiting until the new deadline %v", st, until, d.RespondBy)
	}
	// The respond-by date passes without an answer: the sweep brings the exception back.
	f.sweep(d.RespondBy.Add(time.Hour))
	if st, _ := state(); st != domain.StateOpen {
		t.Errorf("after the respond-by date: %s, want open", st)
	}
	// Withdrawn while waiting on it: back in the queue.
	w := f.create(domain.DisputeOpen, f.fields())
	if st, _ := state(); st != domain.StateWaiting {
		t.Fatalf("a second dispute: %s, want waiting", st)
	}
	if _, err := f.move(w, domain.DisputeWithdrawn, domain.DisputeChange{}); err != nil {
		t.Fatal(err)
	}
	if st, _ := state(); st != domain.StateOpen {
		t.Errorf("after withdrawing: %s, want open", st)
	}
}

// TestSweepRespectsDisputes: a parcel whose dispute was won (or lost, or settled) gets no new
// protection exception from the sweep; one with a dispute filed gets none either, and the
// exception that waits on the dispute is not resolved by the sweep meanwhile.
func TestSweepRespectsDisputes(t *testing.T) {
	t.Parallel()
	f := newQueueFixture(t)
	ctx := context.Background()
	row := func(ref, status, protection string) string {
		return fmt.Sprintf("%s,AliExpress Standard Shipping,%s,2026-11-08 10:00,FR,,%s\n", ref, status, protection)
	}
	now := at("2026-11-10 10:00")
	f.stalled(now, row("W-1", "Arrived at destination country/region", "2026-11-13 10:00"),
		row("W-2", "Returned to sender", "2026-11-13 10:00"))
	prot := f.exceptionOf("W-1")
	if prot.Kind != domain.KindProtectionExpiring {
		t.Fatalf("W-1's exception is %s", prot.Kind)
	}
	fields := domain.DisputeFields{Counterparty: domain.CounterpartySupplier, Reason: domain.ReasonNotReceived,
		Amount: "24.90", Currency: "EUR", OpenedAt: now}
	d, err := f.s.CreateDispute(ctx, f.seller, f.owner, prot.ID, domain.DisputeOpen, fields, now)
	if err != nil {
		t.Fatal(err)
	}
	f.sweep(now.Add(time.Hour))
	if got := f.open("W-1"); got != "protection_expiring@7" {
		t.Errorf("while the dispute runs: %q, want the protection exception still waiting", got)
	}
	won := domain.DisputeWon
	if _, err := f.s.UpdateDispute(ctx, f.seller, f.owner, d.ID, d.Version, domain.DisputeChange{Status: &won, ResolveException: true}, now.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	for _, at := range []time.Duration{3 * time.Hour, 48 * time.Hour} {
		f.sweep(now.Add(at))
		if got := f.open("W-1"); got != "" {
			t.Errorf("%v after the won dispute: %q open, want nothing", at, got)
		}
	}

	// W-3's dispute is lost and the seller leaves its exception open: it is back in the queue for
	// a person to close as lost, and the sweep does not call it recovered.
	f.stalled(now, row("W-3", "Arrived at destination country/region", "2026-11-13 10:00"))
	prot3 := f.exceptionOf("W-3")
	d3, err := f.s.CreateDispute(ctx, f.seller, f.owner, prot3.ID, domain.DisputeOpen, fields, now)
	if err != nil {
		t.Fatal(err)
	}
	lost := domain.DisputeLost
	if _, err := f.s.UpdateDispute(ctx, f.seller, f.owner, d3.ID, d3.Version, domain.DisputeChange{Status: &lost}, now.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	f.sweep(now.Add(3 * time.Hour))
	if e := f.exceptionOf("W-3"); e.ID != prot3.ID || e.State == domain.StateResolved {
		t.Errorf("W-3 after its lost dispute and a sweep: %s %v, want its exception open for a person", e.State, e.Resolution)
	}

	// W-2 was returned: a dispute filed over its delivery issue keeps the protection exception
	// from being raised beside it.
	var issue domain.Exception
	for _, e := range mustList(t, f, "W-2") {
		switch e.Kind {
		case domain.KindDeliveryIssue:
			issue = e
		case domain.KindProtectionExpiring: // the seller dismisses it first
			if _, err := f.update(e, domain.ExceptionChange{State: ptr(domain.StateResolved), Resolution: ptr(domain.ResolutionFalseAlarm)}, now); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := f.s.CreateDispute(ctx, f.seller, f.owner, issue.ID, domain.DisputeOpen, fields, now); err != nil {
		t.Fatal(err)
	}
	f.sweep(now.Add(time.Hour))
	if got := f.open("W-2"); got != "delivery_issue@10" {
		t.Errorf("W-2 with a dispute filed: %q, want its delivery issue alone", got)
	}
	// Its protection date moves: the dismissed exception was for the old date, so only the filed
	// dispute keeps a new protection exception from being raised.
	f.stalled(now.Add(2*time.Hour), row("W-2", "Returned to sender", "2026-11-12 10:00"))
	if got := f.open("W-2"); got != "delivery_issue@10" {
		t.Errorf("W-2 with a dispute filed, protection date moved: %q, want its delivery issue alone", got)
	}
}

// mustList lists a shipment's exceptions.
func mustList(t *testing.T, f *queueFixture, ref string) []domain.Exception {
	t.Helper()
	exs, err := f.s.ListShipmentExceptions(context.Background(), f.seller, shipmentByRef(t, f.s, f.seller, ref).ID)
	if err != nil {
		t.Fatal(err)
	}
	return exs
}

func TestSuggestDisputeReason(t *testing.T) {
	t.Parallel()
	issue := domain.Exception{Kind: domain.KindDeliveryIssue, Signal: domain.SignalDamagedLost}
	for _, tc := range []struct {
		e    domain.Exception
		text string
		want domain.DisputeReason
	}{
		{issue, "Package lost in transit", domain.ReasonNotReceived},
		{issue, "Parcel damaged in transit", domain.ReasonDamaged},
		{domain.Exception{Kind: domain.KindLate}, "Arrived at destination country/region", domain.ReasonLate},
		{domain.Exception{Kind: domain.KindEDDMissed}, "Arrived at destination country/region", domain.ReasonLate},
		{domain.Exception{Kind: domain.KindProtectionExpiring}, "Flight departed", domain.ReasonNotReceived},
	} {
		if got := domain.SuggestDisputeReason(tc.e, domain.ParcelFate(tc.e.Signal, tc.text)); got != tc.want {
			t.Errorf("%s %q: %s, want %s", tc.e.Kind, tc.text, got, tc.want)
		}
	}
}
