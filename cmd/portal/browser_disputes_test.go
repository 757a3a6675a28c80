package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestBrowserDisputes walks a seller through a dispute in Chromium: open one from a stalled
// parcel's exception (the respond-by date follows the counterparty), upload a photo as evidence,
// print the evidence pack to PDF, and mark the dispute won, which resolves the exception as
// dispute_won.
func TestBrowserDisputes(t *testing.T) {
	env, getenv := newLotusShop(t)
	ctx := context.Background()
	const email, password = lotusEmail, lotusPassword
	var out bytes.Buffer
	china := time.FixedZone("CST", 8*3600)
	now := time.Now().In(china)
	var file strings.Builder
	file.WriteString("Order ID,Tracking Number,Shipping Method,Last Event,Event Time,Location,Country,Customer,Order Total,Currency\n")
	for _, ev := range []struct {
		text string
		ago  int
	}{{"[Shenzhen] Accepted by carrier", 14}, {"[Shenzhen] Departed from sorting center", 13}, {"[Shenzhen] Export customs clearance started", 12}} {
		fmt.Fprintf(&file, "D-1,LP00123456789012,AliExpress Standard Shipping,%s,%s,Shenzhen,France,Ana García,34.90,EUR\n",
			ev.text, now.AddDate(0, 0, -ev.ago).Format("2006-01-02 15:04"))
	}
	csvPath := filepath.Join(t.TempDir(), "orders.csv")
	if err := os.WriteFile(csvPath, []byte(file.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(ctx, []string{"import", "--seller", email, csvPath}, getenv, nil, &out, &out); err != nil {
		t.Fatalf("import: %v\n%s", err, out.String())
	}
	if err := run(ctx, []string{"sweep"}, getenv, nil, &out, &out); err != nil {
		t.Fatalf("sweep: %v\n%s", err, out.String())
	}
	photo := filepath.Join(t.TempDir(), "parcel-photo.png")
	img := image.NewRGBA(image.Rect(0, 0, 320, 200))
	for x := 0; x < 320; x++ {
		for y := 0; y < 200; y++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 150, 255})
		}
	}
	var pngBuf bytes.Buffer
	if err := png.Encode(&pngBuf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(photo, pngBuf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	base := serveOn(t, env)
	b := browser{t, newBrowser(t)}
	b.login(base, email, password)
	b.do(
		chromedp.Navigate(base+"/exceptions"),
		chromedp.WaitVisible(chromedp.ID("queue")),
		chromedp.Click(chromedp.CSS("#queue tbody tr a.exception-link"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.ID("exception-title")),
	)
	exceptionURL := evalJS[string](b, `location.href`)

	// Open a dispute with the supplier: the form is prefilled with the order's value, and the
	// respond-by date follows the counterparty chosen (3 days for a marketplace, 5 for a supplier).
	// By keyboard: the summary is below the fold, and a click there can land while the page
	// still scrolls. (WaitVisible would not tell: a closed <details> keeps its content's boxes.)
	b.do(chromedp.Focus(chromedp.ID("open-dispute-summary"), chromedp.NodeVisible), chromedp.KeyEvent("\r"))
	waitJS(b, `document.getElementById("open-dispute").open`)
	if got := b.value("#amount"); got != "34.90" {
		t.Errorf("amount prefilled %q, want the order value", got)
	}
	opened := b.value("#opened_at")
	day, err := time.Parse("2006-01-02", opened)
	if err != nil {
		t.Fatalf("opened_at = %q", opened)
	}
	b.do(chromedp.SetValue(chromedp.ID("counterparty"), "marketplace"))
	evalJS[bool](b, `document.getElementById("counterparty").dispatchEvent(new Event("change", {bubbles: true}))`)
	if got, want := b.value("#respond_by"), day.AddDate(0, 0, 3).Format("2006-01-02"); got != want {
		t.Errorf("marketplace respond-by %q, want %q", got, want)
	}
	b.do(chromedp.SetValue(chromedp.ID("counterparty"), "supplier"))
	evalJS[bool](b, `document.getElementById("counterparty").dispatchEvent(new Event("change", {bubbles: true}))`)
	if got, want := b.value("#respond_by"), day.AddDate(0, 0, 5).Format("2006-01-02"); got != want {
		t.Errorf("supplier respond-by %q, want %q", got, want)
	}
	b.screenshot("dispute-open.png")
	// Enter in the reference field submits with the form's first button, "Open dispute".
	b.do(chromedp.SendKeys(chromedp.ID("external_ref"), "AE-DISPUTE-8812\r"))
	waitJS(b, `document.getElementById("dispute-title") !== null`)
	if got := b.text("#dispute-status"); got != "Open" {
		t.Errorf("new dispute status %q", got)
	}
	if got := b.text("#dispute-countdown"); !strings.HasPrefix(got, "in 5d") {
		t.Errorf("countdown %q, want 5 days and some hours (to the end of the respond-by day)", got)
	}
	disputeURL := evalJS[string](b, `location.href`)

	// Upload a photo as evidence.
	b.do(
		chromedp.SetUploadFiles(chromedp.ID("file"), []string{photo}),
		chromedp.SetValue(chromedp.ID("kind"), "photo"),
		chromedp.SendKeys(chromedp.ID("description"), "Label on the box"),
		chromedp.Click(chromedp.ID("evidence-upload"), chromedp.NodeVisible),
	)
	waitJS(b, `document.querySelector("#evidence-list tbody tr") !== null`)
	if got := b.text("#evidence-list tbody tr"); !strings.Contains(got, "parcel-photo.png") || !strings.Contains(got, "image/png") || !strings.Contains(got, "Photo") {
		t.Errorf("evidence row %q", got)
	}
	b.screenshot("dispute.png")
	b.do(chromedp.EmulateViewport(390, 844))
	b.screenshot("dispute-phone.png")
	b.do(chromedp.EmulateViewport(1280, 900))

	// The evidence pack, printed to PDF through Chromium's print stylesheet.
	b.do(
		chromedp.Click(chromedp.ID("dispute-pack-link"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.ID("evidence-pack")),
	)
	waitJS(b, `Array.from(document.querySelectorAll(".pack-images img")).every(i => i.complete && i.naturalWidth > 0) && document.querySelectorAll(".pack-images img").length === 1`)
	for _, want := range []string{"AE-DISPUTE-8812", "LP00123456789012", "Export customs clearance started", "parcel-photo.png"} {
		if got := b.text("#evidence-pack"); !strings.Contains(got, want) {
			t.Errorf("pack lacks %q", want)
		}
	}
	b.screenshot("dispute-pack.png")
	pctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	pdf, err := chromedp.Run(pctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPrintBackground()))
	cancel()
	if err != nil {
		t.Fatalf("print to PDF: %v", err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || len(pdf) < 20_000 || !bytes.Contains(pdf, []byte("/Subtype /Image")) {
		t.Errorf("the evidence pack PDF is %d bytes, not a PDF with the photo in it", len(pdf))
	}
	if err := os.WriteFile(filepath.Join(screenshotDir(t), "dispute-pack.pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	// The same page as the printer sees it, at the width of an A4 sheet: it must fit across.
	media := func(m string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m})
			return err
		})
	}
	b.do(media("print"), chromedp.EmulateViewport(794, 1123))
	if b.exists(".topbar") && evalJS[bool](b, `getComputedStyle(document.querySelector(".topbar")).display !== "none"`) {
		t.Errorf("the printed pack shows the navigation")
	}
	b.screenshot("dispute-pack-print.png")
	b.do(media(""), chromedp.EmulateViewport(1280, 900))

	// Mark it won, resolving the exception with it.
	b.do(
		chromedp.Navigate(disputeURL),
		chromedp.WaitVisible(chromedp.ID("form-status")),
		chromedp.SetValue(chromedp.ID("status"), "won"),
	)
	if !evalJS[bool](b, `document.getElementById("resolve_exception").checked`) {
		t.Errorf("resolving the exception is not offered checked")
	}
	b.do(chromedp.Click(chromedp.ID("dispute-move"), chromedp.NodeVisible))
	waitJS(b, `document.querySelector("#dispute-status") && document.querySelector("#dispute-status").textContent.trim() === "Won"`)
	if got := b.text("#dispute-recovered"); got != "34.90 EUR" {
		t.Errorf("recovered %q", got)
	}
	if got := b.text("#dispute-exception-state"); got != "Resolved: dispute won" {
		t.Errorf("exception state on the dispute page %q", got)
	}
	b.do(chromedp.Navigate(exceptionURL), chromedp.WaitVisible(chromedp.ID("exception-state")))
	if got := b.text("#exception-state"); got != "Resolved: dispute won" {
		t.Errorf("exception state %q, want resolved as dispute won", got)
	}
	if got := b.text("#history"); !strings.Contains(got, "state waiting → resolved (dispute_won)") {
		t.Errorf("exception history lacks the resolution:\n%s", got)
	}
	b.do(chromedp.Navigate(base+"/disputes?status=all"), chromedp.WaitVisible(chromedp.ID("disputes")))
	b.screenshot("disputes.png")
	b.do(chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.ID("home-disputes-recovered")))
	if got := b.text("#home-disputes-recovered"); got != "34.90 EUR" {
		t.Errorf("home recovered %q", got)
	}
}
