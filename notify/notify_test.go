package notify_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/dbtest"
	"github.com/parceldesk/portal/notify"
	"github.com/parceldesk/portal/notify/notifytest"
)

func mustSeller(t *testing.T, s *domain.Store, shop, email string) (domain.Seller, domain.User) {
	t.Helper()
	seller, user, err := s.CreateSeller(context.Background(), domain.Signup{ShopName: shop, Email: email, Password: "correct horse battery"})
	if err != nil {
		t.Fatal(err)
	}
	return seller, user
}

// mustImport imports a CSV as the seller, as `portal import` does.
func mustImport(t *testing.T, s *domain.Store, seller domain.SellerID, csv string) {
	t.Helper()
	ctx := context.Background()
	r := strings.NewReader(csv)
	p, err := domain.DetectSettings(r)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = r.Seek(0, io.SeekStart)
	im, err := s.CreateImport(ctx, seller, domain.NewImport{Source: "cli", Filename: "t.csv", Size: int64(len(csv))})
	if err != nil {
		t.Fatal(err)
	}
	if im, err = s.RunImport(ctx, seller, im.ID, r, domain.ImportSettings{Dialect: p.Dialect, Mapping: p.Mapping, DateOrder: p.DateOrder, Location: time.UTC}); err != nil || im.Status != domain.ImportDone {
		t.Fatalf("import: %v %s", err, im.Error)
	}
}

// run starts the notifier until the test ends.
func run(t *testing.T, s *domain.Store, cfg notify.Config) *notify.Notifier {
	t.Helper()
	n, err := notify.New(s, slog.New(slog.NewTextHandler(testLog{t}, &slog.HandlerOptions{Level: slog.LevelWarn})), cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { n.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return n
}

type testLog struct{ t *testing.T }

func (w testLog) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// waitOutbox waits until the seller has no pending e-mail or webhook delivery left.
func waitOutbox(t *testing.T, s *domain.Store, seller domain.SellerID, within time.Duration) domain.OutboxCounts {
	t.Helper()
	var c domain.OutboxCounts
	for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		var err error
		if c, err = s.CountOutbox(context.Background(), seller); err != nil {
			t.Fatal(err)
		}
		if c.Pending == 0 {
			return c
		}
	}
	t.Fatalf("outbox still has %d pending after %s", c.Pending, within)
	return c
}

// TestMailOverSMTP sends a buyer message and a digest to a real SMTP server over STARTTLS, and
// reads what arrived: the headers, both parts, and a working one-click unsubscribe link on the
// digest only. A recipient the server refuses for good is failed at once.
func TestMailOverSMTP(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	cert, pool, err := notifytest.Certificate()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := notifytest.StartSMTP(&cert)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	srv.Reject = func(to string) error {
		if strings.HasPrefix(to, "nobody@") {
			return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such mailbox"}
		}
		return nil
	}

	seller, owner := mustSeller(t, s, "Lotus & Lamps", "mei@lotus.test")
	if err := s.SetMessageRule(ctx, seller.ID, owner, domain.MessageRule{Kind: domain.KindStalled, Stage: domain.StageDepartedOrigin,
		Mode: domain.ModeAuto, Trigger: domain.TriggerDepartedOrigin}); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if err := s.SetNotificationPrefs(ctx, seller.ID, owner, domain.NotificationPrefs{DigestEnabled: true, DigestHour: 0, Timezone: "UTC"},
		now.Add(-48*time.Hour)); err != nil {
		t.Fatal(err)
	}
	when := now.Add(-3 * time.Hour).UTC().Format("2006-01-02 15:04")
	old := now.Add(-21 * 24 * time.Hour).UTC().Format("2006-01-02 15:04")
	mustImport(t, s, seller.ID, "order_ref,status,status_at,customer_name,customer_email\n"+
		"M-1,Departed from the origin country,"+when+",Ana García,ana@buyer.test\n"+
		"M-2,Departed from the origin country,"+when+",No Body,nobody@buyer.test\n"+
		"M-3,Export customs clearance started,"+old+",Cy,\n")
	if _, err := s.Sweep(ctx, seller.ID, now); err != nil { // M-3 stalls: the digest has news
		t.Fatal(err)
	}

	run(t, s, notify.Config{SMTPURL: srv.URL(), MailFrom: "desk@parceldesk.test", PublicURL: "https://desk.example.com",
		Poll: 50 * time.Millisecond, TLS: tlsWith(pool)})
	mails, err := srv.Wait(2, 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	counts := waitOutbox(t, s, seller.ID, 10*time.Second)
	if counts.Sent != 2 || counts.Failed != 1 {
		t.Errorf("outbox: %+v, want 2 sent (buyer message, digest) and 1 failed (refused recipient)", counts)
	}
	var buyer, digest *notifytest.Mail
	for i, m := range mails {
		switch m.To[0] {
		case "ana@buyer.test":
			buyer = &mails[i]
		case "mei@lotus.test":
			digest = &mails[i]
		}
	}
	if buyer == nil || digest == nil {
		t.Fatalf("received %d mails, not the buyer's and the digest", len(mails))
	}
	for _, m := range []*notifytest.Mail{buyer, digest} {
		if !m.TLS {
			t.Errorf("mail to %s came in the clear, not over STARTTLS", m.To[0])
		}
		if from := m.Header.Get("From"); from != `"Lotus & Lamps" <desk@parceldesk.test>` {
			t.Errorf("From: %q", from)
		}
		if id := m.Header.Get("Message-Id"); !strings.HasPrefix(id, "<pd-") || !strings.HasSuffix(id, "@parceldesk.test>") {
			t.Errorf("Message-ID: %q", id)
		}
		if !strings.HasPrefix(m.Header.Get("Content-Type"), "multipart/alternative") || m.Text == "" || !strings.Contains(m.HTML, "<html") {
			t.Errorf("mail to %s: %s, text %d bytes, html %d bytes", m.To[0], m.Header.Get("Content-Type"), len(m.Text), len(m.HTML))
		}
	}
	if !strings.Contains(buyer.Header.Get("Subject"), "M-1") || !strings.Contains(buyer.Text, "Hi Ana") ||
		!strings.Contains(buyer.HTML, "Hi Ana") || buyer.Header.Get("List-Unsubscribe") != "" {
		t.Errorf("buyer message: subject %q, unsubscribe %q\n%s", buyer.Header.Get("Subject"), buyer.Header.Get("List-Unsubscribe"), buyer.Text)
	}
	unsub := digest.Header.Get("List-Unsubscribe")
	if !strings.HasPrefix(unsub, "<https://desk.example.com/unsubscribe/") || digest.Header.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" {
		t.Fatalf("digest unsubscribe headers: %q, %q", unsub, digest.Header.Get("List-Unsubscribe-Post"))
	}
	link := strings.Trim(unsub, "<>")
	if !strings.Contains(digest.Text, link) || !strings.Contains(digest.HTML, link) || !strings.Contains(digest.Text, "NEW EXCEPTIONS: 1") {
		t.Errorf("digest body lacks the unsubscribe link or the news:\n%s", digest.Text)
	}
	u, _ := url.Parse(link)
	token, _ := url.PathUnescape(strings.TrimPrefix(u.Path, "/unsubscribe/"))
	if who, err := s.Unsubscribe(ctx, token); err != nil || who.User.ID != owner.ID {
		t.Errorf("the digest's unsubscribe link: %v", err)
	}
	failed, _, _ := s.ListOutbox(ctx, seller.ID, domain.OutboxFilter{Status: domain.OutboxFailed})
	if len(failed) != 1 || failed[0].Attempts != 1 || !strings.Contains(failed[0].LastError, "550") {
		t.Errorf("refused recipient: %+v", failed)
	}
}

// TestWebhookRetriesAndSignatures delivers events to a real HTTPS receiver that checks every
// signature, while it answers 500, hangs past the timeout, and is down (connection refused) for
// a while: the deliveries are tried again, further apart each time, and each event is accepted
// once when it is back. A receiver down for longer than the give-up time has its deliveries
// failed and its endpoint turned off.
func TestWebhookRetriesAndSignatures(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	rcv, err := notifytest.StartReceiver(notify.Verify)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(rcv.Close)
	seller, owner := mustSeller(t, s, "Lotus Lamps", "mei@lotus.test")
	ep, secret, err := s.CreateWebhookEndpoint(ctx, seller.ID, owner, rcv.URL(), []string{domain.EventImportFinished}, true, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	rcv.SetSecret(secret)
	rcv.Set(notifytest.Fail500)
	policy := domain.RetryPolicy{Base: 200 * time.Millisecond, Max: 2 * time.Second, GiveUpAfter: time.Minute}
	run(t, s, notify.Config{AllowPrivate: true, Poll: 20 * time.Millisecond, Retry: policy, WebhookTimeout: 500 * time.Millisecond, TLS: rcv.TLS()})

	for range 3 {
		if err := s.SendTestEvent(ctx, seller.ID, owner, ep.ID, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	mustImport(t, s, seller.ID, "order_ref,status\nW-1,Processing\n") // import.finished
	// Each event must meet each behaviour: waiting for a total count is not enough, since the
	// retries of one event can run ahead of another's.
	waitEach := func(status, n int) {
		t.Helper()
		for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(10 * time.Millisecond) {
			per := map[string]int{}
			for _, d := range rcv.Deliveries() {
				if d.Status == status {
					per[d.EventID]++
				}
			}
			least := n
			for _, k := range per {
				least = min(least, k)
			}
			if len(per) == 4 && least >= n {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("deliveries answered %d per event: %v, want %d for each of 4 events", status, per, n)
			}
		}
	}
	waitEach(http.StatusInternalServerError, 2)
	rcv.Set(notifytest.Hang)
	waitEach(0, 1) // a hang, answered by the sender's timeout
	rcv.Down()
	downAt := time.Now()
	time.Sleep(1500 * time.Millisecond)
	if err := rcv.Up(); err != nil {
		t.Fatal(err)
	}
	rcv.Set(notifytest.Accept)
	if !rcv.Wait(4, 30*time.Second) {
		t.Fatalf("accepted events: %v", rcv.Events())
	}
	waitOutbox(t, s, seller.ID, 10*time.Second)

	types := map[string]bool{}
	perEvent := map[string][]time.Time{}
	for _, d := range rcv.Deliveries() {
		if !d.Verified {
			t.Errorf("delivery %s: signature not verified: %s", d.EventID, d.VerifyErr)
		}
		types[d.Type] = true
		perEvent[d.EventID] = append(perEvent[d.EventID], d.At)
		if d.Header.Get(notify.EventIDHeader) != d.EventID || d.Header.Get(notify.DeliveryHeader) == "" {
			t.Errorf("delivery headers: %v", d.Header)
		}
	}
	if !types["test"] || !types["import.finished"] {
		t.Errorf("event types received: %v", types)
	}
	for id, n := range rcv.Events() {
		if n != 1 {
			t.Errorf("event %s accepted %d times", id, n)
		}
	}
	// Backoff: for each event, the pauses between tries grow (jitter is ±50% around doubling).
	for id, at := range perEvent {
		if len(at) < 4 {
			t.Errorf("event %s was tried %d times, want at least 4", id, len(at))
			continue
		}
		if first, last := at[1].Sub(at[0]), at[len(at)-1].Sub(at[len(at)-2]); last <= first {
			t.Errorf("event %s: pauses did not grow: first %s, last %s", id, first, last)
		}
	}
	log, err := s.ListWebhookDeliveries(ctx, seller.ID, ep.ID, 200)
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]int{}
	for _, l := range log {
		switch {
		case l.ResponseCode != nil:
			codes[map[int]string{500: "500", 200: "200"}[*l.ResponseCode]]++
		case strings.Contains(l.Error, "timed out"):
			codes["timeout"]++
		case strings.Contains(l.Error, "refused"):
			codes["refused"]++
		}
	}
	if codes["500"] < 8 || codes["timeout"] < 4 || codes["refused"] == 0 || codes["200"] != 4 {
		t.Errorf("the delivery log shows %v (receiver down at %s)", codes, downAt.Format("15:04:05.000"))
	}
}

// TestWebhookGivesUp: a receiver that stays down past the give-up time: the deliveries are
// failed and the endpoint is turned off, with the reason shown.
func TestWebhookGivesUp(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	rcv, err := notifytest.StartReceiver(notify.Verify)
	if err != nil {
		t.Fatal(err)
	}
	seller, owner := mustSeller(t, s, "Lotus Lamps", "mei@lotus.test")
	ep, _, err := s.CreateWebhookEndpoint(ctx, seller.ID, owner, rcv.URL(), []string{domain.EventImportFinished}, true, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	rcv.Down()
	run(t, s, notify.Config{AllowPrivate: true, Poll: 20 * time.Millisecond, TLS: rcv.TLS(),
		Retry: domain.RetryPolicy{Base: 100 * time.Millisecond, Max: 300 * time.Millisecond, GiveUpAfter: 2 * time.Second}})
	if err := s.SendTestEvent(ctx, seller.ID, owner, ep.ID, time.Now()); err != nil {
		t.Fatal(err)
	}
	c := waitOutbox(t, s, seller.ID, 20*time.Second)
	ep, _ = s.FindWebhookEndpoint(ctx, seller.ID, ep.ID)
	if c.Failed != 1 || ep.DisabledAt == nil {
		t.Errorf("after the give-up time: %+v, endpoint disabled at %v", c, ep.DisabledAt)
	}
}

// TestSSRFRefused: without the development setting, an endpoint on this machine is refused when
// registered, and a delivery to it is refused at connection time (as after a DNS change).
func TestSSRFRefused(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	rcv, err := notifytest.StartReceiver(notify.Verify)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(rcv.Close)
	n := run(t, s, notify.Config{Poll: 20 * time.Millisecond, TLS: rcv.TLS(),
		Retry: domain.RetryPolicy{Base: time.Hour, Max: time.Hour, GiveUpAfter: 24 * time.Hour}})
	var ve *domain.ValidationError
	for _, u := range []string{rcv.URL(), "https://localhost/x", "https://[::1]/x", "http://hooks.example.com/x"} {
		if err := n.CheckEndpoint(ctx, u); !errors.As(err, &ve) {
			t.Errorf("CheckEndpoint(%s) = %v, want refused", u, err)
		}
	}
	// Registered while private addresses were allowed (or resolved elsewhere then): the delivery
	// is refused when it connects.
	seller, owner := mustSeller(t, s, "Lotus Lamps", "mei@lotus.test")
	ep, _, err := s.CreateWebhookEndpoint(ctx, seller.ID, owner, rcv.URL(), []string{domain.EventImportFinished}, true, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SendTestEvent(ctx, seller.ID, owner, ep.ID, time.Now()); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		log, _ := s.ListWebhookDeliveries(ctx, seller.ID, ep.ID, 10)
		if len(log) > 0 && log[0].Attempt != nil {
			if !strings.Contains(log[0].Error, "private or local network") {
				t.Errorf("delivery to 127.0.0.1: %q", log[0].Error)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no delivery was tried")
		}
	}
	if len(rcv.Deliveries()) != 0 {
		t.Error("the receiver on 127.0.0.1 was reached")
	}
}

func tlsWith(pool *x509.CertPool) *tls.Config {
	return &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
}
