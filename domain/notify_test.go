package domain_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/dbtest"
)

const notifyHeader = "order_ref,tracking_number,status,status_at,destination_country,customer_name,customer_email\n"

// notifyRow is one event of an order in notifyHeader's columns.
func notifyRow(ref, status string, when time.Time, email string) string {
	return fmt.Sprintf("%s,LP%s,%s,%s,FR,Ana García,%s\n", ref, strings.ReplaceAll(ref, "-", ""), status,
		when.In(china).Format("2006-01-02 15:04"), email)
}

func outboxRows(t *testing.T, s *domain.Store, seller domain.SellerID) []domain.OutboxMessage {
	t.Helper()
	msgs, _, err := s.ListOutbox(context.Background(), seller, domain.OutboxFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	return msgs
}

func byPurpose(msgs []domain.OutboxMessage, p domain.Purpose) []domain.OutboxMessage {
	var out []domain.OutboxMessage
	for _, m := range msgs {
		if m.Purpose == p {
			out = append(out, m)
		}
	}
	return out
}

// TestBuyerMessageOnEnteringQuietStage: an automatic message for "departed origin" goes to each
// buyer whose parcel the import moved into that stage, once; a re-import of the same file sends
// nothing; a parcel still before the stage, one without an email, and one that left weeks ago get
// none.
func TestBuyerMessageOnEnteringQuietStage(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, owner := mustSeller(t, s, "Lotus Lamps", "mei@lotus.test")
	if err := s.SetMessageRule(ctx, seller.ID, owner, domain.MessageRule{Kind: domain.KindStalled, Stage: domain.StageDepartedOrigin,
		Mode: domain.ModeAuto, Trigger: domain.TriggerDepartedOrigin}); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	first := notifyHeader +
		notifyRow("Q-1", "Departed from the origin country", now.Add(-5*time.Hour), "ana@buyer.test") +
		notifyRow("Q-2", "Departed from the origin country", now.Add(-4*time.Hour), "bo@buyer.test") +
		notifyRow("Q-3", "Export customs clearance started", now.Add(-4*time.Hour), "cy@buyer.test") +
		notifyRow("Q-4", "Departed from the origin country", now.Add(-4*time.Hour), "") +
		notifyRow("Q-5", "Departed from the origin country", now.Add(-30*24*time.Hour), "old@buyer.test")
	mustImport(t, s, seller.ID, first)
	got := byPurpose(outboxRows(t, s, seller.ID), domain.PurposeBuyer)
	var to []string
	for _, m := range got {
		to = append(to, m.Recipient)
	}
	if len(got) != 2 || !strings.Contains(strings.Join(to, " "), "ana@buyer.test") || !strings.Contains(strings.Join(to, " "), "bo@buyer.test") {
		t.Fatalf("buyer mail after the import went to %v, want ana and bo", to)
	}
	c, err := domain.ParseEmailContent(got[0])
	if err != nil {
		t.Fatal(err)
	}
	if c.FromName != "Lotus Lamps" || !strings.Contains(c.Text, "Hi Ana") && !strings.Contains(c.Text, "Hi Ana,") || !strings.Contains(got[0].Subject, "Q-") {
		t.Errorf("message: from %q subject %q text %q", c.FromName, got[0].Subject, c.Text)
	}

	mustImport(t, s, seller.ID, first) // the same file again
	if n := len(byPurpose(outboxRows(t, s, seller.ID), domain.PurposeBuyer)); n != 2 {
		t.Errorf("after re-importing the same file: %d buyer messages, want still 2", n)
	}
	// Another event of the same stage does not write again: once per shipment, trigger, template.
	mustImport(t, s, seller.ID, notifyHeader+notifyRow("Q-1", "Departed from airport", now.Add(-time.Hour), "ana@buyer.test"))
	if n := len(byPurpose(outboxRows(t, s, seller.ID), domain.PurposeBuyer)); n != 2 {
		t.Errorf("after a second departure event: %d buyer messages, want still 2", n)
	}
	// Q-3 now departs: its message goes.
	mustImport(t, s, seller.ID, notifyHeader+notifyRow("Q-3", "Departed from the origin country", now.Add(-time.Hour), "cy@buyer.test"))
	if n := len(byPurpose(outboxRows(t, s, seller.ID), domain.PurposeBuyer)); n != 3 {
		t.Errorf("after Q-3 departed: %d buyer messages, want 3", n)
	}
	msgs, err := s.ListBuyerMessages(ctx, seller.ID, shipmentByRef(t, s, seller.ID, "Q-1").ID)
	if err != nil || len(msgs) != 1 || msgs[0].Status != domain.BuyerQueued || msgs[0].Delivery == nil || *msgs[0].Delivery != domain.OutboxPending {
		t.Errorf("Q-1's messages: %+v, %v", msgs, err)
	}
}

// TestBuyerMessageSuggestPauseAndSend: a suggesting rule writes a suggestion and nothing to the
// outbox; sending it while buyer mail is paused holds it; resuming lets it go.
func TestBuyerMessageSuggestPauseAndSend(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, owner := mustSeller(t, s, "Lotus Lamps", "mei@lotus.test")
	if err := s.SetMessageRule(ctx, seller.ID, owner, domain.MessageRule{Kind: domain.KindStalled, Stage: domain.StageImportCustoms,
		Mode: domain.ModeSuggest, Trigger: domain.TriggerImportCustoms}); err != nil {
		t.Fatal(err)
	}
	mustImport(t, s, seller.ID, notifyHeader+notifyRow("Q-1", "Departed from the origin country", time.Now().Add(-72*time.Hour), "ana@buyer.test")+
		notifyRow("Q-1", "Arrived at the destination country", time.Now().Add(-30*time.Hour), "ana@buyer.test")+
		notifyRow("Q-1", "Customs clearance started in the destination country", time.Now().Add(-2*time.Hour), "ana@buyer.test"))
	sh := shipmentByRef(t, s, seller.ID, "Q-1")
	if sh.Stage != domain.StageImportCustoms {
		t.Fatalf("stage %d, want import customs", sh.Stage)
	}
	msgs, _ := s.ListBuyerMessages(ctx, seller.ID, sh.ID)
	if len(msgs) != 1 || msgs[0].Status != domain.BuyerSuggested || len(outboxRows(t, s, seller.ID)) != 0 {
		t.Fatalf("suggest: messages %+v, outbox %d", msgs, len(outboxRows(t, s, seller.ID)))
	}
	if err := s.SetBuyerMailPaused(ctx, seller.ID, owner, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SendBuyerMessage(ctx, seller.ID, owner, sh.ID, msgs[0].ID, time.Now()); err != nil {
		t.Fatal(err)
	}
	if rows := outboxRows(t, s, seller.ID); len(rows) != 1 || rows[0].Status != domain.OutboxHeld {
		t.Fatalf("sent while paused: %+v", rows)
	}
	if err := s.SetBuyerMailPaused(ctx, seller.ID, owner, false); err != nil {
		t.Fatal(err)
	}
	if rows := outboxRows(t, s, seller.ID); rows[0].Status != domain.OutboxPending {
		t.Errorf("after resuming: %s, want pending", rows[0].Status)
	}
	// Another seller cannot send or dismiss it.
	_, other := mustSeller(t, s, "Other", "o@other.test")
	if err := s.DismissBuyerMessage(ctx, other.SellerID, other, sh.ID, msgs[0].ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("another seller's dismiss: %v, want ErrNotFound", err)
	}
}

// TestSweepNotifies: a sweep that raises a stall writes the exception.raised event to a
// subscribed endpoint, an alert to the member who wants stalls, and the automatic stall message;
// the same sweep again writes nothing more. Resolving and assigning by hand write their events.
func TestSweepNotifies(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, owner := mustSeller(t, s, "Lotus Lamps", "mei@lotus.test")
	now := time.Now()
	ep, secret, err := s.CreateWebhookEndpoint(ctx, seller.ID, owner, "https://hooks.example.com/pd",
		[]string{domain.EventExceptionRaised, domain.EventExceptionResolved, domain.EventExceptionAssigned}, false, now)
	if err != nil || !strings.HasPrefix(secret, "whsec_") {
		t.Fatalf("endpoint: %v %q", err, secret)
	}
	if err := s.SetNotificationPrefs(ctx, seller.ID, owner, domain.NotificationPrefs{DigestHour: 8, Timezone: "Europe/Paris",
		AlertKinds: []string{"stalled"}}, now); err != nil {
		t.Fatal(err)
	}
	if err := s.SetMessageRule(ctx, seller.ID, owner, domain.MessageRule{Kind: domain.KindStalled, Stage: domain.StageUnknown,
		Mode: domain.ModeAuto, Trigger: domain.TriggerStalled}); err != nil {
		t.Fatal(err)
	}
	mustImport(t, s, seller.ID, notifyHeader+notifyRow("S-1", "Export customs clearance started", now.Add(-21*24*time.Hour), "ana@buyer.test"))
	for range 2 {
		if _, err := s.Sweep(ctx, seller.ID, now); err != nil {
			t.Fatal(err)
		}
	}
	rows := outboxRows(t, s, seller.ID)
	hooks, alerts, buyer := byPurpose(rows, domain.PurposeWebhook), byPurpose(rows, domain.PurposeAlert), byPurpose(rows, domain.PurposeBuyer)
	if len(hooks) != 1 || hooks[0].EventType != domain.EventExceptionRaised || *hooks[0].EndpointID != ep.ID {
		t.Fatalf("webhook deliveries: %+v", hooks)
	}
	var ev struct {
		ID   string `json:"id"`
		Type string `json:"type"`
		Data struct {
			Exception struct {
				ID   int64  `json:"id"`
				Kind string `json:"kind"`
			} `json:"exception"`
			Shipment struct {
				OrderRef string `json:"order_ref"`
				StageKey string `json:"stage_key"`
			} `json:"shipment"`
		} `json:"data"`
	}
	if err := json.Unmarshal([]byte(hooks[0].Body), &ev); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ev.ID, "evt_") || ev.Type != "exception.raised" || ev.Data.Exception.Kind != "stalled" ||
		ev.Data.Shipment.OrderRef != "S-1" || ev.Data.Shipment.StageKey != "export_customs" {
		t.Errorf("event body: %s", hooks[0].Body)
	}
	if len(alerts) != 1 || alerts[0].Recipient != "mei@lotus.test" || !strings.Contains(alerts[0].Subject, "S-1") {
		t.Errorf("alerts: %+v", alerts)
	}
	if len(buyer) != 1 || buyer[0].Recipient != "ana@buyer.test" {
		t.Errorf("buyer messages: %+v", buyer)
	}

	exc, err := s.FindException(ctx, seller.ID, ev.Data.Exception.ID)
	if err != nil {
		t.Fatal(err)
	}
	st, res, me := domain.StateResolved, domain.ResolutionReshipped, owner.ID
	if _, err := s.UpdateException(ctx, seller.ID, owner, exc.ID, exc.Version, domain.ExceptionChange{AssigneeID: &me}, now); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateException(ctx, seller.ID, owner, exc.ID, exc.Version+1, domain.ExceptionChange{State: &st, Resolution: &res}, now); err != nil {
		t.Fatal(err)
	}
	var types []string
	for _, m := range byPurpose(outboxRows(t, s, seller.ID), domain.PurposeWebhook) {
		types = append(types, m.EventType)
	}
	if got := strings.Join(types, " "); got != "exception.resolved exception.assigned exception.raised" {
		t.Errorf("events newest first: %s", got)
	}
}

// TestOutboxClaimRetryGiveUp: two claims never share a message; a failure is retried after a
// backoff, a permanent one fails at once, and retries stop a day after the first try; an
// endpoint failing for a day is turned off with a reason.
func TestOutboxClaimRetryGiveUp(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, owner := mustSeller(t, s, "Lotus Lamps", "mei@lotus.test")
	now := time.Now()
	ep, _, err := s.CreateWebhookEndpoint(ctx, seller.ID, owner, "https://hooks.example.com/pd", []string{domain.EventImportFinished}, false, now)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if err := s.SendTestEvent(ctx, seller.ID, owner, ep.ID, now); err != nil {
			t.Fatal(err)
		}
	}
	a, err := s.ClaimOutbox(ctx, domain.ChannelWebhook, now, 2)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.ClaimOutbox(ctx, domain.ChannelWebhook, now, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Messages) != 2 || len(b.Messages) != 1 || b.Messages[0].ID == a.Messages[0].ID || b.Messages[0].ID == a.Messages[1].ID {
		t.Fatalf("claims overlap or miss: %d and %d", len(a.Messages), len(b.Messages))
	}
	b.Release()
	policy := domain.RetryPolicy{Base: time.Minute, Max: time.Hour, GiveUpAfter: 24 * time.Hour}
	m1, m2 := a.Messages[0], a.Messages[1]
	if err := a.Complete(ctx, []domain.DeliveryResult{
		{SellerID: seller.ID, ID: m1.ID, Code: 500, Error: "answered 500"},
		{SellerID: seller.ID, ID: m2.ID, Permanent: true, Error: "gone"},
	}, now, policy); err != nil {
		t.Fatal(err)
	}
	got1, att, _ := s.FindOutboxMessage(ctx, seller.ID, m1.ID)
	if got1.Status != domain.OutboxPending || got1.Attempts != 1 || got1.NextAttemptAt.Before(now.Add(30*time.Second)) ||
		got1.NextAttemptAt.After(now.Add(90*time.Second)) || len(att) != 1 || att[0].ResponseCode == nil || *att[0].ResponseCode != 500 {
		t.Errorf("after a 500: %+v, attempts %+v", got1, att)
	}
	if got2, _, _ := s.FindOutboxMessage(ctx, seller.ID, m2.ID); got2.Status != domain.OutboxFailed {
		t.Errorf("after a permanent failure: %s", got2.Status)
	}
	// A day later, still failing: given up, and the endpoint is turned off.
	later := now.Add(25 * time.Hour)
	c, err := s.ClaimOutbox(ctx, domain.ChannelWebhook, later, 10)
	if err != nil || len(c.Messages) != 2 {
		t.Fatalf("claim a day later: %v, %d", err, len(c.Messages))
	}
	var res []domain.DeliveryResult
	for _, m := range c.Messages {
		res = append(res, domain.DeliveryResult{SellerID: seller.ID, ID: m.ID, Error: "connection refused"})
	}
	if err := c.Complete(ctx, res, later, policy); err != nil {
		t.Fatal(err)
	}
	if got1, _, _ = s.FindOutboxMessage(ctx, seller.ID, m1.ID); got1.Status != domain.OutboxFailed {
		t.Errorf("after a day of failures: %s, want failed", got1.Status)
	}
	ep, _ = s.FindWebhookEndpoint(ctx, seller.ID, ep.ID)
	if ep.DisabledAt == nil || !strings.Contains(ep.DisabledReason, "24 hours") {
		t.Errorf("endpoint after a day of failures: %+v", ep)
	}
	// Another seller's endpoint answers not found.
	_, other := mustSeller(t, s, "Other", "o@other.test")
	if _, err := s.FindWebhookEndpoint(ctx, other.SellerID, ep.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("another seller's endpoint: %v", err)
	}
	if err := s.SendTestEvent(ctx, other.SellerID, other, ep.ID, now); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("another seller's test event: %v", err)
	}
}

// TestDigestOncePerDayAtTheHour: a digest is due at its local hour, not before, goes once that
// day, and an empty one is not sent.
func TestDigestOncePerDayAtTheHour(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, owner := mustSeller(t, s, "Lotus Lamps", "mei@lotus.test")
	paris, _ := time.LoadLocation("Europe/Paris")
	day := time.Date(2031, 3, 10, 6, 0, 0, 0, paris)
	if err := s.SetNotificationPrefs(ctx, seller.ID, owner, domain.NotificationPrefs{DigestEnabled: true, DigestHour: 8, Timezone: "Europe/Paris"}, day); err != nil {
		t.Fatal(err)
	}
	due := func(at time.Time) int {
		d, err := s.ListDueDigests(ctx, at)
		if err != nil {
			t.Fatal(err)
		}
		return len(d)
	}
	if n := due(day.Add(time.Hour)); n != 0 {
		t.Errorf("at 7:00: %d due", n)
	}
	// Nothing happened: at 8:00 the digest is due, found empty, and not sent.
	if n := due(day.Add(2 * time.Hour)); n != 1 {
		t.Fatalf("at 8:00: %d due", n)
	}
	if ok, err := s.QueueDigest(ctx, seller.ID, owner.ID, day.Add(2*time.Hour)); err != nil || ok {
		t.Fatalf("empty digest queued: %v %v", ok, err)
	}
	if n := due(day.Add(3 * time.Hour)); n != 0 {
		t.Errorf("after the day's digest: %d due", n)
	}
	// Next day, with a stalled exception raised meanwhile: one digest.
	mustImport(t, s, seller.ID, notifyHeader+notifyRow("S-1", "Export customs clearance started", day.Add(-21*24*time.Hour), ""))
	if _, err := s.Sweep(ctx, seller.ID, day.Add(12*time.Hour)); err != nil {
		t.Fatal(err)
	}
	next := day.Add(26 * time.Hour)
	if n := due(next); n != 1 {
		t.Fatalf("next day at 8:00: %d due", n)
	}
	for range 2 {
		if _, err := s.QueueDigest(ctx, seller.ID, owner.ID, next); err != nil {
			t.Fatal(err)
		}
	}
	digests := byPurpose(outboxRows(t, s, seller.ID), domain.PurposeDigest)
	if len(digests) != 1 {
		t.Fatalf("%d digests, want 1", len(digests))
	}
	c, _ := domain.ParseEmailContent(digests[0])
	if c.Digest == nil || c.Digest.NewTotal() != 1 || c.UnsubscribeToken == "" {
		t.Fatalf("digest content: %+v", c)
	}
	who, err := s.Unsubscribe(ctx, c.UnsubscribeToken)
	if err != nil || who.User.ID != owner.ID {
		t.Fatalf("unsubscribe: %v", err)
	}
	if p, _ := s.FindNotificationPrefs(ctx, seller.ID, owner.ID); p.DigestEnabled {
		t.Error("still subscribed after unsubscribing")
	}
	if _, err := s.Unsubscribe(ctx, strings.Replace(c.UnsubscribeToken, ".", ".9", 1)); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("forged token: %v", err)
	}
}

func TestWebhookURLRules(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		url     string
		private bool
		ok      bool
	}{
		{"https://hooks.example.com/x", false, true},
		{"http://hooks.example.com/x", false, false},
		{"http://127.0.0.1:8080/x", true, true},
		{"https://127.0.0.1/x", false, false},
		{"https://10.1.2.3/x", false, false},
		{"https://[::1]/x", false, false},
		{"https://[::ffff:192.168.1.1]/x", false, false},
		{"https://169.254.169.254/latest/meta-data", false, false},
		{"https://user:pw@hooks.example.com/x", false, false},
		{"ftp://hooks.example.com/x", false, false},
		{"hooks.example.com/x", false, false},
		{"https://8.8.8.8/x", false, true},
	} {
		_, err := domain.CheckWebhookURL(tc.url, tc.private)
		if (err == nil) != tc.ok {
			t.Errorf("CheckWebhookURL(%q, private %v) = %v", tc.url, tc.private, err)
		}
	}
}
