package handlers_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/handlers"
)

func TestSignupLogoutLogin(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Gadget Garden", "owner@gadgets.test")
	home := c.get("/")
	wantStatus(t, home, http.StatusOK)
	if !strings.Contains(home.body, "Gadget Garden") || !strings.Contains(home.body, "Welcome to Parcel Desk") {
		t.Errorf("home page lacks the shop name or the welcome flash:\n%.500s", home.body)
	}
	// The flash is shown once.
	if again := c.get("/"); strings.Contains(again.body, "Welcome to Parcel Desk") {
		t.Error("flash shown twice")
	}
	oldSession := c.cookie("desk_session").Value

	res := c.post("/", "/logout", nil)
	wantStatus(t, res, http.StatusSeeOther)
	if got := c.get("/"); got.StatusCode != http.StatusSeeOther || !strings.HasPrefix(got.Header.Get("Location"), "/login") {
		t.Errorf("after logout GET / = %d %s, want a redirect to /login", got.StatusCode, got.Header.Get("Location"))
	}
	// The old cookie, replayed, is worthless: the session ended on the server.
	replay := ts.client(t)
	u, _ := url.Parse(ts.URL)
	replay.http.Jar.SetCookies(u, []*http.Cookie{{Name: "desk_session", Value: oldSession}})
	if got := replay.get("/"); got.StatusCode != http.StatusSeeOther {
		t.Errorf("replayed cookie after logout: status %d, want 303 to sign-in", got.StatusCode)
	}

	wantStatus(t, c.login("OWNER@gadgets.test", "correct horse battery"), http.StatusSeeOther)
	wantStatus(t, c.get("/"), http.StatusOK)
}

func TestLoginWrongPasswordAndNext(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	ts.client(t).signup("Shop", "owner@shop.test")
	c := ts.client(t)
	res := c.get("/settings/team")
	if got, want := res.Header.Get("Location"), "/login?next=%2Fsettings%2Fteam"; got != want {
		t.Fatalf("redirect = %q, want %q", got, want)
	}
	res = c.login("owner@shop.test", "not the password")
	wantStatus(t, res, http.StatusUnauthorized)
	if !strings.Contains(res.body, "do not match an account") {
		t.Errorf("no clear message for a wrong password:\n%.500s", res.body)
	}
	res = c.post("/login?next=%2Fsettings%2Fteam", "/login", url.Values{"email": {"owner@shop.test"}, "password": {"correct horse battery"}, "next": {"/settings/team"}})
	if got := res.Header.Get("Location"); got != "/settings/team" {
		t.Errorf("after login Location = %q, want /settings/team", got)
	}
	// Another host is never a redirect target, however it is disguised (browsers drop tabs and
	// newlines and read a backslash as a slash).
	for _, next := range []string{"//evil.test/x", "/\t/evil.test/x", "/\\evil.test", "https://evil.test/", "/\n/evil.test"} {
		res = c.post("/login", "/login", url.Values{"email": {"owner@shop.test"}, "password": {"correct horse battery"}, "next": {next}})
		if got := res.Header.Get("Location"); got != "/" {
			t.Errorf("next=%q: Location = %q, want /", next, got)
		}
	}
}

func TestSessionCookieFlags(t *testing.T) {
	t.Parallel()
	for _, secure := range []bool{false, true} {
		ts := newTestServer(t, handlers.Config{SecureCookies: secure})
		c := ts.client(t)
		c.signup("Shop", "owner@shop.test")
		res := c.login("owner@shop.test", "correct horse battery")
		ck := setCookie(res, "desk_session")
		if ck == nil {
			t.Fatal("login set no session cookie")
		}
		if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/" || ck.Secure != secure {
			t.Errorf("secure=%v: cookie HttpOnly=%v SameSite=%v Path=%q Secure=%v", secure, ck.HttpOnly, ck.SameSite, ck.Path, ck.Secure)
		}
		if ck.MaxAge <= 0 || ck.MaxAge > int(handlers.DefaultSessionLimits.Absolute.Seconds()) {
			t.Errorf("cookie MaxAge = %d, want within the absolute session limit", ck.MaxAge)
		}
	}
}

func TestLoginRenewsSession(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	before := c.cookie("desk_session").Value
	wantStatus(t, c.login("owner@shop.test", "correct horse battery"), http.StatusSeeOther)
	after := c.cookie("desk_session").Value
	if before == after {
		t.Fatal("sign-in kept the session token")
	}
	old := ts.client(t)
	u, _ := url.Parse(ts.URL)
	old.http.Jar.SetCookies(u, []*http.Cookie{{Name: "desk_session", Value: before}})
	if got := old.get("/"); got.StatusCode != http.StatusSeeOther {
		t.Errorf("token from before sign-in still works: status %d", got.StatusCode)
	}
}

func TestCSRFRequired(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.get("/signup") // has the CSRF cookie, but sends no token
	form := url.Values{"shop_name": {"Shop"}, "email": {"owner@shop.test"}, "password": {"correct horse battery"}}
	res := c.postRaw("/signup", form)
	wantStatus(t, res, http.StatusForbidden)
	if !strings.Contains(res.body, "Form expired") {
		t.Errorf("no clear message for a missing token:\n%.500s", res.body)
	}
	form.Set("_csrf", "forged-token-value-000000000000")
	wantStatus(t, c.postRaw("/signup", form), http.StatusForbidden)
	if _, err := ts.store.Authenticate(context.Background(), "owner@shop.test", "correct horse battery"); err == nil {
		t.Error("a refused signup created the account")
	}
	// A signed-in member's POST without the token is refused too.
	c.signup("Shop", "owner@shop.test")
	wantStatus(t, c.postRaw("/logout", url.Values{}), http.StatusForbidden)
	wantStatus(t, c.get("/"), http.StatusOK)
}

func TestLoginThrottled(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	ts.client(t).signup("Shop", "owner@shop.test")
	c := ts.client(t)
	for i := 1; i <= domain.LoginLimitPerAccount; i++ {
		wantStatus(t, c.login("owner@shop.test", "guess number "+strconv.Itoa(i)), http.StatusUnauthorized)
	}
	res := c.login("owner@shop.test", "guess number 6")
	wantStatus(t, res, http.StatusTooManyRequests)
	ra, err := strconv.Atoi(res.Header.Get("Retry-After"))
	if err != nil || ra <= 0 || ra > int(domain.LoginWindow.Seconds())+1 {
		t.Errorf("Retry-After = %q, want seconds within the window", res.Header.Get("Retry-After"))
	}
	if !strings.Contains(res.body, "Too many failed sign-ins") {
		t.Errorf("no clear throttle message:\n%.500s", res.body)
	}
	// Even the right password waits: otherwise the throttle only slows, never stops, a guesser.
	wantStatus(t, c.login("owner@shop.test", "correct horse battery"), http.StatusTooManyRequests)
}

func TestSecurityHeaders(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	for _, path := range []string{"/login", "/no-such-page", "/healthz", "/static/css/app.css"} {
		res := c.get(path)
		h := res.Header
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: CSP = %q", path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" || h.Get("Referrer-Policy") != "same-origin" {
			t.Errorf("%s: nosniff=%q frame=%q referrer=%q", path, h.Get("X-Content-Type-Options"), h.Get("X-Frame-Options"), h.Get("Referrer-Policy"))
		}
		if h.Get("X-Request-Id") == "" {
			t.Errorf("%s: no request id", path)
		}
	}
	if res := c.get("/no-such-page"); res.StatusCode != http.StatusNotFound || !strings.Contains(res.body, "Not found") {
		t.Errorf("404 page: status %d\n%.300s", res.StatusCode, res.body)
	}
	if strings.Contains(c.get("/login").body, "<script>") {
		t.Error("inline script in a page")
	}
}
