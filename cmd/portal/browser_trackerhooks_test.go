package main

import (
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/parceldesk/portal/domain"
)

// TestBrowserTrackerHooks connects AfterShip from the keyboard alone (Tab to the link, Enter; type
// the secret, Enter), sees a refused secret explained by its field, then has AfterShip's recorded
// delivery for a parcel the shop does not know listed as unmatched; at desktop and phone widths.
func TestBrowserTrackerHooks(t *testing.T) {
	env, _ := newLotusShop(t)
	base := serveOn(t, env)
	b := browser{t, newBrowser(t)}
	b.login(base, lotusEmail, lotusPassword)
	b.do(
		chromedp.Navigate(base+"/settings/api-tokens"),
		chromedp.WaitVisible(chromedp.ID("tracker-hooks-link")),
		chromedp.Focus(chromedp.ID("tracker-hooks-link")),
		chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(chromedp.ID("tracker-aftership")),
	)
	b.screenshot("tracker-hooks.png")

	b.do(
		chromedp.Focus(chromedp.ID("secret-aftership")),
		chromedp.SendKeys(chromedp.ID("secret-aftership"), "two words\r"),
		chromedp.WaitVisible(chromedp.ID("secret-aftership-error")),
	)
	if got := b.text("#secret-aftership-error"); !strings.Contains(got, "spaces") {
		t.Errorf("refused secret message = %q", got)
	}
	b.do(
		chromedp.Focus(chromedp.ID("secret-aftership")),
		chromedp.SendKeys(chromedp.ID("secret-aftership"), "as-browser-secret-42\r"),
		chromedp.WaitVisible(chromedp.CSS(".flash-success")),
		chromedp.WaitVisible(chromedp.ID("hook-url-aftership")),
	)
	hookURL := b.value("#hook-url-aftership")
	if !strings.HasPrefix(hookURL, base+"/hooks/aftership/") {
		t.Fatalf("hook URL %q", hookURL)
	}
	if got := b.text("#tracker-aftership"); !strings.Contains(got, "connected") || strings.Contains(got, "as-browser-secret-42") {
		t.Errorf("AfterShip's card = %q", got)
	}

	body, err := os.ReadFile("../../handlers/testdata/hooks/aftership_tracking_update.json")
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, hookURL, strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("aftership-hmac-sha256", domain.TrackerAfterShip.Sign("as-browser-secret-42", body))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("AfterShip's delivery: status %d", res.StatusCode)
	}
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.ID("tracker-deliveries")))
	if got := b.text("#tracker-deliveries"); !strings.Contains(got, "9361289676091361892011") || !strings.Contains(got, "unmatched") {
		t.Errorf("deliveries = %q", got)
	}
	if !b.exists("#retry-unmatched") {
		t.Error("no way to match the unmatched parcel again")
	}
	b.screenshot("tracker-hooks-connected.png")
	b.do(chromedp.EmulateViewport(390, 844))
	b.screenshot("tracker-hooks-phone.png")
}
