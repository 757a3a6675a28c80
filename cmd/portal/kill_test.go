package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/dbtest"
)

// portalProcess is `portal serve` running as a child process, as in production.
type portalProcess struct {
	cmd  *exec.Cmd
	base string
}

// startProcess runs the built binary's serve command on the database and waits until it listens.
func startProcess(t *testing.T, bin, dbURL string) *portalProcess {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "DATABASE_URL="+dbURL, "SESSION_SECRET=kill-test-secret", "LOG_LEVEL=warn")
	cmd.Stderr = testWriter{t}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	// A server that neither listens nor exits within a minute is killed: the read then ends.
	timer := time.AfterFunc(time.Minute, func() { _ = cmd.Process.Kill() })
	defer timer.Stop()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("portal serve said nothing: %v", err)
	}
	base, ok := strings.CutPrefix(strings.TrimSpace(line), "Parcel Desk listening on ")
	if !ok {
		t.Fatalf("portal serve: %q", line)
	}
	go func() { _, _ = io.Copy(io.Discard, out) }()
	return &portalProcess{cmd: cmd, base: base}
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// TestKilledDuringImport: the portal is killed (SIGKILL, no chance to clean up) while an import
// merges its rows. Nothing of the import is in the shipments or events; once the portal is back
// the import shows as interrupted, and running it again imports the whole file.
func TestKilledDuringImport(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bin := filepath.Join(t.TempDir(), "portal")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dbURL := dbtest.NewURL(t)
	db, err := sqlx.Open("postgres", dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	store := domain.NewStore(db)
	store.PasswordCost = 4
	if _, _, err := store.CreateSeller(ctx, domain.Signup{ShopName: "Shop", Email: "owner@shop.test", Password: "correct horse battery"}); err != nil {
		t.Fatal(err)
	}
	waitFor := func(within time.Duration, query string) bool {
		t.Helper()
		for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
			var ok bool
			if err := db.Get(&ok, query); err != nil {
				t.Fatal(err)
			}
			if ok {
				return true
			}
		}
		return false
	}
	count := func(query string) int {
		t.Helper()
		var n int
		if err := db.Get(&n, query); err != nil {
			t.Fatal(err)
		}
		return n
	}

	p := startProcess(t, bin, dbURL)
	c := newWebClient(t, p.base)
	c.post("/login", "/login", url.Values{"email": {"owner@shop.test"}, "password": {"correct horse battery"}})

	// Two events for each of 60,000 orders.
	const orders = 60_000
	var file bytes.Buffer
	file.WriteString("order_ref,tracking_number,status,status_at,destination_country\n")
	for i := range orders {
		fmt.Fprintf(&file, "K-%07d,LP%014d,Departed from the origin country,2026-11-01 10:00,FR\n", i, i)
		fmt.Fprintf(&file, "K-%07d,LP%014d,Arrived at the destination country,2026-11-04 10:00,FR\n", i, i)
	}
	importPath := c.upload(file.Bytes())
	run := func() {
		t.Helper()
		c.post(importPath, importPath+"/run", url.Values{"map_order_ref": {"0"},
			"map_tracking_number": {"1"}, "map_status": {"2"}, "map_status_at": {"3"}, "map_destination_country": {"4"},
			"timezone": {"UTC"}, "date_order": {"unknown"}})
	}

	run()
	merging := `SELECT EXISTS (SELECT FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
		AND state = 'active' AND query LIKE '%FROM staging%' AND query NOT LIKE 'COPY%')`
	if !waitFor(2*time.Minute, merging) {
		t.Fatalf("the import never got to its merge (import: %d rows read)", count(`SELECT rows_read FROM imports`))
	}
	if err := p.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = p.cmd.Wait()
	killed := time.Now()
	if n := count(`SELECT count(*) FROM shipments`) + count(`SELECT count(*) FROM events`); n != 0 {
		t.Errorf("killed mid-merge, the import left %d shipments and events", n)
	}
	// The database ends the dead portal's work within seconds (client_connection_check_interval),
	// instead of running the merge to its end.
	if !waitFor(15*time.Second, `SELECT NOT EXISTS (SELECT FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%staging%')`) {
		t.Errorf("the killed portal's merge still runs %s after the kill", time.Since(killed))
	}
	t.Logf("the killed portal's database work ended %s after the kill", time.Since(killed).Round(time.Millisecond))
	if n := count(`SELECT count(*) FROM shipments`) + count(`SELECT count(*) FROM events`); n != 0 {
		t.Errorf("killed mid-merge, the import left %d shipments and events", n)
	}

	p = startProcess(t, bin, dbURL)
	c.base = p.base // the session cookie is the host's, whatever the port
	var status string
	if !waitFor(90*time.Second, `SELECT status = 'interrupted' FROM imports`) {
		db.Get(&status, `SELECT status FROM imports`)
		t.Fatalf("after the restart the import is %s, want interrupted", status)
	}
	if _, page := c.want(http.StatusOK, http.MethodGet, importPath, nil); !strings.Contains(page, "The portal stopped during this import. Nothing from it was saved; run it again.") {
		t.Errorf("the import page does not say it was interrupted:\n%.2000s", page)
	}
	run()
	if !waitFor(3*time.Minute, `SELECT status NOT IN ('queued', 'running') FROM imports`) {
		t.Fatal("the re-run did not finish in 3 minutes")
	}
	db.Get(&status, `SELECT status FROM imports`)
	if got := count(`SELECT count(*) FROM shipments`); status != "done" || got != orders {
		t.Errorf("re-run: import %s, %d shipments, want done and %d", status, got, orders)
	}
	if got := count(`SELECT count(*) FROM events`); got != 2*orders {
		t.Errorf("re-run: %d events, want %d", got, 2*orders)
	}
	_ = p.cmd.Process.Signal(os.Interrupt)
}
