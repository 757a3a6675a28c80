package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/jmoiron/sqlx"

	"github.com/parceldesk/portal/domain/dbtest"
)

// signup creates a shop through the sign-up form and leaves the browser signed in.
func (b browser) signup(base, shop, email string) {
	b.t.Helper()
	b.do(
		chromedp.Navigate(base+"/signup"),
		chromedp.WaitVisible(chromedp.ID("signup-form")),
		chromedp.SendKeys(chromedp.ID("shop_name"), shop),
		chromedp.SendKeys(chromedp.ID("email"), email),
		chromedp.SendKeys(chromedp.ID("password"), "a long enough password"),
		chromedp.Click(chromedp.ID("signup-submit")),
		chromedp.WaitVisible(chromedp.ID("home-title")),
	)
}

// login signs in through the login form and waits for the home page.
func (b browser) login(base, email, password string) {
	b.t.Helper()
	b.do(
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.ID("login-form")),
		chromedp.SendKeys(chromedp.ID("email"), email),
		chromedp.SendKeys(chromedp.ID("password"), password+"\r"),
		chromedp.WaitVisible(chromedp.ID("home-title")),
	)
}

// messyExport writes what a seller's spreadsheet makes of an export: a BOM, semicolons, CRLF,
// day-first dates, decimal commas, a quoted cell with a newline, and one broken row among many.
func messyExport(t *testing.T, rows int) (path string, brokenLine int) {
	var b strings.Builder
	b.WriteString("\uFEFFNuméro de commande;Tracking No;Last Event;Event Date;Pays;Total\r\n")
	line := 2
	start := time.Date(2026, 10, 1, 8, 0, 0, 0, time.UTC)
	for i := 0; i < rows; i++ {
		at := start.Add(time.Duration(i%600) * time.Hour)
		if i == rows/2 {
			b.WriteString(";LP00000000000000;Delivered;13/11/2026 10:00;FR;1,00 €\r\n")
			brokenLine = line
			line++
		}
		fmt.Fprintf(&b, "FR-%d;LP00%012d;\"[Shenzhen] Hand over to airline\r\nflight CZ3041\";%s;France;%d,%02d €\r\n",
			i, i, at.Format("02/01/2006 15:04"), 5+i%90, i%100)
		line += 2
	}
	path = filepath.Join(t.TempDir(), "commandes.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, brokenLine
}

// TestBrowserImport uploads a messy file, confirms the mapping, watches the progress bar until
// the import is done, and downloads the rejected rows to find the broken one.
func TestBrowserImport(t *testing.T) {
	base := startPortal(t)
	b := browser{t, newBrowser(t)}
	b.signup(base, "Lumière Déco", "claire@lumiere.test")
	path, broken := messyExport(t, 60_000)

	b.do(
		chromedp.Navigate(base+"/imports"),
		chromedp.WaitVisible(chromedp.ID("upload-form")),
		chromedp.SetUploadFiles(chromedp.ID("file"), []string{path}),
		chromedp.Click(chromedp.ID("upload-submit")),
		chromedp.WaitVisible(chromedp.ID("mapping-form")),
	)
	if got := b.text("#mapping-form + h2, main > p"); !strings.Contains(got, "semicolons") {
		t.Errorf("preview does not say semicolons: %q", got)
	}
	if got := b.value("#map_order_ref"); got != "0" {
		t.Errorf("order reference mapped to %q, want the first column", got)
	}
	if got := b.value("#date_order"); got != "day_first" {
		t.Errorf("date order = %q, want day_first", got)
	}
	b.screenshot("import-preview.png")

	// Wait for the result, not the bar: a fast machine can finish the import between two looks,
	// so the bar is photographed when seen and only logged when not (TestImportPanelProgress, in
	// views, checks that a queued or running import's panel has it).
	b.do(chromedp.Click(chromedp.ID("run-import")), chromedp.WaitVisible(chromedp.ID("import-panel")))
	sawProgress := false
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if b.exists("#import-result") {
			break
		}
		if b.exists("#import-progress") && !sawProgress {
			sawProgress = true
			b.screenshot("import-progress.png")
		}
		time.Sleep(200 * time.Millisecond)
	}
	if !sawProgress {
		t.Log("the import finished before the progress bar was seen: no import-progress.png")
	}
	if !b.exists("#import-result") {
		t.Fatal("the import did not finish within a minute")
	}
	if got := b.text("#import-result"); !strings.Contains(got, "60,001") || !strings.Contains(got, "rows rejected") {
		t.Errorf("result: %q", got)
	}
	b.screenshot("import-result.png")

	dir := t.TempDir()
	progress := chromedp.Events(b.ctx, cdpbrowser.DownloadProgress)
	b.do(
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
				Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: ptr(true),
			})
			return err
		}),
		chromedp.Click(chromedp.ID("rejected-download"), chromedp.NodeVisible),
	)
	var file string
	for ev, err := range progress {
		if err != nil {
			t.Fatal(err)
		}
		if ev.State == cdpbrowser.DownloadProgressStateCompleted {
			file = filepath.Join(dir, ev.GUID)
			break
		}
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("line %d: order_ref is empty", broken); !strings.Contains(string(got), want) || !strings.Contains(string(got), "LP00000000000000") {
		t.Errorf("rejected rows file lacks %q:\n%s", want, got)
	}
}

func ptr[T any](v T) *T { return &v }

// TestBrowserImportResult: the import result links to the queue and lists a rejected row. A
// seller uploads a DSers-shaped order file (domain/testdata/README.md says where its header comes
// from), runs it from the keyboard, and the result leads with the parcels that need them, what is
// worth a look, and the rejected row with its line and reason; Enter on the queue link opens the
// queue. At laptop and phone widths.
func TestBrowserImportResult(t *testing.T) {
	base := startPortal(t)
	b := browser{t, newBrowser(t)}
	b.signup(base, "Luz Lamps", "ana@luzlamps.test")
	path, err := filepath.Abs(filepath.Join("..", "..", "domain", "testdata", "dsers_orders_result.csv"))
	if err != nil {
		t.Fatal(err)
	}
	b.do(
		chromedp.Navigate(base+"/imports"),
		chromedp.WaitVisible(chromedp.ID("upload-form")),
		chromedp.SetUploadFiles(chromedp.ID("file"), []string{path}),
		chromedp.Click(chromedp.ID("upload-submit")),
		chromedp.WaitVisible(chromedp.ID("mapping-form")),
		chromedp.Focus(chromedp.ID("run-import")),
		chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(chromedp.ID("import-panel")),
	)
	deadline := time.Now().Add(60 * time.Second)
	for !b.exists("#parcels-need-you") && time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
	}
	if !b.exists("#parcels-need-you") {
		t.Fatalf("the result never said how many parcels need the seller: %q", b.text("#import-panel"))
	}
	if got := b.text("#import-lead"); !strings.Contains(got, "parcels need you") {
		t.Errorf("lead = %q", got)
	}
	href, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.getElementById("to-queue").getAttribute("href")`))
	if err != nil || href != "/exceptions" {
		t.Errorf("queue link = %q, %v", href, err)
	}
	if got := b.text("#rejected-line-7"); !strings.Contains(got, "7") || !strings.Contains(got, `unknown country "Atlantis"`) {
		t.Errorf("rejected row = %q", got)
	}
	for sel, want := range map[string]string{
		"#check-unmapped": "1 status text",
		"#check-dates":    "Late and Protection expiring stay at 0",
		"#check-empty":    "3 empty rows skipped",
	} {
		if got := b.text(sel); !strings.Contains(got, want) {
			t.Errorf("%s = %q, want %q", sel, got, want)
		}
	}
	b.screenshot("import-result-laptop.png")
	b.do(chromedp.EmulateViewport(390, 844))
	b.screenshot("import-result-phone.png")
	// On a phone the way to the queue is within the first screen.
	if bottom, err := chromedp.Run(b.ctx, chromedp.Evaluate[float64](`document.getElementById("to-queue").getBoundingClientRect().bottom`)); err != nil || bottom > 844 {
		t.Errorf("queue link ends at %.0f px on a 844 px phone screen (%v)", bottom, err)
	}
	b.do(chromedp.EmulateViewport(1280, 900))

	// From the keyboard: the queue link takes focus and Enter opens the queue.
	b.do(chromedp.Focus(chromedp.ID("to-queue")), chromedp.KeyEvent("\r"), chromedp.WaitVisible(chromedp.ID("queue")))
}

// TestBrowserImportResultCounting: while the sweep after an import has not counted the parcels
// that need the seller, the lead alone polls; a seller who has tabbed to a link of the result
// keeps the focus there, and the lead turns into the figure once it is counted.
func TestBrowserImportResultCounting(t *testing.T) {
	env := map[string]string{"DATABASE_URL": dbtest.NewURL(t), "ADDR": "127.0.0.1:0", "LOG_LEVEL": "warn"}
	base := serveOn(t, env)
	db, err := sqlx.Open("postgres", env["DATABASE_URL"])
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	b := browser{t, newBrowser(t)}
	b.signup(base, "Luz Lamps", "ana@luzlamps.test")
	path, err := filepath.Abs(filepath.Join("..", "..", "domain", "testdata", "dsers_orders_result.csv"))
	if err != nil {
		t.Fatal(err)
	}
	b.do(
		chromedp.Navigate(base+"/imports"),
		chromedp.WaitVisible(chromedp.ID("upload-form")),
		chromedp.SetUploadFiles(chromedp.ID("file"), []string{path}),
		chromedp.Click(chromedp.ID("upload-submit")),
		chromedp.WaitVisible(chromedp.ID("mapping-form")),
		chromedp.Click(chromedp.ID("run-import")),
		chromedp.WaitVisible(chromedp.ID("parcels-need-you")),
	)
	loc := base + evalJS[string](b, `location.pathname`)
	// As the page is between the import's end and its sweep's count.
	if _, err := db.Exec(`UPDATE imports SET parcels_need_you = NULL, finished_at = now()`); err != nil {
		t.Fatal(err)
	}
	b.do(chromedp.Navigate(loc), chromedp.WaitVisible(chromedp.ID("parcels-counting")))
	b.do(chromedp.Focus(chromedp.CSS("#import-warnings a")))
	time.Sleep(2500 * time.Millisecond) // two polls
	if _, err := db.Exec(`UPDATE imports SET parcels_need_you = 7`); err != nil {
		t.Fatal(err)
	}
	b.do(chromedp.WaitVisible(chromedp.ID("parcels-need-you")))
	if got := b.text("#parcels-need-you"); got != "7" {
		t.Errorf("counted lead says %q, want 7", got)
	}
	if focused := evalJS[string](b, `document.activeElement.closest("#import-warnings") ? "warnings link" : document.activeElement.tagName`); focused != "warnings link" {
		t.Errorf("the focus left the warnings link while the lead was counting: on %s", focused)
	}
	if n := evalJS[int](b, `document.querySelectorAll("#import-lead").length + document.querySelectorAll("[hx-trigger]").length`); n != 1 {
		t.Errorf("after the count: %d leads and polling elements, want one lead and nothing polling", n)
	}
}
