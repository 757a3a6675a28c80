package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// thresholdsHistoryCSV is a history of delivered shipments with known stage times: 40 to Germany
// whose export customs took 1..40 hours, and 12 to France whose export customs took 20 hours.
func thresholdsHistoryCSV(now time.Time) []byte {
	var b strings.Builder
	b.WriteString("Order ID,Shipping Method,Last Event,Event Time,Country\n")
	row := func(ref, status string, at time.Time, country string) {
		fmt.Fprintf(&b, "%s,AliExpress Standard Shipping,%s,%s,%s\n", ref, status, at.Format("2006-01-02 15:04"), country)
	}
	start := now.AddDate(0, -2, 0)
	for i := 1; i <= 40; i++ {
		t0 := start.Add(time.Duration(i) * time.Hour)
		ref := fmt.Sprintf("DE-%03d", i)
		row(ref, "export_customs", t0, "Germany")
		row(ref, "departed_origin", t0.Add(time.Duration(i)*time.Hour), "Germany")
		row(ref, "delivered", t0.Add(time.Duration(i)*time.Hour+9*24*time.Hour), "Germany")
	}
	for j := 1; j <= 12; j++ {
		t0 := start.Add(time.Duration(j) * time.Hour)
		ref := fmt.Sprintf("FR-%03d", j)
		row(ref, "export_customs", t0, "France")
		row(ref, "departed_origin", t0.Add(20*time.Hour), "France")
		row(ref, "delivered", t0.Add(8*24*time.Hour), "France")
	}
	return []byte(b.String())
}

// TestBrowserThresholds adopts a suggestion from the seller's history with one click, adds a
// per-country threshold and sees a refused peak period explained, in Chromium at desktop and
// phone widths.
func TestBrowserThresholds(t *testing.T) {
	env, getenv := newLotusShop(t)
	ctx := context.Background()
	const email, password = lotusEmail, lotusPassword
	var out bytes.Buffer
	path := filepath.Join(t.TempDir(), "history.csv")
	if err := os.WriteFile(path, thresholdsHistoryCSV(time.Now()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(ctx, []string{"import", "--seller", email, path}, getenv, nil, &out, &out); err != nil {
		t.Fatalf("import: %v\n%s", err, out.String())
	}

	base := serveOn(t, env)
	b := browser{t, newBrowser(t)}
	b.login(base, email, password)
	b.do(
		chromedp.Click(chromedp.CSS(`header a[href="/settings/thresholds"]`), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.ID("thresholds-table")),
	)
	// Export customs, every destination: the 90th percentile of 1..40 h and twelve 20 h is
	// 34.9 h, so 35 h; for Germany alone, of 1..40 h, 36.1 h, so 37 h.
	if got := b.text("#stage-row-5 .c-suggest"); !strings.Contains(got, "1d 11h") || !strings.Contains(got, "52 shipments") {
		t.Errorf("export customs suggestion = %q", got)
	}
	if got := b.text("#country-row-5-DE .c-suggest"); !strings.Contains(got, "1d 13h") || !strings.Contains(got, "40 shipments") {
		t.Errorf("Germany's export customs suggestion = %q", got)
	}
	b.screenshot("thresholds.png")
	b.do(chromedp.EmulateViewport(390, 844))
	b.screenshot("thresholds-phone.png")
	b.do(chromedp.EmulateViewport(1280, 900))

	b.do(
		chromedp.Click(chromedp.ID("adopt-5"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.CSS(".flash-success")),
	)
	if got := b.text("#stage-row-5 .c-effective"); !strings.Contains(got, "1d 11h") || !strings.Contains(got, "your value") {
		t.Errorf("after adopting, export customs applies %q", got)
	}
	if b.exists("#adopt-5") {
		t.Error("the Adopt button is still offered for the value that applies")
	}

	b.do(
		chromedp.SetValue(chromedp.ID("country-stage"), "8"),
		chromedp.SendKeys(chromedp.ID("country"), "Brasil"),
		chromedp.SendKeys(chromedp.ID("country-days"), "21"),
		chromedp.Click(chromedp.ID("country-submit"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.ID("country-row-8-BR")),
	)
	if got := b.text("#country-row-8-BR"); !strings.Contains(got, "Brazil") || !strings.Contains(got, "21d") {
		t.Errorf("Brazil's row = %q", got)
	}

	b.do(
		chromedp.SendKeys(chromedp.ID("name"), "Factory move"),
		chromedp.SetValue(chromedp.ID("starts_on"), "2027-06-10"),
		chromedp.SetValue(chromedp.ID("ends_on"), "2027-06-01"),
		chromedp.Click(chromedp.ID("peak-submit"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.ID("ends_on-error")),
	)
	if got := b.text("#ends_on-error"); !strings.Contains(got, "cannot be before") {
		t.Errorf("refused period message = %q", got)
	}
	if got := b.value("#name"); got != "Factory move" {
		t.Errorf("the refused form lost the name: %q", got)
	}
	// The refused form is far down the page: it is scrolled into view (to its top, which may land a
	// fraction of a pixel above the window), and the top says so too.
	b.do(chromedp.Sleep(300 * time.Millisecond)) // htmx scrolls after the swap settles
	ctx, cancel := context.WithTimeout(b.ctx, 15*time.Second)
	defer cancel()
	inView, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const r = document.getElementById("peak-form").getBoundingClientRect(); return r.top > -1 && r.top < window.innerHeight; })()`))
	if err != nil || !inView {
		t.Errorf("the refused peak period form is not in view (%v)", err)
	}
	if !b.exists("#form-error") {
		t.Error("no note at the top of the page about the refused form")
	}
	b.screenshot("thresholds-refused.png")
	b.do(
		chromedp.SetValue(chromedp.ID("ends_on"), "2027-06-20"),
		chromedp.Click(chromedp.ID("peak-submit"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.CSS(".flash-success")),
	)
	if got := b.text("#peak-periods-table"); !strings.Contains(got, "10 Jun – 20 Jun 2027") {
		t.Errorf("peak periods = %q", got)
	}
	b.do(chromedp.EmulateViewport(390, 844))
	b.screenshot("thresholds-phone-filled.png")
}
