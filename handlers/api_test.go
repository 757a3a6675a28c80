package handlers_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/handlers"
)

// apiCall sends a JSON API request with a bearer token ("" for none) through c, so that the
// client's cookies (a session) go along when it has them.
func (c *client) apiCall(method, path, token, body string) response {
	c.t.Helper()
	req, _ := http.NewRequest(method, c.base+path, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return c.do(req)
}

// apiError decodes an API error body; it fails the test when the body is not one.
func apiError(t *testing.T, what string, res response) handlers.APIError {
	t.Helper()
	var e handlers.APIError
	if !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") || json.Unmarshal([]byte(res.body), &e) != nil || e.Code == "" || e.Message == "" {
		t.Errorf("%s: not a JSON error (%s): %.300s", what, res.Header.Get("Content-Type"), res.body)
	}
	return e
}

// apiRoute is one route of the JSON API with its parameters filled.
type apiRoute struct{ method, path, url string }

// apiWalk returns every route of the table under /api/ that needs a token, with its parameters
// taken from params; a route it cannot fill fails the test.
func (ts *testServer) apiWalk(t *testing.T, params map[string]string) []apiRoute {
	t.Helper()
	var out []apiRoute
	for _, er := range ts.routes {
		r := route{method: er.Method, path: er.Path}
		if !strings.HasPrefix(r.path, "/api/") || r.public() {
			continue
		}
		u, missing, _ := fill(r.path, params)
		if missing != "" {
			t.Errorf("route %s has no fixture for %s", r, missing)
			continue
		}
		out = append(out, apiRoute{r.method, r.path, u})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].method+out[i].path < out[j].method+out[j].path })
	if len(out) < 4 {
		t.Fatalf("only %d API routes: is the table read at all?", len(out))
	}
	return out
}

// apiProbe is a body every API write accepts from a good token: an order's facts for PUT, one
// event for POST.
func apiProbe(method string) string {
	switch method {
	case http.MethodPut:
		return `{"customer_name":"Probe"}`
	case http.MethodPost:
		return `{"events":[{"order_ref":"PROBE-1","status":"Delivered","status_at":"2026-11-09T09:30:00Z"}]}`
	}
	return ""
}

// TestEveryAPIRouteNeedsToken walks every token route of the API: without a token, with a
// malformed, unknown or revoked one, with another scheme, and with a signed-in member's session
// but no token, each answers 401 JSON with WWW-Authenticate and changes nothing. A control shows
// that A's live token opens each route.
func TestEveryAPIRouteNeedsToken(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	a := newSellerA(t, ts)
	ctx := context.Background()
	owner, err := ts.store.Authenticate(ctx, "owner@quenby-alpha.test", "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	revoked, revokedSecret, err := ts.store.CreateAPIToken(ctx, a.id, owner, "Revoked")
	if err != nil {
		t.Fatal(err)
	}
	if err := ts.store.RevokeAPIToken(ctx, a.id, owner, revoked.ID); err != nil {
		t.Fatal(err)
	}
	anon := ts.client(t)
	routes := ts.apiWalk(t, a.params)
	before := fingerprint(t, ts.db, "sessions")
	for _, r := range routes {
		for _, tc := range []struct {
			name string
			c    *client
			auth string
		}{
			{"no token", anon, ""},
			{"no token, signed in", a.owner, ""},
			{"empty bearer", anon, "Bearer "},
			{"unknown token", anon, "Bearer pd_" + strings.Repeat("x", 43)},
			{"not a token", anon, "Bearer " + strings.Repeat("x", 46)},
			{"revoked token", anon, "Bearer " + revokedSecret},
			{"basic scheme", anon, "Basic " + a.apiToken},
		} {
			req, _ := http.NewRequest(r.method, ts.URL+r.url, strings.NewReader(apiProbe(r.method)))
			req.Header.Set("Content-Type", "application/json")
			if tc.auth != "" {
				req.Header.Set("Authorization", tc.auth)
			}
			res := tc.c.do(req)
			what := fmt.Sprintf("%s %s (%s)", r.method, r.path, tc.name)
			if res.StatusCode != http.StatusUnauthorized {
				t.Errorf("%s: status %d, want 401", what, res.StatusCode)
			}
			if e := apiError(t, what, res); e.Code != "unauthorized" {
				t.Errorf("%s: code %q", what, e.Code)
			}
			if !strings.HasPrefix(res.Header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("%s: WWW-Authenticate %q", what, res.Header.Get("WWW-Authenticate"))
			}
			if strings.Contains(res.body, "ZQALPHA") {
				t.Errorf("%s shows A's data: %.200s", what, res.body)
			}
		}
	}
	if diff := changed(before, fingerprint(t, ts.db, "sessions")); len(diff) > 0 {
		t.Errorf("requests without a live token changed %v", diff)
	}
	// Control: A's token opens every route.
	for _, r := range routes {
		res := anon.apiCall(r.method, r.url, a.apiToken, apiProbe(r.method))
		if res.StatusCode != http.StatusOK && res.StatusCode != http.StatusCreated {
			t.Errorf("control: %s %s with A's token: status %d: %.300s", r.method, r.url, res.StatusCode, res.body)
		}
	}
}

// TestAPIIsolatesShops: seller B's token never reaches A's records: A's order_ref answers 404 as a
// missing one does, A's exceptions are not listed, and B's events for the same order_ref make B's
// own shipment, leaving A's as it was.
func TestAPIIsolatesShops(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	a := newSellerA(t, ts)
	b := ts.client(t)
	b.signup("Beta Shop", "owner@beta.test")
	bToken := b.makeToken("Beta tool")

	aOwn := b.apiCall(http.MethodGet, "/api/v1/shipments/ZQALPHA-1", a.apiToken, "")
	wantStatus(t, aOwn, http.StatusOK)
	if !strings.Contains(aOwn.body, "LPZQ7700000001") {
		t.Fatalf("control: A's token does not show A's shipment: %.300s", aOwn.body)
	}
	before := shipmentID(t, ts, a.id, "ZQALPHA-1")
	aEvents := len(mustEvents(t, ts, a.id, before))

	res := b.apiCall(http.MethodGet, "/api/v1/shipments/ZQALPHA-1", bToken, "")
	none := b.apiCall(http.MethodGet, "/api/v1/shipments/NO-SUCH-ORDER", bToken, "")
	wantStatus(t, res, http.StatusNotFound)
	wantStatus(t, none, http.StatusNotFound)
	if x, y := apiError(t, "A's order as B", res), apiError(t, "a missing order", none); x.Code != y.Code || x.Message != y.Message || res.body != none.body {
		t.Errorf("A's order and a missing one answer differently:\n%s\n%s", res.body, none.body)
	}
	for _, state := range []string{"", "?state=all"} {
		list := b.apiCall(http.MethodGet, "/api/v1/exceptions"+state, bToken, "")
		wantStatus(t, list, http.StatusOK)
		if leaks := a.leaks(list.body); len(leaks) > 0 || !strings.Contains(list.body, `"exceptions":[]`) {
			t.Errorf("B's exceptions%s: %.300s", state, list.body)
		}
	}
	if aList := b.apiCall(http.MethodGet, "/api/v1/exceptions?state=all", a.apiToken, ""); !strings.Contains(aList.body, "ZQALPHA-1") {
		t.Errorf("control: A's queue through the API lacks ZQALPHA-1: %.300s", aList.body)
	}
	post := b.apiCall(http.MethodPost, "/api/v1/events", bToken,
		`{"events":[{"order_ref":"ZQALPHA-1","status":"Delivered","status_at":"2026-11-09T09:30:00Z"}]}`)
	wantStatus(t, post, http.StatusOK)
	put := b.apiCall(http.MethodPut, "/api/v1/shipments/ZQALPHA-1", bToken, `{"customer_name":"Beta Buyer"}`)
	wantStatus(t, put, http.StatusOK) // B's own ZQALPHA-1, made by the events just posted
	if strings.Contains(put.body, "LPZQ7700000001") || strings.Contains(put.body, "Ottoline") {
		t.Errorf("B's put shows A's shipment: %.300s", put.body)
	}
	if n := len(mustEvents(t, ts, a.id, before)); n != aEvents {
		t.Errorf("B's events changed A's shipment: %d events, had %d", n, aEvents)
	}
	if aAgain := b.apiCall(http.MethodGet, "/api/v1/shipments/ZQALPHA-1", a.apiToken, ""); !strings.Contains(aAgain.body, "Ottoline") || strings.Contains(aAgain.body, "Beta Buyer") {
		t.Errorf("A's shipment after B's writes: %.300s", aAgain.body)
	}
}

func mustEvents(t *testing.T, ts *testServer, seller domain.SellerID, shipment int64) []domain.Event {
	t.Helper()
	evs, err := ts.store.ListEvents(context.Background(), seller, shipment)
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

func TestAPIEventsAndShipments(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("API Shop", "owner@apishop.test")
	tok := c.makeToken("tool")

	put := c.apiCall(http.MethodPut, "/api/v1/shipments/AE-100", tok,
		`{"destination_country":"FR","customer_name":"Ana","order_value":"19.90","currency":"EUR","service":"AliExpress Standard Shipping"}`)
	wantStatus(t, put, http.StatusCreated)
	wantStatus(t, c.apiCall(http.MethodPut, "/api/v1/shipments/AE-100", tok, `{"product":"Lamp"}`), http.StatusOK)
	bad := c.apiCall(http.MethodPut, "/api/v1/shipments/AE-100", tok, `{"destination_country":"Atlantis"}`)
	wantStatus(t, bad, http.StatusUnprocessableEntity)
	if e := apiError(t, "bad country", bad); e.Code != "invalid" || !strings.Contains(e.Message, "Atlantis") {
		t.Errorf("bad country: %+v", e)
	}

	batch := `{"events":[
		{"order_ref":"AE-100","tracking_number":"LP00123456789CN","carrier":"Cainiao","status":"[Shenzhen] Outbound in sorting center","status_at":"2026-11-02T10:00:00+08:00"},
		{"order_ref":"AE-100","status":"no time"},
		{"order_ref":"AE-100","status":"[Shenzhen] Departed from departure country/region","status_at":"2026-11-03T18:00:00Z"},
		{"order_ref":"","status":"Delivered","status_at":"2026-11-03T18:00:00Z"}]}`
	atomic := c.apiCall(http.MethodPost, "/api/v1/events?atomic=true", tok, batch)
	wantStatus(t, atomic, http.StatusUnprocessableEntity)
	e := apiError(t, "atomic batch", atomic)
	if e.Code != "invalid_items" || len(e.Items) != 2 || e.Items[0].Index != 1 || e.Items[1].Index != 3 {
		t.Errorf("atomic batch: %s", atomic.body)
	}
	if sh := c.apiCall(http.MethodGet, "/api/v1/shipments/AE-100", tok, ""); !strings.Contains(sh.body, `"events":[]`) {
		t.Errorf("the refused atomic batch left events: %.400s", sh.body)
	}
	res := c.apiCall(http.MethodPost, "/api/v1/events", tok, batch)
	wantStatus(t, res, http.StatusOK)
	var br domain.BatchResult
	if err := json.Unmarshal([]byte(res.body), &br); err != nil || br.Accepted != 2 || br.Rejected != 2 || br.EventsAdded != 2 || len(br.Items) != 2 {
		t.Errorf("partial batch: %s", res.body)
	}
	var sh domain.APIShipment
	got := c.apiCall(http.MethodGet, "/api/v1/shipments/AE-100", tok, "")
	if err := json.Unmarshal([]byte(got.body), &sh); err != nil {
		t.Fatal(err)
	}
	if sh.Stage != "departed_origin" || len(sh.Events) != 2 || len(sh.Timeline) != 11 || sh.DestinationCountry != "FR" ||
		len(sh.TrackingNumbers) != 1 || sh.StageEnteredAt == nil || !sh.StageEnteredAt.Equal(time.Date(2026, 11, 3, 18, 0, 0, 0, time.UTC)) {
		t.Errorf("shipment: %s", got.body)
	}
	// No delivered history in this shop: the window is the product default from departure,
	// counted from the departure scan, and says so.
	if e := sh.EstimatedDelivery; e == nil || e.Basis != "default" || e.FromStage != "departed_origin" ||
		!e.Late.Equal(sh.StageEnteredAt.Add(domain.EDDDefaults[domain.StageDepartedOrigin].P90)) ||
		!strings.Contains(e.Explanation, "from departure typically take 8–15 days") {
		t.Errorf("estimated delivery: %s", got.body)
	}
	if len(sh.OpenExceptions) == 0 {
		t.Errorf("a parcel stalled since November has no open exception (the sweep after the batch did not run?): %s", got.body)
	}

	for _, tc := range []struct{ body, code string }{
		{`not json`, "bad_json"},
		{``, "bad_json"},
		{`{"events":{}}`, "bad_json"},
		{`{"events":[]}`, "invalid"},
	} {
		res := c.apiCall(http.MethodPost, "/api/v1/events", tok, tc.body)
		if e := apiError(t, tc.body, res); e.Code != tc.code || res.StatusCode < 400 || res.StatusCode >= 500 {
			t.Errorf("body %q: %d %+v, want %s", tc.body, res.StatusCode, e, tc.code)
		}
	}
	big := `{"events":[` + strings.TrimSuffix(strings.Repeat(`{"order_ref":"X","status":"Delivered","status_at":"2026-11-03T18:00:00Z"},`, domain.MaxAPIBatch+1), ",") + `]}`
	if res := c.apiCall(http.MethodPost, "/api/v1/events", tok, big); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a batch of %d: status %d", domain.MaxAPIBatch+1, res.StatusCode)
	}

	// The queue, a page at a time.
	for i := range 3 {
		ref := fmt.Sprintf("AE-2%02d", i)
		c.apiCall(http.MethodPost, "/api/v1/events", tok, `{"events":[{"order_ref":"`+ref+`","status":"[Shenzhen] Outbound in sorting center","status_at":"2026-10-02T10:00:00+08:00"}]}`)
	}
	seen := map[int64]bool{}
	next := "/api/v1/exceptions?limit=1"
	for pages := 0; next != ""; pages++ {
		if pages > 10 {
			t.Fatal("the cursor does not end")
		}
		res := c.apiCall(http.MethodGet, next, tok, "")
		wantStatus(t, res, http.StatusOK)
		var page domain.APIExceptionPage
		if err := json.Unmarshal([]byte(res.body), &page); err != nil {
			t.Fatal(err)
		}
		for _, e := range page.Exceptions {
			if seen[e.ID] {
				t.Errorf("exception %d on two pages", e.ID)
			}
			seen[e.ID] = true
		}
		next = ""
		if page.Next != "" {
			next = "/api/v1/exceptions?limit=1&cursor=" + page.Next
		}
	}
	if len(seen) < 4 {
		t.Errorf("%d exceptions over the pages, want at least 4", len(seen))
	}
	if res := c.apiCall(http.MethodGet, "/api/v1/exceptions?cursor=bogus", tok, ""); res.StatusCode != http.StatusBadRequest {
		t.Errorf("a bogus cursor: %d", res.StatusCode)
	}
	if res := c.apiCall(http.MethodGet, "/api/v1/exceptions?kind=stalled&country=FR", tok, ""); !strings.Contains(res.body, "AE-100") || strings.Contains(res.body, "AE-200") {
		t.Errorf("filtered by country: %.400s", res.body)
	}
}

// TestAPIRateLimit: past its burst a token gets 429 with Retry-After; another token of the shop
// does not.
func TestAPIRateLimit(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{APIRateLimit: domain.RateLimit{Every: time.Hour, Burst: 2}})
	c := ts.client(t)
	c.signup("Busy Shop", "owner@busy.test")
	tok, other := c.makeToken("one"), c.makeToken("two")
	for range 2 {
		wantStatus(t, c.apiCall(http.MethodGet, "/api/v1/exceptions", tok, ""), http.StatusOK)
	}
	res := c.apiCall(http.MethodGet, "/api/v1/exceptions", tok, "")
	wantStatus(t, res, http.StatusTooManyRequests)
	if e := apiError(t, "over the limit", res); e.Code != "rate_limited" {
		t.Errorf("code %q", e.Code)
	}
	if ra := res.Header.Get("Retry-After"); ra != "3600" && ra != "3599" {
		t.Errorf("Retry-After %q, want about an hour", ra)
	}
	wantStatus(t, c.apiCall(http.MethodGet, "/api/v1/exceptions", other, ""), http.StatusOK)
}

// TestAPIOrderRefWithSlash: an order reference holding "/" (store exports have "1001/2") is one
// path segment when the client percent-encodes it (%2F): PUT makes the shipment under the decoded
// reference and GET finds it, a reference ending in "/" is not cut by the trailing-slash redirect,
// a "%" sent as %25 is decoded once only, and another shop's reference with "/" answers 404 as a
// missing one does.
func TestAPIOrderRefWithSlash(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	a := ts.client(t)
	a.signup("Slash Shop", "owner@slash.test")
	aTok := a.makeToken("tool")
	b := ts.client(t)
	b.signup("Other Slash Shop", "owner@otherslash.test")
	bTok := b.makeToken("tool")

	for _, tc := range []struct{ path, ref string }{
		{"1001%2F2", "1001/2"},
		{"1001%2f3", "1001/3"},
		{"A%2FB%2FC", "A/B/C"},
		{"1002%2F", "1002/"},
		{"50%25", "50%"},
	} {
		u := "/api/v1/shipments/" + tc.path
		put := a.apiCall(http.MethodPut, u, aTok, `{"customer_name":"Slash Buyer"}`)
		wantStatus(t, put, http.StatusCreated)
		var sh domain.APIShipment
		got := a.apiCall(http.MethodGet, u, aTok, "")
		wantStatus(t, got, http.StatusOK)
		if err := json.Unmarshal([]byte(got.body), &sh); err != nil || sh.OrderRef != tc.ref {
			t.Errorf("GET %s: order_ref %q, want %q (%v): %.300s", u, sh.OrderRef, tc.ref, err, got.body)
		}
		wantStatus(t, a.apiCall(http.MethodPut, u, aTok, `{"product":"Lamp"}`), http.StatusOK)
	}

	wantStatus(t, b.apiCall(http.MethodPut, "/api/v1/shipments/2002%2F7", bTok, `{"customer_name":"Other"}`), http.StatusCreated)
	other := a.apiCall(http.MethodGet, "/api/v1/shipments/2002%2F7", aTok, "")
	none := a.apiCall(http.MethodGet, "/api/v1/shipments/9999%2F9", aTok, "")
	wantStatus(t, other, http.StatusNotFound)
	wantStatus(t, none, http.StatusNotFound)
	if other.body != none.body {
		t.Errorf("another shop's ref and a missing one answer differently:\n%s\n%s", other.body, none.body)
	}
	wantStatus(t, b.apiCall(http.MethodGet, "/api/v1/shipments/1001%2F2", bTok, ""), http.StatusNotFound)
	wantStatus(t, b.apiCall(http.MethodGet, "/api/v1/shipments/2002%2F7", bTok, ""), http.StatusOK)
}

// TestAPIBodyTooLarge: a body over the limit of the API (32 MB) or of a tracker webhook (2 MB)
// answers 413 with the JSON error code too_large, whether its size is announced (Content-Length,
// refused before it is read) or not (chunked, cut off while it is read), and nothing of it is
// imported or stored. A control body just under the API's limit is not refused for its size.
func TestAPIBodyTooLarge(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Big Shop", "owner@bigshop.test")
	tok := c.makeToken("tool")
	owner, err := ts.store.Authenticate(context.Background(), "owner@bigshop.test", "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	hooks := mustHooks(t, ts, owner.SellerID, "owner@bigshop.test")
	// A batch whose one status text is as long as it needs to be for the body to be size bytes.
	batch := func(size int) string {
		head, tail := `{"events":[{"order_ref":"BIG-1","status_at":"2026-11-03T18:00:00Z","status":"`, `"}]}`
		return head + strings.Repeat("x", size-len(head)-len(tail)) + tail
	}
	for _, target := range []struct {
		path, limit string
		size        int
	}{
		{"/api/v1/events", "32 MB", 32_000_000},
		{hooks[domain.TrackerAfterShip], "2 MB", 2_000_000},
	} {
		over := batch(target.size + 1)
		for _, tc := range []struct {
			name    string
			body    io.Reader
			chunked bool
		}{
			{"Content-Length", strings.NewReader(over), false},
			// A reader of unknown length makes the client send the body chunked.
			{"chunked", io.MultiReader(strings.NewReader(over)), true},
		} {
			what := target.path + " " + tc.name
			req, _ := http.NewRequest(http.MethodPost, ts.URL+target.path, tc.body)
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+tok)
			if chunked := req.ContentLength == 0; chunked != tc.chunked {
				t.Fatalf("%s: request content length %d", what, req.ContentLength)
			}
			res := c.do(req)
			if res.StatusCode != http.StatusRequestEntityTooLarge {
				t.Fatalf("%s: status %d, want 413: %.300s", what, res.StatusCode, res.body)
			}
			if e := apiError(t, what, res); e.Code != "too_large" || !strings.Contains(e.Message, target.limit) {
				t.Errorf("%s: %+v", what, e)
			}
		}
	}
	if sh := c.apiCall(http.MethodGet, "/api/v1/shipments/BIG-1", tok, ""); sh.StatusCode != http.StatusNotFound {
		t.Errorf("a refused body made a shipment: %d %.200s", sh.StatusCode, sh.body)
	}
	var deliveries int
	if err := ts.db.Get(&deliveries, `SELECT count(*) FROM tracker_deliveries WHERE seller_id = $1`, owner.SellerID); err != nil || deliveries != 0 {
		t.Errorf("refused webhook bodies stored: %d deliveries (%v)", deliveries, err)
	}
	// Control: the limit is the one tested, not something smaller.
	res := c.apiCall(http.MethodPost, "/api/v1/events", tok, batch(32_000_000-1024))
	if res.StatusCode == http.StatusRequestEntityTooLarge {
		t.Errorf("a body just under the limit: %d %.200s", res.StatusCode, res.body)
	}
}
