package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain/dbtest"
	"github.com/parceldesk/portal/handlers"
)

// syncBuffer is a log destination the server's goroutines and the test share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// line returns the JSON request log line for path, waiting briefly: the line is written as the
// response ends.
func (b *syncBuffer) line(t *testing.T, path string) map[string]any {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		b.mu.Lock()
		lines := strings.Split(b.buf.String(), "\n")
		b.mu.Unlock()
		for _, l := range lines {
			var rec map[string]any
			if json.Unmarshal([]byte(l), &rec) == nil && rec["msg"] == "request" && rec["path"] == path {
				return rec
			}
		}
	}
	t.Fatalf("no request log line for %s", path)
	return nil
}

// TestRequestLogLine: each request's log line carries its id, method, route pattern, path,
// status and latency, and the seller once signed in.
func TestRequestLogLine(t *testing.T) {
	t.Parallel()
	var logs syncBuffer
	store := dbtest.NewStore(t)
	srv := httptest.NewServer(handlers.New(slog.New(slog.NewJSONHandler(&logs, nil)),
		handlers.Config{SessionKey: []byte("0123456789abcdef0123456789abcdef")}, store))
	t.Cleanup(srv.Close)
	ts := &testServer{Server: srv, store: store}
	c := ts.client(t)

	wantStatus(t, c.get("/login"), http.StatusOK)
	anon := logs.line(t, "/login")
	if _, ok := anon["seller"]; ok {
		t.Errorf("anonymous request logged with a seller: %v", anon)
	}

	c.signup("Log Shop", "owner@log.test")
	owner, err := store.FindUserByEmail(context.Background(), "owner@log.test")
	if err != nil {
		t.Fatal(err)
	}
	wantStatus(t, c.get("/exceptions/424242"), http.StatusNotFound)
	rec := logs.line(t, "/exceptions/424242")
	for k, want := range map[string]any{
		"method": "GET", "route": "/exceptions/:id", "status": float64(404), "seller": float64(owner.SellerID),
	} {
		if rec[k] != want {
			t.Errorf("log %s = %v, want %v (line %v)", k, rec[k], want, rec)
		}
	}
	if id, _ := rec["id"].(string); id == "" {
		t.Errorf("log line has no request id: %v", rec)
	}
	if _, ok := rec["latency"]; !ok {
		t.Errorf("log line has no latency: %v", rec)
	}
}
