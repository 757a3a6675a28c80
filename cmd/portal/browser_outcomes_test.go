package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserOutcomes imports the demo export and looks at the home page's charts and the
// outcomes page in Chromium, at desktop and phone widths.
func TestBrowserOutcomes(t *testing.T) {
	env, getenv := newLotusShop(t)
	ctx := context.Background()
	const email, password = lotusEmail, lotusPassword
	var out bytes.Buffer
	path := filepath.Join(t.TempDir(), "orders.csv")
	if err := os.WriteFile(path, shipmentsDemoCSV(t, time.Now()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(ctx, []string{"import", "--seller", email, path}, getenv, nil, &out, &out); err != nil {
		t.Fatalf("import: %v\n%s", err, out.String())
	}
	base := serveOn(t, env)
	b := browser{t, newBrowser(t)}
	b.do(
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.ID("login-form")),
		chromedp.SendKeys(chromedp.ID("email"), email),
		chromedp.SendKeys(chromedp.ID("password"), password+"\r"),
		chromedp.WaitVisible(chromedp.ID("home-charts")),
	)
	if !b.exists("#chart-funnel svg") || !b.exists("#chart-weekly svg") {
		t.Error("home page lacks its charts")
	}
	b.screenshot("home-charts.png")
	b.do(chromedp.EmulateViewport(390, 844))
	b.screenshot("home-charts-phone.png")
	b.do(chromedp.EmulateViewport(1280, 900))
	b.do(
		chromedp.Click(chromedp.CSS(`header a[href="/outcomes"]`), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.ID("by-carrier")),
	)
	if got := b.text("#by-country"); !strings.Contains(got, "Stall rate") {
		t.Errorf("by country = %q", got)
	}
	b.screenshot("outcomes.png")
	b.do(chromedp.EmulateViewport(390, 844))
	b.screenshot("outcomes-phone.png")
}
