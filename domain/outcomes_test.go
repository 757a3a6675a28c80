package domain_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
)

// outcomeHeader is a tracking export's header with a row per event: the carrier and the
// last-mile carrier as the tool saw them on that event, the order's service and dates.
const outcomeHeader = "Order ID,Carrier,Shipping Method,Last Mile Carrier,Last Event,Event Time,Country,Order Date,Promised Delivery Date\n"

// outcomeOrder is one order of an outcomes test: where it goes, by what, and when each of its
// events happened; the last-mile carrier is named on the delivery row only, as the demo export
// does, and lastCarrier replaces the carrier on that row.
type outcomeOrder struct {
	ref, carrier, service, lastMile, lastCarrier, country string
	ordered, promised                                     string // "" when the file gives none
	events                                                []outcomeEvent
}

type outcomeEvent struct {
	status string
	at     time.Time
}

func (o outcomeOrder) csv() string {
	var b strings.Builder
	for _, e := range o.events {
		carrier, lastMile := o.carrier, ""
		if e.status == stDelivered {
			lastMile = o.lastMile
			if o.lastCarrier != "" {
				carrier = o.lastCarrier
			}
		}
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s,%s,%s,%s,%s\n", o.ref, carrier, o.service, lastMile, e.status,
			e.at.In(china).Format("2006-01-02 15:04"), o.country, o.ordered, o.promised)
	}
	return b.String()
}

// route is the events of a parcel first scanned at ship, departing two days later, arriving
// after six, and delivered after deliveredAfter (none when 0).
func route(ship time.Time, deliveredAfter time.Duration) []outcomeEvent {
	evs := []outcomeEvent{{stAccepted, ship}, {stDeparted, ship.Add(2 * day)}, {stArrived, ship.Add(6 * day)}}
	if deliveredAfter > 0 {
		evs = append(evs, outcomeEvent{stDelivered, ship.Add(deliveredAfter)})
	}
	return evs
}

const (
	day         = 24 * time.Hour
	stAccepted  = "[Shenzhen] Accepted by carrier"
	stExport    = "[Shenzhen] Export customs clearance started"
	stDeparted  = "[Shenzhen] Departed from departure country/region"
	stArrived   = "Arrived at destination country/region"
	stDelivered = "Delivered"
)

// TestOutcomes: an October of a seller's parcels shaped like real exports (the last-mile carrier
// in its own column, in the carrier column, or absent; a service column or only a carrier),
// with hand-computed figures. Twenty AliExpress Standard parcels to Spain via Correos, in
// transit 8 to 27 days, thirteen by their promised date; three YunExpress → La Poste parcels
// (too few for any rate); a 4PX parcel whose carrier column turns to PostNL; an economy parcel
// quiet after arrival past its promised date (unknown, not late); a parcel stuck in export
// customs past its date (late, stalled); a parcel without carrier, service or country.
func TestOutcomes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newSweepFixture(t)
	base := at("2026-10-01 10:00")
	var file strings.Builder
	for i := range 20 {
		ship := base.Add(time.Duration(i) * time.Hour)
		file.WriteString(outcomeOrder{ref: fmt.Sprintf("STD-%02d", i), carrier: "Cainiao", service: "AliExpress Standard Shipping",
			lastMile: "Correos", country: "ES", ordered: ship.Add(-day).In(china).Format("2006-01-02"),
			promised: ship.Add(20 * day).In(china).Format("2006-01-02"), events: route(ship, time.Duration(8+i)*day)}.csv())
	}
	yun := at("2026-10-05 10:00")
	for i, ordered := range []string{"2026-09-28", "2026-10-04", "2026-10-04"} {
		file.WriteString(outcomeOrder{ref: fmt.Sprintf("YUN-%d", i), carrier: "YunExpress", lastMile: "La Poste", country: "FR",
			ordered: ordered, promised: "2026-10-20", events: route(yun, 10*day)}.csv())
	}
	file.WriteString(outcomeOrder{ref: "4PX-1", carrier: "4PX", lastCarrier: "PostNL", service: "4PX Singapore Post OM Pro",
		country: "NL", events: route(at("2026-10-02 10:00"), 12*day)}.csv())
	file.WriteString(outcomeOrder{ref: "ECO-1", carrier: "Cainiao", service: "Cainiao Super Economy Global", country: "US",
		promised: "2026-10-13", events: route(at("2026-10-03 10:00"), 0)}.csv())
	file.WriteString(outcomeOrder{ref: "STUCK-1", carrier: "Cainiao", service: "AliExpress Standard Shipping", country: "DE",
		promised: "2026-10-20", events: []outcomeEvent{{stExport, at("2026-10-04 10:00")}}}.csv())
	file.WriteString(outcomeOrder{ref: "BARE-1", events: []outcomeEvent{{stAccepted, at("2026-10-06 10:00")}}}.csv())
	// Shipped in September: outside the range.
	file.WriteString(outcomeOrder{ref: "SEP-1", carrier: "Cainiao", service: "AliExpress Standard Shipping", lastMile: "Correos",
		country: "ES", ordered: "2026-09-19", events: route(at("2026-09-20 10:00"), 15*day)}.csv())
	mustImport(t, f.s, f.seller, outcomeHeader+file.String())
	now := at("2026-11-20 10:00")
	f.sweep(now)

	// Another seller's parcel through Correos, by a service of its own.
	other, _ := mustSeller(t, f.s, "Other", "owner@other.test")
	mustImport(t, f.s, other.ID, outcomeHeader+outcomeOrder{ref: "O-1", carrier: "Cainiao", service: "SecretPost Express",
		lastMile: "Correos", country: "ES", events: route(base, 9*day)}.csv())

	october := domain.OutcomeFilter{Basis: domain.OutcomeShipped, From: at("2026-10-01 00:00"), To: at("2026-11-01 00:00")}
	o, err := f.s.Outcomes(ctx, f.seller, october, now)
	if err != nil {
		t.Fatal(err)
	}
	// key shipments/stalled/delivered promised/due/on-time transit-n
	sum := func(gs ...domain.OutcomeGroup) string {
		var b strings.Builder
		for _, g := range gs {
			fmt.Fprintf(&b, "%s %d/%d/%d %d/%d/%d %d; ", g.Key, g.Shipments, g.Stalled, g.Delivered, g.Promised, g.Due, g.OnTime, g.Transit.N)
		}
		return b.String()
	}
	u := domain.UnknownGroup
	for _, c := range []struct {
		name string
		got  []domain.OutcomeGroup
		want string
	}{
		{"total", []domain.OutcomeGroup{o.Total}, " 27/2/24 25/24/16 24; "},
		{"by service", o.ByService, "AliExpress Standard Shipping 21/1/20 21/21/13 20; YunExpress 3/0/3 3/3/3 3; " +
			"4PX Singapore Post OM Pro 1/0/1 0/0/0 1; Cainiao Super Economy Global 1/0/0 1/0/0 0; " + u + " 1/1/0 0/0/0 0; "},
		{"by last mile", o.ByLastMile, "Correos 20/0/20 20/20/13 20; La Poste 3/0/3 3/3/3 3; PostNL 1/0/1 0/0/0 1; " + u + " 3/2/0 2/1/0 0; "},
		{"by country", o.ByCountry, "ES 20/0/20 20/20/13 20; FR 3/0/3 3/3/3 3; DE 1/1/0 1/1/0 0; NL 1/0/1 0/0/0 1; US 1/0/0 1/0/0 0; " + u + " 1/1/0 0/0/0 0; "},
	} {
		if got := sum(c.got...); got != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.name, got, c.want)
		}
	}

	// Rates from twenty parcels and more; the three YunExpress parcels show none.
	correos := o.ByLastMile[0]
	if r := correos.OnTimeRate(); !r.Shown() || r.Rate() != 0.65 {
		t.Errorf("Correos on time %+v shown %v, want 13 of 20 shown", r, r.Shown())
	}
	// Transit 8…27 days: p50 between the 10th and 11th, p90 a tenth past the 18th.
	if tr := correos.Transit; !tr.Shown() || tr.P50 != 17*day+12*time.Hour || tr.P90.Round(time.Minute) != 25*day+144*time.Minute {
		t.Errorf("Correos transit %+v, want p50 17.5d, p90 25.1d", tr)
	}
	var stages string
	for _, st := range correos.Stages {
		stages += fmt.Sprintf("%d:%s/%d/%s/%v/%v ", st.Stage, st.Median, st.N, st.Threshold, st.Over(), st.Shown())
	}
	if want := fmt.Sprintf("3:%s/20/%s/false/true 6:%s/20/%s/false/true 7:%s/20/%s/true/true ", 48*time.Hour, 72*time.Hour,
		96*time.Hour, 240*time.Hour, 276*time.Hour, 96*time.Hour); stages != want {
		t.Errorf("Correos stages\n got %s\nwant %s", stages, want)
	}
	laPoste := o.ByLastMile[1]
	if laPoste.OnTimeRate().Shown() || laPoste.Transit.Shown() || laPoste.StallRate().Shown() || laPoste.Stages[0].Shown() {
		t.Errorf("La Poste's three parcels show a rate: %+v", laPoste)
	}
	if r := o.Total.OnTimeRate(); !r.Shown() || r.N != 16 || r.Of != 24 {
		t.Errorf("total on time %+v", r)
	}

	// By order date, the parcels ordered in September are left out: one YunExpress, and the
	// fourteen Standard ones shipped before 14:00 on 1 October (ordered the day before).
	byOrder, err := f.s.Outcomes(ctx, f.seller, domain.OutcomeFilter{Basis: domain.OutcomeOrdered, From: october.From, To: october.To}, now)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sum(byOrder.ByLastMile...), "Correos 6/0/6 6/6/0 6; La Poste 2/0/2 2/2/2 2; PostNL 1/0/1 0/0/0 1; "+u+" 3/2/0 2/1/0 0; "; got != want {
		t.Errorf("by order date\n got %s\nwant %s", got, want)
	}

	// Nothing shipped in December.
	dec, err := f.s.Outcomes(ctx, f.seller, domain.OutcomeFilter{Basis: domain.OutcomeShipped, From: at("2026-12-01 00:00"), To: at("2027-01-01 00:00")}, now)
	if err != nil {
		t.Fatal(err)
	}
	if dec.Total.Shipments != 0 || len(dec.ByService)+len(dec.ByLastMile)+len(dec.ByCountry) != 0 {
		t.Errorf("outcomes of December: %+v", dec)
	}
}

// TestOutcomesOtherSeller: another seller's outcomes hold only its own parcel, and a seller with
// none sees none of the first seller's.
func TestOutcomesOtherSeller(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newSweepFixture(t)
	mustImport(t, f.s, f.seller, outcomeHeader+outcomeOrder{ref: "A-1", carrier: "Cainiao", service: "AliExpress Standard Shipping",
		lastMile: "Correos", country: "ES", promised: "2026-10-30", events: route(at("2026-10-02 10:00"), 9*day)}.csv())
	other, _ := mustSeller(t, f.s, "Other", "owner@other.test")
	mustImport(t, f.s, other.ID, outcomeHeader+outcomeOrder{ref: "A-1", carrier: "YunExpress", service: "SecretPost Express",
		lastMile: "La Poste", country: "FR", events: route(at("2026-10-03 10:00"), 9*day)}.csv())
	empty, _ := mustSeller(t, f.s, "Empty", "owner@empty.test")
	october := domain.OutcomeFilter{Basis: domain.OutcomeShipped, From: at("2026-10-01 00:00"), To: at("2026-11-01 00:00")}
	for _, c := range []struct {
		seller domain.SellerID
		want   string
	}{
		{f.seller, "1 AliExpress Standard Shipping Correos ES"},
		{other.ID, "1 SecretPost Express La Poste FR"},
		{empty.ID, "0   "},
	} {
		o, err := f.s.Outcomes(ctx, c.seller, october, at("2026-11-20 10:00"))
		if err != nil {
			t.Fatal(err)
		}
		got := fmt.Sprint(o.Total.Shipments)
		for _, gs := range [][]domain.OutcomeGroup{o.ByService, o.ByLastMile, o.ByCountry} {
			keys := make([]string, len(gs))
			for i, g := range gs {
				keys[i] = g.Key
			}
			got += " " + strings.Join(keys, ",")
		}
		if got != c.want {
			t.Errorf("seller %d: %q, want %q", c.seller, got, c.want)
		}
	}
}

// TestOutcomesNoLastMileCarrier: a shop whose carriers are all first-mile ones, with no service
// column, sees its parcels under their carrier, not under "unknown" service.
func TestOutcomesNoLastMileCarrier(t *testing.T) {
	t.Parallel()
	f := newSweepFixture(t)
	mustImport(t, f.s, f.seller, outcomeHeader+outcomeOrder{ref: "Y-1", carrier: "YunExpress", country: "FR",
		events: route(at("2026-10-03 10:00"), 9*day)}.csv())
	o, err := f.s.Outcomes(context.Background(), f.seller,
		domain.OutcomeFilter{Basis: domain.OutcomeShipped, From: at("2026-10-01 00:00"), To: at("2026-11-01 00:00")}, at("2026-11-20 10:00"))
	if err != nil {
		t.Fatal(err)
	}
	if len(o.ByService) != 1 || o.ByService[0].Key != "YunExpress" {
		t.Errorf("by service: %+v, want YunExpress", o.ByService)
	}
}

// TestOutcomeRangeBounds: "last 30 days" is today and the 29 days before it, whole days in the
// seller's zone.
func TestOutcomeRangeBounds(t *testing.T) {
	t.Parallel()
	r, ok := domain.FindOutcomeRange("30d")
	if !ok {
		t.Fatal("no 30d range")
	}
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	from, to := r.Bounds(time.Date(2026, 3, 31, 23, 30, 0, 0, time.UTC), paris) // 1 April in Paris
	if got, want := from.Format(time.RFC3339)+" "+to.Format(time.RFC3339), "2026-03-03T00:00:00+01:00 2026-04-02T00:00:00+02:00"; got != want {
		t.Errorf("bounds %s, want %s", got, want)
	}
	if _, ok := domain.FindOutcomeRange("7y"); ok {
		t.Error("an unknown range key was found")
	}
}

// TestDashboardTrends: open exceptions per kind and stage, opened and resolved per week in the
// seller's time zone (China), and the median time to resolve over the last 90 days.
func TestDashboardTrends(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newSweepFixture(t)
	mustImport(t, f.s, f.seller, sweepHeader+
		ev("T-1", "Delivered", "2026-11-01 10:00", "FR")+
		ev("T-2", "Delivered", "2026-11-01 10:00", "FR")+
		ev("T-3", "Delivered", "2026-11-01 10:00", "FR"))
	id := func(ref string) int64 { return shipmentByRef(t, f.s, f.seller, ref).ID }
	ins := func(seller domain.SellerID, ship int64, kind string, stage int, opened string, resolved string) {
		t.Helper()
		const current = `(SELECT s.stage FROM shipments s WHERE s.seller_id = $1 AND s.id = $2)`
		if resolved == "" {
			f.exec(`INSERT INTO exceptions (seller_id, shipment_id, kind, stage, shipment_stage, opened_at) VALUES ($1, $2, $3, $4, `+current+`, $5)`,
				seller, ship, kind, stage, at(opened))
			return
		}
		f.exec(`INSERT INTO exceptions (seller_id, shipment_id, kind, stage, shipment_stage, opened_at, state, resolution, resolved_at)
			VALUES ($1, $2, $3, $4, `+current+`, $5, 'resolved', 'recovered', $6)`, seller, ship, kind, stage, at(opened), at(resolved))
	}
	ins(f.seller, id("T-1"), "stalled", 5, "2026-11-16 08:00", "")
	ins(f.seller, id("T-2"), "stalled", 7, "2026-11-17 08:00", "")
	ins(f.seller, id("T-2"), "delivery_issue", 7, "2026-11-17 09:00", "")
	ins(f.seller, id("T-3"), "late", 7, "2026-11-10 10:00", "2026-11-11 10:00") // 24h
	ins(f.seller, id("T-3"), "late", 7, "2026-11-15 22:00", "2026-11-16 04:00") // 6h, Sunday to Monday in China
	ins(f.seller, id("T-3"), "late", 7, "2026-11-02 10:00", "2026-11-06 10:00") // 96h
	ins(f.seller, id("T-3"), "late", 7, "2026-06-01 10:00", "2026-06-03 10:00") // too old
	other, _ := mustSeller(t, f.s, "Other", "owner@other.test")
	mustImport(t, f.s, other.ID, sweepHeader+ev("O-1", "Delivered", "2026-11-01 10:00", "FR"))
	ins(other.ID, shipmentByRef(t, f.s, other.ID, "O-1").ID, "stalled", 5, "2026-11-16 09:00", "2026-11-16 10:00")

	d, err := f.s.Dashboard(ctx, f.seller, at("2026-11-18 12:00"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(d.OpenByKindStage), "[{stalled export_customs 1} {stalled arrived_destination 1} {delivery_issue arrived_destination 1}]"; got != want {
		t.Errorf("open by kind and stage %s, want %s", got, want)
	}
	var weeks string
	for _, w := range d.Weekly {
		weeks += fmt.Sprintf("%s:%d/%d ", w.Week.Format("01-02"), w.Opened, w.Resolved)
	}
	if want := "09-28:0/0 10-05:0/0 10-12:0/0 10-19:0/0 10-26:0/0 11-02:1/1 11-09:2/1 11-16:3/1 "; weeks != want {
		t.Errorf("weekly\n got %s\nwant %s", weeks, want)
	}
	if d.ResolvedRecently != 3 || d.MedianResolve != 24*time.Hour {
		t.Errorf("resolved %d, median %s; want 3, 24h", d.ResolvedRecently, d.MedianResolve)
	}
}
