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
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserQueueKeys walks the review queue with the keyboard in Chromium: j / k move the
// highlight and the focus, x ticks the row, Enter opens it; keys typed in the search box stay
// there.
func TestBrowserQueueKeys(t *testing.T) {
	env, getenv := newLotusShop(t)
	ctx := context.Background()
	const email, password = lotusEmail, lotusPassword
	var out bytes.Buffer
	var file strings.Builder
	file.WriteString("Order ID,Shipping Method,Last Event,Event Time,Country,Order Total\n")
	when := time.Now().In(time.FixedZone("CST", 8*3600)).AddDate(0, 0, -21).Format("2006-01-02 15:04")
	for i, value := range []string{"90.00", "50.00", "10.00"} {
		fmt.Fprintf(&file, "K-%d,AliExpress Standard Shipping,[Shenzhen] Export customs clearance started,%s,France,%s\n", i+1, when, value)
	}
	path := filepath.Join(t.TempDir(), "orders.csv")
	if err := os.WriteFile(path, []byte(file.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(ctx, []string{"import", "--seller", email, path}, getenv, nil, &out, &out); err != nil {
		t.Fatalf("import: %v\n%s", err, out.String())
	}
	if err := run(ctx, []string{"sweep"}, getenv, nil, &out, &out); err != nil {
		t.Fatalf("sweep: %v\n%s", err, out.String())
	}

	base := serveOn(t, env)
	b := browser{t, newBrowser(t)}
	b.login(base, email, password)
	b.do(
		chromedp.Navigate(base+"/exceptions"),
		chromedp.WaitVisible(chromedp.ID("queue")),
		chromedp.WaitVisible(chromedp.ID("queue-keys")),
	)
	current := func() string {
		t.Helper()
		return evalJS[string](b, `(function () {
			var rows = document.querySelectorAll("#queue tbody tr.is-current");
			if (rows.length !== 1) return "rows:" + rows.length;
			var a = rows[0].querySelector("a.exception-link");
			return document.activeElement === a ? a.textContent : "unfocused " + a.textContent;
		})()`)
	}
	blur := func() { evalJS[bool](b, `(document.activeElement && document.activeElement.blur(), true)`) }
	key := func(k string) { b.do(chromedp.KeyEvent(k)) }
	blur()

	key("j")
	if got := current(); got != "K-1" {
		t.Errorf("after j: %q, want K-1", got)
	}
	key("j")
	key("j")
	key("j") // stays on the last row
	if got := current(); got != "K-3" {
		t.Errorf("after jjjj: %q, want K-3", got)
	}
	key("k")
	if got := current(); got != "K-2" {
		t.Errorf("after k: %q, want K-2", got)
	}
	key("x")
	ticked := evalJS[[]string](b, `Array.from(document.querySelectorAll('#queue input[name="ids"]:checked')).map(function (c) {
		return c.closest("tr").querySelector("a.exception-link").textContent })`)
	if strings.Join(ticked, ",") != "K-2" {
		t.Errorf("after x: ticked %v, want K-2", ticked)
	}

	// Typing in the search box types, and moves nothing.
	b.do(chromedp.Focus(chromedp.ID("q")), chromedp.SendKeys(chromedp.ID("q"), "jkx"))
	if v := b.value("#q"); v != "jkx" {
		t.Errorf("search box holds %q", v)
	}
	still := evalJS[string](b, `document.querySelector("#queue tbody tr.is-current a.exception-link").textContent`)
	if still != "K-2" {
		t.Errorf("typing moved the highlight to %q", still)
	}

	// Back on the row, Enter opens its exception.
	blur()
	key("j")
	key("k")
	key(kb.Enter)
	b.do(chromedp.WaitVisible(chromedp.ID("exception-title")))
	if got := b.text("#exception-title"); !strings.Contains(got, "K-2") {
		t.Errorf("Enter opened %q, want K-2", got)
	}
	b.screenshot("queue-keys.png")
}

// evalJS evaluates a JavaScript expression in the page and returns its value.
func evalJS[T any](b browser, js string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 15*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		b.t.Fatalf("browser: %s: %v", js, err)
	}
	return v
}
