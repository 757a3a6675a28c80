package handlers_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

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
		name := "desk_session"
		if secure {
			name = "__Host-desk_session" // a sibling subdomain cannot plant it
		}
		ck := setCookie(res, name)
		if ck == nil {
			t.Fatalf("secure=%v: login set no %s cookie", secure, name)
		}
		if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/" || ck.Secure != secure {
			t.Errorf("secure=%v: cookie HttpOnly=%v SameSite=%v Path=%q Secure=%v", secure, ck.HttpOnly, ck.SameSite, ck.Path, ck.Secure)
		}
		if ck.MaxAge <= 0 || ck.MaxAge > int(handlers.DefaultSessionLimits.Absolute.Seconds()) {
			t.Errorf("cookie MaxAge = %d, want within the absolute session limit", ck.MaxAge)
		}
	}
}

// TestLoginRenewsSession: signing in always starts a new session token, so a token known before
// sign-in is worthless after it — the member's own earlier one, or one an attacker planted in the
// member's browser (session fixation).
func TestLoginRenewsSession(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	u, _ := url.Parse(ts.URL)
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	before := c.cookie("desk_session").Value
	wantStatus(t, c.login("owner@shop.test", "correct horse battery"), http.StatusSeeOther)
	after := c.cookie("desk_session").Value
	if before == after {
		t.Fatal("sign-in kept the session token")
	}
	old := ts.client(t)
	old.http.Jar.SetCookies(u, []*http.Cookie{{Name: "desk_session", Value: before}})
	if got := old.get("/"); got.StatusCode != http.StatusSeeOther {
		t.Errorf("token from before sign-in still works: status %d", got.StatusCode)
	}

	// The attacker gets a live anonymous session (signing out leaves one, carrying the flash),
	// plants its cookie in the victim's browser and waits for the victim to sign in.
	attacker := ts.client(t)
	attacker.signup("Attacker", "mallory@evil.test")
	wantStatus(t, attacker.post("/", "/logout", nil), http.StatusSeeOther)
	planted := attacker.cookie("desk_session")
	if planted == nil {
		t.Fatal("no anonymous session to plant: the test needs another way to get one")
	}
	victim := ts.client(t)
	victim.http.Jar.SetCookies(u, []*http.Cookie{{Name: "desk_session", Value: planted.Value}})
	wantStatus(t, victim.login("owner@shop.test", "correct horse battery"), http.StatusSeeOther)
	if victim.cookie("desk_session").Value == planted.Value {
		t.Error("sign-in kept the planted session token")
	}
	wantStatus(t, victim.get("/"), http.StatusOK)
	if got := attacker.get("/"); got.StatusCode != http.StatusSeeOther {
		t.Errorf("the planted token is signed in as the victim: status %d", got.StatusCode)
	}
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

// TestSessionEndsWhenIdleOrOld: a session ends after DefaultSessionLimits.Idle without a
// request and DefaultSessionLimits.Absolute after sign-in, whatever happened in between. The
// clock is the session row's own timestamps, moved back instead of waiting.
func TestSessionEndsWhenIdleOrOld(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	lim := handlers.DefaultSessionLimits
	for i, tc := range []struct {
		name              string
		created, lastSeen time.Duration // how long ago
		signedIn          bool
	}{
		{"idle just under the limit", lim.Idle - time.Minute, lim.Idle - time.Minute, true},
		{"idle past the limit", lim.Idle + time.Minute, lim.Idle + time.Minute, false},
		{"active, just under the absolute limit", lim.Absolute - time.Minute, time.Minute, true},
		{"active, past the absolute limit", lim.Absolute + time.Minute, time.Minute, false},
	} {
		c := ts.client(t)
		email := fmt.Sprintf("owner-%d@shop.test", i)
		c.signup("Shop", email)
		u, err := ts.store.Authenticate(context.Background(), email, "correct horse battery")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ts.db.Exec(`UPDATE sessions SET created_at = now() - $2 * interval '1 second',
			last_seen_at = now() - $3 * interval '1 second' WHERE user_id = $1`,
			u.ID, tc.created.Seconds(), tc.lastSeen.Seconds()); err != nil {
			t.Fatal(err)
		}
		res := c.get("/")
		if got := res.StatusCode == http.StatusOK; got != tc.signedIn {
			t.Errorf("%s: GET / = %d %s, want signed in %v", tc.name, res.StatusCode, res.Header.Get("Location"), tc.signedIn)
		}
		if !tc.signedIn && !strings.HasPrefix(res.Header.Get("Location"), "/login") {
			t.Errorf("%s: ended session sent to %q, want the sign-in page", tc.name, res.Header.Get("Location"))
		}
	}
}

// TestLoginThrottleParallel fires 30 wrong passwords at one account at once, as a guesser with a
// script does. The attempt is counted before its password is checked, so at most
// LoginLimitPerAccount of them are checked at all; the rest answer 429 with Retry-After, and the
// account then refuses even the right password until the window has passed.
func TestLoginThrottleParallel(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	// A slower hash than the tests' usual one widens the window between checking the count and
	// knowing the password was wrong, where a throttle that records afterwards lets guesses
	// through.
	ts.store.PasswordCost = 10
	ts.client(t).signup("Shop", "owner@shop.test")
	c := ts.client(t)
	token := c.csrfToken()
	const n = 30
	statuses := make([]response, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			req, _ := http.NewRequest(http.MethodPost, c.base+"/login", strings.NewReader(url.Values{
				"_csrf": {token}, "email": {"owner@shop.test"}, "password": {fmt.Sprintf("guess %d", i)}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			res, err := c.http.Do(req)
			if err != nil {
				t.Errorf("attempt %d: %v", i, err)
				return
			}
			res.Body.Close()
			statuses[i] = response{Response: res}
		}()
	}
	close(start)
	wg.Wait()
	var checked, throttled int
	for i, res := range statuses {
		if res.Response == nil {
			continue
		}
		switch res.StatusCode {
		case http.StatusUnauthorized:
			checked++
		case http.StatusTooManyRequests:
			throttled++
			if ra, err := strconv.Atoi(res.Header.Get("Retry-After")); err != nil || ra <= 0 || ra > int(domain.LoginWindow.Seconds())+1 {
				t.Errorf("attempt %d: Retry-After = %q, want seconds within the window", i, res.Header.Get("Retry-After"))
			}
		default:
			t.Errorf("attempt %d: status %d, want 401 or 429", i, res.StatusCode)
		}
	}
	if checked > domain.LoginLimitPerAccount || checked+throttled != n {
		t.Errorf("%d wrong passwords checked and %d throttled of %d; want at most %d checked, the rest throttled",
			checked, throttled, n, domain.LoginLimitPerAccount)
	}
	wantStatus(t, c.login("owner@shop.test", "correct horse battery"), http.StatusTooManyRequests)
}
