package handlers_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/parceldesk/portal/domain/dbtest"
	"github.com/parceldesk/portal/handlers"
)

// countingBody is a request body that counts how much of it the server read.
type countingBody struct {
	r io.Reader
	n int64
}

func (b *countingBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.n += int64(n)
	return n, err
}

func (b *countingBody) Close() error { return nil }

// TestUploadWithoutTokenIsNotRead: an upload without a CSRF token is refused before its body is
// read, so anyone on the internet cannot make the server take in 40 MB (or 40 GB).
func TestUploadWithoutTokenIsNotRead(t *testing.T) {
	t.Parallel()
	h := handlers.New(slog.New(slog.NewTextHandler(io.Discard, nil)), handlers.Config{SessionKey: []byte("0123456789abcdef0123456789abcdef")}, dbtest.NewStore(t))
	body := &countingBody{r: io.MultiReader(strings.NewReader("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n"),
		io.LimitReader(zeros{}, 40<<20))}
	req := httptest.NewRequest(http.MethodPost, "/imports", body)
	req.Header.Set("Content-Type", "multipart/form-data; boundary=b")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Errorf("status %d, want 403", rec.Code)
	}
	if body.n > 1<<20 {
		t.Errorf("the server read %d bytes of a refused upload", body.n)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
