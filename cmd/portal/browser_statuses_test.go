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

// TestBrowserStatusSuggestions imports parcels whose last known event is export customs, three
// weeks ago, followed by carrier texts the desk has never seen: each is flagged stalled in export
// customs although it has moved on. The unmapped statuses page offers a suggestion for each text;
// accepting them all at once re-classifies the shipments and clears the false stalls.
func TestBrowserStatusSuggestions(t *testing.T) {
	env := map[string]string{"DATABASE_URL": dbtest.NewURL(t), "ADDR": "127.0.0.1:0", "LOG_LEVEL": "warn"}
	base := serveOn(t, env)
	b := browser{t, newBrowser(t)}
	const email = "owner@quinta-lamps.test"
	b.signup(base, "Quinta Lamps", email)

	china := time.FixedZone("CST", 8*3600)
	now := time.Now()
	at := func(d time.Duration) string { return now.Add(-d).In(china).Format("2006-01-02 15:04") }
	var csv bytes.Buffer
	csv.WriteString("order_ref,tracking_number,carrier,status,status_at,destination_country\n")
	for i, unseen := range []string{"Matosinhos quayside customs yard intake", "Porto quayside customs yard intake",
		"Matosinhos quayside customs yard intake"} {
		ref := fmt.Sprintf("QL-%d", 1001+i)
		fmt.Fprintf(&csv, "%s,LP00QL%010d,Cainiao,[Shenzhen] Export customs clearance complete,%s,PT\n", ref, i, at(21*24*time.Hour))
		fmt.Fprintf(&csv, "%s,LP00QL%010d,Cainiao,%s,%s,PT\n", ref, i, unseen, at(2*24*time.Hour))
	}
	// A text no rule reads at all: the page shows the model's guess, which "accept all" leaves alone.
	fmt.Fprintf(&csv, "QL-2001,LP00QL9999999999,Cainiao,[Shenzhen] Export customs clearance complete,%s,PT\n", at(21*24*time.Hour))
	fmt.Fprintf(&csv, "QL-2001,LP00QL9999999999,Cainiao,Linehaul manifest ping,%s,PT\n", at(2*24*time.Hour))
	path := filepath.Join(t.TempDir(), "orders.csv")
	if err := os.WriteFile(path, csv.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"import", "--seller", email, path}, func(k string) string { return env[k] }, nil, &out, &out); err != nil {
		t.Fatalf("import: %v\n%s", err, out.String())
	}

	b.do(chromedp.Navigate(base+"/exceptions"), chromedp.WaitVisible(chromedp.ID("queue")))
	if got := b.text("#queue"); !strings.Contains(got, "QL-1001") || !strings.Contains(got, "QL-1003") {
		t.Fatalf("the parcels are not in the queue as stalled:\n%s", got)
	}

	b.do(chromedp.Navigate(base+"/settings/statuses"), chromedp.WaitVisible(chromedp.ID("accept-form")))
	got := b.text("#unmapped")
	for _, want := range []string{"Matosinhos quayside customs yard intake", "Porto quayside customs yard intake", "8. Clearing Customs (Import)"} {
		if !strings.Contains(got, want) {
			t.Errorf("unmapped page lacks %q:\n%s", want, got)
		}
	}
	if !strings.Contains(b.text("#accept-form"), "2 of these have a suggestion") {
		t.Errorf("accept bar: %q", b.text("#accept-form"))
	}
	if !strings.Contains(got, "Linehaul manifest ping") || !strings.Contains(got, "Guess:") {
		t.Errorf("the text no rule reads is not listed with the model's guess:\n%s", got)
	}
	b.screenshot("statuses-suggestions.png")
	// By keyboard: focus the button that accepts them all and press Enter.
	b.do(chromedp.Focus(chromedp.ID("accept-all")), chromedp.KeyEvent("\r"), chromedp.WaitVisible(chromedp.CSS(".flash-success")))
	if got := b.text("main"); !strings.Contains(got, "2 suggestions accepted; 3 events re-classified") {
		t.Errorf("after accepting: %q", got)
	}
	if got := b.text("#unmapped"); !strings.Contains(got, "Linehaul manifest ping") || strings.Contains(got, "Matosinhos") {
		t.Errorf("after accepting all, the guess should be the one text left unmapped:\n%s", got)
	}

	b.do(chromedp.Navigate(base + "/exceptions"))
	if b.exists("#queue") {
		if got := b.text("#queue"); strings.Contains(got, "QL-100") {
			t.Errorf("the false stalls are still in the queue:\n%s", got)
		}
	}
	b.do(chromedp.Navigate(base + "/shipments?q=QL-1002"))
	if got := b.text("main"); !strings.Contains(got, "Clearing Customs (Import)") {
		t.Errorf("QL-1002 is not in import customs now:\n%s", got)
	}
}
