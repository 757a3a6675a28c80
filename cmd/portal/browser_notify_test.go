package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/parceldesk/portal/notify/notifytest"
)

// testClock is the delivery machinery's clock, moved forward by the test.
type testClock struct{ offset atomic.Int64 }

func (c *testClock) Now() time.Time       { return time.Now().Add(time.Duration(c.offset.Load())) }
func (c *testClock) Advance(to time.Time) { c.offset.Store(int64(time.Until(to))) }
func (c *testClock) serveWith(t *testing.T, env map[string]string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, nil, func(k string) string { return env[k] }, pw, io.Discard, c.Now)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("portal serve: %v", err)
		}
	})
	// A server that neither listens nor ends within a minute is stopped: the scan then ends.
	timer := time.AfterFunc(time.Minute, cancel)
	defer timer.Stop()
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		if _, u, ok := strings.Cut(sc.Text(), "listening on "); ok {
			go func() { _, _ = io.Copy(io.Discard, pr) }()
			return u
		}
	}
	// The cleanup reads done too: put the error back for it, or it waits forever.
	err := <-done
	done <- err
	t.Fatalf("portal did not start: %v", err)
	return ""
}

// TestBrowserNotifications: a seller turns on the daily digest and an automatic buyer message
// for "departed origin" in a real Chromium; an import moves three parcels into that stage (and a
// fourth has stalled); the SMTP test server receives one buyer message per departed parcel, and
// at the digest hour (the clock moved there) one digest, whose unsubscribe link works without
// signing in.
func TestBrowserNotifications(t *testing.T) {
	env, _ := newLotusShop(t)
	smtpSrv, err := notifytest.StartSMTP(nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = smtpSrv.Close() })
	env["SMTP_URL"] = smtpSrv.URL()
	env["MAIL_FROM"] = "desk@lotus.test"
	clock := &testClock{}
	base := clock.serveWith(t, env)
	b := browser{t, newBrowser(t)}
	b.login(base, lotusEmail, lotusPassword)

	// The digest, at an hour three hours from now (UTC), chosen from the keyboard.
	hour := (time.Now().UTC().Hour() + 3) % 24
	b.do(
		chromedp.Navigate(base+"/settings/notifications"),
		chromedp.WaitVisible(chromedp.ID("notifications-form")),
		chromedp.Focus(chromedp.ID("digest_enabled")),
		chromedp.KeyEvent(" "),
		chromedp.SetValue(chromedp.ID("digest_hour"), fmt.Sprint(hour)),
		chromedp.SetValue(chromedp.ID("timezone"), "UTC"),
	)
	b.screenshot("notifications.png")
	b.do(chromedp.Click(chromedp.ID("notifications-save"), chromedp.NodeVisible), chromedp.WaitVisible(chromedp.CSS(".flash")))
	if got := b.text(".flash"); !strings.Contains(got, "saved") {
		t.Fatalf("after saving: %q", got)
	}
	if b.value("#digest_hour") != fmt.Sprint(hour) {
		t.Errorf("digest hour shows %s after saving, want %d", b.value("#digest_hour"), hour)
	}

	// The "departed origin" message, sent automatically.
	const rule = "#msg-stalled-6-rule"
	b.do(
		chromedp.Navigate(base+"/settings/messages"),
		chromedp.WaitVisible(chromedp.ID("buyer-mail-switch")),
		chromedp.SetValue(chromedp.ID("msg-stalled-6-mode"), "auto"),
	)
	if got := b.value("#msg-stalled-6-trigger"); got != "departed_origin" {
		t.Errorf("the departed-origin template's trigger is %q, want departed_origin", got)
	}
	b.do(chromedp.Click(chromedp.CSS(rule+" button"), chromedp.NodeVisible), chromedp.WaitVisible(chromedp.CSS(".flash")))
	if got := b.text(".flash"); !strings.Contains(got, "send automatically") {
		t.Fatalf("after applying the rule: %q", got)
	}
	b.screenshot("messages-rules.png")
	b.do(chromedp.Click(chromedp.ID("msg-stalled-6-preview"), chromedp.NodeVisible), chromedp.WaitVisible(chromedp.ID("mail-text")))
	if got := b.text("#mail-text"); !strings.Contains(got, "has left China") {
		t.Errorf("preview text: %q", got)
	}

	// An import: three parcels departed hours ago, one stalled in export customs for three weeks.
	c := newWebClient(t, base)
	c.post("/login", "/login", url.Values{"email": {lotusEmail}, "password": {lotusPassword}})
	china := time.FixedZone("CST", 8*3600) // the import page's default zone
	recent := time.Now().Add(-4 * time.Hour).In(china).Format("2006-01-02 15:04")
	old := time.Now().Add(-21 * 24 * time.Hour).In(china).Format("2006-01-02 15:04")
	csv := "order_ref,tracking_number,status,status_at,destination_country,customer_name,customer_email\n"
	for i, buyer := range []string{"ana", "bo", "cy"} {
		csv += fmt.Sprintf("LN-%d,LP00000000000%d,Departed from the origin country,%s,FR,%s Buyer,%s@buyer.test\n", i+1, i+1, recent, buyer, buyer)
	}
	csv += "LN-9,LP000000000009,Export customs clearance started," + old + ",DE,Dee Buyer,dee@buyer.test\n"
	c.importFile([]byte(csv))

	mails, err := smtpSrv.Wait(3, 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, m := range mails {
		got[m.To[0]] = m.Header.Get("Subject")
		if from := m.Header.Get("From"); from != `"Lotus Lamps" <desk@lotus.test>` {
			t.Errorf("From: %q", from)
		}
	}
	for i, buyer := range []string{"ana", "bo", "cy"} {
		if subj := got[buyer+"@buyer.test"]; !strings.Contains(subj, fmt.Sprintf("LN-%d", i+1)) {
			t.Errorf("%s's message: subject %q", buyer, subj)
		}
	}
	if len(mails) != 3 {
		t.Errorf("%d mails after the import, want 3 (one per departed parcel, none to dee)", len(mails))
	}

	// The shipment page lists the message with its status.
	b.do(chromedp.Navigate(base+"/shipments?q=LN-1"), chromedp.Click(chromedp.CSS("#shipments a.order-ref"), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.ID("buyer-messages")))
	if got := b.text("#buyer-messages"); !strings.Contains(got, "sent") || !strings.Contains(got, "ana@buyer.test") {
		t.Errorf("shipment page's messages: %q", got)
	}
	b.screenshot("shipment-buyer-messages.png")

	// The digest hour comes: one digest, to the seller.
	next := time.Now().UTC().Truncate(time.Hour)
	for next.Hour() != hour || !next.After(time.Now()) {
		next = next.Add(time.Hour)
	}
	clock.Advance(next.Add(5 * time.Minute))
	_, err = smtpSrv.Wait(4, 45*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(2 * time.Second) // a second digest would come now
	var digests []notifytest.Mail
	for _, m := range smtpSrv.Messages() {
		if m.To[0] == lotusEmail {
			digests = append(digests, m)
		}
	}
	if len(digests) != 1 {
		t.Fatalf("%d digests, want 1", len(digests))
	}
	d := digests[0]
	if !strings.Contains(d.Text, "NEW EXCEPTIONS: 1") || !strings.Contains(d.HTML, "Stalled") {
		t.Errorf("digest:\n%s", d.Text)
	}
	unsub := strings.Trim(d.Header.Get("List-Unsubscribe"), "<>")
	if !strings.HasPrefix(unsub, base+"/unsubscribe/") {
		t.Fatalf("List-Unsubscribe: %q", unsub)
	}
	b.do(chromedp.Navigate(base+"/outbox"), chromedp.WaitVisible(chromedp.ID("outbox-table")))
	if got := b.text("#outbox-table"); strings.Count(got, "sent ") != 4 {
		t.Errorf("the outbox page does not show the four messages sent:\n%s", got)
	}
	b.screenshot("outbox.png")

	// The unsubscribe link works without signing in.
	anon := browser{t, newBrowser(t)}
	anon.do(chromedp.Navigate(unsub), chromedp.WaitVisible(chromedp.ID("unsubscribe-confirm")))
	anon.do(chromedp.Click(chromedp.ID("unsubscribe-confirm"), chromedp.NodeVisible), chromedp.WaitVisible(chromedp.ID("unsubscribe-done")))
	b.do(chromedp.Navigate(base+"/settings/notifications"), chromedp.WaitVisible(chromedp.ID("notifications-form")))
	if b.exists("#digest_enabled:checked") {
		t.Error("the digest is still on after unsubscribing")
	}
}
