package handlers_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/dbtest"
	"github.com/parceldesk/portal/handlers"
	"github.com/parceldesk/portal/migrations"
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

// cut drops every connection open now, as a network fault or a restarted load balancer would;
// new connections go through.
func (p *flakyProxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
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
	ts, proxy, _ := proxiedServer(t)
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

// proxiedServer is a portal whose database connections go through a flakyProxy, with a direct
// connection to the same database for the test's own checks.
func proxiedServer(t *testing.T) (*testServer, *flakyProxy, *sqlx.DB) {
	t.Helper()
	direct := dbtest.NewURL(t)
	dbURL, err := url.Parse(direct)
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
	check, err := sqlx.Open("postgres", direct)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { check.Close() })
	store := domain.NewStore(db)
	store.PasswordCost = 4
	return newTestServerOn(t, handlers.Config{}, store), proxy, check
}

// bigCSV is a file of n orders, one row each.
func bigCSV(n int) string {
	var b strings.Builder
	b.WriteString("order_ref,tracking_number,status,status_at,destination_country\n")
	for i := range n {
		fmt.Fprintf(&b, "BIG-%07d,LP%014d,Delivered,2026-11-01 10:00,FR\n", i, i)
	}
	return b.String()
}

// waitFor polls the database until query returns true or the deadline passes.
func waitFor(t *testing.T, db *sqlx.DB, within time.Duration, query string, args ...any) bool {
	t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		var ok bool
		if err := db.Get(&ok, query, args...); err != nil {
			t.Fatal(err)
		}
		if ok {
			return true
		}
		time.Sleep(5 * time.Millisecond)
	}
	return false
}

// TestConnectionLostDuringCopy: the database connection drops while an import is copying rows
// into its staging table. The import is marked failed with the reason, not one row of it is in
// the shipments, and it runs again to the end once the connection is back.
func TestConnectionLostDuringCopy(t *testing.T) {
	t.Parallel()
	ts, proxy, check := proxiedServer(t)
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	const orders = 50_000
	path := c.upload("big.csv", bigCSV(orders)).Header.Get("Location")
	wantStatus(t, c.confirm(path, nil), http.StatusSeeOther)
	if !waitFor(t, check, 30*time.Second, `SELECT EXISTS (SELECT FROM pg_stat_activity
		WHERE datname = current_database() AND query LIKE 'COPY staging%' AND state = 'active')`) {
		t.Fatal("the import never got to its COPY")
	}
	proxy.cut()
	page := c.waitDone(path)
	if !strings.Contains(page.body, "The connection to the database was lost during the import. Nothing from it was saved; run it again.") {
		t.Errorf("the import page does not say why it failed:\n%.1500s", page.body)
		// Where the import stands, should it hang (as it once did: Conn.Raw closing the
		// connection its own transaction held).
		var stacks strings.Builder
		_ = pprof.Lookup("goroutine").WriteTo(&stacks, 1)
		t.Logf("goroutines:\n%s", stacks.String())
	}
	var status string
	var shipments, events int
	if err := check.Get(&status, `SELECT status FROM imports`); err != nil {
		t.Fatal(err)
	}
	if err := check.Get(&shipments, `SELECT count(*) FROM shipments`); err != nil {
		t.Fatal(err)
	}
	if err := check.Get(&events, `SELECT count(*) FROM events`); err != nil {
		t.Fatal(err)
	}
	if status != "failed" || shipments != 0 || events != 0 {
		t.Fatalf("after the cut: import %s, %d shipments, %d events; want failed and nothing", status, shipments, events)
	}

	// The server ends the cut-off session (and frees the import's run lock) a moment later.
	if !waitFor(t, check, 10*time.Second, `SELECT NOT EXISTS (SELECT FROM pg_locks WHERE locktype = 'advisory'
		AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))`) {
		t.Fatal("the cut-off import still holds its lock after 10 s")
	}
	wantStatus(t, c.confirm(path, nil), http.StatusSeeOther)
	if !waitFor(t, check, 2*time.Minute, `SELECT status NOT IN ('queued', 'running') FROM imports`) {
		t.Fatal("the re-run did not finish in two minutes")
	}
	if err := check.Get(&status, `SELECT status FROM imports`); err != nil {
		t.Fatal(err)
	}
	if err := check.Get(&shipments, `SELECT count(*) FROM shipments`); err != nil {
		t.Fatal(err)
	}
	if status != "done" || shipments != orders {
		t.Errorf("re-run: import %s, %d shipments, want done and %d", status, shipments, orders)
	}
}

// privateCluster runs a PostgreSQL server of the test's own (never the shared one), returning
// its URL and a function that runs pg_ctl on it. It needs the server binaries and, as root, the
// postgres user (PostgreSQL refuses to run as root); it skips without them.
func privateCluster(t *testing.T) (string, func(args ...string)) {
	t.Helper()
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_ctl")
	if len(bins) == 0 {
		t.Skip("no PostgreSQL server binaries (/usr/lib/postgresql/*/bin) for a private cluster")
	}
	sort.Strings(bins)
	bin := filepath.Dir(bins[len(bins)-1])
	var as []string
	dir, err := os.MkdirTemp("", "portal-cluster-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if os.Geteuid() == 0 {
		pg, err := user.Lookup("postgres")
		if err != nil {
			t.Skip("running as root without a postgres user to run a private cluster as")
		}
		uid, _ := strconv.Atoi(pg.Uid)
		gid, _ := strconv.Atoi(pg.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
		as = []string{"runuser", "-u", "postgres", "--"}
	}
	run := func(name string, args ...string) {
		t.Helper()
		cmd := append(append(as[:len(as):len(as)], filepath.Join(bin, name)), args...)
		if out, err := exec.Command(cmd[0], cmd[1:]...).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(cmd, " "), err, out)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	data := filepath.Join(dir, "data")
	run("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync")
	opts := fmt.Sprintf("-p %d -c listen_addresses=127.0.0.1 -k %s -c fsync=off", port, dir)
	pgctl := func(args ...string) {
		t.Helper()
		run("pg_ctl", append([]string{"-D", data, "-l", filepath.Join(dir, "server.log"), "-w", "-t", "60", "-o", opts}, args...)...)
	}
	pgctl("start")
	t.Cleanup(func() { pgctl("stop", "-m", "immediate") })
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port), pgctl
}

// TestDatabaseRestart: the database server itself is stopped (fast shutdown: PostgreSQL ends
// every session with an "administrator command" error) and started again while the portal runs.
// Meanwhile pages answer 503 with a friendly page; afterwards the portal recovers by itself, the
// member still signed in. TestDatabaseOutage covers the database vanishing from the network.
func TestDatabaseRestart(t *testing.T) {
	t.Parallel()
	dbURL, pgctl := privateCluster(t)
	db, err := sqlx.Open("postgres", dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := migrations.Apply(context.Background(), db.DB); err != nil {
		t.Fatal(err)
	}
	store := domain.NewStore(db)
	store.PasswordCost = 4
	ts := newTestServerOn(t, handlers.Config{}, store)
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	wantStatus(t, c.get("/"), http.StatusOK)

	pgctl("stop", "-m", "fast")
	wantStatus(t, c.get("/healthz"), http.StatusServiceUnavailable)
	res := c.get("/")
	wantStatus(t, res, http.StatusServiceUnavailable)
	if !strings.Contains(res.body, "Database unavailable") || res.Header.Get("Retry-After") == "" {
		t.Errorf("outage page lacks its message or Retry-After:\n%.600s", res.body)
	}
	wantStatus(t, c.get("/static/css/app.css"), http.StatusOK)

	pgctl("start")
	deadline := time.Now().Add(10 * time.Second)
	for res = c.get("/"); res.StatusCode != http.StatusOK && time.Now().Before(deadline); res = c.get("/") {
		time.Sleep(100 * time.Millisecond)
	}
	wantStatus(t, res, http.StatusOK)
	if !strings.Contains(res.body, "Shop") {
		t.Error("after the restart the member is no longer signed in")
	}
	wantStatus(t, c.get("/healthz"), http.StatusOK)
}
