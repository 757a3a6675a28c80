package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserOutcomes imports the demo export and looks at the home page's charts and the
// outcomes page in Chromium, at desktop and phone widths.
func TestBrowserOutcomes(t *testing.T) {
	env, getenv := newLotusShop(t)
	importShipmentsDemo(t, getenv)
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
		chromedp.WaitVisible(chromedp.ID("by-carrier")),
	)
	if got := b.text("#by-country"); !strings.Contains(got, "Stall rate") {
		t.Errorf("by country = %q", got)
	}
	b.screenshot("outcomes.png")
	b.do(chromedp.EmulateViewport(390, 844))
	b.screenshot("outcomes-phone.png")
}
