package handlers_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/handlers"
)

// chinaTime writes a time as the CSVs of these tests do: China time, to the minute (the import
// reads times without an offset in China time).
func chinaTime(t time.Time) string {
	return t.In(time.FixedZone("CST", 8*3600)).Format("2006-01-02 15:04")
}

// csvRow is one event row under shipmentsHeader.
func csvRow(ref, status string, at time.Time, country, customer string) string {
	return fmt.Sprintf("%s,,,AliExpress Standard Shipping,%s,%s,,%s,%s,,,,,,,\n", ref, status, chinaTime(at), country, customer)
}

// tag returns the element with the given id, up to its first closing tag.
func tag(body, id string) string {
	return regexp.MustCompile(`<[^>]* id="` + regexp.QuoteMeta(id) + `"[^>]*>[^<]*<`).FindString(body)
}

// TestHomeDashboard: the home page leads with the work. A new shop is sent to import its orders;
// after an import and a sweep it shows the open exceptions per kind, the shipments close to
// their stage limit, and where the active shipments are, and still the team.
func TestHomeDashboard(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")

	empty := c.get("/")
	wantStatus(t, empty, http.StatusOK)
	if !strings.Contains(empty.body, `id="home-empty"`) || !strings.Contains(empty.body, `href="/imports"`) ||
		strings.Contains(empty.body, `id="at-risk"`) {
		t.Errorf("a new shop's home page does not invite an import:\n%.2000s", empty.body)
	}

	// Arrival has a 4-day limit and, being a destination stage, no peak-period pauses: RISK-1
	// is 82 hours in (85%), STALL-2 120 hours (over: stalled), CALM-5 10 hours. FAIL-3 had a
	// failed delivery attempt (a delivery issue); DONE-4 is delivered.
	now := time.Now()
	seller := mustImportAs(t, ts, "owner@shop.test", shipmentsHeader+
		csvRow("RISK-1", "Arrived at destination country/region", now.Add(-82*time.Hour), "ES", "Ana García")+
		csvRow("STALL-2", "Arrived at destination country/region", now.Add(-120*time.Hour), "PL", "Zofia Nowak")+
		csvRow("FAIL-3", "Delivery attempt failed", now.Add(-2*time.Hour), "FR", "Jean Martin")+
		csvRow("DONE-4", "Delivered", now.Add(-24*time.Hour), "DE", "Max Weber")+
		csvRow("CALM-5", "Arrived at destination country/region", now.Add(-10*time.Hour), "IT", "Luca Rossi"))
	if _, err := ts.store.Sweep(context.Background(), seller, time.Now()); err != nil {
		t.Fatal(err)
	}

	home := c.get("/")
	wantStatus(t, home, http.StatusOK)
	body := home.body
	for kind, want := range map[string]string{"stalled": "1", "delivery_issue": "1", "late": "0", "protection_expiring": "0", "not_received": "0"} {
		if got := tag(body, "open-"+kind); !strings.Contains(got, ">"+want+"<") {
			t.Errorf("open %s count: %q, want %s", kind, got, want)
		}
	}
	if !strings.Contains(body, "2 exceptions need a look") {
		t.Error("home page lacks the open total")
	}
	if i, j := strings.Index(body, `id="open-exceptions"`), strings.Index(body, `id="team-size"`); i < 0 || j < 0 || i > j {
		t.Errorf("open exceptions at %d, team at %d: want the work first and the team still shown", i, j)
	}

	if strings.Contains(body, `id="at-risk-empty"`) {
		t.Fatal("the at-risk panel says nothing is close to its limit")
	}
	riskList := body[strings.Index(body, `id="at-risk-list"`):]
	riskList = riskList[:strings.Index(riskList, "</table>")]
	if got := listed(riskList); len(got) != 1 || got[0] != "RISK-1" {
		t.Errorf("at-risk list = %v, want [RISK-1] (not the stalled, calm or delivered ones)", got)
	}
	for _, want := range []string{
		fmt.Sprintf(`href="/shipments/%d"`, shipmentID(t, ts, seller, "RISK-1")),
		"Ana García", `data-stage="arrived_destination"`, "Arrival at Destination Country",
		"<strong>3d 10h</strong>", "of 4d", "over in", ">13h 5", // 14 hours left, less the seconds the test took
	} {
		if !strings.Contains(riskList, want) {
			t.Errorf("at-risk row lacks %q:\n%s", want, riskList)
		}
	}

	// Active shipments per stage link to the filtered list; the delivered one is not counted.
	stages := body[strings.Index(body, `id="active-stages"`):]
	for _, want := range []string{
		`href="/shipments?stage=arrived_destination"`, `<span class="stage-count">3</span>`,
		`href="/shipments?stage=out_for_delivery"`, "4 shipments not yet delivered",
	} {
		if !strings.Contains(stages, want) {
			t.Errorf("stage counts lack %q", want)
		}
	}
	if strings.Contains(stages, `stage=delivered"`) {
		t.Error("delivered shipments are counted as active")
	}

	// Another shop whose only parcel is delivered has nothing at risk, and says so.
	b := ts.client(t)
	b.signup("Other shop", "owner@other.test")
	other := mustImportAs(t, ts, "owner@other.test", shipmentsHeader+csvRow("B-1", "Delivered", now.Add(-time.Hour), "DE", "Max Weber"))
	if _, err := ts.store.Sweep(context.Background(), other, time.Now()); err != nil {
		t.Fatal(err)
	}
	calm := b.get("/")
	wantStatus(t, calm, http.StatusOK)
	if !strings.Contains(calm.body, `id="at-risk-empty"`) || !strings.Contains(calm.body, "Nothing is close to its limit") ||
		strings.Contains(calm.body, "RISK-1") || strings.Contains(calm.body, "Ana García") {
		t.Errorf("other shop's home page:\n%.3000s", calm.body)
	}
	if got := tag(calm.body, "open-stalled"); !strings.Contains(got, ">0<") {
		t.Errorf("other shop's stalled count: %q (seller A's exceptions leak?)", got)
	}
}

// TestShipmentNotReceived: a team member opens a not_received exception from the shipment page;
// a second post does not open another; another seller's post and a post without the CSRF token
// change nothing.
func TestShipmentNotReceived(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	now := time.Now()
	seller := mustImportAs(t, ts, "owner@shop.test", shipmentsHeader+
		csvRow("DONE-1", "Delivered", now.Add(-30*time.Hour), "DE", "Max Weber")+
		csvRow("AIR-2", "[Shenzhen] Departed from departure country/region", now.Add(-30*time.Hour), "ES", "Ana García"))
	done, air := shipmentID(t, ts, seller, "DONE-1"), shipmentID(t, ts, seller, "AIR-2")
	page, action := fmt.Sprintf("/shipments/%d", done), fmt.Sprintf("/shipments/%d/not-received", done)
	exceptions := func(id int64) []domain.Exception {
		t.Helper()
		es, err := ts.store.ListShipmentExceptions(context.Background(), seller, id)
		if err != nil {
			t.Fatal(err)
		}
		return es
	}

	before := c.get(page)
	wantStatus(t, before, http.StatusOK)
	for _, want := range []string{`id="exceptions-none"`, `action="` + action + `"`, "Customer says it never arrived", "Tracking says delivered"} {
		if !strings.Contains(before.body, want) {
			t.Errorf("shipment page lacks %q", want)
		}
	}

	res := c.post(page, action, nil)
	wantStatus(t, res, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); loc != page {
		t.Errorf("redirect to %q, want %q", loc, page)
	}
	after := c.get(page)
	for _, want := range []string{"Not-received exception opened", `data-kind="not_received" data-state="open"`, "Not received", `id="not-received-open"`} {
		if !strings.Contains(after.body, want) {
			t.Errorf("after raising, shipment page lacks %q", want)
		}
	}
	if strings.Contains(after.body, `id="not-received-form"`) {
		t.Error("the button is still offered while the exception is open")
	}

	// Again (a second tab, a double click): still one, and the page says it is already open.
	wantStatus(t, c.post(page, action, nil), http.StatusSeeOther)
	if again := c.get(page); !strings.Contains(again.body, "already open") {
		t.Error("a second raise does not say the exception is already open")
	}
	if es := exceptions(done); len(es) != 1 || es[0].Kind != domain.KindNotReceived || es[0].State != domain.StateOpen {
		t.Errorf("exceptions after two raises: %+v", es)
	}
	home := c.get("/")
	if got := tag(home.body, "open-not_received"); !strings.Contains(got, ">1<") {
		t.Errorf("home page not-received count: %q", got)
	}

	// Without the CSRF token: refused, nothing opened.
	airAction := fmt.Sprintf("/shipments/%d/not-received", air)
	wantStatus(t, c.postRaw(airAction, url.Values{}), http.StatusForbidden)
	// Another seller: the same 404 as for an id that does not exist, nothing opened.
	b := ts.client(t)
	b.signup("Other shop", "owner@other.test")
	wantStatus(t, b.post("/", airAction, nil), http.StatusNotFound)
	wantStatus(t, b.post("/", "/shipments/999999999/not-received", nil), http.StatusNotFound)
	if es := exceptions(air); len(es) != 0 {
		t.Fatalf("refused posts opened exceptions: %+v", es)
	}

	// A parcel still on its way can be reported too; the help is worded for it.
	airPage := fmt.Sprintf("/shipments/%d", air)
	if p := c.get(airPage); !strings.Contains(p.body, "Mostly for parcels marked delivered") {
		t.Error("the button's help on an undelivered parcel")
	}
	wantStatus(t, c.post(airPage, airAction, nil), http.StatusSeeOther)
	if es := exceptions(air); len(es) != 1 {
		t.Errorf("AIR-2 exceptions: %+v", es)
	}
}
