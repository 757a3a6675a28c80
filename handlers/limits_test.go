package handlers_test

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/handlers"
)

// TestLargeFormIs413: a form body over the 1 MB limit is refused with a clear 413 page before
// it is read into memory, whether the client announced its length or streams it in chunks, and
// changes nothing.
func TestLargeFormIs413(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	token := c.csrfToken()
	before := fingerprint(t, ts.db)
	note := strings.Repeat("x", 2<<20)
	for _, chunked := range []bool{false, true} {
		body := url.Values{"_csrf": {token}, "action": {"note"}, "note": {note}, "version": {"1"}}.Encode()
		var r io.Reader = strings.NewReader(body)
		if chunked {
			r = io.MultiReader(r) // hides the length: sent chunked
		}
		req, _ := http.NewRequest(http.MethodPost, c.base+"/settings/messages", r)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-CSRF-Token", token)
		res := c.do(req)
		if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(res.body, "Too large") {
			t.Errorf("chunked=%v: status %d, want 413 and the too-large page\n%.400s", chunked, res.StatusCode, res.body)
		}
	}
	if diff := changed(before, fingerprint(t, ts.db)); len(diff) > 0 {
		t.Errorf("a refused form changed %v", diff)
	}
}

// pacedPost posts body in pieces of size bytes, pausing before each piece but the first. It
// returns the answer, or the error when the server closed the connection without one.
func pacedPost(c *client, path, contentType string, body []byte, size int, pause time.Duration) (response, error) {
	pr, pw := io.Pipe()
	go func() {
		for i := 0; i < len(body); i += size {
			if i > 0 {
				time.Sleep(pause)
			}
			if _, err := pw.Write(body[i:min(i+size, len(body))]); err != nil {
				return
			}
		}
		pw.Close()
	}()
	req, _ := http.NewRequest(http.MethodPost, c.base+path, pr)
	req.ContentLength = int64(len(body))
	req.Header.Set("Content-Type", contentType)
	res, err := c.http.Do(req)
	if err != nil {
		return response{}, err
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return response{Response: res, body: string(b)}, nil
}

// TestSlowRequests: with the server's ReadTimeout at 1 s, an upload that keeps arriving (1 MiB a
// second, well within UploadStall) takes 4 s and succeeds; an upload that stops arriving is cut
// off after UploadStall with a clear 408 page and leaves nothing; a form body trickled past the
// ReadTimeout is cut off with 408 too.
func TestSlowRequests(t *testing.T) {
	t.Parallel()
	const stall = 2 * time.Second
	ts := newTestServer(t, handlers.Config{UploadStall: stall}, func(s *http.Server) { s.ReadTimeout = time.Second })
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	token := c.csrfToken()

	var csv bytes.Buffer
	csv.WriteString("order_ref,status,status_at\n")
	for i := 0; csv.Len() < 4<<20-200; i++ {
		fmt.Fprintf(&csv, "S-%07d,Delivered,2026-11-01 10:00\n", i)
	}
	multipartBody := func() ([]byte, string) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		fw, _ := mw.CreateFormFile("file", "slow.csv")
		fw.Write(csv.Bytes())
		mw.Close()
		return buf.Bytes(), mw.FormDataContentType()
	}
	body, ct := multipartBody()
	upload := "/imports?_csrf=" + url.QueryEscape(token)

	start := time.Now()
	res, err := pacedPost(c, upload, ct, body, 1<<20, time.Second)
	if err != nil {
		t.Fatalf("slow but steady upload: %v", err)
	}
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("slow but steady upload: status %d after %s, want 303\n%.600s", res.StatusCode, time.Since(start), res.body)
	}
	if took := time.Since(start); took < 3*time.Second {
		t.Errorf("the upload took %s: it did not outlast the ReadTimeout, so this proves nothing", took)
	}

	var before int
	ts.db.Get(&before, `SELECT count(*) FROM imports`)
	start = time.Now()
	res, err = pacedPost(c, upload, ct, body, len(body)/3, 3*stall)
	took := time.Since(start)
	if err != nil || res.StatusCode != http.StatusRequestTimeout || !strings.Contains(res.body, "stopped arriving") {
		t.Fatalf("stalled upload: %v, status %d, want 408 and a clear page\n%.600s", err, res.StatusCode, res.body)
	}
	if took > 2*stall+time.Second {
		t.Errorf("stalled upload answered after %s, want about %s", took, stall)
	}
	var after int
	ts.db.Get(&after, `SELECT count(*) FROM imports`)
	if after != before {
		t.Errorf("a stalled upload left an import behind")
	}

	form := []byte(url.Values{"_csrf": {token}, "kind": {"stalled"}, "stage": {"0"}, "body": {"Hello"}}.Encode())
	start = time.Now()
	res, err = pacedPost(c, "/settings/messages", "application/x-www-form-urlencoded", form, 10, 3*time.Second)
	if err != nil || res.StatusCode != http.StatusRequestTimeout || !strings.Contains(res.body, "took too long") {
		t.Fatalf("trickled form: %v, status %d, want 408 and a clear page\n%.600s", err, res.StatusCode, res.body)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("trickled form answered after %s, want about the 1 s ReadTimeout", took)
	}
}
