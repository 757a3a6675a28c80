package handlers_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/handlers"
)

// shipmentsHeader names the canonical columns, so the automatic mapping takes every one.
const shipmentsHeader = "order_ref,tracking_number,carrier,service,status,status_at,location,destination_country," +
	"customer_name,customer_email,product,order_value,currency,order_date,promised_by,protection_ends_at\n"

// mustImportAs imports a CSV as the seller of a signed-up owner, through the domain as `portal
// import` does, and returns the seller.
func mustImportAs(t *testing.T, ts *testServer, email, csv string) domain.SellerID {
	t.Helper()
	ctx := context.Background()
	u, err := ts.store.Authenticate(ctx, email, "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	p, err := domain.DetectSettings(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	im, err := ts.store.CreateImport(ctx, u.SellerID, domain.NewImport{Source: "cli", Filename: "orders.csv", Size: int64(len(csv))})
	if err != nil {
		t.Fatal(err)
	}
	im, err = ts.store.RunImport(ctx, u.SellerID, im.ID, strings.NewReader(csv), domain.ImportSettings{
		Dialect: p.Dialect, Mapping: p.Mapping, DateOrder: p.DateOrder, Location: time.FixedZone("CST", 8*3600),
	})
	if err != nil || im.Status != domain.ImportDone || im.RowsRejected != 0 {
		t.Fatalf("import: %v, %+v", err, im)
	}
	return u.SellerID
}

// shipmentID finds a shipment's id by its order reference.
func shipmentID(t *testing.T, ts *testServer, seller domain.SellerID, ref string) int64 {
	t.Helper()
	page, err := ts.store.ListShipments(context.Background(), seller, domain.ShipmentFilter{Query: ref})
	if err != nil {
		t.Fatal(err)
	}
	for _, sh := range page.Shipments {
		if sh.OrderRef == ref {
			return sh.ID
		}
	}
	t.Fatalf("no shipment %s", ref)
	return 0
}

var orderRefLink = regexp.MustCompile(`<a href="/shipments/\d+" class="order-ref">([^<]+)</a>`)

// listed returns the order references of the rows of a shipments page, in order.
func listed(body string) []string {
	var refs []string
	for _, m := range orderRefLink.FindAllStringSubmatch(body, -1) {
		refs = append(refs, html.UnescapeString(m[1]))
	}
	return refs
}

var nextPageLink = regexp.MustCompile(`href="([^"]+)" id="next-page"`)

// threeOrders: A-1 reached customs clearance and was handed to a local carrier whose number
// appears only in the event text; B-2 is an economy parcel that arrived; C-3 is delivered.
const threeOrders = shipmentsHeader +
	"A-1,LP00123456789012,Cainiao,AliExpress Standard Shipping,[Shenzhen] Accepted by carrier,2026-11-01 10:00,,ES,Ana García,ana@example.es,Lamp,12.50,EUR,2026-10-30,,\n" +
	"A-1,LP00123456789012,Cainiao,AliExpress Standard Shipping,[Shenzhen] Hand over to airline,2026-11-02 08:00,,ES,Ana García,ana@example.es,Lamp,12.50,EUR,2026-10-30,,\n" +
	"A-1,LP00123456789012,Cainiao,AliExpress Standard Shipping,Received by local delivery company with tracking PQ4A2B000123456,2026-11-09 09:00,Madrid,ES,Ana García,ana@example.es,Lamp,12.50,EUR,2026-10-30,,\n" +
	"B-2,LP00999999999999,Cainiao,Cainiao Super Economy Global,Arrived at destination country/region,2026-11-05 12:00,Warszawa,PL,Zofia Nowak,zofia@example.pl,Mug,9.99,PLN,2026-10-28,,\n" +
	"C-3,LP00555555555555,Cainiao,AliExpress Standard Shipping,Delivered,2026-11-07 15:00,Lyon,FR,Jean Martin,jean@example.fr,Vase,30.00,EUR,2026-10-20,,\n"

func TestShipmentsListSearchAndFilter(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")

	// A new shop is told how to get shipments in, not that its search found nothing.
	empty := c.get("/shipments")
	wantStatus(t, empty, http.StatusOK)
	if !strings.Contains(empty.body, `id="shipments-empty"`) || !strings.Contains(empty.body, `href="/imports"`) {
		t.Errorf("empty list lacks the import call to action:\n%.1500s", empty.body)
	}

	mustImportAs(t, ts, "owner@shop.test", threeOrders)
	for _, tc := range []struct {
		name, query string
		want        []string
	}{
		{"all, newest first", "", []string{"C-3", "B-2", "A-1"}},
		{"order ref", "?q=A-1", []string{"A-1"}},
		{"order ref prefix", "?q=C-", []string{"C-3"}},
		{"number only in an event text", "?q=PQ4A2B000123456", []string{"A-1"}},
		{"first-mile number", "?q=LP00999999999999", []string{"B-2"}},
		{"customer name", "?q=zofia", []string{"B-2"}},
		{"customer email", "?q=jean%40example", []string{"C-3"}},
		{"stage", "?stage=delivered", []string{"C-3"}},
		{"stage by number", "?stage=7", []string{"B-2"}},
		{"text and stage", "?q=A-1&stage=delivered", nil},
		{"unknown stage means any", "?stage=flying", []string{"C-3", "B-2", "A-1"}},
		{"bad cursor means the first page", "?before=abc", []string{"C-3", "B-2", "A-1"}},
	} {
		res := c.get("/shipments" + tc.query)
		wantStatus(t, res, http.StatusOK)
		if got := listed(res.body); !slices.Equal(got, tc.want) {
			t.Errorf("%s (%s): listed %v, want %v", tc.name, tc.query, got, tc.want)
		}
	}

	all := c.get("/shipments")
	for _, want := range []string{
		"Ana García", "ES", "AliExpress Standard Shipping", "Clearing Customs (Export)", // an option of the stage filter

		`data-stage="customs_cleared"`, `data-stage="delivered"`, "Received by local delivery company with tracking PQ4A2B000123456",
		`class="badge stage-badge stage-delivered"`, "9 Nov 2026 09:00", // the seller's zone: China time
	} {
		if !strings.Contains(all.body, want) {
			t.Errorf("list lacks %q", want)
		}
	}
	if strings.Contains(all.body, `id="next-page"`) {
		t.Error("a list shorter than a page offers a next page")
	}

	none := c.get("/shipments?q=no-such-order")
	if !strings.Contains(none.body, `id="shipments-no-match"`) || strings.Contains(none.body, `id="shipments-empty"`) {
		t.Errorf("a search without results should say nothing matches:\n%.1500s", none.body)
	}
	if !strings.Contains(none.body, `value="no-such-order"`) {
		t.Error("the search box lost the query")
	}
	stage := c.get("/shipments?stage=import_customs")
	if !strings.Contains(stage.body, `<option value="import_customs" selected>`) {
		t.Error("the stage filter does not show the chosen stage")
	}
}

func TestShipmentsNextPage(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	var csv strings.Builder
	csv.WriteString(shipmentsHeader)
	const n = 57
	for i := range n {
		fmt.Fprintf(&csv, "N-%03d,,,AliExpress Standard Shipping,[Shenzhen] Departed from departure country/region,2026-11-04 02:00,,ES,,,,,,,,\n", i)
	}
	fmt.Fprintf(&csv, "X-1,,,AliExpress Standard Shipping,Delivered,2026-11-04 02:00,,ES,,,,,,,,\n") // filtered out
	mustImportAs(t, ts, "owner@shop.test", csv.String())

	first := c.get("/shipments?q=N-&stage=departed_origin")
	wantStatus(t, first, http.StatusOK)
	page1 := listed(first.body)
	m := nextPageLink.FindStringSubmatch(first.body)
	if len(page1) != 50 || m == nil {
		t.Fatalf("first page: %d rows, next link %v", len(page1), m)
	}
	next := html.UnescapeString(m[1])
	for _, want := range []string{"q=N-", "stage=departed_origin", "before="} {
		if !strings.Contains(next, want) {
			t.Errorf("next page link %q lacks %q: the filter must stay in the URL", next, want)
		}
	}
	second := c.get(next)
	wantStatus(t, second, http.StatusOK)
	page2 := listed(second.body)
	if len(page2) != n-50 || strings.Contains(second.body, `id="next-page"`) {
		t.Fatalf("second page: %d rows %v, next link present: %v", len(page2), page2, strings.Contains(second.body, `id="next-page"`))
	}
	if !strings.Contains(second.body, `id="first-page"`) {
		t.Error("a later page has no way back to the first")
	}
	seen := map[string]bool{}
	for _, ref := range append(page1, page2...) {
		if seen[ref] || !strings.HasPrefix(ref, "N-") {
			t.Errorf("%s listed twice or outside the filter", ref)
		}
		seen[ref] = true
	}
	if len(seen) != n {
		t.Errorf("%d shipments over two pages, want %d", len(seen), n)
	}
}

func TestShipmentDetail(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	// Cainiao's "Import clearance start" comes 3 hours after export customs started and 17 hours
	// before the parcel leaves China: a pre-advice.
	const facts = "ES,Ana García,ana@example.es,Brass desk lamp,12.50,EUR,2026-10-30,2026-11-30,2026-12-15\n"
	seller := mustImportAs(t, ts, "owner@shop.test", shipmentsHeader+
		"P-1,LP00123456789012,Cainiao,Cainiao Super Economy Global,[Shenzhen] Export customs clearance started,2026-11-03 08:00,Shenzhen,"+facts+
		"P-1,LP00123456789012,Cainiao,Cainiao Super Economy Global,Import clearance start,2026-11-03 11:00,Madrid,"+facts+
		"P-1,LP00123456789012,Cainiao,Cainiao Super Economy Global,[Shenzhen] Departed from departure country/region,2026-11-04 04:00,,"+facts+
		"P-1,LP00123456789012,Cainiao,Cainiao Super Economy Global,Received by local delivery company with tracking PQ4A2B000123456,,,"+facts+
		"P-1,LP00123456789012,Cainiao,Cainiao Super Economy Global,Parcel greeted by the warehouse cat,2026-11-04 09:00,,"+facts+
		"Q-2,,,AliExpress Standard Shipping,Delivered,2026-11-07 15:00,Lyon,FR,,,,,,,,\n")
	id := shipmentID(t, ts, seller, "P-1")

	res := c.get(fmt.Sprintf("/shipments/%d", id))
	wantStatus(t, res, http.StatusOK)
	body := res.body
	for _, want := range []string{
		`<h1 id="shipment-ref">P-1</h1>`,
		"Ana García", "ana@example.es", "Brass desk lamp", "12.50 EUR", "Cainiao · Cainiao Super Economy Global",
		"30 Oct 2026", "30 Nov 2026", "15 Dec 2026",
		// Every number it has been known by, with where it came from.
		"<code>LP00123456789012</code> <span class=\"muted\">First mile</span>",
		"<code>PQ4A2B000123456</code> <span class=\"muted\">Found in event text</span>",
		// The economy service stops tracking at the border.
		`id="untracked-note"`, "Economy service: tracking normally stops after arrival in the destination country",
		// A text no rule knows links to where it is mapped; an event without a time says so.
		`<a href="/settings/statuses" class="unmapped"`, "no time given",
		// Each stage says, on hover, which words meant what.
		`title="export = EXPORT, customs clearance = CUSTOMS, started = START; EXPORT ... CUSTOMS ... {COMPLETE|RELEASE|START|PROGRESS|PROCESS} → 5 Clearing Customs (Export)"`,
		`title="Cainiao announces import clearance before the flight; this event does not count toward the shipment&#39;s stage."`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("shipment page lacks %q", want)
		}
	}
	// The undated hand-over to the local carrier still counts for the stage (customs cleared);
	// only the pre-advice is set aside.
	head := body[strings.Index(body, `id="shipment-ref"`):strings.Index(body, `id="stage-summary"`)]
	if !strings.Contains(head, `data-stage="customs_cleared"`) {
		t.Errorf("page head stage: %s", head)
	}
	// Events oldest first, undated last.
	order := []string{"Export customs clearance started", "Import clearance start", "Departed from departure country/region",
		"Parcel greeted by the warehouse cat", "Received by local delivery company"}
	timeline := body[strings.Index(body, `id="events"`):]
	last := -1
	for _, s := range order {
		i := strings.Index(timeline, s)
		if i < 0 || i < last {
			t.Errorf("event %q out of order (at %d, previous at %d)", s, i, last)
		}
		last = i
	}
	rows := regexp.MustCompile(`(?s)<tr class="preadvice">.*?</tr>`).FindAllString(body, -1)
	if len(rows) != 1 || !strings.Contains(rows[0], "Import clearance start") || !strings.Contains(rows[0], "badge-preadvice") {
		t.Errorf("pre-advice rows: %q", rows)
	}

	// The stage timeline sits above the events: eleven steps, the current one marked. The
	// pre-advice does not reach import customs (skipped, like arrival, which no event reported),
	// and the economy service's clock has stopped from arrival on.
	if i, j := strings.Index(body, `id="stage-timeline"`), strings.Index(body, `id="events"`); i < 0 || i > j {
		t.Errorf("stage timeline at %d, events at %d: want the timeline above the events", i, j)
	}
	if got, want := len(timelineStepRE.FindAllString(body, -1)), 11; got != want {
		t.Errorf("timeline has %d steps, want %d", got, want)
	}
	for _, tc := range []struct {
		stage   string
		want    []string
		notWant []string
	}{
		{"export_customs", []string{"tl-done", "Export customs", "20h", "of 4d"}, []string{`aria-current`, "over"}},
		{"arrived_destination", []string{"tl-skipped", ">skipped<"}, nil},
		{"import_customs", []string{"tl-skipped", ">skipped<"}, nil},
		{"customs_cleared", []string{"tl-current", `aria-current="step"`, ">now<", "clock stopped"}, []string{"over", "of 7d"}},
		{"out_for_delivery", []string{"tl-future", "clock stopped"}, []string{"aria-current"}},
	} {
		step := timelineStep(body, tc.stage)
		for _, w := range tc.want {
			if !strings.Contains(step, w) {
				t.Errorf("timeline step %s lacks %q:\n%s", tc.stage, w, step)
			}
		}
		for _, w := range tc.notWant {
			if strings.Contains(step, w) {
				t.Errorf("timeline step %s has %q:\n%s", tc.stage, w, step)
			}
		}
	}
	if n := strings.Count(body, `aria-current="step"`); n != 1 {
		t.Errorf("%d steps marked current, want 1", n)
	}

	// A tracked service has no economy note.
	q2 := c.get(fmt.Sprintf("/shipments/%d", shipmentID(t, ts, seller, "Q-2")))
	wantStatus(t, q2, http.StatusOK)
	if strings.Contains(q2.body, `id="untracked-note"`) || strings.Contains(q2.body, `class="badge badge-preadvice"`) {
		t.Error("Q-2 shows a note or marker that belongs to P-1")
	}
	// Delivered is where Q-2 is, and the end: no time, no limit.
	if step := timelineStep(q2.body, "delivered"); !strings.Contains(step, `aria-current="step"`) ||
		!strings.Contains(step, ">delivered<") || strings.Contains(step, "tl-time") {
		t.Errorf("Q-2's delivered step:\n%s", step)
	}

	// A parcel in export customs since January is stalled: the step says "over" and by how much,
	// and the peak periods since (Chinese New Year and on) are set aside as paused.
	mustImportAs(t, ts, "owner@shop.test", shipmentsHeader+
		"R-3,,,AliExpress Standard Shipping,[Shenzhen] Export customs clearance started,2026-01-05 08:00,Shenzhen,ES,,,,,,,,\n")
	r3 := c.get(fmt.Sprintf("/shipments/%d", shipmentID(t, ts, seller, "R-3")))
	wantStatus(t, r3, http.StatusOK)
	step := timelineStep(r3.body, "export_customs")
	for _, w := range []string{`aria-current="step"`, "tl-over", ">over<", "over by ", "of 4d", "d paused<"} {
		if !strings.Contains(step, w) {
			t.Errorf("stalled step lacks %q:\n%s", w, step)
		}
	}
	if !strings.Contains(r3.body, "1 stage over its limit") {
		t.Error("the timeline summary does not count the stalled stage")
	}
}

var timelineStepRE = regexp.MustCompile(`(?s)<li class="tl-step [^"]*" data-stage="[a-z_]+".*?</li>`)

// timelineStep returns the HTML of one step of the stage timeline.
func timelineStep(body, stage string) string {
	for _, li := range timelineStepRE.FindAllString(body, -1) {
		if strings.Contains(li, `data-stage="`+stage+`"`) {
			return li
		}
	}
	return ""
}

// TestShipmentsSearchIsScopedBySeller: another seller's search finds none of the first seller's
// shipments, by order reference, tracking number or customer. (Every route with the first
// seller's ids: TestEveryRouteIsolatesSellers.)
func TestShipmentsSearchIsScopedBySeller(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	a := ts.client(t)
	a.signup("Shop A", "owner@a.test")
	mustImportAs(t, ts, "owner@a.test", threeOrders)

	b := ts.client(t)
	b.signup("Shop B", "owner@b.test")
	for _, q := range []string{"", "?q=A-1", "?q=PQ4A2B000123456", "?q=ana", "?stage=delivered"} {
		res := b.get("/shipments" + q)
		wantStatus(t, res, http.StatusOK)
		if got := listed(res.body); len(got) != 0 || strings.Contains(res.body, "Ana García") {
			t.Errorf("seller B's /shipments%s lists %v", q, got)
		}
		if got := listed(a.get("/shipments" + q).body); len(got) == 0 {
			t.Errorf("control: seller A's /shipments%s lists nothing", q)
		}
	}
}

// TestOddTrackingNumberKeepsTheOrder: an upload whose tracking column says "pending" for an
// order imports the order anyway: the result reports the row as a warning with its line, the
// shipments list counts and lists the orders with no usable tracking number, and the shipment's
// page shows the value it was given.
func TestOddTrackingNumberKeepsTheOrder(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	when := time.Now().In(time.FixedZone("CST", 8*3600)).AddDate(0, 0, -1).Format("2006-01-02 15:04")
	res := c.upload("orders.csv", shipmentsHeader+
		"ODD-1,pending,Cainiao,,Processing,"+when+",,DE,,,,,,,,\n"+
		"ODD-2,LP00123456789012,Cainiao,,[Shenzhen] Accepted by carrier,"+when+",,DE,,,,,,,,\n")
	wantStatus(t, res, http.StatusSeeOther)
	path := res.Header.Get("Location")
	wantStatus(t, c.confirm(path, nil), http.StatusSeeOther)
	done := c.waitDone(path)
	for _, want := range []string{"rows with a warning", `id="import-warnings"`, "line 2:",
		"tracking_number: &#34;pending&#34; is not a tracking number; the order was imported without it"} {
		if !strings.Contains(done.body, want) {
			t.Errorf("import result lacks %q:\n%s", want, done.body[strings.Index(done.body, "<main"):])
		}
	}
	if strings.Contains(done.body, `id="rejected-download"`) {
		t.Error("the row with the odd tracking value was rejected")
	}

	list := c.get("/shipments")
	if !strings.Contains(list.body, `href="/shipments?tracking=none">1 order with no usable tracking number</a>`) {
		t.Errorf("the shipments list does not count the order without a usable number:\n%s", list.body[strings.Index(list.body, "<main"):])
	}
	none := c.get("/shipments?tracking=none")
	if !strings.Contains(none.body, "ODD-1") || strings.Contains(none.body, "ODD-2") {
		t.Errorf("the orders with no usable tracking number: ODD-1 listed %v, ODD-2 listed %v",
			strings.Contains(none.body, "ODD-1"), strings.Contains(none.body, "ODD-2"))
	}
	page := c.get(fmt.Sprintf("/shipments/%d", shipmentID(t, ts, mustSellerOf(t, ts, "owner@shop.test"), "ODD-1")))
	wantStatus(t, page, http.StatusOK)
	if !strings.Contains(page.body, `id="unrecognised-tracking"`) || !strings.Contains(page.body, "<code>pending</code>") {
		t.Errorf("the shipment page does not show the value set aside:\n%s", page.body[strings.Index(page.body, "<main"):])
	}
}

// mustSellerOf is the seller of a signed-up member.
func mustSellerOf(t *testing.T, ts *testServer, email string) domain.SellerID {
	t.Helper()
	u, err := ts.store.Authenticate(context.Background(), email, "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	return u.SellerID
}

// TestServerClock: the pages are drawn at the server's clock (Config.Clock), so a test moves time
// by moving it: B-2 entered its stage on 5 Nov at 12:00 China time (04:00 UTC).
func TestServerClock(t *testing.T) {
	t.Parallel()
	var now atomic.Int64
	now.Store(time.Date(2026, 11, 8, 6, 30, 0, 0, time.UTC).UnixNano())
	ts := newTestServer(t, handlers.Config{Clock: func() time.Time { return time.Unix(0, now.Load()) }})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	mustImportAs(t, ts, "owner@shop.test", threeOrders)
	for _, want := range []string{"3d 2h", "4d 2h"} {
		res := c.get("/shipments?q=B-2")
		wantStatus(t, res, http.StatusOK)
		if !strings.Contains(res.body, want+"</td>") {
			t.Errorf("at %v: B-2 is not %s in its stage:\n%.3000s", time.Unix(0, now.Load()).UTC(), want, res.body)
		}
		now.Add(int64(24 * time.Hour))
	}
}
