package handlers_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/jmoiron/sqlx"
	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/dbtest"
	"github.com/parceldesk/portal/handlers"
)

// testServer is a portal on a fresh database, served over real HTTP.
type testServer struct {
	*httptest.Server
	store *domain.Store
	// db is the test's database (nil when the store reaches it some other way), for checks
	// that no page offers, such as a fingerprint of every table.
	db *sqlx.DB
	// routes is the portal's route table.
	routes []*echo.Route
	// logs holds what the server logged at warn level and above.
	logs *logBuffer
}

// logBuffer keeps log output for a test to read, safe for the server's goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// String returns everything logged so far.
func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// newTestServer serves the portal over real HTTP on a fresh database; opts set up the
// http.Server before it starts.
func newTestServer(t *testing.T, cfg handlers.Config, opts ...func(*http.Server)) *testServer {
	t.Helper()
	db := dbtest.NewDB(t)
	store := domain.NewStore(db)
	store.PasswordCost = 4
	ts := newTestServerOn(t, cfg, store, opts...)
	ts.db = db
	return ts
}

func newTestServerOn(t *testing.T, cfg handlers.Config, store *domain.Store, opts ...func(*http.Server)) *testServer {
	t.Helper()
	if cfg.SessionKey == nil {
		cfg.SessionKey = []byte("0123456789abcdef0123456789abcdef")
	}
	logs := &logBuffer{}
	log := slog.New(slog.NewTextHandler(io.MultiWriter(testLog{t}, logs), &slog.HandlerOptions{Level: slog.LevelWarn}))
	e := handlers.New(log, cfg, store)
	srv := httptest.NewUnstartedServer(e)
	for _, o := range opts {
		o(srv.Config)
	}
	srv.Start()
	t.Cleanup(srv.Close)
	return &testServer{Server: srv, store: store, routes: e.Routes(), logs: logs}
}

// testLog sends the server's warnings and errors to the test log, shown when a test fails.
type testLog struct{ t *testing.T }

func (w testLog) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// client is a browser stand-in: a cookie jar, and redirects left to the test to follow.
type client struct {
	t    *testing.T
	base string
	http *http.Client
}

func (ts *testServer) client(t *testing.T) *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: t, base: ts.URL, http: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// response is a read response.
type response struct {
	*http.Response
	body string
}

func (c *client) do(req *http.Request) response {
	c.t.Helper()
	res, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return response{Response: res, body: string(b)}
}

func (c *client) get(path string) response {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.base+path, nil)
	return c.do(req)
}

// postRaw posts a form exactly as given, without adding a CSRF token.
func (c *client) postRaw(path string, form url.Values) response {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

var csrfField = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// post loads the page at from to get a CSRF token, as a browser would, and posts the form to path.
func (c *client) post(from, path string, form url.Values) response {
	c.t.Helper()
	page := c.get(from)
	if page.StatusCode == http.StatusSeeOther { // e.g. /login when already signed in
		page = c.get(page.Header.Get("Location"))
	}
	m := csrfField.FindStringSubmatch(page.body)
	if m == nil {
		c.t.Fatalf("no CSRF token on %s (status %d)", from, page.StatusCode)
	}
	if form == nil {
		form = url.Values{}
	}
	form.Set("_csrf", m[1])
	return c.postRaw(path, form)
}

// signup creates a shop through the form and leaves the client signed in as its owner.
func (c *client) signup(shop, email string) {
	c.t.Helper()
	res := c.post("/signup", "/signup", url.Values{"shop_name": {shop}, "email": {email}, "password": {"correct horse battery"}})
	if res.StatusCode != http.StatusSeeOther {
		c.t.Fatalf("signup %s: status %d, want 303\n%s", email, res.StatusCode, res.body)
	}
}

// login signs in through the form.
func (c *client) login(email, password string) response {
	c.t.Helper()
	return c.post("/login", "/login", url.Values{"email": {email}, "password": {password}})
}

// cookie returns the client's cookie of that name, or nil.
func (c *client) cookie(name string) *http.Cookie {
	u, _ := url.Parse(c.base)
	for _, ck := range c.http.Jar.Cookies(u) {
		if ck.Name == name {
			return ck
		}
	}
	return nil
}

// setCookie returns the Set-Cookie of that name in a response, or nil.
func setCookie(res response, name string) *http.Cookie {
	for _, ck := range res.Cookies() {
		if ck.Name == name {
			return ck
		}
	}
	return nil
}

func wantStatus(t *testing.T, res response, want int) {
	t.Helper()
	if res.StatusCode != want {
		t.Fatalf("%s %s: status %d, want %d\n%.600s", res.Request.Method, res.Request.URL.Path, res.StatusCode, want, res.body)
	}
}
