package domain_test

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"net"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/dbtest"
)

// resetProxy forwards TCP to PostgreSQL. poison() turns every connection open at that moment
// into one whose far end is gone: it stays open, so a statement can still be written to it, and
// the next bytes the client sends are answered with a TCP reset (as from a load balancer or NAT
// that lost the connection's state). New connections go through.
type resetProxy struct {
	ln       net.Listener
	target   string
	mu       sync.Mutex
	open     map[net.Conn]bool // client side → poisoned
	upstream map[net.Conn]net.Conn
}

func newResetProxy(t *testing.T, target string) *resetProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &resetProxy{ln: ln, target: target, open: map[net.Conn]bool{}, upstream: map[net.Conn]net.Conn{}}
	t.Cleanup(func() {
		ln.Close()
		p.mu.Lock()
		defer p.mu.Unlock()
		for c, up := range p.upstream {
			c.Close()
			up.Close()
		}
	})
	go p.serve()
	return p
}

func (p *resetProxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		up, err := net.Dial("tcp", p.target)
		if err != nil {
			c.Close()
			continue
		}
		p.mu.Lock()
		p.open[c], p.upstream[c] = false, up
		p.mu.Unlock()
		go func() { _, _ = io.Copy(c, up) }()
		go p.forward(c, up)
	}
}

// forward copies the client's bytes to the server until the connection is poisoned; then it
// resets the client's connection instead.
func (p *resetProxy) forward(c, up net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := c.Read(buf)
		p.mu.Lock()
		poisoned := p.open[c]
		p.mu.Unlock()
		if poisoned {
			_ = c.(*net.TCPConn).SetLinger(0) // close with RST, not FIN
			c.Close()
			up.Close()
			return
		}
		if n > 0 {
			if _, werr := up.Write(buf[:n]); werr != nil {
				err = werr
			}
		}
		if err != nil {
			c.Close()
			up.Close()
			return
		}
	}
}

func (p *resetProxy) poison() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for c := range p.open {
		p.open[c] = true
	}
}

// TestFailMarksImportWhenEveryConnectionBroke: the connection an import runs on breaks, and every
// idle connection of the pool with it. Fail must still mark the import failed. An UPDATE sent on
// a dead pooled connection is reset after it was written, an error database/sql does not retry
// (lib/pq reports it as a network error, not driver.ErrBadConn), so the import stayed "running"
// (TestConnectionLostDuringCopy caught it now and then under load).
func TestFailMarksImportWhenEveryConnectionBroke(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	direct := dbtest.NewURL(t)
	u, err := url.Parse(direct)
	if err != nil {
		t.Fatal(err)
	}
	proxy := newResetProxy(t, u.Host)
	u.Host = proxy.ln.Addr().String()
	db, err := domain.Open(u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.SetMaxIdleConns(10)
	check, err := sql.Open("postgres", direct)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { check.Close() })
	s := domain.NewStore(db)
	s.PasswordCost = 4

	seller, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	csv := header + "F-1,,,Delivered,2026-11-01 10:00,,FR,\n"
	p, _ := domain.DetectSettings(strings.NewReader(csv))
	im, err := s.CreateImport(ctx, seller.ID, domain.NewImport{Source: "cli", Filename: "f.csv"})
	if err != nil {
		t.Fatal(err)
	}
	run, err := s.BeginImport(ctx, seller.ID, im.ID, domain.ImportSettings{Dialect: p.Dialect, Mapping: p.Mapping, Location: china})
	if err != nil {
		t.Fatal(err)
	}
	// Several idle connections in the pool, as a serving portal has.
	conns := make([]*sql.Conn, 4)
	for i := range conns {
		if conns[i], err = db.Conn(ctx); err != nil {
			t.Fatal(err)
		}
		if err := conns[i].PingContext(ctx); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range conns {
		c.Close()
	}

	proxy.poison()
	err = run.Fail(ctx, errors.New("connection lost"))
	if err == nil || strings.Contains(err.Error(), "marking it failed") {
		t.Errorf("Fail = %v; want the cause alone, the import marked failed", err)
	}
	var status string
	if err := check.QueryRow(`SELECT status FROM imports WHERE id = $1`, im.ID).Scan(&status); err != nil {
		t.Fatal(err)
	}
	if status != string(domain.ImportFailed) {
		t.Errorf("import %s after Fail, want failed", status)
	}
}
