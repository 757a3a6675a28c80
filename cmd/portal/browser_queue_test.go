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

	"github.com/parceldesk/portal/domain/dbtest"
)

// queueShop gives a test the Lotus Lamps shop with the CSV rows imported and swept, and the
// environment to serve it. Rows are "Order ID,Shipping Method,Last Event,Event Time,Country,
// Order Total,Promised Delivery Date,Buyer Protection Ends".
func queueShop(t *testing.T, rows ...string) (env map[string]string, getenv func(string) string) {
	t.Helper()
	env, getenv = newLotusShop(t)
	file := "Order ID,Shipping Method,Last Event,Event Time,Country,Order Total,Promised Delivery Date,Buyer Protection Ends\n" +
		strings.Join(rows, "\n") + "\n"
	path := filepath.Join(t.TempDir(), "orders.csv")
	if err := os.WriteFile(path, []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"import", "--seller", lotusEmail, path}, getenv, nil, &out, &out); err != nil {
		t.Fatalf("import: %v\n%s", err, out.String())
	}
	sweepNow(t, getenv)
	return env, getenv
}

// sweepNow runs `portal sweep`.
func sweepNow(t *testing.T, getenv func(string) string) {
	t.Helper()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"sweep"}, getenv, nil, &out, &out); err != nil {
		t.Fatalf("sweep: %v\n%s", err, out.String())
	}
}

// chinaTime is a time relative to now as an export writes it, in China time.
func chinaTime(d time.Duration) string {
	return time.Now().Add(d).In(time.FixedZone("CST", 8*3600)).Format("2006-01-02 15:04")
}

// rowKinds lists the queue rows in the page: order reference and the kinds of its chips.
func rowKinds(b browser) []string {
	b.t.Helper()
	return evalJS[[]string](b, `Array.from(document.querySelectorAll("#queue tbody tr")).map(r =>
		r.querySelector("a.exception-link").textContent + ":" +
		Array.from(r.querySelectorAll(".kind-chip")).map(c => c.dataset.kind).sort().join("+"))`)
}

// TestBrowserQueueParcelRow: a parcel with two problems (stalled in export customs and past its
// promised date) is one row with two chips, the headline counts parcels, and a bulk action on the
// row changes both exceptions.
func TestBrowserQueueParcelRow(t *testing.T) {
	const export = "[Shenzhen] Export customs clearance started"
	promised := time.Now().AddDate(0, 0, -3).Format("2006-01-02")
	env, _ := queueShop(t,
		fmt.Sprintf("TWO-1,AliExpress Standard Shipping,%s,%s,France,40.00,%s,", export, chinaTime(-10*24*time.Hour), promised),
		fmt.Sprintf("ONE-2,AliExpress Standard Shipping,%s,%s,France,30.00,,", export, chinaTime(-10*24*time.Hour)),
	)
	base := serveOn(t, env)
	b := browser{t, newBrowser(t)}
	b.login(base, lotusEmail, lotusPassword)
	b.do(chromedp.Navigate(base+"/exceptions"), chromedp.WaitVisible(chromedp.ID("queue")))

	got := strings.Join(rowKinds(b), " ")
	if got != "TWO-1:late+stalled ONE-2:stalled" && got != "ONE-2:stalled TWO-1:late+stalled" {
		t.Errorf("queue rows %q, want TWO-1 once with two chips and ONE-2", got)
	}
	urgency := evalJS[string](b, `document.querySelector('#queue tbody tr:has(input[aria-label="Select ONE-2"]) .row-urgency').textContent`)
	if !strings.HasPrefix(urgency, "over its limit by ") {
		t.Errorf("ONE-2's urgency %q, want how far over its limit", urgency)
	}
	if why := evalJS[string](b, `document.querySelector('#queue tbody tr .c-sev').title`); !strings.Contains(why, "Among equals") {
		t.Errorf("severity explained as %q", why)
	}
	if head := b.text("#queue-total"); head != "2 parcels need action" {
		t.Errorf("headline %q", head)
	}
	if tab := b.text("#tab-all .badge"); tab != "2" {
		t.Errorf("All tab counts %q, want 2 parcels", tab)
	}

	// Tick TWO-1 and snooze it: both its exceptions wait, and the parcel leaves the queue.
	tomorrow := evalJS[string](b, `document.querySelector("#bulk-until").min`)
	b.do(
		chromedp.Click(chromedp.CSS(`#queue tbody tr:has(a[href]) input[aria-label="Select TWO-1"]`), chromedp.NodeVisible),
		chromedp.SetValue(chromedp.ID("bulk-until"), tomorrow),
		chromedp.Click(chromedp.ID("bulk-snooze"), chromedp.NodeVisible),
	)
	waitJS(b, `document.querySelector(".flash") && document.querySelector(".flash").textContent.includes("2 changed")`)
	if got := strings.Join(rowKinds(b), " "); got != "ONE-2:stalled" {
		t.Errorf("after snoozing TWO-1 the queue shows %q", got)
	}
	b.do(chromedp.Navigate(base+"/exceptions?state=waiting"), chromedp.WaitVisible(chromedp.ID("queue")))
	if got := strings.Join(rowKinds(b), " "); got != "TWO-1:late+stalled" {
		t.Errorf("waiting: %q, want TWO-1 with both exceptions", got)
	}
}

// TestBrowserWonDisputeStaysQuiet: a parcel whose buyer protection is about to end gets a
// dispute with the supplier; while it runs, its exception waits until the respond-by date and the
// row says so; once won, the next sweep raises no new protection exception. A lost parcel's
// dispute is prefilled as not received, not damaged.
func TestBrowserWonDisputeStaysQuiet(t *testing.T) {
	ends := time.Now().Add(50 * time.Hour).UTC().Format("2006-01-02 15:04")
	env, getenv := queueShop(t,
		fmt.Sprintf("WON-1,AliExpress Standard Shipping,[Shenzhen] Departed from departure country/region,%s,France,45.00,,%s", chinaTime(-48*time.Hour), ends),
		fmt.Sprintf("LOST-2,AliExpress Standard Shipping,Package lost in transit,%s,France,20.00,,", chinaTime(-5*time.Hour)),
	)
	base := serveOn(t, env)
	b := browser{t, newBrowser(t)}
	b.login(base, lotusEmail, lotusPassword)
	open := func(order string) {
		t.Helper()
		b.do(chromedp.Navigate(base+"/exceptions"), chromedp.WaitVisible(chromedp.ID("queue")),
			chromedp.Click(chromedp.CSS(`#queue tbody tr:has(input[aria-label="Select `+order+`"]) a.exception-link`), chromedp.NodeVisible),
			chromedp.WaitVisible(chromedp.ID("exception-title")))
	}

	open("LOST-2")
	if got := b.value("#reason"); got != "not_received" {
		t.Errorf("a lost parcel's dispute reason is prefilled %q, want not_received", got)
	}

	open("WON-1")
	if got := b.text("#exception-title"); !strings.Contains(got, "Protection expiring") {
		t.Fatalf("WON-1's exception is %q", got)
	}
	// The protection warning opens the dispute form; Enter in the reference opens the dispute.
	waitJS(b, `document.getElementById("open-dispute").open`)
	b.do(chromedp.SetValue(chromedp.ID("currency"), "EUR"), chromedp.SendKeys(chromedp.ID("external_ref"), "AE-WON-1\r"))
	waitJS(b, `document.getElementById("dispute-title") !== null`)
	disputeURL := evalJS[string](b, `location.href`)

	// While the dispute runs, the exception waits on it: out of the needs-action queue, and the
	// row in the unresolved queue says by when the supplier must answer.
	b.do(chromedp.Navigate(base+"/exceptions?state=unresolved"), chromedp.WaitVisible(chromedp.ID("queue")))
	row := `#queue tbody tr:has(input[aria-label="Select WON-1"])`
	if got := b.text(row + " .row-dispute"); !strings.HasPrefix(got, "dispute: respond by ") {
		t.Errorf("WON-1's row says %q about its dispute", got)
	}
	if got := b.text(row + " .exception-state"); !strings.HasPrefix(got, "Waiting until") {
		t.Errorf("WON-1's state %q, want waiting", got)
	}
	b.do(chromedp.Navigate(base+"/exceptions"), chromedp.WaitVisible(chromedp.ID("queue")))
	if got := strings.Join(rowKinds(b), " "); got != "LOST-2:delivery_issue" {
		t.Errorf("needs action: %q, want LOST-2 alone", got)
	}

	// Won, resolving the exception; the next sweeps leave the parcel quiet.
	b.do(
		chromedp.Navigate(disputeURL),
		chromedp.WaitVisible(chromedp.ID("form-status")),
		chromedp.SetValue(chromedp.ID("status"), "won"),
		chromedp.Click(chromedp.ID("dispute-move"), chromedp.NodeVisible),
	)
	waitJS(b, `document.querySelector("#dispute-status") && document.querySelector("#dispute-status").textContent.trim() === "Won"`)
	sweepNow(t, getenv)
	sweepNow(t, getenv)
	b.do(chromedp.Navigate(base+"/exceptions?state=unresolved"), chromedp.WaitVisible(chromedp.ID("queue")))
	if got := strings.Join(rowKinds(b), " "); got != "LOST-2:delivery_issue" {
		t.Errorf("after the won dispute and two sweeps the unresolved queue shows %q, want LOST-2 alone", got)
	}
	b.do(chromedp.Navigate(base+"/exceptions?state=all&q=WON-1"), chromedp.WaitVisible(chromedp.ID("queue")))
	if got := b.text(`#queue tbody tr .exception-state`); got != "Resolved: dispute won" {
		t.Errorf("WON-1 in every state: %q, want its one exception resolved as dispute won", got)
	}
}

// TestBrowserResolveAndNext walks five parcels from the queue with the keyboard: Enter opens the
// first; r focuses the resolution (none is likely for a stall), f picks "False alarm", Enter
// resolves and opens the next parcel, where the same resolution is offered, so r alone resolves
// each of the next four, in queue order.
func TestBrowserResolveAndNext(t *testing.T) {
	const export = "[Shenzhen] Export customs clearance started"
	var rows []string
	for i := range 6 {
		rows = append(rows, fmt.Sprintf("RN-%d,AliExpress Standard Shipping,%s,%s,France,%d.00,,", i+1, export, chinaTime(-10*24*time.Hour), 90-10*i))
	}
	env, _ := queueShop(t, rows...)
	base := serveOn(t, env)
	b := browser{t, newBrowser(t)}
	b.login(base, lotusEmail, lotusPassword)
	b.do(chromedp.Navigate(base+"/exceptions"), chromedp.WaitVisible(chromedp.ID("queue-keys")))
	order := evalJS[[]string](b, `Array.from(document.querySelectorAll("#queue tbody tr a.exception-link")).map(a => a.textContent)`)
	if len(order) != 6 {
		t.Fatalf("queue %v, want six parcels", order)
	}
	evalJS[bool](b, `(document.activeElement && document.activeElement.blur(), true)`)
	b.do(chromedp.KeyEvent("j"), chromedp.KeyEvent("\r"), chromedp.WaitVisible(chromedp.ID("work-keys")))

	title := func() string { return b.text("#exception-title") }
	var walked []string
	for i := range 5 {
		got := title()
		walked = append(walked, strings.TrimPrefix(got, "Stalled · "))
		if i == 0 {
			b.do(chromedp.KeyEvent("r"))
			waitJS(b, `document.activeElement && document.activeElement.id === "next-resolution"`)
			b.do(chromedp.KeyEvent("f"))
			if v := b.value("#next-resolution"); v != "false_alarm" {
				t.Fatalf("typing f chose %q", v)
			}
			b.do(chromedp.KeyEvent("\r"))
		} else {
			if v := b.value("#next-resolution"); v != "false_alarm" {
				t.Errorf("parcel %d offers %q, want the resolution chosen before", i+1, v)
			}
			b.do(chromedp.KeyEvent("r"))
		}
		// Ready for keys once app.js has shown the key hint: a key pressed before that is lost.
		waitJS(b, fmt.Sprintf(`document.querySelector("#exception-title") && document.querySelector("#exception-title").textContent !== %q && document.querySelector("#work-keys") && !document.querySelector("#work-keys").hidden`, got))
	}
	if strings.Join(walked, " ") != strings.Join(order[:5], " ") {
		t.Errorf("walked %v, want the queue order %v", walked, order[:5])
	}
	if got := b.text(".flash"); !strings.Contains(got, "Resolved as false alarm. Next: "+order[5]) {
		t.Errorf("flash %q", got)
	}
	b.screenshot("exception-work.png")
	b.do(chromedp.EmulateViewport(390, 844))
	b.screenshot("exception-work-phone.png")
	b.do(chromedp.EmulateViewport(1280, 900))
	b.do(chromedp.Navigate(base+"/exceptions"), chromedp.WaitVisible(chromedp.ID("queue")))
	if got := strings.Join(rowKinds(b), " "); got != order[5]+":stalled" {
		t.Errorf("after five: the queue holds %q", got)
	}
}

// TestBrowserSelectAllSnoozeUndo: 55 stalled parcels, more than a page: the head checkbox ticks
// the page's 50, "all that match" takes the 55, a bulk snooze empties the queue, and Undo brings
// every one back.
func TestBrowserSelectAllSnoozeUndo(t *testing.T) {
	var rows []string
	for i := range 55 {
		rows = append(rows, fmt.Sprintf("SA-%02d,AliExpress Standard Shipping,[Shenzhen] Export customs clearance started,%s,France,%d.00,,",
			i+1, chinaTime(-10*24*time.Hour), 10+i))
	}
	env, _ := queueShop(t, rows...)
	base := serveOn(t, env)
	b := browser{t, newBrowser(t)}
	b.login(base, lotusEmail, lotusPassword)
	b.do(chromedp.Navigate(base+"/exceptions"), chromedp.WaitVisible(chromedp.ID("select-page")))
	if n := evalJS[int](b, `document.querySelectorAll("#queue tbody tr").length`); n != 50 {
		t.Fatalf("first page has %d rows", n)
	}
	b.do(chromedp.Click(chromedp.ID("select-page"), chromedp.NodeVisible))
	if got := b.text("#bulk-selected"); got != "50 parcels selected" {
		t.Errorf("after ticking the page: %q", got)
	}
	if got := strings.TrimSpace(b.text(`label[for="bulk-all"]`)); got != "All 55 parcels that match" {
		t.Errorf("select-all offers %q", got)
	}
	b.do(chromedp.Click(chromedp.ID("bulk-all"), chromedp.NodeVisible))
	if got := b.text("#bulk-selected"); got != "55 parcels selected" {
		t.Errorf("after select-all: %q", got)
	}
	b.screenshot("queue-select-all.png")
	tomorrow := evalJS[string](b, `document.querySelector("#bulk-until").min`)
	b.do(chromedp.SetValue(chromedp.ID("bulk-until"), tomorrow), chromedp.Click(chromedp.ID("bulk-snooze"), chromedp.NodeVisible))
	waitJS(b, `document.querySelector(".flash") && document.querySelector(".flash").textContent.includes("55 changed")`)
	if !b.exists("#queue-empty") {
		t.Errorf("after snoozing every parcel the queue still lists %d", evalJS[int](b, `document.querySelectorAll("#queue tbody tr").length`))
	}
	if got := b.text("#undo-bar"); !strings.Contains(got, "You snoozed 55 exceptions") {
		t.Errorf("undo offer %q", got)
	}
	b.do(chromedp.Click(chromedp.ID("undo-bulk"), chromedp.NodeVisible))
	waitJS(b, `document.querySelector(".flash") && document.querySelector(".flash").textContent.includes("Undone: 55 changed")`)
	if got := b.text("#queue-total"); got != "55 parcels need action" {
		t.Errorf("after undo: %q", got)
	}
	if b.exists("#undo-bar") {
		t.Errorf("the undone change is offered again")
	}
}

// TestBrowserSavedViewsAndSearch: a member saves the filtered queue as "DE customs" and comes
// back to it from its link; the header search finds a parcel by a tracking number from any page.
func TestBrowserSavedViewsAndSearch(t *testing.T) {
	env, _ := queueShop(t,
		fmt.Sprintf("DE-1,AliExpress Standard Shipping,Import customs clearance in progress,%s,Germany,40.00,,", chinaTime(-12*24*time.Hour)),
		fmt.Sprintf("FR-2,AliExpress Standard Shipping,Import customs clearance in progress,%s,France,30.00,,", chinaTime(-12*24*time.Hour)),
	)
	base := serveOn(t, env)
	b := browser{t, newBrowser(t)}
	b.login(base, lotusEmail, lotusPassword)
	b.do(chromedp.Navigate(base+"/exceptions?country=DE&stage=import_customs"), chromedp.WaitVisible(chromedp.ID("queue")))
	b.do(
		chromedp.Click(chromedp.CSS("#view-save summary"), chromedp.NodeVisible),
		chromedp.SendKeys(chromedp.ID("view-name"), "DE customs\r"),
	)
	waitJS(b, `document.querySelector(".flash") && document.querySelector(".flash").textContent.includes("Saved the view")`)
	b.do(chromedp.Navigate(base+"/exceptions"), chromedp.WaitVisible(chromedp.ID("queue")))
	if got := strings.Join(rowKinds(b), " "); !strings.Contains(got, "FR-2") {
		t.Fatalf("unfiltered queue %q", got)
	}
	b.do(chromedp.Click(chromedp.CSS(`#queue-views .saved-view a`), chromedp.NodeVisible))
	waitJS(b, `location.search.includes("country=DE")`)
	if got := strings.Join(rowKinds(b), " "); got != "DE-1:stalled" {
		t.Errorf("the saved view lists %q, want DE-1", got)
	}
	if got := b.text(`#queue-views a[aria-current="page"]`); got != "DE customs" {
		t.Errorf("current view %q", got)
	}

	// From the home page, the order reference typed in the header opens its exception.
	b.do(chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.ID("header-q")),
		chromedp.SendKeys(chromedp.ID("header-q"), "FR-2\r"), chromedp.WaitVisible(chromedp.ID("exception-title")))
	if got := b.text("#exception-title"); !strings.Contains(got, "FR-2") {
		t.Errorf("header search opened %q", got)
	}
}

// demoPortal serves the demo shop (`portal serve --demo`) on a fresh database and returns a
// browser signed in to it, and its base URL.
func demoPortal(t *testing.T) (browser, string) {
	t.Helper()
	lines := serveLines(t, map[string]string{"DATABASE_URL": dbtest.NewURL(t), "ADDR": "127.0.0.1:0", "LOG_LEVEL": "warn"}, "--demo")
	_, base, _ := strings.Cut(lines[len(lines)-1], "listening on ")
	b := browser{t, newBrowser(t)}
	b.login(base, demoEmail, demoPassword)
	return b, base
}

// TestBrowserQueuePhone: on a 390×844 phone the demo shop's queue shows its first parcel, whole,
// within the first screen; kinds and tracking numbers never break inside a word; the filter and
// the bulk bar wait behind one button. Screenshots of the queue at laptop and phone widths.
func TestBrowserQueuePhone(t *testing.T) {
	b, base := demoPortal(t)
	b.do(chromedp.Navigate(base+"/exceptions"), chromedp.WaitVisible(chromedp.ID("queue")))
	b.screenshot("queue-parcels.png")

	b.do(chromedp.EmulateViewport(390, 844))
	b.do(chromedp.Navigate(base+"/exceptions"), chromedp.WaitVisible(chromedp.ID("queue")))
	bottom := evalJS[float64](b, `document.querySelector("#queue tbody tr").getBoundingClientRect().bottom`)
	if bottom > 844 {
		t.Errorf("the first parcel ends %.0f px down, below the first screen (844)", bottom)
	}
	// A chip or a tracking number on two lines was broken inside a word.
	broken := evalJS[[]string](b, `Array.from(document.querySelectorAll("#queue .kind-chip, #queue .tracking")).filter(el => {
		const lh = parseFloat(getComputedStyle(el).lineHeight) || 20;
		return el.getBoundingClientRect().height > lh * 1.5;
	}).map(el => el.textContent)`)
	if len(broken) > 0 {
		t.Errorf("wrapped inside a word: %q", broken)
	}
	if b.exists("#queue-filter") && evalJS[bool](b, `document.getElementById("queue-filter").getBoundingClientRect().height > 0`) {
		t.Errorf("the filter shows on the phone before its button is pressed")
	}
	b.screenshot("queue-parcels-phone.png")
	b.do(chromedp.Click(chromedp.ID("tools-toggle"), chromedp.NodeVisible), chromedp.WaitVisible(chromedp.ID("bulk-snooze")))
	if got := evalJS[string](b, `document.getElementById("tools-toggle").getAttribute("aria-expanded")`); got != "true" {
		t.Errorf("toggle aria-expanded = %q", got)
	}
	b.screenshot("queue-tools-phone.png")
	b.do(chromedp.EmulateViewport(1280, 900))
}

// TestBrowserWorkTwentyExceptions works at least 20 exceptions of the demo shop's queue from the
// keyboard and counts every key pressed and click made. The seller opens the parcels to Germany
// (a saved view, counted as one click: lost and returned parcels, customs holds, failed
// deliveries, protection and late among them); j and Enter open the first parcel; on
// each parcel, r resolves it when the page offers a resolution its state makes likely (refunded
// for a parcel lost, damaged or returned), else s snoozes it (three days, or to the day before
// its buyer protection ends) — either way the next parcel opens; a parcel whose protection ends
// before any snooze could wake is skipped with n (it needs a dispute), and not counted as worked. A parcel's exceptions change together, so a parcel with two is two exceptions
// for one key.
func TestBrowserWorkTwentyExceptions(t *testing.T) {
	b, base := demoPortal(t)
	b.do(chromedp.Navigate(base+"/exceptions?country=DE"), chromedp.WaitVisible(chromedp.ID("queue-keys")))
	evalJS[bool](b, `(document.activeElement && document.activeElement.blur(), true)`)
	actions := 1 // the view's link
	key := func(k string) { actions++; b.do(chromedp.KeyEvent(k)) }
	key("j")
	key("\r")
	b.do(chromedp.WaitVisible(chromedp.ID("work-keys")))

	// The next parcel is ready for keys once app.js has shown its key hint (on DOMContentLoaded,
	// after its key handler is in place): a key pressed before that is lost.
	nextReady := func(from string) {
		waitJS(b, fmt.Sprintf(`location.pathname !== %q && document.getElementById("work-keys") && !document.getElementById("work-keys").hidden`, from))
	}
	worked, kinds := 0, map[string]int{}
	resolved, snoozed, skipped := 0, 0, 0
	for worked < 20 {
		if actions > 40 {
			t.Fatalf("%d actions and only %d exceptions worked", actions, worked)
		}
		page := evalJS[struct {
			Path   string
			Kinds  []string
			Fate   string
			Choice string
			Until  string
		}](b, `({
			path: location.pathname,
			kinds: Array.from(document.querySelectorAll("#work-next .kind-chip")).map(c => c.dataset.kind),
			fate: (document.querySelector(".head-badges [data-fate]") || {dataset: {}}).dataset.fate || "",
			choice: document.getElementById("next-resolution").value,
			until: document.getElementById("next-until").value,
		})`)
		switch {
		case page.Fate != "" && page.Choice == "refunded":
			key("r")
			resolved += len(page.Kinds)
		case page.Until == "":
			// Buyer protection ends before any day a snooze could wake: this parcel needs a
			// dispute, not a snooze. Skipped, and not counted as worked.
			key("n")
			skipped++
			nextReady(page.Path)
			continue
		default:
			key("s")
			snoozed += len(page.Kinds)
		}
		for _, k := range page.Kinds {
			kinds[k]++
		}
		worked += len(page.Kinds)
		nextReady(page.Path)
	}
	t.Logf("worked %d exceptions (%d resolved, %d snoozed; kinds %v; %d parcels skipped for a dispute) with %d key presses",
		worked, resolved, snoozed, kinds, skipped, actions)
	if actions > 30 {
		t.Errorf("working %d exceptions took %d key presses or clicks, want at most 30", worked, actions)
	}
	if len(kinds) < 2 || resolved == 0 || snoozed == 0 {
		t.Errorf("not a mixed batch: kinds %v, %d resolved, %d snoozed", kinds, resolved, snoozed)
	}
	b.screenshot("exception-demo.png")
	b.do(chromedp.EmulateViewport(390, 844))
	b.screenshot("exception-demo-phone.png")
	b.do(chromedp.EmulateViewport(1280, 900))
}
