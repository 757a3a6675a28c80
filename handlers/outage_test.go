package handlers_test

import (
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/dbtest"
	"github.com/parceldesk/portal/handlers"
)

// flakyProxy forwards TCP to PostgreSQL and can cut the line: down() drops every connection and
// refuses new ones, as a stopped or unreachable database server would look to the portal.
type flakyProxy struct {
	ln     net.Listener
	target string
	mu     sync.Mutex
	isDown bool
	conns  []net.Conn
}

func newFlakyProxy(t *testing.T, target string) *flakyProxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &flakyProxy{ln: ln, target: target}
	t.Cleanup(func() { ln.Close(); p.down() })
	go p.serve()
	return p
}

func (p *flakyProxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		if p.isDown {
			p.mu.Unlock()
			c.Close()
			continue
		}
		up, err := net.Dial("tcp", p.target)
		if err != nil {
			p.mu.Unlock()
			c.Close()
			continue
		}
		p.conns = append(p.conns, c, up)
		p.mu.Unlock()
		go func() { _, _ = io.Copy(up, c); up.Close() }()
		go func() { _, _ = io.Copy(c, up); c.Close() }()
	}
}

func (p *flakyProxy) down() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.isDown = true
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

func (p *flakyProxy) up() {
	p.mu.Lock()
	p.isDown = false
	p.mu.Unlock()
}

// TestDatabaseOutage: while the database is unreachable the portal keeps serving, answers 503
// with a friendly page, and recovers by itself when the database is back.
func TestDatabaseOutage(t *testing.T) {
	t.Parallel()
	dbURL, err := url.Parse(dbtest.NewURL(t))
	if err != nil {
		t.Fatal(err)
	}
	proxy := newFlakyProxy(t, dbURL.Host)
	dbURL.Host = proxy.ln.Addr().String()
	db, err := sqlx.Open("postgres", dbURL.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	store := domain.NewStore(db)
	store.PasswordCost = 4
	ts := newTestServerOn(t, handlers.Config{}, store)
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	wantStatus(t, c.get("/healthz"), http.StatusOK)

	proxy.down()
	res := c.get("/healthz")
	wantStatus(t, res, http.StatusServiceUnavailable)
	res = c.get("/")
	wantStatus(t, res, http.StatusServiceUnavailable)
	if !strings.Contains(res.body, "Database unavailable") || res.Header.Get("Retry-After") == "" {
		t.Errorf("outage page lacks its message or Retry-After:\n%.600s", res.body)
	}
	// Static files need no database.
	wantStatus(t, c.get("/static/css/app.css"), http.StatusOK)

	proxy.up()
	deadline := time.Now().Add(10 * time.Second)
	for {
		res = c.get("/")
		if res.StatusCode == http.StatusOK || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	wantStatus(t, res, http.StatusOK)
	if !strings.Contains(res.body, "Shop") {
		t.Error("after recovery the member is no longer signed in")
	}
}
