package domain_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
)

const eddService = "AliExpress Standard Shipping"

// eddHistory is CSV rows (sweepHeader) of n delivered parcels to country by service, each in
// import customs from start (a day apart) and delivered 72 h + 4 h × i later: 72…148 h, whose
// percentile_cont p50 is 110 h and p90 140.4 h for n = 20.
func eddHistory(prefix string, n int, service, country string, start time.Time) string {
	var b strings.Builder
	for i := range n {
		ref := fmt.Sprintf("%s-%d", prefix, i)
		in := start.Add(time.Duration(i) * 24 * time.Hour)
		b.WriteString(evService(ref, service, "Import clearance start", in.Format("2006-01-02 15:04"), country))
		b.WriteString(evService(ref, service, "Delivered", in.Add(72*time.Hour+time.Duration(i)*4*time.Hour).Format("2006-01-02 15:04"), country))
	}
	return b.String()
}

// estimate is the shipment's window, failing the test when it has none.
func (f *sweepFixture) estimate(ref string) domain.Estimate {
	f.t.Helper()
	e, ok := shipmentByRef(f.t, f.s, f.seller, ref).Estimate()
	if !ok {
		f.t.Fatalf("%s has no estimate", ref)
	}
	return e
}

func TestEDDWindowsFromHistoryAndFallbacks(t *testing.T) {
	t.Parallel()
	f := newSweepFixture(t)
	start := at("2026-08-01 10:00")
	in := at("2026-10-01 10:00")
	mustImport(t, f.s, f.seller, sweepHeader+
		eddHistory("H", 20, eddService, "FR", start)+
		// Thin: five parcels by another service to FR, much slower. Too few for their own window,
		// but they count for FR.
		eddHistory("T", 5, "Cainiao Standard", "FR", start.Add(30*24*time.Hour))+
		evService("FR-STD", eddService, "Import clearance start", "2026-10-01 10:00", "FR")+
		evService("FR-CN", "Cainiao Standard", "Import clearance start", "2026-10-01 10:00", "FR")+
		evService("DE-STD", eddService, "Import clearance start", "2026-10-01 10:00", "DE")+
		evService("FR-OUT", eddService, "Out for delivery", "2026-10-01 10:00", "FR"))
	f.sweep(in.Add(time.Hour))

	e := f.estimate("FR-STD")
	if e.Basis != domain.EDDCountryService || e.Deliveries != 20 || e.Stage != domain.StageImportCustoms {
		t.Fatalf("FR by standard: %+v", e)
	}
	if !e.Early.Equal(in.Add(110*time.Hour)) || !e.Late.Equal(in.Add(140*time.Hour)) {
		t.Errorf("FR by standard: %v–%v, want %v–%v", e.Early, e.Late, in.Add(110*time.Hour), in.Add(140*time.Hour))
	}
	if got, want := e.Explain(), "Parcels to FR by AliExpress Standard Shipping from import customs took 5–6 days (20 deliveries)."; got != want {
		t.Errorf("explanation %q, want %q", got, want)
	}
	// Cainiao Standard to FR has 5 deliveries: the window is FR's, all 25 of them.
	if e := f.estimate("FR-CN"); e.Basis != domain.EDDCountry || e.Deliveries != 25 {
		t.Errorf("thin service: %+v", e)
	}
	// Nothing delivered to DE: the shop's 25.
	if e := f.estimate("DE-STD"); e.Basis != domain.EDDShop || e.Deliveries != 25 {
		t.Errorf("no country history: %+v", e)
	}
	// No delivered parcel was ever seen out for delivery: the product defaults.
	e = f.estimate("FR-OUT")
	if e.Basis != domain.EDDDefault || e.Deliveries != 0 || !e.Late.Equal(in.Add(domain.EDDDefaults[domain.StageOutForDelivery].P90)) {
		t.Errorf("no stage history: %+v", e)
	}
	if got, want := e.Explain(), "Parcels from out for delivery typically take 1–2 days (product default: too few of your own deliveries to go by yet)."; got != want {
		t.Errorf("default explanation %q, want %q", got, want)
	}

	// The parcel moves on: its window is re-estimated from the new stage at the next sweep.
	mustImport(t, f.s, f.seller, sweepHeader+evService("FR-STD", eddService, "Out for delivery", "2026-10-03 10:00", "FR"))
	f.sweep(in.Add(50 * time.Hour))
	if e := f.estimate("FR-STD"); e.Stage != domain.StageOutForDelivery || e.Basis != domain.EDDDefault {
		t.Errorf("after moving on: %+v", e)
	}
}

// TestEDDSellerScoping: another shop's history never shapes a window, however much of it there is.
func TestEDDSellerScoping(t *testing.T) {
	t.Parallel()
	f := newSweepFixture(t)
	other, _ := mustSeller(t, f.s, "Other", "owner@other.test")
	start := at("2026-08-01 10:00")
	mustImport(t, f.s, other.ID, sweepHeader+eddHistory("O", 40, eddService, "FR", start))
	mustImport(t, f.s, f.seller, sweepHeader+
		evService("FR-1", eddService, "Import clearance start", "2026-10-01 10:00", "FR"))
	now := at("2026-10-01 11:00")
	if _, err := f.s.Sweep(context.Background(), other.ID, now); err != nil {
		t.Fatal(err)
	}
	f.sweep(now)
	if e := f.estimate("FR-1"); e.Basis != domain.EDDDefault || e.Deliveries != 0 {
		t.Errorf("a shop without history got %+v", e)
	}
	// The other shop's own parcel does use it.
	mustImport(t, f.s, other.ID, sweepHeader+evService("OF-1", eddService, "Import clearance start", "2026-10-01 10:00", "FR"))
	if _, err := f.s.Sweep(context.Background(), other.ID, now); err != nil {
		t.Fatal(err)
	}
	if e, ok := shipmentByRef(t, f.s, other.ID, "OF-1").Estimate(); !ok || e.Basis != domain.EDDCountryService || e.Deliveries != 40 {
		t.Errorf("the other shop's own parcel: %+v", e)
	}
}

// TestEDDMissed: raised when the window's late end passes undelivered, not when a promised date
// covers it, and resolved when the parcel is delivered.
func TestEDDMissed(t *testing.T) {
	t.Parallel()
	f := newSweepFixture(t)
	const header = "Order ID,Shipping Method,Last Event,Event Time,Country,Promised Delivery Date\n"
	row := func(ref, status, when, promised string) string {
		return fmt.Sprintf("%s,%s,%s,%s,FR,%s\n", ref, eddService, status, when, promised)
	}
	in := at("2026-10-01 10:00")
	hist := eddHistory("H", 20, eddService, "FR", at("2026-08-01 10:00"))
	mustImport(t, f.s, f.seller, header+strings.ReplaceAll(hist, ",,\n", ",\n")+
		row("E-NONE", "Import clearance start", "2026-10-01 10:00", "")+
		row("E-LATER", "Import clearance start", "2026-10-01 10:00", "2026-10-20")+ // promised after the late end
		row("E-EARLIER", "Import clearance start", "2026-10-01 10:00", "2026-10-03")+ // promised before it: late says so
		row("E-GONE", "Import clearance start", "2026-10-01 10:00", "")) // returned to its sender (below): not coming
	late := in.Add(140 * time.Hour)
	f.exec(`UPDATE shipments SET last_signal = 'returned' WHERE seller_id = $1 AND order_ref = 'E-GONE'`, f.seller)
	f.sweep(late.Add(-time.Minute))
	for _, ref := range []string{"E-NONE", "E-LATER"} {
		if got := f.open(ref); got != "" {
			t.Errorf("%s before the late end: %q", ref, got)
		}
	}
	f.sweep(late.Add(time.Minute))
	for ref, want := range map[string]string{"E-NONE": "edd_missed@8", "E-LATER": "", "E-EARLIER": "late@8"} {
		if got := f.open(ref); got != want {
			t.Errorf("%s past the late end: %q, want %q", ref, got, want)
		}
	}
	if got := f.open("E-GONE"); strings.Contains(got, "edd_missed") {
		t.Errorf("a returned parcel past its late end: %q", got)
	}
	sh := shipmentByRef(t, f.s, f.seller, "E-NONE")
	exs, err := f.s.ListShipmentExceptions(context.Background(), f.seller, sh.ID)
	if err != nil || len(exs) == 0 {
		t.Fatal(exs, err)
	}
	x := exs[0]
	if x.DueAt == nil || !x.DueAt.Equal(late) || x.Severity < 2.5 || x.Severity >= 3 {
		t.Errorf("edd_missed: due %v, severity %v", x.DueAt, x.Severity)
	}
	if got := x.Urgency(late.Add(26 * time.Hour)); got != "1d 2h past its estimated delivery" {
		t.Errorf("urgency %q", got)
	}

	// Delivered: the sweep resolves it; the shipment keeps the window it was given.
	mustImport(t, f.s, f.seller, header+row("E-NONE", "Delivered", "2026-10-07 18:00", ""))
	f.sweep(late.Add(48 * time.Hour))
	exs, err = f.s.ListShipmentExceptions(context.Background(), f.seller, sh.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range exs {
		if e.ID == x.ID && (e.State != domain.StateResolved || e.Resolution == nil) {
			t.Errorf("after delivery: %+v", e)
		}
	}
	if got := f.open("E-NONE"); got != "" {
		t.Errorf("delivered: open %q", got)
	}
	e := f.estimate("E-NONE")
	if !e.Late.Equal(late) || e.Stage != domain.StageImportCustoms {
		t.Errorf("delivered parcel lost its window: %+v", e)
	}
}

func TestEDDExplain(t *testing.T) {
	t.Parallel()
	from := at("2026-10-01 10:00")
	for _, tc := range []struct {
		e    domain.Estimate
		want string
	}{
		{domain.Estimate{Basis: domain.EDDCountryService, Stage: domain.StageImportCustoms, Country: "FR", Service: "Cainiao Standard",
			Early: from.Add(72 * time.Hour), Late: from.Add(144 * time.Hour), Deliveries: 42},
			"Parcels to FR by Cainiao Standard from import customs took 3–6 days (42 deliveries)."},
		{domain.Estimate{Basis: domain.EDDCountry, Stage: domain.StageDepartedOrigin, Country: "US",
			Early: from.Add(8 * 24 * time.Hour), Late: from.Add(15 * 24 * time.Hour), Deliveries: 31},
			"Parcels to US from departure took 8–15 days (31 deliveries; too few by this service to go by)."},
		{domain.Estimate{Basis: domain.EDDShop, Stage: domain.StageOutForDelivery,
			Early: from.Add(20 * time.Hour), Late: from.Add(40 * time.Hour), Deliveries: 1},
			"Your parcels from out for delivery took 20–40 hours (1 delivery; too few to this country and service to go by)."},
		{domain.Estimate{Basis: domain.EDDDefault, Stage: domain.StageCustomsCleared,
			Early: from.Add(3 * 24 * time.Hour), Late: from.Add(3 * 24 * time.Hour)},
			"Parcels from customs clearance typically take 3 days (product default: too few of your own deliveries to go by yet)."},
	} {
		tc.e.From = from
		if got := tc.e.Explain(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.e.Basis, got, tc.want)
		}
	}
}

// TestEstimateStanding: where a shipment stands against its window, delivered or not, in each of
// the six places it can be.
func TestEstimateStanding(t *testing.T) {
	from := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	e := domain.Estimate{From: from, Early: from.Add(72 * time.Hour), Late: from.Add(144 * time.Hour)}
	at := func(h int) *time.Time { t := from.Add(time.Duration(h) * time.Hour); return &t }
	for _, tc := range []struct {
		delivered *time.Time
		now       time.Time
		want      string
	}{
		{at(192), from, "Delivered 2d after the window closed."},
		{at(24), from, "Delivered 2d before the window opened."},
		{at(100), from, "Delivered inside the window."},
		{nil, *at(200), "Not delivered 2d 8h after the window closed."},
		{nil, *at(24), "The window opens in 2d."},
		{nil, *at(96), "Inside the window now; it closes in 2d."},
	} {
		if got := e.Standing(tc.delivered, tc.now); got != tc.want {
			t.Errorf("Standing(%v, %v) = %q, want %q", tc.delivered, tc.now, got, tc.want)
		}
	}
}

// TestShipmentDeliveredAt: a shipment's delivery time, which Standing takes, is when it entered
// the delivered stage, and none before it is delivered.
func TestShipmentDeliveredAt(t *testing.T) {
	entered := time.Date(2026, 11, 9, 14, 0, 0, 0, time.UTC)
	if got := (domain.Shipment{Stage: domain.StageDelivered, StageEnteredAt: &entered}).DeliveredAt(); got == nil || !got.Equal(entered) {
		t.Errorf("delivered: %v, want %v", got, entered)
	}
	if got := (domain.Shipment{Stage: domain.StageOutForDelivery, StageEnteredAt: &entered}).DeliveredAt(); got != nil {
		t.Errorf("out for delivery: %v, want nil", got)
	}
}

// TestEDDMissedNotOnDefaults: a shop without delivered history has only the product's default
// windows, which are not its own promise: past their late end no edd_missed is raised.
func TestEDDMissedNotOnDefaults(t *testing.T) {
	t.Parallel()
	f := newSweepFixture(t)
	mustImport(t, f.s, f.seller, "Order ID,Shipping Method,Last Event,Event Time,Country\n"+
		"D-1,"+eddService+",Import clearance start,2026-10-01 10:00,FR\n")
	f.sweep(at("2026-10-01 11:00"))
	e := f.estimate("D-1")
	if e.Basis != domain.EDDBasis("default") {
		t.Fatalf("basis %q, want the defaults", e.Basis)
	}
	f.sweep(e.Late.Add(24 * time.Hour))
	if got := f.open("D-1"); strings.Contains(got, "edd_missed") {
		t.Errorf("past the default late end: %q", got)
	}
}

// TestEDDMissedNotForUntrackedService: a service whose tracking stops after the hand-over to the
// destination carrier raises no missed estimate from arrival on (its last scans say nothing of
// delivery), while the same parcel on a tracked service does.
func TestEDDMissedNotForUntrackedService(t *testing.T) {
	t.Parallel()
	f := newSweepFixture(t)
	const header = "Order ID,Shipping Method,Last Event,Event Time,Country\n"
	mustImport(t, f.s, f.seller, header+strings.ReplaceAll(eddHistory("H", 20, eddService, "FR", at("2026-08-01 10:00")), ",,\n", "\n")+
		"U-1,Untracked Line,Import clearance start,2026-10-01 10:00,FR\n"+
		"T-1,Tracked Line,Import clearance start,2026-10-01 10:00,FR\n")
	f.exec(`INSERT INTO untracked_services (seller_id, name)
		SELECT seller_id, service_key FROM shipments WHERE seller_id = $1 AND order_ref = 'U-1'`, f.seller)
	f.sweep(at("2026-10-01 11:00"))
	e := f.estimate("T-1")
	if e.Basis == domain.EDDBasis("default") {
		t.Fatalf("basis %q: the country's history should give the window", e.Basis)
	}
	f.sweep(e.Late.Add(time.Hour))
	if got := f.open("T-1"); !strings.Contains(got, "edd_missed") {
		t.Errorf("tracked service past its late end: %q, want edd_missed", got)
	}
	if got := f.open("U-1"); strings.Contains(got, "edd_missed") {
		t.Errorf("untracked service past its late end: %q", got)
	}
}
