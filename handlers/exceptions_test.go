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

// stalledOrders are parcels stuck in export customs for three weeks, well past the 4-day limit,
// so a sweep now raises a stalled exception for each.
func stalledOrders() string {
	when := time.Now().In(time.FixedZone("CST", 8*3600)).AddDate(0, 0, -21).Format("2006-01-02 15:04")
	row := func(ref, tracking, country, customer, value string) string {
		return fmt.Sprintf("%s,%s,Cainiao,AliExpress Standard Shipping,[Shenzhen] Export customs clearance started,%s,,%s,%s,,Lamp,%s,EUR,,,\n",
			ref, tracking, when, country, customer, value)
	}
	return shipmentsHeader + row("E-1", "LP00000000000001", "FR", "Ana García", "12.50") +
		row("E-2", "LP00000000000002", "DE", "Jonas Weber", "80.00") + row("E-3", "LP00000000000003", "FR", "Jean Martin", "5.00")
}

// queueOf returns a seller's exceptions by order reference.
func queueOf(t *testing.T, ts *testServer, seller domain.SellerID) map[string]domain.QueueRow {
	t.Helper()
	p, err := ts.store.ListQueue(context.Background(), seller, domain.QueueFilter{State: domain.QueueAll})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]domain.QueueRow{}
	for _, r := range p.Rows {
		out[r.OrderRef] = r
	}
	return out
}

// withExceptions signs up a shop, imports stalledOrders and sweeps, returning the seller.
func withExceptions(t *testing.T, ts *testServer, c *client, shop, email string) domain.SellerID {
	t.Helper()
	c.signup(shop, email)
	seller := mustImportAs(t, ts, email, stalledOrders())
	if _, err := ts.store.Sweep(context.Background(), seller, time.Now()); err != nil {
		t.Fatal(err)
	}
	return seller
}

var exceptionLink = regexp.MustCompile(`<a href="/exceptions/(\d+)(?:\?[^"]*)?" class="order-ref exception-link">([^<]+)</a>`)

// queued returns the order references the queue page lists, in order.
func queued(body string) []string {
	var refs []string
	for _, m := range exceptionLink.FindAllStringSubmatch(body, -1) {
		refs = append(refs, m[2])
	}
	return refs
}

func TestExceptionsQueuePage(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	withExceptions(t, ts, c, "Shop", "owner@shop.test")

	res := c.get("/exceptions")
	wantStatus(t, res, http.StatusOK)
	// The costliest order first among parcels stalled equally long.
	if got := strings.Join(queued(res.body), ","); got != "E-2,E-1,E-3" {
		t.Errorf("queue lists %s, want E-2,E-1,E-3\n%.2000s", got, res.body)
	}
	for _, want := range []string{`href="/exceptions" aria-current="page"`, `id="tab-stalled"`, `Stalled <span class="badge">3</span>`, `80.00 EUR`} {
		if !strings.Contains(res.body, want) {
			t.Errorf("queue page lacks %q", want)
		}
	}
	for q, want := range map[string]string{
		"?country=de":               "E-2",
		"?q=Martin":                 "E-3",
		"?kind=late":                "",
		"?state=resolved":           "",
		"?assignee=none&country=FR": "E-1,E-3",
		"?stage=export_customs":     "E-2,E-1,E-3",
	} {
		res := c.get("/exceptions" + q)
		wantStatus(t, res, http.StatusOK)
		if got := strings.Join(queued(res.body), ","); got != want {
			t.Errorf("/exceptions%s lists %q, want %q", q, got, want)
		}
	}
	if res := c.get("/exceptions?kind=late"); !strings.Contains(res.body, `id="queue-empty"`) {
		t.Errorf("no empty state for a filter without rows")
	}
	// The filter stays in the form.
	if res := c.get("/exceptions?country=DE&state=all"); !strings.Contains(res.body, `name="country" value="DE"`) ||
		!strings.Contains(res.body, `<option value="all" selected>`) {
		t.Errorf("filter values not kept in the form")
	}
}

func TestExceptionsQueueNextPage(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	var csv strings.Builder
	csv.WriteString(shipmentsHeader)
	when := time.Now().In(time.FixedZone("CST", 8*3600)).AddDate(0, 0, -21).Format("2006-01-02 15:04")
	for i := 0; i < 53; i++ {
		fmt.Fprintf(&csv, "P-%02d,,Cainiao,AliExpress Standard Shipping,[Shenzhen] Export customs clearance started,%s,,FR,,,,%d.00,EUR,,,\n", i, when, i%7)
	}
	seller := mustImportAs(t, ts, "owner@shop.test", csv.String())
	if _, err := ts.store.Sweep(context.Background(), seller, time.Now()); err != nil {
		t.Fatal(err)
	}
	first := c.get("/exceptions?country=FR")
	m := nextPageLink.FindStringSubmatch(first.body)
	if m == nil {
		t.Fatalf("no next page link")
	}
	next := strings.ReplaceAll(m[1], "&amp;", "&")
	if !strings.Contains(next, "after_sev=") || !strings.Contains(next, "after_id=") || !strings.Contains(next, "country=FR") {
		t.Errorf("next link %q lacks the cursor or the filter", next)
	}
	second := c.get(next)
	wantStatus(t, second, http.StatusOK)
	seen := map[string]bool{}
	for _, ref := range append(queued(first.body), queued(second.body)...) {
		if seen[ref] {
			t.Errorf("%s on both pages", ref)
		}
		seen[ref] = true
	}
	if len(seen) != 53 || nextPageLink.MatchString(second.body) {
		t.Errorf("two pages hold %d exceptions, want all 53 and no third page", len(seen))
	}
}

func TestExceptionWorkflowPages(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	seller := withExceptions(t, ts, c, "Shop", "owner@shop.test")
	e := queueOf(t, ts, seller)["E-1"]
	path := fmt.Sprintf("/exceptions/%d", e.ID)

	page := c.get(path)
	wantStatus(t, page, http.StatusOK)
	for _, want := range []string{"Stalled · E-1", `name="version" value="1"`, `id="action-investigate"`, `id="action-wait"`,
		`id="action-resolve"`, `id="action-assign"`, `id="action-note"`, "Raised by the sweep.", "the desk", `class="stage-timeline`} {
		if !strings.Contains(page.body, want) {
			t.Errorf("exception page lacks %q", want)
		}
	}
	if strings.Contains(page.body, `id="action-reopen"`) {
		t.Errorf("an open exception offers to reopen")
	}

	res := c.post(path, path, url.Values{"action": {"investigate"}, "version": {"1"}})
	wantStatus(t, res, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); loc != path {
		t.Errorf("redirect to %q, want %q", loc, path)
	}
	page = c.get(path)
	for _, want := range []string{"Investigating", "state open → investigating", "assigned to owner@shop.test", `name="version" value="2"`} {
		if !strings.Contains(page.body, want) {
			t.Errorf("after investigate, page lacks %q", want)
		}
	}

	// A date in the past is refused with the message, and nothing changes.
	res = c.post(path, path, url.Values{"action": {"wait"}, "version": {"2"}, "waiting_until": {"2020-01-01"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	if !strings.Contains(res.body, "Choose a date in the future to wait until") {
		t.Errorf("422 page lacks the message")
	}
	res = c.post(path, path, url.Values{"action": {"resolve"}, "version": {"2"}, "resolution": {""}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	if !strings.Contains(res.body, "Choose how it was resolved") {
		t.Errorf("422 page lacks the resolution message")
	}

	// A member who loaded the page at version 1 gets the conflict, the exception as it is now,
	// and their note back.
	res = c.post(path, path, url.Values{"action": {"note"}, "version": {"1"}, "note": {"Called the carrier"}})
	wantStatus(t, res, http.StatusConflict)
	for _, want := range []string{`id="conflict"`, "Someone else changed this exception", `name="version" value="2"`, ">Called the carrier</textarea>"} {
		if !strings.Contains(res.body, want) {
			t.Errorf("409 page lacks %q", want)
		}
	}
	if cur := queueOf(t, ts, seller)["E-1"]; cur.Version != 2 || cur.State != domain.StateInvestigating {
		t.Errorf("after the refused changes: %+v", cur)
	}

	// Without the CSRF token the post is refused.
	wantStatus(t, c.postRaw(path, url.Values{"action": {"investigate"}, "version": {"2"}}), http.StatusForbidden)

	res = c.post(path, path, url.Values{"action": {"resolve"}, "version": {"2"}, "resolution": {"refunded"}})
	wantStatus(t, res, http.StatusSeeOther)
	page = c.get(path)
	if !strings.Contains(page.body, "Resolved: refunded") || !strings.Contains(page.body, `id="action-reopen"`) ||
		strings.Contains(page.body, `id="action-resolve"`) {
		t.Errorf("resolved page: wrong state or actions")
	}
}
