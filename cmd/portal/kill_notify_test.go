package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/dbtest"
	"github.com/parceldesk/portal/notify"
	"github.com/parceldesk/portal/notify/notifytest"
)

// startServe runs the built binary's serve command with extra environment and waits until it
// listens.
func startServe(t *testing.T, bin string, env ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0")
	cmd.Env = append(append(os.Environ(), "SESSION_SECRET=kill-test-secret", "LOG_LEVEL=warn"), env...)
	cmd.Stderr = testWriter{t}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	// A server that neither listens nor exits within a minute is killed: the read then ends.
	timer := time.AfterFunc(time.Minute, func() { _ = cmd.Process.Kill() })
	defer timer.Stop()
	r := bufio.NewReader(out)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("portal serve said nothing: %v", err)
		}
		if strings.Contains(line, "listening on") {
			break
		}
	}
	go func() { _, _ = io.Copy(io.Discard, r) }()
	return cmd
}

// TestKilledMidSend: the portal is killed (SIGKILL) while it sends e-mails to a slow SMTP server
// and webhook deliveries to a slow receiver. After a restart every message arrives, and each
// exactly once as the receivers' idempotency check counts (the Message-ID, the event id); none is
// lost. Repeats of the batches in flight at the kill are allowed (at least once) and counted.
func TestKilledMidSend(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bin := filepath.Join(t.TempDir(), "portal")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dbURL := dbtest.NewURL(t)
	db, err := sqlx.Open("postgres", dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	store := domain.NewStore(db)
	store.PasswordCost = 4
	_, owner, err := store.CreateSeller(ctx, domain.Signup{ShopName: "Shop", Email: "owner@shop.test", Password: "correct horse battery"})
	if err != nil {
		t.Fatal(err)
	}
	seller := owner.SellerID

	smtpSrv, err := notifytest.StartSMTP(nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = smtpSrv.Close() })
	smtpSrv.Keep = false
	smtpSrv.Delay = 10 * time.Millisecond
	rcv, err := notifytest.StartReceiver(notify.Verify)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(rcv.Close)
	rcv.SetDelay(10 * time.Millisecond)
	certFile := filepath.Join(t.TempDir(), "receiver.pem")
	if err := os.WriteFile(certFile, rcv.CertPEM(), 0o600); err != nil {
		t.Fatal(err)
	}

	// 300 buyer messages (an import moves 300 parcels into "departed origin") and 300 webhook
	// deliveries (test events).
	const n = 300
	if err := store.SetMessageRule(ctx, seller, owner, domain.MessageRule{Kind: domain.KindStalled, Stage: domain.StageDepartedOrigin,
		Mode: domain.ModeAuto, Trigger: domain.TriggerDepartedOrigin}); err != nil {
		t.Fatal(err)
	}
	var csv strings.Builder
	csv.WriteString("order_ref,status,status_at,customer_email\n")
	when := time.Now().Add(-2 * time.Hour).UTC().Format("2006-01-02 15:04")
	for i := range n {
		fmt.Fprintf(&csv, "K-%04d,Departed from the origin country,%s,buyer%d@buyer.test\n", i, when, i)
	}
	r := strings.NewReader(csv.String())
	p, err := domain.DetectSettings(r)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = r.Seek(0, io.SeekStart)
	im, err := store.CreateImport(ctx, seller, domain.NewImport{Source: "cli", Filename: "k.csv", Size: int64(csv.Len())})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.RunImport(ctx, seller, im.ID, r, domain.ImportSettings{Dialect: p.Dialect, Mapping: p.Mapping, Location: time.UTC}); err != nil {
		t.Fatal(err)
	}
	ep, secret, err := store.CreateWebhookEndpoint(ctx, seller, owner, rcv.URL(), []string{domain.EventImportFinished}, true, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	rcv.SetSecret(secret)
	for range n {
		if err := store.SendTestEvent(ctx, seller, owner, ep.ID, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	count := func(q string) int {
		var c int
		if err := db.Get(&c, q); err != nil {
			t.Fatal(err)
		}
		return c
	}
	if got := count(`SELECT count(*) FROM outbox WHERE status = 'pending'`); got != 2*n {
		t.Fatalf("%d messages waiting, want %d", got, 2*n)
	}

	env := []string{"DATABASE_URL=" + dbURL, "SMTP_URL=" + smtpSrv.URL(), "MAIL_FROM=desk@shop.test",
		"WEBHOOK_ALLOW_PRIVATE=true", "SSL_CERT_FILE=" + certFile}
	cmd := startServe(t, bin, env...)
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(5 * time.Millisecond) {
		mails, _ := smtpSrv.Count()
		if mails >= n/4 && len(rcv.Deliveries()) >= n/4 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("sending did not get going: %d mails, %d deliveries", mails, len(rcv.Deliveries()))
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	mails, distinctMails := smtpSrv.Count()
	hooks := len(rcv.Events())
	if distinctMails >= n && hooks >= n {
		t.Fatalf("everything was sent before the kill (%d mails, %d events): the test proves nothing", distinctMails, hooks)
	}
	t.Logf("killed after %d mails and %d webhook events had arrived", mails, hooks)

	startServe(t, bin, env...)
	if _, err := smtpSrv.Wait(n, 2*time.Minute); err != nil {
		t.Fatal(err)
	}
	if !rcv.Wait(n, 2*time.Minute) {
		t.Fatalf("after the restart %d of %d events arrived", len(rcv.Events()), n)
	}
	for deadline := time.Now().Add(30 * time.Second); count(`SELECT count(*) FROM outbox WHERE status <> 'sent'`) > 0; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d messages not marked sent", count(`SELECT count(*) FROM outbox WHERE status <> 'sent'`))
		}
	}
	mails, distinctMails = smtpSrv.Count()
	if distinctMails != n {
		t.Errorf("%d distinct e-mails arrived, want %d", distinctMails, n)
	}
	repeats := 0
	for id, c := range rcv.Events() {
		if id == "" {
			t.Error("a delivery without an event id")
		}
		repeats += c - 1
	}
	if got := len(rcv.Events()); got != n {
		t.Errorf("%d distinct events arrived, want %d", got, n)
	}
	for _, d := range rcv.Deliveries() {
		if !d.Verified {
			t.Errorf("delivery %s: %s", d.EventID, d.VerifyErr)
		}
	}
	t.Logf("repeats that the idempotency keys caught: %d e-mails, %d webhook deliveries", mails-distinctMails, repeats)
}
