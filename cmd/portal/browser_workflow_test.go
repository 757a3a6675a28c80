package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq"
)

// TestBrowserWorkflow walks a seller through the exception workflow in Chromium: filter the
// queue, open an exception, add a note, assign it to a teammate, snooze it, see it leave the
// open queue and come back when due, resolve and reopen it; and a teammate in a second browser
// who changes the same exception from a stale page gets the conflict message.
func TestBrowserWorkflow(t *testing.T) {
	env, getenv := newLotusShop(t)
	ctx := context.Background()
	const email, password = lotusEmail, lotusPassword
	const agentEmail, agentName, agentPassword = "ann@lotus.test", "Ann", "a long agent password"
	var out bytes.Buffer
	var file strings.Builder
	file.WriteString("Order ID,Shipping Method,Last Event,Event Time,Country,Order Total\n")
	china := time.FixedZone("CST", 8*3600)
	stalled := time.Now().In(china).AddDate(0, 0, -10).Format("2006-01-02 15:04")
	for i, value := range []string{"90.00", "50.00", "30.00"} {
		fmt.Fprintf(&file, "W-%d,AliExpress Standard Shipping,[Shenzhen] Export customs clearance started,%s,France,%s\n", i+1, stalled, value)
	}
	recent := time.Now().In(china).Add(-5 * time.Hour).Format("2006-01-02 15:04")
	fmt.Fprintf(&file, "W-4,AliExpress Standard Shipping,\"Delivery attempted - no one home, notice left\",%s,France,20.00\n", recent)
	path := filepath.Join(t.TempDir(), "orders.csv")
	if err := os.WriteFile(path, []byte(file.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(ctx, []string{"import", "--seller", email, path}, getenv, nil, &out, &out); err != nil {
		t.Fatalf("import: %v\n%s", err, out.String())
	}
	sweep := func() {
		t.Helper()
		if err := run(ctx, []string{"sweep"}, getenv, nil, &out, &out); err != nil {
			t.Fatalf("sweep: %v\n%s", err, out.String())
		}
	}
	sweep()

	base := serveOn(t, env)
	b := browser{t, newBrowser(t)}
	b.login(base, email, password)

	// The owner invites an agent; the agent joins in a second browser with its own cookies.
	b.do(
		chromedp.Navigate(base+"/settings/team"),
		chromedp.WaitVisible(chromedp.ID("invite-member-form")),
		chromedp.SendKeys(chromedp.ID("email"), agentEmail),
		chromedp.SetValue(chromedp.ID("role"), "agent"),
		chromedp.Click(chromedp.ID("invite-submit"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.ID("invite-link")),
	)
	link := b.value("#invite-link")
	if !strings.Contains(link, "/invite/") {
		t.Fatalf("invitation link = %q", link)
	}
	if !strings.HasPrefix(link, "http") {
		link = base + link
	}
	b2 := browser{t, newBrowser(t)}
	b2.do(
		chromedp.Navigate(link),
		chromedp.WaitVisible(chromedp.ID("invite-form")),
		chromedp.SendKeys(chromedp.ID("name"), agentName),
		chromedp.SendKeys(chromedp.ID("password"), agentPassword),
		chromedp.Click(chromedp.ID("invite-submit"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.ID("home-title")),
	)

	// Filter the queue to stalled parcels with the filter form.
	b.do(
		chromedp.Navigate(base+"/exceptions"),
		chromedp.WaitVisible(chromedp.ID("queue")),
	)
	if kinds := evalJS[[]string](b, `Array.from(document.querySelectorAll("#queue tbody tr")).map(r => r.dataset.kind)`); !slices.Contains(kinds, "delivery_issue") || !slices.Contains(kinds, "stalled") {
		t.Fatalf("unfiltered queue kinds = %v, want stalled and delivery_issue", kinds)
	}
	b.do(
		chromedp.Click(chromedp.ID("tab-stalled"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.CSS(`#tab-stalled[aria-current="page"]`)),
		chromedp.SetValue(chromedp.ID("state"), "open"),
		chromedp.Click(chromedp.ID("queue-submit"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.ID("queue-clear")),
	)
	waitJS(b, `location.search.includes("kind=stalled") && location.search.includes("state=open")`)
	kinds := evalJS[[]string](b, `Array.from(document.querySelectorAll("#queue tbody tr")).map(r => r.dataset.kind)`)
	if len(kinds) != 3 || slices.Contains(kinds, "delivery_issue") {
		t.Errorf("stalled queue kinds = %v, want 3 stalled", kinds)
	}
	b.screenshot("queue.png")

	// Open the first row.
	id := evalJS[string](b, `document.querySelector("#queue tbody tr").dataset.exception`)
	order := evalJS[string](b, `document.querySelector("#queue tbody tr a.exception-link").textContent`)
	b.do(
		chromedp.Click(chromedp.CSS("#queue tbody tr a.exception-link"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.ID("exception-title")),
	)
	if got := b.text("#exception-title"); !strings.Contains(got, order) || !strings.Contains(got, "Stalled") {
		t.Errorf("exception title = %q, want stalled %s", got, order)
	}
	exceptionURL := base + "/exceptions/" + id

	// Add a note.
	b.do(
		chromedp.SendKeys(chromedp.ID("note"), "Asked the carrier for a trace."),
		chromedp.Click(chromedp.ID("action-note"), chromedp.NodeVisible),
	)
	waitJS(b, `document.querySelector("#history") && document.querySelector("#history").textContent.includes("Asked the carrier for a trace.")`)

	// Assign to the agent.
	agentOption := evalJS[string](b, fmt.Sprintf(`(Array.from(document.querySelectorAll("#assignee option")).find(o => o.textContent.trim() === %q) || {value: ""}).value`, agentName))
	if agentOption == "" {
		t.Fatalf("the agent is not in the assignee list: %s", b.text("#assignee"))
	}
	b.do(
		chromedp.SetValue(chromedp.ID("assignee"), agentOption),
		chromedp.Click(chromedp.ID("action-assign"), chromedp.NodeVisible),
	)
	waitJS(b, fmt.Sprintf(`document.querySelector("#exception-assignee") && document.querySelector("#exception-assignee").textContent.trim() === %q`, agentName))
	b.screenshot("exception.png")

	// Snooze until tomorrow, the earliest day the date input offers.
	tomorrow := evalJS[string](b, `document.querySelector("#waiting_until").min`)
	if _, err := time.Parse("2006-01-02", tomorrow); err != nil {
		t.Fatalf("waiting_until min = %q", tomorrow)
	}
	b.do(
		chromedp.SetValue(chromedp.ID("waiting_until"), tomorrow),
		chromedp.Click(chromedp.ID("action-wait"), chromedp.NodeVisible),
	)
	waitJS(b, `document.querySelector("#exception-state") && document.querySelector("#exception-state").textContent.startsWith("Waiting until")`)

	// It leaves the open queue; the unresolved queue shows it waiting.
	b.do(
		chromedp.Navigate(base+"/exceptions?kind=stalled&state=open"),
		chromedp.WaitVisible(chromedp.ID("queue")),
	)
	if b.exists(fmt.Sprintf(`#queue tr[data-exception="%s"]`, id)) {
		t.Errorf("the waiting exception is still in the open queue")
	}
	b.do(
		chromedp.Navigate(base+"/exceptions"),
		chromedp.WaitVisible(chromedp.ID("queue")),
	)
	if b.exists(fmt.Sprintf(`#queue tr[data-exception="%s"]`, id)) {
		t.Errorf("the snoozed exception is still in the default queue (needs action)")
	}
	b.do(
		chromedp.Navigate(base+"/exceptions?state=unresolved"),
		chromedp.WaitVisible(chromedp.ID("queue")),
	)
	if got := b.text(fmt.Sprintf(`#queue tr[data-exception="%s"] .c-state`, id)); !strings.HasPrefix(got, "Waiting until") {
		t.Errorf("state in the unresolved queue = %q, want waiting", got)
	}

	// The date comes: the sweep brings it back to the open queue.
	db, err := sqlx.Open("postgres", env["DATABASE_URL"])
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE exceptions SET waiting_until = now() - interval '1 minute' WHERE id = $1`, id); err != nil {
		t.Fatal(err)
	}
	sweep()
	b.do(
		chromedp.Navigate(base+"/exceptions?kind=stalled&state=open"),
		chromedp.WaitVisible(chromedp.ID("queue")),
	)
	if !b.exists(fmt.Sprintf(`#queue tr[data-exception="%s"]`, id)) {
		t.Errorf("the exception did not come back to the open queue after its date")
	}
	b.do(
		chromedp.Navigate(exceptionURL),
		chromedp.WaitVisible(chromedp.ID("exception-state")),
	)
	if got := b.text("#exception-state"); got != "Open" {
		t.Errorf("state after the date passed = %q, want Open", got)
	}
	if got := b.text("#history"); !strings.Contains(got, "waiting date passed") {
		t.Errorf("history lacks the sweep's reopening:\n%s", got)
	}

	// Resolve, then reopen.
	b.do(
		chromedp.SetValue(chromedp.ID("resolution"), "recovered"),
		chromedp.Click(chromedp.ID("action-resolve"), chromedp.NodeVisible),
	)
	waitJS(b, `document.querySelector("#exception-state") && document.querySelector("#exception-state").textContent.startsWith("Resolved")`)
	if b.exists("#action-wait") {
		t.Errorf("a resolved exception still offers to wait")
	}
	b.do(chromedp.Click(chromedp.ID("action-reopen"), chromedp.NodeVisible))
	waitJS(b, `document.querySelector("#exception-state") && document.querySelector("#exception-state").textContent.trim() === "Open"`)

	// Conflict: the agent opens the exception, the owner changes it, the agent's change is refused.
	b2.do(
		chromedp.Navigate(exceptionURL),
		chromedp.WaitVisible(chromedp.ID("exception-actions")),
	)
	b.do(
		chromedp.Navigate(exceptionURL),
		chromedp.WaitVisible(chromedp.ID("note")),
		chromedp.SendKeys(chromedp.ID("note"), "Carrier says it is moving again."),
		chromedp.Click(chromedp.ID("action-note"), chromedp.NodeVisible),
	)
	waitJS(b, `document.querySelector("#history") && document.querySelector("#history").textContent.includes("moving again")`)
	const agentNote = "Customer asked for an update."
	b2.do(
		chromedp.SendKeys(chromedp.ID("note"), agentNote),
		chromedp.Click(chromedp.ID("action-note"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.ID("conflict")),
	)
	if got := b2.text("#conflict"); !strings.Contains(got, "Someone else changed this exception") {
		t.Errorf("conflict message = %q", got)
	}
	if got := b2.value("#note"); got != agentNote {
		t.Errorf("the agent's note after the conflict = %q, want it kept", got)
	}
	if got := b2.text("#history"); !strings.Contains(got, "moving again") || strings.Contains(got, agentNote) {
		t.Errorf("history after the conflict should show the owner's note, not the agent's:\n%s", got)
	}
	b2.screenshot("conflict.png")

	// The same stale form, posted outside htmx, answers 409.
	fctx, fcancel := context.WithTimeout(b2.ctx, 15*time.Second)
	defer fcancel()
	status, err := chromedp.Run(fctx, chromedp.Evaluate[int](`(async () => {
		const f = document.querySelector("#form-note");
		const body = new URLSearchParams(new FormData(f));
		body.set("version", "1");
		const r = await fetch(f.getAttribute("action"), {method: "POST", body: body, credentials: "same-origin"});
		return r.status;
	})()`, chromedp.EvalAwaitPromise))
	if err != nil || status != 409 {
		t.Errorf("stale post answered %d (%v), want 409", status, err)
	}
}

// waitJS waits until a JavaScript expression is true in the page, for changes made by htmx
// swaps rather than by navigation. Errors while the page changes are retried.
func waitJS(b browser, js string) {
	b.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+js+")"))
		cancel()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			body, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 1500) : ""`))
			b.t.Fatalf("browser: waiting for %s: %v\npage:\n%s", js, err, body)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
