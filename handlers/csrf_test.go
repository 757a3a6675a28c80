package handlers_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/parceldesk/portal/handlers"
)

// TestCSRFTokenBoundToSession plants a CSRF cookie in a signed-in member's browser, as a sibling
// subdomain can (it may set cookies for the parent domain), and posts a form with the token that
// goes with that cookie, which the attacker got by visiting the portal: a plain double-submit
// cookie accepts it. The token is bound to the member's session, so it is refused and nothing
// changes; the member's own token still works.
func TestCSRFTokenBoundToSession(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	u, _ := url.Parse(ts.URL)
	victim := ts.client(t)
	victim.signup("Victim Shop", "owner@victim.test")

	attacker := ts.client(t)
	attackerToken := attacker.csrfToken()
	planted := attacker.cookie("_csrf")
	if planted == nil {
		t.Fatal("a visitor got no CSRF cookie: the test needs another way to plant one")
	}
	victim.http.Jar.SetCookies(u, []*http.Cookie{{Name: "_csrf", Value: planted.Value, Path: "/"}})
	if victim.cookie("_csrf").Value != planted.Value {
		t.Fatal("the planted cookie is not in the victim's jar")
	}

	before := fingerprint(t, ts.db, "sessions")
	form := url.Values{"_csrf": {attackerToken}, "warning_days": {"9"}}
	res := victim.postRaw("/settings/warning", form)
	if res.StatusCode != http.StatusForbidden || !strings.Contains(res.body, "Form expired") {
		t.Errorf("post with the planted cookie's token: status %d, want 403 and the form-expired page", res.StatusCode)
	}
	res = victim.postWith(attackerToken, "/settings/warning", form)
	wantStatus(t, res, http.StatusForbidden)
	if diff := changed(before, fingerprint(t, ts.db, "sessions")); len(diff) > 0 {
		t.Errorf("the forged post changed %v", diff)
	}

	// A token of the attacker's own session (signed in to their own shop) is no better.
	attacker.signup("Attacker Shop", "mallory@evil.test")
	wantStatus(t, victim.postWith(attacker.csrfToken(), "/settings/warning", form), http.StatusForbidden)

	// Control: the victim's own page's token is accepted, planted cookie or not.
	wantStatus(t, victim.post("/settings/thresholds", "/settings/warning", url.Values{"warning_days": {"9"}}), http.StatusSeeOther)

	// Signing in binds the forms to the new session: a token from before sign-in is refused after.
	c := ts.client(t)
	old := c.csrfToken()
	wantStatus(t, c.login("owner@victim.test", "correct horse battery"), http.StatusSeeOther)
	wantStatus(t, c.postWith(old, "/settings/warning", form), http.StatusForbidden)
}

// TestCSRFCookieHostPrefixOverTLS: served over TLS, the visitor's CSRF cookie is named
// __Host-csrf (and the session cookie __Host-desk_session), which a browser takes only from this very host (Secure, Path=/, no Domain), so a
// sibling subdomain cannot plant it; one it plants under the old name is ignored. The sign-in form
// is where that matters: a planted pair would sign the victim in to the attacker's account.
func TestCSRFCookieHostPrefixOverTLS(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{SecureCookies: true})
	ts.client(t).signup("Attacker Shop", "mallory@evil.test")
	// Go's cookie jar keeps Secure cookies off plain HTTP, so these requests carry cookies by hand.
	get := func(cookie string) (*http.Response, string) {
		req, _ := http.NewRequest(http.MethodGet, ts.URL+"/login", nil)
		if cookie != "" {
			req.Header.Set("Cookie", cookie)
		}
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}
	login := func(cookie, token string) int {
		body := url.Values{"_csrf": {token}, "email": {"mallory@evil.test"}, "password": {"correct horse battery"}}
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/login", strings.NewReader(body.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Cookie", cookie)
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		for _, c := range res.Cookies() {
			if c.Name == "desk_session" {
				t.Errorf("over TLS the session cookie is still the plain desk_session")
			}
			if c.Name == "__Host-desk_session" && (!c.Secure || c.Path != "/" || c.Domain != "") {
				t.Errorf("__Host-desk_session: Secure=%v Path=%q Domain=%q", c.Secure, c.Path, c.Domain)
			}
		}
		return res.StatusCode
	}

	res, page := get("")
	var ck *http.Cookie
	for _, c := range res.Cookies() {
		switch c.Name {
		case "__Host-csrf":
			ck = c
		case "_csrf":
			t.Errorf("over TLS the portal still sets a plain _csrf cookie")
		}
	}
	if ck == nil {
		t.Fatalf("no __Host-csrf cookie over TLS; Set-Cookie: %q", res.Header.Values("Set-Cookie"))
	}
	if !ck.Secure || ck.Path != "/" || ck.Domain != "" || !ck.HttpOnly {
		t.Errorf("__Host-csrf cookie: Secure=%v Path=%q Domain=%q HttpOnly=%v; a browser refuses a __Host- cookie without Secure, Path=/ and no Domain",
			ck.Secure, ck.Path, ck.Domain, ck.HttpOnly)
	}
	m := csrfField.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no CSRF token on the sign-in page")
	}
	// The attacker plants the value under the name a sibling subdomain can set.
	if got := login("_csrf="+ck.Value, m[1]); got != http.StatusForbidden {
		t.Errorf("sign-in with a planted _csrf cookie: status %d, want 403", got)
	}
	// Control: the pair the browser really holds works.
	if got := login("__Host-csrf="+ck.Value, m[1]); got != http.StatusSeeOther {
		t.Errorf("sign-in with the __Host-csrf cookie: status %d, want 303", got)
	}
}
