package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserOutcomes imports the demo export and looks at the home page's charts, then at the
// outcomes page in Chromium, at desktop and phone widths: the demo's services and last-mile
// carriers with their rates, a hand-written export's few YunExpress → La Poste parcels whose
// rates are held back (and say why), stage times opened and a preset range chosen from the
// keyboard, and typed dates with nothing in them.
func TestBrowserOutcomes(t *testing.T) {
	env, getenv := newLotusShop(t)
	importShipmentsDemo(t, getenv)
	now := time.Now()
	var demo bytes.Buffer
	if err := writeDemoCSV(&demo, 600, 0, false, now, 7); err != nil {
		t.Fatal(err)
	}
	importFileAs(t, getenv, "demo.csv", demo.Bytes())
	importFileAs(t, getenv, "few-carriers.csv", fewCarriersCSV(now))
	base := serveOn(t, env)
	b := browser{t, newBrowser(t)}
	b.login(base, lotusEmail, lotusPassword)
	b.do(chromedp.WaitVisible(chromedp.ID("home-charts")))
	if !b.exists("#chart-funnel svg") || !b.exists("#chart-weekly svg") {
		t.Error("home page lacks its charts")
	}
	b.screenshot("home-charts.png")
	b.do(chromedp.EmulateViewport(390, 844))
	b.screenshot("home-charts-phone.png")
	b.do(chromedp.EmulateViewport(1280, 900))
	b.do(
		chromedp.Click(chromedp.CSS(`header a[href="/outcomes"]`), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.ID("by-service")),
	)

	// The demo's services and last-mile carriers, each a row, with rates where there are enough
	// parcels; the hand-written file's carriers too, from its last-mile column and from a carrier
	// column that names the last-mile carrier.
	for _, sel := range []string{
		`#by-service tr[data-key="AliExpress Standard Shipping"] .o-ontime [data-shown="true"]`,
		`#by-service tr[data-key="AliExpress Standard Shipping"] .o-transit [data-shown="true"]`,
		`#by-service tr[data-key="Cainiao Super Economy Global"]`,
		`#by-service tr[data-key="YunExpress Global Direct"]`,
		`#by-last-mile tr[data-key="USPS"] .o-transit [data-shown="true"]`,
		`#by-last-mile tr[data-key="Correos"]`,
		`#by-last-mile tr[data-key="La Poste"]`,
		`#by-last-mile tr[data-key="Correos Express"]`,
	} {
		if !b.exists(sel) {
			t.Errorf("no %s", sel)
		}
	}
	if n := b.count(`#by-service tbody tr`); n < 6 {
		t.Errorf("%d services, want the demo's five and the file's two", n)
	}
	if n := b.count(`#by-last-mile tbody tr`); n < 12 {
		t.Errorf("%d last-mile carriers, want the demo's ten, the file's two and the unknown", n)
	}
	// Three parcels: no rate, and the reason in words.
	yun := b.text(`#by-last-mile tr[data-key="La Poste"]`)
	if b.exists(`#by-last-mile tr[data-key="La Poste"] [data-shown="true"]`) || !strings.Contains(yun, "only 3 delivered; shown from 20") ||
		!strings.Contains(yun, "no promised date in the file") {
		t.Errorf("La Poste row = %q, want its rates held back with the reason", yun)
	}
	// A row's stage times open from the keyboard.
	b.do(chromedp.Focus(chromedp.CSS(`#by-last-mile tr[data-key="USPS"] summary`), chromedp.NodeVisible), chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(chromedp.CSS(`#by-last-mile tr[data-key="USPS"] li[data-stage="arrived_destination"]`)))
	b.screenshot("outcomes.png")
	b.do(chromedp.EmulateViewport(390, 844))
	b.screenshot("outcomes-phone.png")
	b.do(chromedp.EmulateViewport(1280, 900))

	// The last 30 days, from the keyboard: fewer shipments than the 90 days.
	all := b.summaryCount()
	b.do(chromedp.Focus(chromedp.ID("range-30d"), chromedp.NodeVisible), chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(chromedp.CSS(`#range-30d[aria-current="page"]`)))
	if recent := b.summaryCount(); recent >= all || recent == 0 {
		t.Errorf("last 30 days: %d shipments, last 90: %d", recent, all)
	}
	if got := b.value("#o-to"); got != now.In(china).Format(time.DateOnly) && got != now.Format(time.DateOnly) {
		t.Errorf("the range ends %q, want today", got)
	}

	// Typed dates, ordered in 2020: nothing, and the page says so.
	b.do(
		chromedp.SetValue(chromedp.ID("o-basis"), "ordered"),
		chromedp.SetValue(chromedp.ID("o-from"), "2020-01-01"),
		chromedp.SetValue(chromedp.ID("o-to"), "2020-12-31"),
		chromedp.Focus(chromedp.ID("o-apply")), chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(chromedp.ID("outcomes-empty")),
	)
	if got := b.text("#outcomes-empty"); !strings.Contains(got, "No shipment ordered in this range") {
		t.Errorf("empty range says %q", got)
	}
	if b.exists(`.o-ranges [aria-current]`) {
		t.Error("a preset is marked for typed dates")
	}
}

// china is the zone of the demo shop's times.
var china = time.FixedZone("CST", 8*3600)

// summaryCount is the outcomes page's count of shipments in the range.
func (b browser) summaryCount() int {
	b.t.Helper()
	n, err := strconv.Atoi(strings.ReplaceAll(b.text("#outcomes-summary strong"), ",", ""))
	if err != nil {
		b.t.Fatalf("shipments in the summary: %v", err)
	}
	return n
}

// count is how many elements match sel now.
func (b browser) count(sel string) int {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 15*time.Second)
	defer cancel()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf("document.querySelectorAll(%q).length", sel)))
	if err != nil {
		b.t.Fatalf("browser: %v", err)
	}
	return n
}

// importFileAs imports a file as the Lotus shop with `portal import`.
func importFileAs(t *testing.T, getenv func(string) string, name string, data []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"import", "--seller", lotusEmail, path}, getenv, nil, &out, &out); err != nil {
		t.Fatalf("import %s: %v\n%s", name, err, out.String())
	}
}

// fewCarriersCSV is a hand-written tracking export, a row per event, of parcels by two services
// the demo does not have: three YunExpress parcels to France that La Poste delivered (named in
// the last-mile column), and two AliExpress Selection Saver parcels to Spain whose carrier column
// turns from Cainiao to Correos Express when the local carrier has them. No promised dates.
func fewCarriersCSV(now time.Time) []byte {
	var b strings.Builder
	b.WriteString("Order ID,Carrier,Shipping Method,Last Mile Carrier,Last Event,Event Time,Shipping Country\n")
	row := func(ref, carrier, service, lastMile, status string, at time.Time, country string) {
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s,%s,%s\n", ref, carrier, service, lastMile, status, at.In(china).Format("2006-01-02 15:04"), country)
	}
	for i := range 3 {
		ref, ship := fmt.Sprintf("YUN-%d", i+1), now.Add(-time.Duration(20+i)*24*time.Hour)
		row(ref, "YunExpress", "YunExpress Global Direct", "", "[Shenzhen] Accepted by carrier", ship, "FR")
		row(ref, "YunExpress", "YunExpress Global Direct", "", "[Shenzhen] Departed from departure country/region", ship.Add(48*time.Hour), "FR")
		row(ref, "YunExpress", "YunExpress Global Direct", "La Poste", "Arrived at destination country/region", ship.Add(6*24*time.Hour), "FR")
		row(ref, "YunExpress", "YunExpress Global Direct", "La Poste", "Delivered", ship.Add(11*24*time.Hour), "FR")
	}
	for i := range 2 {
		ref, ship := fmt.Sprintf("SAV-%d", i+1), now.Add(-time.Duration(25+i)*24*time.Hour)
		row(ref, "Cainiao", "AliExpress Selection Saver", "", "[Shenzhen] Accepted by carrier", ship, "ES")
		row(ref, "Cainiao", "AliExpress Selection Saver", "", "Arrived at destination country/region", ship.Add(7*24*time.Hour), "ES")
		row(ref, "Correos Express", "AliExpress Selection Saver", "", "Out for delivery", ship.Add(12*24*time.Hour), "ES")
		row(ref, "Correos Express", "AliExpress Selection Saver", "", "Delivered", ship.Add(13*24*time.Hour), "ES")
	}
	return []byte(b.String())
}
