package handlers_test

import (
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/handlers"
)

// waitCounted polls the import page until the import is over and the sweep after it has counted
// the parcels that need the seller.
func (c *client) waitCounted(importPath string) response {
	c.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		res := c.get(importPath)
		if !strings.Contains(res.body, `id="import-progress"`) && !strings.Contains(res.body, `id="parcels-counting"`) || time.Now().After(deadline) {
			return res
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// The import result leads: the parcels that need the seller with the way to the queue, what is
// worth a look (unmapped statuses, missing date columns, empty rows), and the rejected rows, on
// the page and as a download in the file's own shape. Another seller sees none of it.
func TestImportResultLeads(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Lamps", "owner@lamps.test")
	data, err := os.ReadFile("../domain/testdata/dsers_orders_result.csv") // DSers' order file header; see its README
	if err != nil {
		t.Fatal(err)
	}
	res := c.upload("dsers-orders.csv", string(data))
	wantStatus(t, res, http.StatusSeeOther)
	path := res.Header.Get("Location")
	wantStatus(t, c.confirm(path, nil), http.StatusSeeOther)
	done := c.waitCounted(path)
	wantBody(t, done,
		`id="import-lead"`, `id="parcels-need-you"`, `href="/exceptions" role="button" id="to-queue"`, "parcels need you",
		`id="check-unmapped"`, `<strong>1 status text</strong>`, `href="/settings/statuses" id="map-statuses"`,
		`id="check-dates"`, "Late and Protection expiring stay at 0",
		`id="check-empty"`, "3 empty rows skipped",
		`id="rejected-rows"`, `id="rejected-line-7"`, "unknown country &#34;Atlantis&#34;", "#1005;2026-10-03;Atlantis",
		`id="import-warnings"`, "semicolons",
	)
	if strings.Contains(done.body, `hx-trigger="every 1s"`) {
		t.Error("the finished, counted import still polls")
	}
	u, err := ts.store.Authenticate(context.Background(), "owner@lamps.test", "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	counts, err := ts.store.QueueCounts(context.Background(), u.SellerID)
	if err != nil {
		t.Fatal(err)
	}
	if want := `id="parcels-need-you">` + strconv.Itoa(counts.Total) + "<"; counts.Total == 0 || !strings.Contains(done.body, want) {
		t.Errorf("the page does not say the queue's %d parcels (%s)", counts.Total, want)
	}

	// The download: the file's BOM, its semicolons and its own column names, plus the error.
	rej := c.get(path + "/rejected.csv")
	wantStatus(t, rej, http.StatusOK)
	if !strings.HasPrefix(rej.body, "\uFEFFOrder number;Date;Country;") {
		t.Errorf("download does not start with the file's BOM and header: %.80q", rej.body)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(rej.body, "\uFEFF")))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil || len(recs) != 2 {
		t.Fatalf("rejected rows: %v, %d records\n%s", err, len(recs), rej.body)
	}
	if h := recs[0]; len(h) != 24 || h[19] != "Tracking number" || h[23] != "error" {
		t.Errorf("header = %q", h)
	}
	if row := recs[1]; row[0] != "#1005" || row[2] != "Atlantis" || !strings.HasPrefix(row[23], "line 7: ") {
		t.Errorf("row = %q", row)
	}

	// Another seller: 404 for the result and the download, as for an import that does not exist.
	other := ts.client(t)
	other.signup("Other", "owner@other.test")
	for _, p := range []string{path, path + "/rejected.csv"} {
		res := other.get(p)
		wantStatus(t, res, http.StatusNotFound)
		if strings.Contains(res.body, "Atlantis") || strings.Contains(res.body, "#1005") {
			t.Errorf("%s shows seller A's rows to seller B", p)
		}
	}
}

// A file that was not UTF-8 is downloaded as UTF-8 with a BOM, so a spreadsheet reads its
// accents; a comma file without a BOM stays so.
func TestRejectedRowsKeepTheFilesShape(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	for _, tc := range []struct {
		name, body, start string
	}{
		{"plain.csv", "Order ID,Tracking Number,Country\nA-1,LP00123456789012,Spain\n,LP00123456789013,Spain\n", "Order ID,Tracking Number,Country,error\n"},
		{"latin1.csv", "Order ID\tClient\tCountry\nA-2\tRen\xe9e\tFrance\nA-3\tJos\xe9\tAtlantis\n", "\uFEFFOrder ID\tClient\tCountry\terror\n"},
	} {
		res := c.upload(tc.name, tc.body)
		wantStatus(t, res, http.StatusSeeOther)
		path := res.Header.Get("Location")
		wantStatus(t, c.confirm(path, nil), http.StatusSeeOther)
		c.waitCounted(path)
		rej := c.get(path + "/rejected.csv")
		wantStatus(t, rej, http.StatusOK)
		if !strings.HasPrefix(rej.body, tc.start) {
			t.Errorf("%s: download starts %.60q, want %q", tc.name, rej.body, tc.start)
		}
		if tc.name == "latin1.csv" && !strings.Contains(rej.body, "José\tAtlantis") {
			t.Errorf("%s: the row is not the file's, in UTF-8: %q", tc.name, rej.body)
		}
	}
}

// The shop's time zone: the owner sets it on the settings page, a name the system does not know
// is refused with a message, and the next import's form starts from it.
func TestShopTimezoneSetting(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	owner, u := settingsOwner(t, ts, "Shop", "owner@shop.test")
	page := owner.get(settingsPage)
	wantBody(t, page, `id="timezone-form"`, `value="Asia/Shanghai"`)
	bad := owner.post(settingsPage, "/settings/timezone", url.Values{"timezone": {"Mars/Olympus"}})
	wantStatus(t, bad, http.StatusUnprocessableEntity)
	wantBody(t, bad, `id="shop-timezone-error"`, `value="Mars/Olympus"`)
	ok := owner.post(settingsPage, "/settings/timezone", url.Values{"timezone": {"Europe/Madrid"}})
	wantStatus(t, ok, http.StatusSeeOther)
	if s, _ := ts.store.FindSeller(context.Background(), u.SellerID); s.Timezone != "Europe/Madrid" {
		t.Errorf("shop zone = %q", s.Timezone)
	}
	res := owner.upload("orders.csv", "Order ID,Last Event,Event Time\nA-1,Delivered,2026-11-02 08:00\n")
	wantStatus(t, res, http.StatusSeeOther)
	preview := owner.get(res.Header.Get("Location"))
	wantBody(t, preview, `id="timezone"`, `value="Europe/Madrid"`)

	// An agent sees the zone and cannot change it.
	link := owner.invite("agent@shop.test", "agent")
	agent := ts.client(t)
	wantStatus(t, agent.post(link, link, url.Values{"name": {"Ann"}, "password": {"a long agent password"}}), http.StatusSeeOther)
	wantBody(t, agent.get(settingsPage), `id="shop-timezone-value"`, "Europe/Madrid")
	wantStatus(t, agent.post(settingsPage, "/settings/timezone", url.Values{"timezone": {"UTC"}}), http.StatusForbidden)
	if s, _ := ts.store.FindSeller(context.Background(), u.SellerID); s.Timezone != "Europe/Madrid" {
		t.Errorf("an agent changed the zone to %q", s.Timezone)
	}
}

// While the sweep after a done import has not counted the parcels that need the seller, only the
// lead asks for the page again (taking its own part of the answer); the rest of the result, its
// links and rejected rows, is not swapped out every second.
func TestImportResultPollsOnlyItsLeadWhileCounting(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	res := c.upload("orders.csv", "Order ID,Tracking Number,Country\nA-1,LP00123456789012,Spain\n,LP00123456789013,Spain\n")
	wantStatus(t, res, http.StatusSeeOther)
	path := res.Header.Get("Location")
	wantStatus(t, c.confirm(path, nil), http.StatusSeeOther)
	c.waitCounted(path)
	id, err := strconv.ParseInt(path[strings.LastIndexByte(path, '/')+1:], 10, 64)
	if err != nil {
		t.Fatalf("import path %q: %v", path, err)
	}
	// As the page is between the import's end and its sweep's count.
	if _, err := ts.db.Exec(`UPDATE imports SET parcels_need_you = NULL, finished_at = now() WHERE id = $1`, id); err != nil {
		t.Fatal(err)
	}
	for _, htmx := range []bool{false, true} {
		req, _ := http.NewRequest(http.MethodGet, c.base+path, nil)
		if htmx {
			req.Header.Set("HX-Request", "true")
		}
		page := c.do(req)
		wantStatus(t, page, http.StatusOK)
		wantBody(t, page, `id="parcels-counting"`, `<div aria-live="polite" id="import-lead-live">`, `id="rejected-download"`, `hx-select="#import-lead"`)
		if n := strings.Count(page.body, `hx-trigger="every 1s"`); n != 1 {
			t.Errorf("htmx %v: %d polling elements, want the lead alone", htmx, n)
		}
		lead := page.body[strings.Index(page.body, `id="import-lead"`):]
		if i := strings.Index(page.body, `id="import-panel"`); i < 0 || strings.Contains(page.body[i:strings.Index(page.body, `id="import-lead"`)], "hx-trigger") {
			t.Errorf("htmx %v: the panel itself polls", htmx)
		}
		if !strings.Contains(lead[:strings.Index(lead, ">")], `hx-trigger="every 1s"`) {
			t.Errorf("htmx %v: the lead does not poll: %.200s", htmx, lead)
		}
	}
	// Counted: nothing polls.
	if _, err := ts.db.Exec(`UPDATE imports SET parcels_need_you = 0 WHERE id = $1`, id); err != nil {
		t.Fatal(err)
	}
	page := c.get(path)
	wantBody(t, page, `id="parcels-need-you-none"`)
	if strings.Contains(page.body, "hx-trigger") || strings.Contains(page.body, "hx-select") {
		t.Error("the counted result still polls")
	}
}
