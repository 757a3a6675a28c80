package handlers_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/handlers"
)

func TestExceptionsQueueCarrierAgeAndBulkBar(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	withExceptions(t, ts, c, "Shop", "owner@shop.test")
	for q, want := range map[string]string{
		"?carrier=cainiao":            "E-2,E-1,E-3",
		"?carrier=STANDARD+SHIPPING":  "E-2,E-1,E-3",
		"?carrier=dhl":                "",
		"?age=1":                      "",            // raised just now
		"?age=5":                      "E-2,E-1,E-3", // not a choice: ignored
		"?carrier=cainiao&country=DE": "E-2",
	} {
		res := c.get("/exceptions" + q)
		wantStatus(t, res, http.StatusOK)
		if got := strings.Join(queued(res.body), ","); got != want {
			t.Errorf("/exceptions%s lists %q, want %q", q, got, want)
		}
	}
	res := c.get("/exceptions?carrier=Cainiao&country=FR")
	for _, want := range []string{`name="carrier" value="Cainiao"`, `id="queue-bulk"`, `name="ids" value="`, `form="queue-bulk"`,
		`name="return" value="/exceptions?carrier=Cainiao&amp;country=FR"`,
		`href="/exceptions.csv?carrier=Cainiao&amp;country=FR" id="queue-csv"`, `id="queue-keys"`, `j / k to move`} {
		if !strings.Contains(res.body, want) {
			t.Errorf("queue page lacks %q", want)
		}
	}
	if res := c.get("/exceptions?age=7"); !strings.Contains(res.body, `<option value="7" selected>`) {
		t.Errorf("age filter not kept in the form")
	}
}

func TestExceptionsBulk(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	seller := withExceptions(t, ts, c, "Shop", "owner@shop.test")
	q := queueOf(t, ts, seller)
	e1, e2, e3 := q["E-1"], q["E-2"], q["E-3"]
	id := func(e domain.QueueRow) string { return fmt.Sprint(e.ID) }

	from := "/exceptions?country=FR"
	res := c.post(from, "/exceptions/bulk", url.Values{"ids": {id(e1), id(e3)}, "action": {"resolve"},
		"resolution": {"refunded"}, "return": {from}})
	wantStatus(t, res, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); loc != from {
		t.Errorf("redirect to %q, want %q", loc, from)
	}
	if page := c.get(from); !strings.Contains(page.body, "2 changed") {
		t.Errorf("no flash after bulk resolve")
	}
	q = queueOf(t, ts, seller)
	if q["E-1"].State != domain.StateResolved || q["E-3"].State != domain.StateResolved || q["E-2"].State != domain.StateOpen {
		t.Errorf("after bulk resolve: E-1 %s, E-2 %s, E-3 %s", q["E-1"].State, q["E-2"].State, q["E-3"].State)
	}

	// Snooze until a day: 09:00 that day in the seller's zone. E-1 is resolved and is skipped.
	day := time.Now().AddDate(0, 0, 3).Format("2006-01-02")
	res = c.post(from, "/exceptions/bulk", url.Values{"ids": {id(e1), id(e2)}, "action": {"snooze"}, "until": {day},
		"return": {"https://evil.test/exceptions"}})
	wantStatus(t, res, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); loc != "/exceptions" {
		t.Errorf("foreign return followed: %q", loc)
	}
	if page := c.get("/exceptions"); !strings.Contains(page.body, "1 changed, 1 skipped (A resolved exception can only be reopened)") {
		t.Errorf("no skip flash:\n%.3000s", page.body)
	}
	got := queueOf(t, ts, seller)["E-2"]
	if got.State != domain.StateWaiting || got.WaitingUntil == nil {
		t.Fatalf("E-2 after snooze: %+v", got)
	}
	loc, _ := time.LoadLocation(sellerTZ(t, ts, seller))
	if w := got.WaitingUntil.In(loc); w.Format("2006-01-02 15:04") != day+" 09:00" {
		t.Errorf("waiting until %v, want %s 09:00 in %s", w, day, loc)
	}

	// Assign, and a request the bar cannot do: nothing selected.
	res = c.post(from, "/exceptions/bulk", url.Values{"action": {"assign"}, "assignee": {"0"}, "return": {from}})
	wantStatus(t, res, http.StatusSeeOther)
	if page := c.get(from); !strings.Contains(page.body, "Select the exceptions to change") {
		t.Errorf("no error flash for an empty selection")
	}

	// Without the CSRF token the post is refused.
	wantStatus(t, c.postRaw("/exceptions/bulk", url.Values{"ids": {id(e2)}, "action": {"resolve"}, "resolution": {"refunded"}}), http.StatusForbidden)
	if cur := queueOf(t, ts, seller)["E-2"]; cur.State != domain.StateWaiting {
		t.Errorf("CSRF-less post changed E-2: %s", cur.State)
	}

	// Another seller's ids are not found, and stay as they are.
	b := ts.client(t)
	b.signup("Shop B", "owner@b.test")
	res = b.post("/exceptions", "/exceptions/bulk", url.Values{"ids": {id(e2)}, "action": {"resolve"}, "resolution": {"refunded"}, "return": {"/exceptions"}})
	wantStatus(t, res, http.StatusSeeOther)
	if page := b.get("/exceptions"); !strings.Contains(page.body, "0 changed, 1 skipped (not found)") {
		t.Errorf("no not-found flash for seller B")
	}
	if cur := queueOf(t, ts, seller)["E-2"]; cur.State != domain.StateWaiting || cur.Version != got.Version {
		t.Errorf("seller B changed A's exception: %+v", cur)
	}
}

// sellerTZ is the seller's time zone setting.
func sellerTZ(t *testing.T, ts *testServer, seller domain.SellerID) string {
	t.Helper()
	s, err := ts.store.FindSeller(context.Background(), seller)
	if err != nil {
		t.Fatal(err)
	}
	return s.Timezone
}

func TestExceptionsCSV(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	when := time.Now().In(time.FixedZone("CST", 8*3600)).AddDate(0, 0, -21).Format("2006-01-02 15:04")
	file := shipmentsHeader
	for _, r := range [][3]string{{"X-1", "FR", "=HYPERLINK(1)"}, {"X-2", "DE", "Jonas Weber"}, {"X-3", "FR", "Jean Martin"}} {
		file += fmt.Sprintf("%s,LP%s,Cainiao,AliExpress Standard Shipping,[Shenzhen] Export customs clearance started,%s,,%s,%s,,Lamp,9.00,EUR,,,\n",
			r[0], r[0], when, r[1], r[2])
	}
	seller := mustImportAs(t, ts, "owner@shop.test", file)
	if _, err := ts.store.Sweep(context.Background(), seller, time.Now()); err != nil {
		t.Fatal(err)
	}

	res := c.get("/exceptions.csv?country=FR&after_sev=0&after_id=1")
	wantStatus(t, res, http.StatusOK)
	if cd := res.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") {
		t.Errorf("Content-Disposition %q", cd)
	}
	rows, err := csv.NewReader(strings.NewReader(res.body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"exception id", "kind", "state", "severity", "order ref", "tracking number", "customer", "email",
		"destination", "carrier", "service", "stage", "in stage since", "value", "currency", "assignee", "opened", "kinds"}
	if len(rows) == 0 || !slices.Equal(rows[0], wantHeader) {
		t.Fatalf("header %v", rows)
	}
	var refs []string
	customers := map[string]string{}
	for _, r := range rows[1:] {
		refs = append(refs, r[4])
		customers[r[4]] = r[6]
		if r[1] != "stalled" || r[2] != "open" || r[8] != "FR" || r[9] != "Cainiao" || r[13] != "9.00" || r[14] != "EUR" {
			t.Errorf("row %v", r)
		}
	}
	slices.Sort(refs)
	if !slices.Equal(refs, []string{"X-1", "X-3"}) {
		t.Errorf("export holds %v, want X-1 and X-3 (the filter, every page)", refs)
	}
	if customers["X-1"] != "'=HYPERLINK(1)" {
		t.Errorf("formula cell %q, want it neutralised", customers["X-1"])
	}

	// Another seller's export holds only the header.
	b := ts.client(t)
	b.signup("Shop B", "owner@b.test")
	res = b.get("/exceptions.csv?state=all")
	wantStatus(t, res, http.StatusOK)
	if strings.Contains(res.body, "X-1") || strings.Count(res.body, "\n") != 1 {
		t.Errorf("seller B's export:\n%s", res.body)
	}
	// Signed out, no export.
	wantStatus(t, ts.client(t).get("/exceptions.csv"), http.StatusSeeOther)
}

// TestEveryWaitWakesAtNine: a single "wait" and "snooze & next" wake the exception at the start of
// the working day chosen (domain.WakeAt) in the seller's zone, like bulk snooze above. A handler
// that stored the bare date (midnight, as "wait" once did) fails here.
func TestEveryWaitWakesAtNine(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	seller := withExceptions(t, ts, c, "Shop", "owner@shop.test")
	q := queueOf(t, ts, seller)
	e1, e3 := q["E-1"], q["E-3"]
	loc, err := time.LoadLocation(sellerTZ(t, ts, seller))
	if err != nil {
		t.Fatal(err)
	}
	day := time.Now().In(loc).AddDate(0, 0, 3).Format("2006-01-02")

	path := fmt.Sprintf("/exceptions/%d", e1.ID)
	res := c.post(path, path, url.Values{"action": {"wait"}, "version": {fmt.Sprint(e1.Version)}, "waiting_until": {day}})
	wantStatus(t, res, http.StatusSeeOther)
	path = fmt.Sprintf("/exceptions/%d", e3.ID)
	res = c.post(path, path+"/next", url.Values{"action": {"snooze"}, "until": {day}, "seen": {fmt.Sprintf("%d:%d", e3.ID, e3.Version)}})
	wantStatus(t, res, http.StatusSeeOther)

	q = queueOf(t, ts, seller)
	for _, ref := range []string{"E-1", "E-3"} {
		got := q[ref]
		if got.State != domain.StateWaiting || got.WaitingUntil == nil {
			t.Fatalf("%s after waiting: %+v", ref, got)
		}
		if w := got.WaitingUntil.In(loc); w.Format("2006-01-02 15:04") != day+" 09:00" {
			t.Errorf("%s waiting until %v, want %s 09:00 in %s", ref, w, day, loc)
		}
	}
}
