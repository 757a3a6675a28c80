package handlers_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/parceldesk/portal/handlers"
)

// TestExportCutShortFailsTheDownload breaks the database in the middle of a streamed CSV export,
// after its 200 went out: the error is logged, the file's last line says it is incomplete, and
// the download fails (the chunked body never ends) instead of ending as if whole. An error before
// anything was sent is the ordinary error page, not a download.
func TestExportCutShortFailsTheDownload(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	owner, err := ts.store.Authenticate(context.Background(), "owner@shop.test", "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	// 1,200 open exceptions of shipments with long customer names: the export's first page (500
	// rows, about 10 MB) is more than the connection holds while the client is not reading, so
	// the export is still on it when the client has the headers.
	ts.db.MustExec(`INSERT INTO shipments (seller_id, order_ref, customer_name, carrier, stage)
		SELECT $1, 'CUT-' || g, repeat('n', 20000), 'Cainiao', 3 FROM generate_series(1, 1200) g`, owner.SellerID)
	ts.db.MustExec(`INSERT INTO exceptions (seller_id, shipment_id, kind, severity, opened_at, shipment_stage)
		SELECT seller_id, id, 'stalled', 1, now(), stage FROM shipments WHERE seller_id = $1`, owner.SellerID)

	req, _ := http.NewRequest(http.MethodGet, c.base+"/exceptions.csv", nil)
	res, err := c.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("export: status %d, Content-Disposition %q", res.StatusCode, res.Header.Get("Content-Disposition"))
	}
	// The next page's query fails.
	ts.db.MustExec(`ALTER TABLE exceptions RENAME TO exceptions_away`)
	body, err := io.ReadAll(res.Body)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("reading the cut export: %v after %d bytes, want io.ErrUnexpectedEOF (a download that failed)", err, len(body))
	}
	lines := strings.Split(strings.TrimRight(string(body), "\n"), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "#ERROR") || !strings.Contains(last, "incomplete") {
		t.Errorf("the cut export's last line is %.100q, want the line that says it is incomplete", last)
	}
	if n := strings.Count(string(body), ",CUT-"); n < 500 || n >= 1200 {
		t.Errorf("the cut export holds %d rows, want the first page's (500) or more, and not all 1,200", n)
	}
	if logs := ts.logs.String(); !strings.Contains(logs, "level=ERROR") || !strings.Contains(logs, "export cut short") ||
		!strings.Contains(logs, "exceptions") || !strings.Contains(logs, "route=/exceptions.csv") {
		t.Errorf("the cut export was not logged as an error:\n%s", logs)
	}

	// With the database failing from the start, nothing was sent: the error page, not a file.
	page := c.get("/exceptions.csv")
	if page.StatusCode != http.StatusInternalServerError || page.Header.Get("Content-Disposition") != "" ||
		!strings.HasPrefix(page.Header.Get("Content-Type"), "text/html") {
		t.Errorf("export failing at once: status %d, Content-Type %q, Content-Disposition %q; want the 500 page",
			page.StatusCode, page.Header.Get("Content-Type"), page.Header.Get("Content-Disposition"))
	}
}
