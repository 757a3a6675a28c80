package main

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// webClient is a browser stand-in over plain HTTP: a cookie jar, redirects not followed, and
// the CSRF token taken from the page as a browser would.
type webClient struct {
	t    *testing.T
	base string
	http *http.Client
}

func newWebClient(t *testing.T, base string) *webClient {
	jar, _ := cookiejar.New(nil)
	return &webClient{t: t, base: base, http: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// want sends a request and checks its status; it returns the response with its body read.
func (c *webClient) want(status int, method, path string, body io.Reader, header ...string) (*http.Response, string) {
	c.t.Helper()
	req, _ := http.NewRequest(method, c.base+path, body)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != status {
		c.t.Fatalf("%s %s: status %d, want %d\n%.500s", method, path, res.StatusCode, status, b)
	}
	return res, string(b)
}

var csrfInput = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// post sends a form from the page at from, with its CSRF token, and wants a redirect.
func (c *webClient) post(from, path string, form url.Values) *http.Response {
	c.t.Helper()
	_, page := c.want(http.StatusOK, http.MethodGet, from, nil)
	m := csrfInput.FindStringSubmatch(page)
	if m == nil {
		c.t.Fatalf("no CSRF token on %s", from)
	}
	form.Set("_csrf", m[1])
	res, _ := c.want(http.StatusSeeOther, http.MethodPost, path, strings.NewReader(form.Encode()),
		"Content-Type", "application/x-www-form-urlencoded")
	return res
}

func (c *webClient) signup() {
	c.post("/signup", "/signup", url.Values{"shop_name": {"Metrics Shop"}, "email": {"ops@metrics.test"}, "password": {"correct horse battery"}})
}

var (
	columnSelect   = regexp.MustCompile(`<select id="(map_[a-z_]+)"[^>]*>(?s:.*?)</select>`)
	selectedOption = regexp.MustCompile(`<option value="(\d+)" selected>`)
)

// upload sends a CSV to POST /imports and returns the path of its preview.
func (c *webClient) upload(data []byte) string {
	c.t.Helper()
	_, page := c.want(http.StatusOK, http.MethodGet, "/imports", nil)
	token := csrfInput.FindStringSubmatch(page)
	if token == nil {
		c.t.Fatal("no CSRF token on /imports")
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "orders.csv")
	fw.Write(data)
	mw.Close()
	res, _ := c.want(http.StatusSeeOther, http.MethodPost, "/imports?_csrf="+url.QueryEscape(token[1]), &body,
		"Content-Type", mw.FormDataContentType())
	return res.Header.Get("Location")
}

// importFile uploads a CSV, confirms the mapping the preview proposes and waits for the import.
func (c *webClient) importFile(data []byte) {
	c.t.Helper()
	path := c.upload(data)

	_, preview := c.want(http.StatusOK, http.MethodGet, path, nil)
	form := url.Values{"timezone": {"Asia/Shanghai"}, "date_order": {"unknown"}}
	for _, m := range columnSelect.FindAllStringSubmatch(preview, -1) {
		if v := selectedOption.FindStringSubmatch(m[0]); v != nil {
			form.Set(m[1], v[1])
		}
	}
	c.post(path, path+"/run", form)
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		_, page := c.want(http.StatusOK, http.MethodGet, path, nil)
		if strings.Contains(page, `id="import-result"`) {
			return
		}
		if time.Now().After(deadline) || !strings.Contains(page, `id="import-progress"`) {
			c.t.Fatalf("import did not finish:\n%.2000s", page)
		}
	}
}
