package main

import (
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestSlowHeadersAreCutOff: a client that sends its request headers a byte at a time (slowloris)
// is disconnected by the portal's own server settings once ReadHeaderTimeout has passed, however
// steadily the bytes keep coming.
func TestSlowHeadersAreCutOff(t *testing.T) {
	t.Parallel()
	srv := newHTTPServer(http.NotFoundHandler(), slog.New(slog.NewTextHandler(io.Discard, nil)))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })

	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	req := "GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + strings.Repeat("a", 1000)
	var cutAfter time.Duration
	for i := 0; i < len(req); i++ {
		if _, err := conn.Write([]byte{req[i]}); err != nil {
			cutAfter = time.Since(start)
			break
		}
		// A closed connection shows on a read, which must not see a response either.
		conn.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
		if n, err := conn.Read(make([]byte, 1)); n > 0 || err != nil && !isTimeout(err) {
			cutAfter = time.Since(start)
			break
		}
	}
	want := srv.ReadHeaderTimeout
	if cutAfter == 0 || cutAfter < want-time.Second || cutAfter > want+5*time.Second {
		t.Errorf("a client sending headers byte by byte was cut off after %s, want about %s", cutAfter, want)
	}
}

func isTimeout(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}
