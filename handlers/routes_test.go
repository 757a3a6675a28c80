package handlers_test

// The tests in this file walk the portal's route table (Echo's e.Routes()) instead of a list of
// paths, so a route added tomorrow is covered without anyone remembering to: a route the walk
// cannot exercise (a path parameter without a fixture, a method it does not know) fails the test
// with its name.

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/handlers"
)

// publicRoutes answer visitors who are not signed in, and belong to no seller; every other route
// sends visitors to the sign-in page and answers a signed-in member for their own shop only.
var publicRoutes = map[string]string{
	"GET /healthz":             "the load balancer's check",
	"GET /static/*":            "CSS and scripts",
	"GET /signup":              "opening a shop",
	"POST /signup":             "opening a shop",
	"GET /login":               "signing in",
	"POST /login":              "signing in",
	"GET /invite/:token":       "the secret token in the link is the capability: whoever holds it may join",
	"POST /invite/:token":      "the secret token in the link is the capability: whoever holds it may join",
	"GET /unsubscribe/:token":  "the signed token in an e-mail's link is the capability: it names the member to unsubscribe",
	"POST /unsubscribe/:token": "the signed token in an e-mail's link is the capability: it names the member to unsubscribe",
	"GET /api/v1/openapi.json": "the API's description, for the tools that call it",
}

// sellerA is a shop with one of every record a route can name, and the strings only its data
// holds.
type sellerA struct {
	owner *client
	id    domain.SellerID
	// apiToken is an API token of A's, for the API's routes.
	apiToken string
	// params maps each path parameter, written as the route's path up to and including it, to
	// A's record: "/exceptions/:id" → the id of A's exception. A new route with a new parameter
	// needs one line here (and the record it names created below).
	params map[string]string
	// secrets are strings that appear in A's pages and nowhere in another seller's.
	secrets []string
}

// newSellerA builds seller A through the portal's own pages where they exist.
func newSellerA(t *testing.T, ts *testServer) sellerA {
	t.Helper()
	ctx := context.Background()
	a := ts.client(t)
	a.signup("Zanzibar Quenby Lamps", "owner@quenby-alpha.test")
	owner, err := ts.store.Authenticate(ctx, "owner@quenby-alpha.test", "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	seller := owner.SellerID

	// An import (with a rejected row and a tracking value that is not a number), three shipments,
	// and an unmapped carrier text.
	when := time.Now().In(time.FixedZone("CST", 8*3600)).AddDate(0, 0, -21).Format("2006-01-02 15:04")
	csv := shipmentsHeader +
		"ZQALPHA-1,LPZQ7700000001,Cainiao,AliExpress Standard Shipping,[Shenzhen] Export customs clearance started," + when + ",,FR,Ottoline Quenby,ottoline@quenby-alpha.test,Quenby Lamp,12.50,EUR,,,\n" +
		"ZQALPHA-2,LPZQ7700000002,Cainiao,Quenby Slow Post,Zorblax alpha manifest ping," + when + ",,DE,Ottoline Quenby,ottoline@quenby-alpha.test,Quenby Lamp,80.00,EUR,,,\n" +
		",LPZQ7700000003,Cainiao,,Delivered," + when + ",,DE,,,,,,,,\n" +
		"ZQALPHA-3,quenbypending,Cainiao,,Processing," + when + ",,DE,,,,,,,,\n"
	// Notifications: a webhook endpoint, an alert for stalls and a suggested stall message, so
	// that the sweep after the import writes a delivery, an alert and a message to the buyer.
	endpoint, _, err := ts.store.CreateWebhookEndpoint(ctx, seller, owner, "https://hooks.quenby-alpha.test/zq",
		[]string{domain.EventExceptionRaised}, false, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := ts.store.SetNotificationPrefs(ctx, seller, owner, domain.NotificationPrefs{DigestHour: 8, Timezone: "UTC",
		AlertKinds: []string{"stalled"}}, time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := ts.store.SetMessageRule(ctx, seller, owner, domain.MessageRule{Kind: domain.KindStalled, Mode: domain.ModeSuggest,
		Trigger: domain.TriggerStalled}); err != nil {
		t.Fatal(err)
	}
	imp := a.upload("quenby-orders.csv", csv).Header.Get("Location")
	wantStatus(t, a.confirm(imp, nil), http.StatusSeeOther)
	if res := a.waitDone(imp); !strings.Contains(res.body, "quenby-orders.csv") {
		t.Fatalf("A's import did not finish:\n%.800s", res.body)
	}
	// An exception (the first order has stalled in export customs for three weeks), raised by the
	// sweep after the import; sweeping again changes nothing.
	if _, err := ts.store.Sweep(ctx, seller, time.Now()); err != nil {
		t.Fatal(err)
	}
	outbox, _, err := ts.store.ListOutbox(ctx, seller, domain.OutboxFilter{Purpose: domain.PurposeAlert})
	if err != nil || len(outbox) != 1 {
		t.Fatalf("A's alert: %v, %v", outbox, err)
	}
	alert, err := domain.ParseEmailContent(outbox[0])
	if err != nil {
		t.Fatal(err)
	}
	buyerMsgs, err := ts.store.ListBuyerMessages(ctx, seller, shipmentID(t, ts, seller, "ZQALPHA-1"))
	if err != nil || len(buyerMsgs) != 1 {
		t.Fatalf("A's buyer messages: %v, %v", buyerMsgs, err)
	}
	exc, ok := queueOf(t, ts, seller)["ZQALPHA-1"]
	if !ok {
		t.Fatal("A's sweep raised no exception")
	}
	// A team member and a pending invitation.
	link := a.invite("agent-alpha@quenby-alpha.test", "agent")
	wantStatus(t, ts.client(t).post(link, link, url.Values{"name": {"Agent Alphaquen"}, "password": {"a long agent password"}}), http.StatusSeeOther)
	agent, err := ts.store.Authenticate(ctx, "agent-alpha@quenby-alpha.test", "a long agent password")
	if err != nil {
		t.Fatal(err)
	}
	pending := a.invite("pending-alpha@quenby-alpha.test", "agent")
	invs, err := ts.store.ListPendingInvitations(ctx, seller)
	if err != nil || len(invs) != 1 {
		t.Fatalf("A's invitations: %v, %v", invs, err)
	}
	// Clock settings of A's own.
	peak, err := ts.store.AddPeakPeriod(ctx, seller, owner, "Alpha Festival Quenby", time.Now().AddDate(0, 1, 0), time.Now().AddDate(0, 1, 5))
	if err != nil {
		t.Fatal(err)
	}
	if err := ts.store.AddUntrackedService(ctx, seller, owner, "Quenby Slow Post"); err != nil {
		t.Fatal(err)
	}
	if err := ts.store.SetThreshold(ctx, seller, owner, domain.Stage(8), "BR", 30*24); err != nil {
		t.Fatal(err)
	}

	// A dispute over the exception, with an evidence file and a note.
	dispute, err := ts.store.CreateDispute(ctx, seller, owner, exc.ID, domain.DisputeOpen, domain.DisputeFields{
		Counterparty: domain.CounterpartySupplier, Reason: domain.ReasonNotReceived, Amount: "12.50", Currency: "EUR",
		ExternalRef: "QUENBY-DSP-4411", OpenedAt: time.Now()}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	evidence, err := ts.store.AddEvidence(ctx, seller, owner, dispute.ID, domain.EvidenceUpload{Kind: domain.EvidenceKinds[0],
		Filename: "quenby-proof.png", Description: "Quenby parcel photo", Data: testPNG(t)}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := ts.store.AddDisputeNote(ctx, seller, owner, dispute.ID, "Quenby supplier promised a refund", time.Now()); err != nil {
		t.Fatal(err)
	}
	// A saved view of the queue.
	view, err := ts.store.SaveView(ctx, seller, owner, "Quenby Customs View", "country=FR", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	// An API token, for the API's routes.
	apiTok, apiSecret, err := ts.store.CreateAPIToken(ctx, seller, owner, "Quenby Tracker Token")
	if err != nil {
		t.Fatal(err)
	}
	// A bulk change that can be undone.
	bulk, err := ts.store.BulkUpdate(ctx, seller, owner, []int64{exc.ID}, domain.ExceptionChange{AssigneeID: &owner.ID}, time.Now())
	if err != nil || bulk.UndoID == 0 {
		t.Fatalf("A's bulk change: %v %+v", err, bulk)
	}

	return sellerA{
		owner:    a,
		id:       seller,
		apiToken: apiSecret,
		params: map[string]string{
			"/exceptions/:id":                     fmt.Sprint(exc.ID),
			"/exceptions/bulk/:id":                fmt.Sprint(bulk.UndoID),
			"/exceptions/views/:id":               fmt.Sprint(view.ID),
			"/shipments/:id":                      fmt.Sprint(shipmentID(t, ts, seller, "ZQALPHA-1")),
			"/imports/:id":                        strings.TrimPrefix(imp, "/imports/"),
			"/settings/team/invitations/:id":      fmt.Sprint(invs[0].ID),
			"/settings/team/members/:id":          fmt.Sprint(agent.ID),
			"/settings/peak-periods/:id":          fmt.Sprint(peak.ID),
			"/invite/:token":                      strings.TrimPrefix(pending, "/invite/"),
			"/static/*":                           "css/app.css",
			"/disputes/:id":                       fmt.Sprint(dispute.ID),
			"/disputes/:id/evidence/:evidence_id": fmt.Sprint(evidence.ID),
			"/settings/webhooks/:id":              fmt.Sprint(endpoint.ID),
			"/outbox/:id":                         fmt.Sprint(outbox[0].ID),
			"/shipments/:id/messages/:message_id": fmt.Sprint(buyerMsgs[0].ID),
			"/unsubscribe/:token":                 alert.UnsubscribeToken,
			"/settings/api-tokens/:id":            fmt.Sprint(apiTok.ID),
			"/api/v1/shipments/:order_ref":        "ZQALPHA-1",
		},
		secrets: []string{
			"Zanzibar Quenby Lamps", "ZQALPHA-1", "ZQALPHA-2", "LPZQ7700000001", "Ottoline Quenby",
			"ottoline@quenby-alpha.test", "quenby-orders.csv", "Zorblax alpha manifest ping", "Quenby Slow Post",
			"Alpha Festival Quenby", "quenbypending", "agent-alpha@quenby-alpha.test", "Agent Alphaquen", "pending-alpha@quenby-alpha.test",
			`id="country-row-8-BR"`,
			"QUENBY-DSP-4411", "quenby-proof.png", "Quenby parcel photo", "Quenby supplier promised a refund",
			"Quenby Customs View", "hooks.quenby-alpha.test", "Quenby Tracker Token",
		},
	}
}

// leaks returns the secrets of A that body shows.
func (a sellerA) leaks(body string) []string {
	var out []string
	for _, s := range a.secrets {
		if strings.Contains(body, s) {
			out = append(out, s)
		}
	}
	return out
}

// route is one entry of the route table with its parameters filled in.
type route struct {
	method, path string // as registered: "GET /exceptions/:id"
	url          string // with the parameters filled: "/exceptions/42"
	hasParams    bool
}

func (r route) String() string { return r.method + " " + r.path }

func (r route) public() bool { _, ok := publicRoutes[r.String()]; return ok }

// walk returns every route of the table with its parameters taken from params, in a stable
// order. A route whose parameters params cannot fill, or whose method the walk does not know,
// fails the test: it would otherwise go untested.
func (ts *testServer) walk(t *testing.T, params map[string]string) []route {
	t.Helper()
	var out []route
	for _, er := range ts.routes {
		r := route{method: er.Method, path: er.Path}
		if strings.HasPrefix(r.path, "/api/") && !r.public() {
			continue // token, not session: walked by apiWalk (api_test.go)
		}
		if strings.HasPrefix(r.path, "/hooks/") {
			continue // signature, not session: walked by TestEveryHookRouteNeedsSignature (hooks_test.go)
		}
		if r.method != http.MethodGet && r.method != http.MethodPost {
			t.Errorf("route %s: these tests know GET and POST only; teach them %s", r, r.method)
			continue
		}
		var missing string
		r.url, missing, r.hasParams = fill(r.path, params)
		if missing != "" {
			t.Errorf("route %s has no fixture for %s: add seller A's record for it to newSellerA's params", r, missing)
			continue
		}
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	if len(out) < 20 {
		t.Fatalf("the route table has only %d routes: is it read at all?", len(out))
	}
	return out
}

// fill puts values into a route's path parameters, each found by the path up to and including
// it ("/settings/team/members/:id"). It returns the first parameter values lacks, if any.
func fill(path string, values map[string]string) (url, missing string, hasParams bool) {
	pattern := strings.Split(path, "/")
	segs := slices.Clone(pattern)
	for i, seg := range pattern {
		if !strings.HasPrefix(seg, ":") && seg != "*" {
			continue
		}
		hasParams = true
		key := strings.Join(pattern[:i+1], "/")
		v, ok := values[key]
		if !ok {
			return "", key, true
		}
		segs[i] = v
	}
	return strings.Join(segs, "/"), "", hasParams
}

// noSuch returns params with every record id replaced by v.
func noSuch(params map[string]string, v string) map[string]string {
	out := map[string]string{}
	for k, p := range params {
		if strings.HasSuffix(k, "id") {
			p = v
		}
		out[k] = p
	}
	return out
}

// probeForm is what the walk posts: a note on an exception, which is a change wherever it is
// accepted.
var probeForm = url.Values{"action": {"note"}, "note": {"probe"}, "version": {"1"}}

// csrfToken returns the client's CSRF token, as a page's form carries it.
func (c *client) csrfToken() string {
	c.t.Helper()
	page := c.get("/login")
	if page.StatusCode == http.StatusSeeOther { // signed in
		page = c.get("/")
	}
	m := csrfField.FindStringSubmatch(page.body)
	if m == nil {
		c.t.Fatalf("no CSRF token (status %d)", page.StatusCode)
	}
	return m[1]
}

// postWith posts form with a CSRF token in the header, which every POST (the upload too) takes.
func (c *client) postWith(token, path string, form url.Values) response {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-CSRF-Token", token)
	return c.do(req)
}

// fingerprint returns a hash of the rows of every table but the ones named, by table.
func fingerprint(t *testing.T, db *sqlx.DB, except ...string) map[string]string {
	t.Helper()
	var tables []string
	if err := db.Select(&tables, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, name := range tables {
		if slices.Contains(except, name) {
			continue
		}
		var h string
		if err := db.Get(&h, `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM `+pq.QuoteIdentifier(name)+` t`); err != nil {
			t.Fatal(err)
		}
		out[name] = h
	}
	return out
}

// changed names the tables whose fingerprint differs.
func changed(before, after map[string]string) []string {
	var out []string
	for k, v := range before {
		if after[k] != v {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// requestID matches the request id an error page shows, which differs between any two pages.
var requestID = regexp.MustCompile(`[A-Za-z0-9]{32}`)

// TestEveryRouteIsolatesSellers walks every route as a second seller with the first seller's
// ids: each route that names a record answers 404, exactly the page a record that does not exist
// gets, and changes nothing; each list and export shows none of the first seller's data.
func TestEveryRouteIsolatesSellers(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	a := newSellerA(t, ts)
	routes := ts.walk(t, a.params)

	b := ts.client(t)
	b.signup("Beta Shop", "owner@beta.test")
	token := b.csrfToken()
	before := fingerprint(t, ts.db, "sessions")
	fetch := func(c *client, r route, url string) response {
		if r.method == http.MethodGet {
			return c.get(url)
		}
		return c.postWith(token, url, probeForm)
	}
	for _, r := range routes {
		if r.public() || !r.hasParams && r.method == http.MethodPost {
			continue // no seller's record in it; a POST without parameters changes the poster's own shop
		}
		res := fetch(b, r, r.url)
		if leaks := a.leaks(res.body); len(leaks) > 0 {
			t.Errorf("%s as seller B (%s) shows seller A's %q", r, r.url, leaks)
		}
		if !r.hasParams {
			if res.StatusCode != http.StatusOK {
				t.Errorf("%s as seller B: status %d, want 200", r, res.StatusCode)
			}
			if more := b.get(r.url + "?state=all"); len(a.leaks(more.body)) > 0 {
				t.Errorf("%s?state=all as seller B shows seller A's %q", r, a.leaks(more.body))
			}
			continue
		}
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("%s as seller B with seller A's record (%s): status %d, want 404", r, r.url, res.StatusCode)
			continue
		}
		// The same page as for a record that does not exist: nothing tells B that A's exists.
		for i, id := range []string{"999999999", "0", "-1", "not-a-number"} {
			u, _, _ := fill(r.path, noSuch(a.params, id))
			none := fetch(b, r, u)
			if none.StatusCode != http.StatusNotFound {
				t.Errorf("%s (%s): status %d, want 404", r, u, none.StatusCode)
			}
			if i == 0 && requestID.ReplaceAllString(none.body, "") != requestID.ReplaceAllString(res.body, "") {
				t.Errorf("%s: seller A's record (%s) and a missing one (%s) get different pages", r, r.url, u)
			}
		}
	}
	if diff := changed(before, fingerprint(t, ts.db, "sessions")); len(diff) > 0 {
		t.Errorf("seller B's requests changed %v", diff)
	}

	// Controls, so that the checks above cannot pass for the wrong reason: A's own pages show
	// every secret, and A's own records answer A.
	seen := map[string]bool{}
	for _, r := range routes {
		if r.method != http.MethodGet || r.public() {
			continue
		}
		res := a.owner.get(r.url)
		if res.StatusCode != http.StatusOK {
			t.Errorf("control: %s as seller A (%s): status %d, want 200", r, r.url, res.StatusCode)
		}
		for _, s := range a.leaks(res.body + a.owner.get(r.url+"?state=all").body) {
			seen[s] = true
		}
	}
	for _, s := range a.secrets {
		if !seen[s] {
			t.Errorf("control: %q is on none of seller A's pages, so its absence from B's proves nothing", s)
		}
	}
	tokenA := a.owner.csrfToken()
	for _, r := range routes {
		if r.method == http.MethodPost && r.hasParams && !r.public() {
			if res := a.owner.postWith(tokenA, r.url, probeForm); res.StatusCode == http.StatusNotFound || res.StatusCode == http.StatusForbidden {
				t.Errorf("control: %s as seller A (%s): status %d", r, r.url, res.StatusCode)
			}
		}
	}
}

// wantSecurityHeaders checks the headers every response carries.
func wantSecurityHeaders(t *testing.T, what string, res response) {
	t.Helper()
	h := res.Header
	csp := h.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") ||
		!strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "style-src 'self'") {
		t.Errorf("%s: CSP = %q", what, csp)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" || h.Get("Referrer-Policy") != "same-origin" {
		t.Errorf("%s: nosniff=%q frame=%q referrer=%q", what, h.Get("X-Content-Type-Options"), h.Get("X-Frame-Options"), h.Get("Referrer-Policy"))
	}
	if h.Get("X-Request-Id") == "" {
		t.Errorf("%s: no request id", what)
	}
}

// inlineCode finds what the CSP would block in a page: a script without src, a style element or
// attribute, an event handler attribute.
var inlineCode = regexp.MustCompile(`<script(?:\s[^>]*)?>\s*[^<\s]|<style[\s>]|\sstyle="|\son[a-z]+="`)

// TestEveryPageHeadersAndSignIn fetches every GET route, signed in and not: every answer carries
// the security headers, no page holds inline code the CSP would block, and every page but the
// public ones sends a visitor to the sign-in page, remembering where they were going.
func TestEveryPageHeadersAndSignIn(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	a := newSellerA(t, ts)
	anon := ts.client(t)
	for _, r := range ts.walk(t, a.params) {
		if r.method != http.MethodGet {
			continue
		}
		res := a.owner.get(r.url)
		wantSecurityHeaders(t, r.String()+" signed in", res)
		if res.StatusCode != http.StatusOK && !(r.public() && res.StatusCode == http.StatusSeeOther) {
			t.Errorf("%s signed in: status %d", r, res.StatusCode)
		}
		if strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") && inlineCode.MatchString(res.body) {
			t.Errorf("%s: inline code the CSP blocks: %q", r, inlineCode.FindString(res.body))
		}

		res = anon.get(r.url)
		wantSecurityHeaders(t, r.String()+" signed out", res)
		if r.public() {
			if res.StatusCode != http.StatusOK {
				t.Errorf("%s signed out: status %d, want 200 (it is public: %s)", r, res.StatusCode, publicRoutes[r.String()])
			}
			continue
		}
		if want := "/login?next=" + url.QueryEscape(r.url); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != want {
			t.Errorf("%s signed out: %d to %q, want 303 to %q (if the page is public, add it to publicRoutes)",
				r, res.StatusCode, res.Header.Get("Location"), want)
		}
		if leaks := a.leaks(res.body); len(leaks) > 0 {
			t.Errorf("%s signed out shows %q", r, leaks)
		}
	}
	res := anon.get("/no-such-page")
	wantStatus(t, res, http.StatusNotFound)
	wantSecurityHeaders(t, "404 page", res)
	if !strings.Contains(res.body, "Not found") {
		t.Errorf("404 page without its heading:\n%.300s", res.body)
	}
}

// TestEveryPostNeedsCSRFToken posts to every POST route, with A's records, without a token and
// with a forged one: each is refused with 403 and the "form expired" page, and not one row of any
// table changes. Visitors who are not signed in get 401 from every POST but the public ones, even
// with a good token.
func TestEveryPostNeedsCSRFToken(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	a := newSellerA(t, ts)
	anon := ts.client(t)
	anonToken := anon.csrfToken()
	for _, r := range ts.walk(t, a.params) {
		if r.method != http.MethodPost {
			continue
		}
		before := fingerprint(t, ts.db)
		for _, form := range []url.Values{probeForm, {"_csrf": {"forged-token-value-000000000000"}, "action": {"note"}, "note": {"probe"}, "version": {"1"}}} {
			res := a.owner.postRaw(r.url, form)
			wantSecurityHeaders(t, r.String(), res)
			if res.StatusCode != http.StatusForbidden || !strings.Contains(res.body, "Form expired") {
				t.Errorf("%s without a valid CSRF token (%v): status %d, want 403 and the form-expired page", r, form["_csrf"], res.StatusCode)
			}
		}
		if diff := changed(before, fingerprint(t, ts.db)); len(diff) > 0 {
			t.Errorf("%s without a valid CSRF token changed %v", r, diff)
		}
		if r.public() {
			continue
		}
		res := anon.postWith(anonToken, r.url, probeForm)
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s signed out: status %d, want 401 (if it is public, add it to publicRoutes)", r, res.StatusCode)
		}
		if diff := changed(before, fingerprint(t, ts.db)); len(diff) > 0 {
			t.Errorf("%s signed out changed %v", r, diff)
		}
	}
}

// notText are inputs PostgreSQL refuses in text: a NUL byte, and bytes that are not UTF-8.
var notText = []string{"probe\x00zero", "probe\xff\xfe"}

// multipartFields lists the routes whose body is a streamed multipart upload, with the text
// fields and the file field their forms send. A new upload route must be listed here: the walk
// sends every other POST a urlencoded form, which an upload handler does not read.
var multipartFields = map[string]struct {
	text []string
	file string
	data func(*testing.T) []byte
}{
	"POST /imports":               {file: "file", data: func(*testing.T) []byte { return []byte(shipmentsHeader) }},
	"POST /disputes/:id/evidence": {text: []string{"kind", "description"}, file: "file", data: testPNG},
}

// inputNames returns the name of every form field and query parameter A's pages use: the fields
// of their forms and the parameters of their links, with the ones the list pages read from the
// query string.
func inputNames(t *testing.T, a sellerA, routes []route) []string {
	t.Helper()
	field := regexp.MustCompile(`\sname="([^"]+)"`)
	param := regexp.MustCompile(`[?&](?:amp;)?([A-Za-z_][A-Za-z0-9_]*)=`)
	seen := map[string]bool{"q": true, "next": true, "_csrf": true}
	for _, r := range routes {
		if r.method != http.MethodGet || strings.HasPrefix(r.path, "/static") {
			continue
		}
		for _, u := range []string{r.url, r.url + "?state=all"} {
			body := a.owner.get(u).body
			for _, m := range field.FindAllStringSubmatch(body, -1) {
				seen[m[1]] = true
			}
			for _, m := range param.FindAllStringSubmatch(body, -1) {
				seen[m[1]] = true
			}
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) < 20 {
		t.Fatalf("only %d input names on A's pages (%v): are the pages read at all?", len(names), names)
	}
	return names
}

// TestEveryInputRefusesNonText sends a NUL byte and invalid UTF-8 to every route, in every form
// field and query parameter A's pages use (and in a parameter's name, and in the path's
// parameters): each answers 400 with a message, never a 500, and nothing is logged as an error.
// The upload routes get them in their multipart fields too; a file's name is cleaned instead.
func TestEveryInputRefusesNonText(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	a := newSellerA(t, ts)
	routes := ts.walk(t, a.params)
	names := inputNames(t, a, routes)
	token := a.owner.csrfToken()
	send := func(method, u string, body url.Values) response {
		if method == http.MethodGet {
			return a.owner.get(u)
		}
		if body == nil {
			body = url.Values{}
		}
		body.Set("_csrf", token)
		return a.owner.postRaw(u, body)
	}
	refused := func(r route, what string, res response) {
		t.Helper()
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(res.body, "not text") {
			t.Errorf("%s with %s: status %d, want 400 and the not-text message", r, what, res.StatusCode)
		}
	}
	for ri, r := range routes {
		_, upload := multipartFields[r.String()]
		for _, name := range names {
			for _, bad := range notText {
				refused(r, fmt.Sprintf("query parameter %s=%q", name, bad), send(r.method, r.url+"?"+url.Values{name: {bad}}.Encode(), nil))
				if r.method == http.MethodPost && !upload && name != "_csrf" {
					refused(r, fmt.Sprintf("form field %s=%q", name, bad), send(r.method, r.url, url.Values{name: {bad}}))
				}
			}
		}
		bad := notText[ri%len(notText)]
		refused(r, fmt.Sprintf("a parameter named %q", bad), send(r.method, r.url+"?"+url.Values{bad: {"x"}}.Encode(), nil))
		if r.method == http.MethodPost && !upload {
			refused(r, fmt.Sprintf("a form field named %q", bad), send(r.method, r.url, url.Values{bad: {"x"}}))
		}
		if r.hasParams {
			for _, v := range []string{"%00", "%FF"} {
				all := map[string]string{}
				for k := range a.params {
					all[k] = v
				}
				u, _, _ := fill(r.path, all)
				res := send(r.method, u, nil)
				if res.StatusCode != http.StatusBadRequest && res.StatusCode != http.StatusNotFound {
					t.Errorf("%s as %s: status %d, want 400 or 404", r, u, res.StatusCode)
				}
			}
		}
	}

	// The uploads' multipart fields: a text field that is not text is refused; a file's name,
	// which comes from the sender's file system, is cleaned and kept.
	for _, r := range routes {
		up, ok := multipartFields[r.String()]
		if !ok {
			continue
		}
		post := func(fields map[string]string, filename string) response {
			var body bytes.Buffer
			w := multipart.NewWriter(&body)
			for k, v := range fields {
				_ = w.WriteField(k, v)
			}
			fw, _ := w.CreateFormFile(up.file, filename)
			_, _ = fw.Write(up.data(t))
			_ = w.Close()
			req, _ := http.NewRequest(http.MethodPost, a.owner.base+r.url+"?_csrf="+url.QueryEscape(token), &body)
			req.Header.Set("Content-Type", w.FormDataContentType())
			return a.owner.do(req)
		}
		good := map[string]string{"kind": "photo", "description": "Quenby probe"}
		for _, name := range up.text {
			for _, bad := range notText {
				fields := maps.Clone(good)
				fields[name] = bad
				refused(r, fmt.Sprintf("multipart field %s=%q", name, bad), post(fields, "probe.png"))
			}
		}
		// Go's multipart reader refuses a NUL in a part's header outright (a 4xx); bytes that are not
		// UTF-8 reach the handler.
		for _, bad := range notText {
			res := post(good, bad+".csv")
			if want := http.StatusSeeOther; res.StatusCode != want && (!strings.Contains(bad, "\x00") || res.StatusCode >= 500) {
				t.Errorf("%s with the file name %q: status %d, want %d (the name cleaned)", r, bad+".csv", res.StatusCode, want)
			}
		}
	}
	for r := range multipartFields {
		if !slices.ContainsFunc(routes, func(x route) bool { return x.String() == r }) {
			t.Errorf("multipartFields lists %s, which is not a route", r)
		}
	}
	if logs := ts.logs.String(); strings.Contains(logs, "level=ERROR") {
		t.Errorf("the server logged errors:\n%s", logs)
	}
}
