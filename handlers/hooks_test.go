package handlers_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/handlers"
)

// sample reads a recorded tracker payload (testdata/hooks/README.md says where each comes from).
func sample(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/hooks/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// postHook posts body to a tracker webhook path with the signature header set to sig ("" for
// none), as the tracker would.
func (c *client) postHook(path string, tr domain.Tracker, body []byte, sig string) response {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.base+path, strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	if sig != "" {
		req.Header.Set(tr.SignatureHeader(), sig)
	}
	return c.do(req)
}

// hookTracker is the tracker a webhook route is for: its path's second segment.
func hookTracker(path string) domain.Tracker {
	return domain.Tracker(strings.Split(strings.TrimPrefix(path, "/hooks/"), "/")[0])
}

// hookSecrets are seller A's tracker secrets in these tests.
var hookSecrets = map[domain.Tracker]string{domain.TrackerAfterShip: "as-secret-quenby-alpha", domain.Tracker17Track: "17-key-quenby-alpha"}

// mustHooks connects both trackers for the seller with hookSecrets and returns the path of each.
func mustHooks(t *testing.T, ts *testServer, seller domain.SellerID, email string) map[domain.Tracker]string {
	t.Helper()
	owner, err := ts.store.Authenticate(context.Background(), email, "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	out := map[domain.Tracker]string{}
	for _, tr := range domain.Trackers {
		h, err := ts.store.SetTrackerSecret(context.Background(), seller, owner, tr, hookSecrets[tr])
		if err != nil {
			t.Fatal(err)
		}
		out[tr] = h.Path()
	}
	return out
}

// TestEveryHookRouteNeedsSignature walks every route of the table under /hooks/: a key no shop
// has, and a shop's key of the other tracker, answer 404; the shop's key with no signature, a
// wrong one, one made with another secret or in the other tracker's scheme answers 401; none of
// them stores anything. A control shows that the tracker's own signature opens each route.
func TestEveryHookRouteNeedsSignature(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	a := newSellerA(t, ts)
	paths := mustHooks(t, ts, a.id, "owner@quenby-alpha.test")
	var routes []string
	for _, r := range ts.routes {
		if strings.HasPrefix(r.Path, "/hooks/") {
			if r.Method != http.MethodPost {
				t.Errorf("hook route %s %s: these tests know POST only", r.Method, r.Path)
			}
			routes = append(routes, r.Path)
		}
	}
	sort.Strings(routes)
	if len(routes) != len(domain.Trackers) {
		t.Fatalf("hook routes %v, want one per tracker", routes)
	}
	anon := ts.client(t)
	body := []byte(`{"event":"tracking_update","msg":{"tracking_number":"LPZQ7700000001","checkpoints":[]}}`)
	before := fingerprint(t, ts.db, "sessions")
	for _, r := range routes {
		tr := hookTracker(r)
		other := domain.Tracker17Track
		if tr == other {
			other = domain.TrackerAfterShip
		}
		key := strings.TrimPrefix(paths[tr], "/hooks/"+string(tr)+"/")
		good := tr.Sign(hookSecrets[tr], body)
		for what, u := range map[string]string{
			"a key no shop has":            strings.Replace(r, ":key", strings.Repeat("Q", len(key)), 1),
			"a short key":                  strings.Replace(r, ":key", "abc", 1),
			"the other tracker's shop key": strings.Replace(r, ":key", strings.TrimPrefix(paths[other], "/hooks/"+string(other)+"/"), 1),
		} {
			res := anon.postHook(u, tr, body, good)
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("%s with %s: status %d, want 404", r, what, res.StatusCode)
			}
			if e := apiError(t, r+" "+what, res); e.Code != "not_found" {
				t.Errorf("%s with %s: code %q", r, what, e.Code)
			}
		}
		u := paths[tr]
		for what, sig := range map[string]string{
			"no signature":                "",
			"a made-up signature":         "bm90IGEgc2lnbmF0dXJl",
			"another secret's signature":  tr.Sign(hookSecrets[tr]+"-old", body),
			"the other tracker's scheme":  other.Sign(hookSecrets[tr], body),
			"a signature of another body": tr.Sign(hookSecrets[tr], append([]byte(" "), body...)),
		} {
			res := anon.postHook(u, tr, body, sig)
			if res.StatusCode != http.StatusUnauthorized {
				t.Errorf("%s with %s: status %d, want 401", r, what, res.StatusCode)
			}
			if e := apiError(t, r+" "+what, res); e.Code != "bad_signature" {
				t.Errorf("%s with %s: code %q", r, what, e.Code)
			}
		}
	}
	if diff := changed(before, fingerprint(t, ts.db, "sessions")); len(diff) > 0 {
		t.Errorf("refused hook requests changed %v", diff)
	}
	// Control: the tracker's own signature is taken (the parcel has no checkpoints: ignored).
	for _, r := range routes {
		tr := hookTracker(r)
		res := anon.postHook(paths[tr], tr, body, tr.Sign(hookSecrets[tr], body))
		if res.StatusCode != http.StatusOK {
			t.Errorf("control: %s signed: status %d: %.300s", r, res.StatusCode, res.body)
		}
	}
}

// hookResult decodes a hook's answer.
func hookResult(t *testing.T, res response) (out struct {
	Delivery  int64  `json:"delivery"`
	State     string `json:"state"`
	Events    int    `json:"events_added"`
	Duplicate bool   `json:"duplicate"`
}) {
	t.Helper()
	wantStatus(t, res, http.StatusOK)
	if err := json.Unmarshal([]byte(res.body), &out); err != nil {
		t.Fatalf("hook answer %q: %v", res.body, err)
	}
	return out
}

// TestHookDeliveries replays both trackers' recorded payloads through HTTP: a signed delivery
// lands its checkpoints as events and moves the stage (the tracker's sub-status decides); the
// same body again, and a new body with the same checkpoints, change nothing; a parcel the shop
// does not know is kept as unmatched and listed; another shop's delivery never reaches the first
// shop's shipment.
func TestHookDeliveries(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Hook Shop", "owner@hookshop.test")
	owner, err := ts.store.Authenticate(context.Background(), "owner@hookshop.test", "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	seller := owner.SellerID
	tok := c.makeToken("store sync")
	// The orders, as the shop's store pushed them: the AfterShip parcel by its tracking number,
	// the 17TRACK one by the order number the shop gave 17TRACK as its tag.
	wantStatus(t, c.apiCall(http.MethodPut, "/api/v1/shipments/USPS-ORDER-1", tok,
		`{"tracking_number":"9361289676091361892011","destination_country":"US","order_date":"2021-01-01"}`), http.StatusCreated)
	wantStatus(t, c.apiCall(http.MethodPut, "/api/v1/shipments/MyOrderID", tok,
		`{"destination_country":"US","order_date":"2022-03-01"}`), http.StatusCreated)
	paths := mustHooks(t, ts, seller, "owner@hookshop.test")
	anon := ts.client(t)
	stageOf := func(ref string) domain.APIShipment {
		t.Helper()
		var sh domain.APIShipment
		res := c.apiCall(http.MethodGet, "/api/v1/shipments/"+ref, tok, "")
		wantStatus(t, res, http.StatusOK)
		if err := json.Unmarshal([]byte(res.body), &sh); err != nil {
			t.Fatal(err)
		}
		return sh
	}
	if sh := stageOf("USPS-ORDER-1"); sh.Stage == "delivered" || len(sh.Events) != 0 {
		t.Fatalf("before the hook: %+v", sh)
	}

	as := sample(t, "aftership_tracking_update.json")
	sig := domain.TrackerAfterShip.Sign(hookSecrets[domain.TrackerAfterShip], as)
	r := hookResult(t, anon.postHook(paths[domain.TrackerAfterShip], domain.TrackerAfterShip, as, sig))
	if r.State != domain.DeliveryProcessed || r.Events != 4 || r.Duplicate {
		t.Errorf("AfterShip delivery: %+v", r)
	}
	if list := c.get("/imports"); !strings.Contains(list.body, `<td class="import-source">AfterShip webhook</td>`) {
		t.Errorf("the imports list does not say the delivery came from AfterShip's webhook:\n%.2000s", list.body)
	}
	sh := stageOf("USPS-ORDER-1")
	if sh.Stage != "delivered" || len(sh.Events) != 4 || sh.StageEnteredAt == nil || sh.StageEnteredAt.UTC().Format("2006-01-02T15:04") != "2021-01-05T19:34" {
		t.Errorf("after AfterShip's delivery: stage %s, %d events, entered %v", sh.Stage, len(sh.Events), sh.StageEnteredAt)
	}
	byStatus := map[string]string{}
	for _, e := range sh.Events {
		byStatus[e.Status] = e.Stage
	}
	// Delivered_001 and OutForDelivery_001 place their events whatever the text says;
	// InfoReceived_001 is a label without a scan.
	if byStatus["Out for Delivery"] != "out_for_delivery" || byStatus["Shipping Label Created, USPS Awaiting Item"] != "dispatched" {
		t.Errorf("events' stages: %v", byStatus)
	}

	// The same body again: nothing changes anywhere.
	before := fingerprint(t, ts.db, "sessions", "api_tokens")
	r2 := hookResult(t, anon.postHook(paths[domain.TrackerAfterShip], domain.TrackerAfterShip, as, sig))
	if !r2.Duplicate || r2.Delivery != r.Delivery {
		t.Errorf("replay: %+v", r2)
	}
	if diff := changed(before, fingerprint(t, ts.db, "sessions", "api_tokens")); len(diff) > 0 {
		t.Errorf("a replayed delivery changed %v", diff)
	}
	// A new delivery with the same checkpoints (AfterShip resends the whole history): stored,
	// but no event is added and the stage stays.
	again := []byte(strings.Replace(string(as), `"ts": 1609878126`, `"ts": 1609878999`, 1))
	r3 := hookResult(t, anon.postHook(paths[domain.TrackerAfterShip], domain.TrackerAfterShip, again,
		domain.TrackerAfterShip.Sign(hookSecrets[domain.TrackerAfterShip], again)))
	if r3.Duplicate || r3.Events != 0 || r3.State != domain.DeliveryProcessed {
		t.Errorf("the same checkpoints in a new body: %+v", r3)
	}
	if sh2 := stageOf("USPS-ORDER-1"); len(sh2.Events) != 4 || sh2.Stage != "delivered" {
		t.Errorf("after the same checkpoints again: %s, %d events", sh2.Stage, len(sh2.Events))
	}

	// 17TRACK: matched by its tag (the order number), the tracking number added to the shipment.
	st := sample(t, "17track_tracking_updated.json")
	r4 := hookResult(t, anon.postHook(paths[domain.Tracker17Track], domain.Tracker17Track, st,
		domain.Tracker17Track.Sign(hookSecrets[domain.Tracker17Track], st)))
	if r4.State != domain.DeliveryProcessed || r4.Events != 3 {
		t.Errorf("17TRACK delivery: %+v", r4)
	}
	sh = stageOf("MyOrderID")
	if sh.Stage != "arrived_destination" || len(sh.Events) != 3 || !strings.Contains(strings.Join(sh.TrackingNumbers, " "), "RR123456789CN") {
		t.Errorf("after 17TRACK's delivery: stage %s, %d events, numbers %v", sh.Stage, len(sh.Events), sh.TrackingNumbers)
	}

	// A parcel the shop does not know: kept as unmatched, answered 200, listed on the page.
	unknown := []byte(strings.ReplaceAll(string(st), "RR123456789CN", "RR999999999CN"))
	unknown = []byte(strings.Replace(string(unknown), `"tag": "MyOrderID"`, `"tag": null`, 1))
	r5 := hookResult(t, anon.postHook(paths[domain.Tracker17Track], domain.Tracker17Track, unknown,
		domain.Tracker17Track.Sign(hookSecrets[domain.Tracker17Track], unknown)))
	if r5.State != domain.DeliveryUnmatched || r5.Events != 0 {
		t.Errorf("unknown parcel: %+v", r5)
	}
	page := c.get("/settings/api-tokens/trackers")
	wantStatus(t, page, http.StatusOK)
	if !strings.Contains(page.body, "RR999999999CN") || !strings.Contains(page.body, "unmatched") {
		t.Errorf("the unmatched parcel is not on the page:\n%.2000s", page.body)
	}

	// Once the shop has the order, matching the unmatched again brings the events in.
	wantStatus(t, c.apiCall(http.MethodPut, "/api/v1/shipments/LATE-ORDER", tok,
		`{"tracking_number":"RR999999999CN","destination_country":"US"}`), http.StatusCreated)
	retried := c.post("/settings/api-tokens/trackers", "/settings/api-tokens/trackers/retry", nil)
	wantStatus(t, retried, http.StatusSeeOther)
	if sh := stageOf("LATE-ORDER"); sh.Stage != "arrived_destination" || len(sh.Events) != 3 {
		t.Errorf("after matching again: stage %s, %d events", sh.Stage, len(sh.Events))
	}
	if again := c.get("/settings/api-tokens/trackers"); strings.Contains(again.body, `id="retry-unmatched"`) {
		t.Errorf("the retry button stays with nothing unmatched")
	}

	// Another shop, with a shipment of the same tracking number: its delivery reaches its own
	// shipment only, and the first shop's key with its secret is refused.
	b := ts.client(t)
	b.signup("Other Shop", "owner@othershop.test")
	bOwner, err := ts.store.Authenticate(context.Background(), "owner@othershop.test", "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	bHook, err := ts.store.SetTrackerSecret(context.Background(), bOwner.SellerID, bOwner, domain.TrackerAfterShip, "other-shop-secret")
	if err != nil {
		t.Fatal(err)
	}
	before = fingerprint(t, ts.db, "sessions", "api_tokens")
	res := anon.postHook(paths[domain.TrackerAfterShip], domain.TrackerAfterShip, again, domain.TrackerAfterShip.Sign("other-shop-secret", again))
	wantStatus(t, res, http.StatusUnauthorized)
	if diff := changed(before, fingerprint(t, ts.db, "sessions", "api_tokens")); len(diff) > 0 {
		t.Errorf("another shop's signature on the first shop's key changed %v", diff)
	}
	r6 := hookResult(t, anon.postHook(bHook.Path(), domain.TrackerAfterShip, as, domain.TrackerAfterShip.Sign("other-shop-secret", as)))
	if r6.State != domain.DeliveryUnmatched {
		t.Errorf("the other shop's delivery of a number only the first shop has: %+v", r6)
	}
	if sh := stageOf("USPS-ORDER-1"); len(sh.Events) != 4 {
		t.Errorf("the other shop's delivery changed the first shop's shipment: %d events", len(sh.Events))
	}
	if bPage := b.get("/settings/api-tokens/trackers"); strings.Contains(bPage.body, "USPS-ORDER-1") || strings.Contains(bPage.body, "RR999999999CN") {
		t.Errorf("the other shop's page shows the first shop's deliveries")
	}
}

// TestTrackerHookSettings: an owner connects a tracker through the page (the URL shows, the
// secret does not), a bad secret is answered on the page with 422, an agent may look but not
// change, and disconnecting makes the URL answer 404.
func TestTrackerHookSettings(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Settings Shop", "owner@settingsshop.test")
	const page = "/settings/api-tokens/trackers"
	if res := c.get("/settings/api-tokens"); !strings.Contains(res.body, `href="`+page+`"`) {
		t.Errorf("the API tokens page does not lead to the tracker webhooks")
	}
	bad := c.post(page, page, url.Values{"tracker": {"aftership"}, "secret": {"has spaces in it"}})
	wantStatus(t, bad, http.StatusUnprocessableEntity)
	if got := bad.Header.Get("Cache-Control"); got != "no-store" {
		t.Errorf("the refused form's page (it shows the hook URLs) has Cache-Control %q, want no-store", got)
	}
	if !strings.Contains(bad.body, `id="secret-aftership-error"`) || !strings.Contains(bad.body, `aria-invalid="true"`) {
		t.Errorf("the refused secret's message is not by its field:\n%.1500s", bad.body)
	}
	wantStatus(t, c.post(page, page, url.Values{"tracker": {"nosuch"}, "secret": {"x"}}), http.StatusBadRequest)
	res := c.post(page, page, url.Values{"tracker": {"aftership"}, "secret": {"as-secret-settings-1234"}})
	wantStatus(t, res, http.StatusSeeOther)
	shown := c.get(page)
	if strings.Contains(shown.body, "as-secret-settings-1234") || !strings.Contains(shown.body, "…1234") {
		t.Errorf("the page shows the secret, or not its last characters")
	}
	i := strings.Index(shown.body, `id="hook-url-aftership" readonly value="`)
	if i < 0 {
		t.Fatalf("no hook URL on the page:\n%.2000s", shown.body)
	}
	hookURL := shown.body[i+len(`id="hook-url-aftership" readonly value="`):]
	hookURL = hookURL[:strings.Index(hookURL, `"`)]
	path := strings.TrimPrefix(hookURL, ts.URL)
	if !strings.HasPrefix(path, "/hooks/aftership/") {
		t.Fatalf("hook URL %q", hookURL)
	}
	body := []byte(`{"event":"tracking_update","msg":{"tracking_number":"NOPE1","checkpoints":[]}}`)
	wantStatus(t, c.postHook(path, domain.TrackerAfterShip, body, domain.TrackerAfterShip.Sign("as-secret-settings-1234", body)), http.StatusOK)

	// A new secret keeps the URL.
	wantStatus(t, c.post(page, page, url.Values{"tracker": {"aftership"}, "secret": {"as-secret-settings-5678"}}), http.StatusSeeOther)
	body2 := []byte(`{"event":"tracking_update","msg":{"tracking_number":"NOPE2","checkpoints":[]}}`)
	wantStatus(t, c.postHook(path, domain.TrackerAfterShip, body2, domain.TrackerAfterShip.Sign("as-secret-settings-1234", body2)), http.StatusUnauthorized)
	wantStatus(t, c.postHook(path, domain.TrackerAfterShip, body2, domain.TrackerAfterShip.Sign("as-secret-settings-5678", body2)), http.StatusOK)

	// An agent sees the page but may not change it.
	link := c.invite("agent@settingsshop.test", "agent")
	agent := ts.client(t)
	wantStatus(t, agent.post(link, link, url.Values{"name": {"Agent"}, "password": {"a long agent password"}}), http.StatusSeeOther)
	ap := agent.get(page)
	wantStatus(t, ap, http.StatusOK)
	if strings.Contains(ap.body, path) || strings.Contains(ap.body, `name="secret"`) {
		t.Errorf("an agent's page shows the hook URL or the secret form")
	}
	wantStatus(t, agent.post(page, page, url.Values{"tracker": {"17track"}, "secret": {"agent-key"}}), http.StatusForbidden)
	wantStatus(t, agent.post(page, page+"/remove", url.Values{"tracker": {"aftership"}}), http.StatusForbidden)

	wantStatus(t, c.post(page, page+"/remove", url.Values{"tracker": {"aftership"}}), http.StatusSeeOther)
	body3 := []byte(`{"event":"tracking_update","msg":{"tracking_number":"NOPE3","checkpoints":[]}}`)
	wantStatus(t, c.postHook(path, domain.TrackerAfterShip, body3, domain.TrackerAfterShip.Sign("as-secret-settings-5678", body3)), http.StatusNotFound)
	wantStatus(t, c.post(page, page+"/remove", url.Values{"tracker": {"aftership"}}), http.StatusNotFound)
}
