package handlers_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/handlers"
)

// messyCSV is what a seller's spreadsheet tool writes: a BOM, semicolons, day-first dates, a
// quoted cell with a newline, a decimal comma, and one broken row (line 6, after a cell spanning lines 3–4: no order reference).
const messyCSV = "\uFEFFOrder Number;Tracking No;Last Event;Event Date;Country;Total\r\n" +
	"M-1;LP00123456789012;[Shenzhen] Hand over to airline;13/11/2026 10:00;Espagne;12,50 €\r\n" +
	"M-1;LP00123456789012;\"Arrived at destination country/region\nMadrid hub\";16/11/2026 08:30;Spain;\r\n" +
	"M-2;LP00999999999999;Delivered;02/11/2026 12:00;DE;9,99 €\r\n" +
	";LP00555555555555;=HYPERLINK(\"http://evil.test\");03/11/2026 12:00;DE;\r\n"

// upload posts a file to /imports the way the upload form does (token in the query string).
func (c *client) upload(name, body string) response {
	c.t.Helper()
	page := c.get("/imports")
	m := csrfField.FindStringSubmatch(page.body)
	if m == nil {
		c.t.Fatalf("no CSRF token on /imports (status %d)", page.StatusCode)
	}
	return c.uploadWithToken(m[1], name, body)
}

func (c *client) uploadWithToken(token, name, body string) response {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write([]byte(body))
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, c.base+"/imports?_csrf="+url.QueryEscape(token), &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

var selectedOption = regexp.MustCompile(`<select id="(map_[a-z_]+)"[^>]*>(?s:.*?)</select>`)
var selectedValue = regexp.MustCompile(`<option value="(\d+)" selected>`)

// confirm posts the mapping form as the preview pre-filled it, with extra fields on top.
func (c *client) confirm(importPath string, extra url.Values) response {
	c.t.Helper()
	page := c.get(importPath)
	wantStatus(c.t, page, http.StatusOK)
	form := url.Values{"timezone": {"Asia/Shanghai"}, "date_order": {"unknown"}}
	for _, m := range selectedOption.FindAllStringSubmatch(page.body, -1) {
		if v := selectedValue.FindStringSubmatch(m[0]); v != nil {
			form.Set(m[1], v[1])
		}
	}
	for k, v := range extra {
		form[k] = v
	}
	return c.post(importPath, importPath+"/run", form)
}

// waitDone polls the import page until the import is over.
func (c *client) waitDone(importPath string) response {
	c.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		res := c.get(importPath)
		if !strings.Contains(res.body, `id="import-progress"`) || time.Now().After(deadline) {
			return res
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestUploadPreviewRunAndRejectedRows(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	res := c.upload("orders.csv", messyCSV)
	wantStatus(t, res, http.StatusSeeOther)
	path := res.Header.Get("Location")
	preview := c.get(path)
	for _, want := range []string{"semicolons", "Order Number", "Espagne", `id="mapping-form"`} {
		if !strings.Contains(preview.body, want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	// 13/11/2026 decides the file: day first.
	if !strings.Contains(preview.body, `<option value="day_first" selected>`) {
		t.Error("day-first dates not detected on the preview")
	}
	wantStatus(t, c.confirm(path, url.Values{"date_order": {"day_first"}}), http.StatusSeeOther)
	done := c.waitDone(path)
	if !strings.Contains(done.body, `id="import-result"`) {
		t.Fatalf("import did not finish:\n%s", done.body[strings.Index(done.body, "<main"):])
	}
	for _, want := range []string{">4<", ">2<", ">1<"} { // rows read, shipments created, rejected
		if !strings.Contains(done.body, want) {
			t.Errorf("result lacks %s", want)
		}
	}
	rej := c.get(path + "/rejected.csv")
	wantStatus(t, rej, http.StatusOK)
	if cd := rej.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") {
		t.Errorf("rejected rows not an attachment: %q", cd)
	}
	// In the file's own shape: its BOM and its semicolons.
	if !strings.HasPrefix(rej.body, "\uFEFFOrder Number;") {
		t.Errorf("rejected rows lost the file's BOM or delimiter: %.40q", rej.body)
	}
	rd := csv.NewReader(strings.NewReader(strings.TrimPrefix(rej.body, "\uFEFF")))
	rd.Comma = ';'
	recs, err := rd.ReadAll()
	if err != nil || len(recs) != 2 {
		t.Fatalf("rejected CSV: %v, %d records\n%s", err, len(recs), rej.body)
	}
	if got := recs[0][len(recs[0])-1]; got != "error" {
		t.Errorf("last header = %q, want error", got)
	}
	row := recs[1]
	if !strings.HasPrefix(row[len(row)-1], "line 6: ") || row[1] != "LP00555555555555" {
		t.Errorf("rejected row = %q", row)
	}
	if !strings.HasPrefix(row[2], "'=") {
		t.Errorf("a formula cell was not neutralised: %q", row[2])
	}
	list := c.get("/imports")
	if !strings.Contains(list.body, "orders.csv") || !strings.Contains(list.body, "done") {
		t.Error("import history lacks the import")
	}
}

func TestUploadRefusals(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{MaxUploadBytes: 1 << 20})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	for name, tc := range map[string]struct {
		body, want string
	}{
		"empty.csv":  {"", "The file is empty."},
		"photo.png":  {"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "does not look like a CSV"},
		"big.csv":    {strings.Repeat("order_ref,status\n", 70_000), "larger than the limit of 1 MB"},
		"no-ref.csv": {"colour,size\nred,M\n", ""},
	} {
		res := c.upload(name, tc.body)
		if tc.want == "" {
			// A file without an order reference uploads; the preview asks for the column and
			// refuses to run without one.
			wantStatus(t, res, http.StatusSeeOther)
			run := c.confirm(res.Header.Get("Location"), nil)
			wantStatus(t, run, http.StatusUnprocessableEntity)
			if !strings.Contains(run.body, "order") {
				t.Errorf("%s: no message about the order reference:\n%.800s", name, run.body)
			}
			continue
		}
		wantStatus(t, res, http.StatusUnprocessableEntity)
		if !strings.Contains(res.body, tc.want) {
			t.Errorf("%s: page lacks %q", name, tc.want)
		}
	}
	if list := c.get("/imports"); strings.Count(list.body, "/imports/") != 1 {
		t.Errorf("refused uploads appear in the history")
	}
	wantStatus(t, c.uploadWithToken("forged-token-xxxxxxxxxxxxxxxxxxxx", "a.csv", "order_ref\nA\n"), http.StatusForbidden)
}

func TestAmbiguousDatesAreAsked(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	res := c.upload("a.csv", "order_ref,status,status_at\nA-1,Delivered,03/04/2026 10:00\n")
	path := res.Header.Get("Location")
	run := c.confirm(path, url.Values{"date_order": {""}})
	wantStatus(t, run, http.StatusUnprocessableEntity)
	if !strings.Contains(run.body, "day first or month first") {
		t.Errorf("no question about the date order:\n%.800s", run.body)
	}
	wantStatus(t, c.confirm(path, url.Values{"date_order": {"month_first"}}), http.StatusSeeOther)
	if done := c.waitDone(path); !strings.Contains(done.body, `id="import-result"`) {
		t.Errorf("import did not finish")
	}
}

func TestMapUnmappedStatus(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	path := c.upload("u.csv", "order_ref,status,status_at\nU-1,Zorblax manifest ping,2026-11-01 10:00\n").Header.Get("Location")
	wantStatus(t, c.confirm(path, nil), http.StatusSeeOther)
	c.waitDone(path)
	page := c.get("/settings/statuses")
	if !strings.Contains(page.body, "Zorblax manifest ping") {
		t.Fatalf("unmapped page lacks the text:\n%.800s", page.body)
	}
	res := c.post("/settings/statuses", "/settings/statuses", url.Values{"text": {"Zorblax manifest ping"}, "stage": {"7"}, "signal": {"none"}})
	wantStatus(t, res, http.StatusSeeOther)
	page = c.get("/settings/statuses")
	if !strings.Contains(page.body, "1 events re-classified") || !strings.Contains(page.body, `id="no-unmapped"`) {
		t.Errorf("after mapping:\n%.1200s", page.body)
	}
	if sh := c.get("/shipments?q=U-1"); !strings.Contains(sh.body, "Arrival at Destination Country") {
		t.Errorf("the shipment did not move to stage 7")
	}
	_ = fmt.Sprint
}

// TestRunWhileRunningSaysSo: "run" on an import that is already running (another tab, or a failed
// run the database has not let go of yet) changes nothing and says why, instead of a silent
// redirect.
func TestRunWhileRunningSaysSo(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	res := c.upload("orders.csv", messyCSV)
	wantStatus(t, res, http.StatusSeeOther)
	path := res.Header.Get("Location")
	u, err := ts.store.Authenticate(ctx, "owner@shop.test", "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	id, _ := strconv.ParseInt(strings.TrimPrefix(path, "/imports/"), 10, 64)
	p, err := domain.DetectSettings(strings.NewReader(messyCSV))
	if err != nil {
		t.Fatal(err)
	}
	run, err := ts.store.BeginImport(ctx, u.SellerID, id, domain.ImportSettings{Dialect: p.Dialect, Mapping: p.Mapping, Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	defer run.Abandon()

	wantStatus(t, c.confirm(path, nil), http.StatusSeeOther)
	if page := c.get(path); !strings.Contains(page.body, "This import is running already, or has only just stopped") {
		t.Errorf("a second run got no explanation:\n%.1500s", page.body[strings.Index(page.body, "<main"):])
	}
}
