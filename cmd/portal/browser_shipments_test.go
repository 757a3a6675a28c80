package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserShipments imports a demo export with `portal import`, then searches the shipments
// list and opens a shipment in Chromium, at desktop and phone widths.
func TestBrowserShipments(t *testing.T) {
	env, getenv := newLotusShop(t)
	importShipmentsDemo(t, getenv)

	base := serveOn(t, env)
	b := browser{t, newBrowser(t)}
	b.login(base, lotusEmail, lotusPassword)
	b.do(chromedp.WaitVisible(chromedp.ID("open-exceptions")))
	// The import swept the shop: the home page leads with its open exceptions and watch list.
	b.screenshot("dashboard.png")
	b.do(chromedp.EmulateViewport(390, 844))
	b.screenshot("dashboard-phone.png")
	b.do(chromedp.EmulateViewport(1280, 900))
	b.do(
		chromedp.Click(chromedp.CSS(`header a[href="/shipments"]`), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.ID("shipments")),
		chromedp.WaitVisible(chromedp.ID("next-page")),
	)
	b.screenshot("shipments.png")
	b.do(chromedp.EmulateViewport(390, 844))
	b.screenshot("shipments-phone.png")
	b.do(chromedp.EmulateViewport(1280, 900))

	// Search by the local carrier's number, which only ever appeared inside an event's text.
	b.do(
		chromedp.SendKeys(chromedp.ID("q"), "PQ4A2B000123456\r"),
		chromedp.WaitVisible(chromedp.ID("search-clear")),
	)
	// The search is in the address bar, so it can be shared and the Back button works.
	if loc, err := chromedp.Run(b.ctx, chromedp.Location()); err != nil || !strings.Contains(loc, "q=PQ4A2B000123456") {
		t.Errorf("address after searching = %q (%v)", loc, err)
	}
	rows, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll("#shipments tbody tr").length`))
	if got := b.text("#shipments tbody"); err != nil || rows != 1 || !strings.Contains(got, "3051872246190417") {
		t.Errorf("search by a number from event text shows %d rows (%v):\n%s", rows, err, got)
	}
	b.do(
		chromedp.Click(chromedp.CSS("#shipments a.order-ref"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.ID("shipment-ref")),
	)
	if got := b.text("#untracked-note"); !strings.Contains(got, "Economy service") {
		t.Errorf("untracked note = %q", got)
	}
	if got := b.text("#events tr.preadvice"); !strings.Contains(got, "Import clearance start") || !strings.Contains(got, "pre-advice") {
		t.Errorf("pre-advice row = %q", got)
	}
	// The customer says it never came: one click opens a not-received exception, listed here.
	b.do(
		chromedp.Click(chromedp.ID("not-received"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.ID("not-received-open")),
	)
	if got := b.text("#exception-list"); !strings.Contains(got, "Not received") || !strings.Contains(got, "Open") {
		t.Errorf("exceptions after raising not-received = %q", got)
	}
	if got := b.text(".flash"); !strings.Contains(got, "Not-received exception opened") {
		t.Errorf("flash after raising not-received = %q", got)
	}
	b.screenshot("shipment.png")
	b.do(chromedp.EmulateViewport(390, 844))
	b.screenshot("shipment-phone.png")
	b.do(chromedp.EmulateViewport(1280, 900))

	// A search that finds nothing says so, and offers the way back.
	b.do(
		chromedp.Navigate(base+"/shipments?q=no-such-order&stage=delivered"),
		chromedp.WaitVisible(chromedp.ID("shipments-no-match")),
	)
}

// importShipmentsDemo imports shipmentsDemoCSV into the Lotus Lamps shop with `portal import`.
func importShipmentsDemo(t *testing.T, getenv func(string) string) {
	t.Helper()
	var out bytes.Buffer
	path := filepath.Join(t.TempDir(), "orders.csv")
	if err := os.WriteFile(path, shipmentsDemoCSV(t, time.Now()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(context.Background(), []string{"import", "--seller", lotusEmail, path}, getenv, nil, &out, &out); err != nil {
		t.Fatalf("import: %v\n%s", err, out.String())
	}
}

// shipmentsDemoCSV is the demo export plus one order that shows every feature of the shipment
// page: an economy service, Cainiao's import pre-advice, a local number found in event text and a
// text no rule knows.
func shipmentsDemoCSV(t *testing.T, now time.Time) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := writeDemoCSV(&buf, 80, 0, false, now, 11); err != nil {
		t.Fatal(err)
	}
	china := time.FixedZone("CST", 8*3600)
	w := csv.NewWriter(&buf)
	exportStart := now.Add(-6 * 24 * time.Hour).Truncate(time.Hour)
	for _, ev := range []struct {
		text, location string
		at             time.Time
	}{
		{"Order Completed", "", now.Add(-9 * 24 * time.Hour)},
		{"[Shenzhen] Accepted by carrier", "Shenzhen", now.Add(-7 * 24 * time.Hour)},
		{"[Shenzhen] Export customs clearance started", "Shenzhen", exportStart},
		{"Import clearance start", "Madrid", exportStart.Add(3 * time.Hour)},
		{"[Shenzhen] Departed from departure country/region", "Shenzhen", exportStart.Add(20 * time.Hour)},
		{"Arrived at destination country/region", "Madrid", now.Add(-3 * 24 * time.Hour)},
		{"Received by local delivery company with tracking PQ4A2B000123456", "Madrid", now.Add(-50 * time.Hour)},
		{"Parcel consolidated for onward routing", "Madrid", now.Add(-26 * time.Hour)},
	} {
		rec := []string{"3051872246190417", "LP00648812375590", "Cainiao", "Cainiao Super Economy Global", "", "",
			ev.text, ev.at.In(china).Format("2006-01-02 15:04:05"), ev.location, "ES",
			now.Add(-10 * 24 * time.Hour).In(china).Format("2006-01-02 15:04:05"), "Lucía Fernández", "lucia.fernandez@example.es",
			"Paper lantern set, 6 pcs", "24.90", "EUR", now.Add(12 * 24 * time.Hour).In(china).Format("2006-01-02"),
			now.Add(30 * 24 * time.Hour).In(china).Format("2006-01-02 15:04")}
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	return buf.Bytes()
}
