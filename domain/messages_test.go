package domain_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/parceldesk/portal/domain"
)

func TestFillMessage(t *testing.T) {
	t.Parallel()
	full := domain.MessageValues{CustomerName: "Ana García", OrderRef: "E-1", Stage: domain.StageExportCustoms, DaysInStage: 6,
		TrackingNumber: "LP1", Carrier: "Cainiao", Destination: "FR"}
	for _, tc := range []struct {
		name, body string
		v          domain.MessageValues
		want       string
	}{
		{"all", "Hi {customer_name}, {order_ref} {stage} {days_in_stage} {tracking_number} {carrier} {destination}", full,
			"Hi Ana, E-1 export customs 6 days LP1 Cainiao FR"},
		{"missing", "Hi {customer_name}, {order_ref} {stage} {days_in_stage} {tracking_number} {carrier} {destination}",
			domain.MessageValues{DaysInStage: -1},
			"Hi there, (your order number) in transit a few days (the tracking number we sent you) the carrier your country"},
		{"blank name", "Hi {customer_name}!", domain.MessageValues{CustomerName: "  "}, "Hi there!"},
		{"one day", "{days_in_stage}", domain.MessageValues{DaysInStage: 1}, "1 day"},
		{"today", "{days_in_stage}", domain.MessageValues{DaysInStage: 0}, "less than a day"},
		{"twice and case", "{ORDER_REF}/{order_ref}", full, "E-1/E-1"},
		{"unknown left alone", "{coupon} {order_ref} {}", full, "{coupon} E-1 {}"},
	} {
		if got := domain.FillMessage(tc.body, tc.v); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestDefaultMessages(t *testing.T) {
	t.Parallel()
	for _, k := range domain.ExceptionKinds {
		if domain.DefaultMessage(k, domain.StageUnknown) == "" {
			t.Errorf("no default for %s", k)
		}
		// Every default passes the seller's own validation.
		for key, body := range domain.DefaultMessageTemplates {
			if _, err := domain.CheckMessageTemplate(key.Kind, key.Stage, body); err != nil {
				t.Errorf("default %v: %v", key, err)
			}
		}
	}
	for _, tc := range []struct {
		kind  domain.ExceptionKind
		stage domain.Stage
		want  string
	}{
		{domain.KindStalled, domain.StageExportCustoms, "clearing export customs in China"},
		{domain.KindStalled, domain.StageDepartedOrigin, "while parcels are flying"},
		{domain.KindStalled, domain.StageImportCustoms, "up to a week"},
		{domain.KindStalled, domain.StageOutboundSorting, "Quiet spells"}, // no stage text: the kind's
		{domain.KindDeliveryIssue, domain.StageOutForDelivery, "pickup point"},
		{domain.KindLate, domain.StageDepartedOrigin, "longer than we promised"},
		{domain.KindProtectionExpiring, domain.StageImportCustoms, "make it right"},
		{domain.KindNotReceived, domain.StageDelivered, "neighbours"},
	} {
		if got := domain.DefaultMessage(tc.kind, tc.stage); !strings.Contains(got, tc.want) {
			t.Errorf("%s@%d: %q lacks %q", tc.kind, tc.stage, got, tc.want)
		}
	}
}

func TestCustomerMessageTemplates(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newQueueFixture(t)
	now := at("2026-11-11 10:00")
	entered := at("2026-11-01 10:00")
	sh := domain.Shipment{OrderRef: "E-1", CustomerName: "Ana García", TrackingNumber: "LP1", Carrier: "Cainiao",
		DestinationCountry: "FR", Stage: domain.StageExportCustoms, StageEnteredAt: &entered}
	exc := domain.Exception{Kind: domain.KindStalled, Stage: domain.StageExportCustoms}
	msg := func(seller domain.SellerID, e domain.Exception, sh domain.Shipment) string {
		t.Helper()
		m, err := f.s.CustomerMessage(ctx, seller, e, sh, now)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}

	// The built-in text for the stage, filled.
	if got := msg(f.seller, exc, sh); !strings.HasPrefix(got, "Hi Ana, your order E-1 is clearing export customs in China.") ||
		!strings.Contains(got, "it has been 10 days so far") {
		t.Errorf("default: %q", got)
	}
	// Missing values read naturally.
	if got := msg(f.seller, exc, domain.Shipment{OrderRef: "E-9", Stage: domain.StageExportCustoms}); !strings.HasPrefix(got, "Hi there, your order E-9") ||
		!strings.Contains(got, "a few days so far") {
		t.Errorf("missing values: %q", got)
	}

	// The seller's text for the kind at any stage beats the built-in stage text…
	if err := f.s.SetMessageTemplate(ctx, f.seller, f.owner, domain.KindStalled, domain.StageUnknown, "Any {order_ref}"); err != nil {
		t.Fatal(err)
	}
	if got := msg(f.seller, exc, sh); got != "Any E-1" {
		t.Errorf("kind at any stage: %q", got)
	}
	// …and the seller's text for the stage beats that.
	if err := f.s.SetMessageTemplate(ctx, f.seller, f.owner, domain.KindStalled, domain.StageExportCustoms, "  Export {customer_name}\r\n"); err != nil {
		t.Fatal(err)
	}
	if got := msg(f.seller, exc, sh); got != "Export Ana" {
		t.Errorf("stage's own: %q", got)
	}
	// Another stage still uses the seller's any-stage text.
	if got := msg(f.seller, domain.Exception{Kind: domain.KindStalled, Stage: domain.StageImportCustoms}, sh); got != "Any E-1" {
		t.Errorf("other stage: %q", got)
	}
	// Another kind keeps the built-in text.
	if got := msg(f.seller, domain.Exception{Kind: domain.KindNotReceived, Stage: domain.StageDelivered}, sh); !strings.Contains(got, "neighbours") {
		t.Errorf("other kind: %q", got)
	}

	// Another seller's texts are not this seller's.
	other, _ := mustSeller(t, f.s, "Other", "other@shop.test")
	if got := msg(other.ID, exc, sh); !strings.Contains(got, "clearing export customs in China") {
		t.Errorf("other seller sees: %q", got)
	}

	list, err := f.s.ListMessageTemplates(ctx, f.seller)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(domain.DefaultMessageTemplates) {
		t.Errorf("list has %d rows, want %d", len(list), len(domain.DefaultMessageTemplates))
	}
	custom := 0
	for _, r := range list {
		if r.Custom {
			custom++
			if r.Kind != domain.KindStalled || r.UpdatedAt == nil {
				t.Errorf("custom row %+v", r)
			}
		}
		if r.Kind == domain.KindStalled && r.Stage == domain.StageExportCustoms && (r.Body != "Export {customer_name}" || !strings.Contains(r.Default, "China")) {
			t.Errorf("export row %+v", r)
		}
	}
	if custom != 2 || list[0].Kind != domain.KindStalled || list[0].Stage != domain.StageUnknown {
		t.Errorf("custom rows %d, first %+v", custom, list[0])
	}
	if ol, _ := f.s.ListMessageTemplates(ctx, other.ID); len(ol) > 0 && func() bool {
		for _, r := range ol {
			if r.Custom {
				return true
			}
		}
		return false
	}() {
		t.Errorf("other seller lists custom texts")
	}

	// Reset brings the built-in stage text back; resetting again changes nothing.
	for i := 0; i < 2; i++ {
		if err := f.s.ResetMessageTemplate(ctx, f.seller, f.owner, domain.KindStalled, domain.StageExportCustoms); err != nil {
			t.Fatal(err)
		}
	}
	if got := msg(f.seller, exc, sh); got != "Any E-1" {
		t.Errorf("after reset of the stage: %q", got)
	}
	if err := f.s.ResetMessageTemplate(ctx, f.seller, f.owner, domain.KindStalled, domain.StageUnknown); err != nil {
		t.Fatal(err)
	}
	if got := msg(f.seller, exc, sh); !strings.Contains(got, "China") {
		t.Errorf("after both resets: %q", got)
	}
}

func TestSetMessageTemplateRefused(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newQueueFixture(t)

	for _, err := range []error{
		f.s.SetMessageTemplate(ctx, f.seller, f.agent, domain.KindLate, 0, "Hi"),
		f.s.ResetMessageTemplate(ctx, f.seller, f.agent, domain.KindLate, 0),
	} {
		if !errors.Is(err, domain.ErrUnauthorized) {
			t.Errorf("agent: %v", err)
		}
	}
	_, otherOwner := mustSeller(t, f.s, "Other", "other@shop.test")
	if err := f.s.SetMessageTemplate(ctx, f.seller, otherOwner, domain.KindLate, 0, "Hi"); !errors.Is(err, domain.ErrUnauthorized) {
		t.Errorf("another seller's owner: %v", err)
	}

	for _, tc := range []struct {
		kind        domain.ExceptionKind
		stage       domain.Stage
		body, field string
		msg         string
	}{
		{domain.KindLate, 0, "   ", "body", "Write the message."},
		{domain.KindLate, 0, "Hi {name}, {order_ref} {coupon}", "body", "Unknown placeholder {name}, {coupon}."},
		{domain.KindLate, 0, strings.Repeat("é", domain.MaxMessageLen+1), "body", "Keep the message under"},
		{"weird", 0, "Hi", "kind", "Choose a kind"},
		{domain.KindLate, 12, "Hi", "stage", "Choose a stage"},
	} {
		err := f.s.SetMessageTemplate(ctx, f.seller, f.owner, tc.kind, tc.stage, tc.body)
		var ve *domain.ValidationError
		if !errors.As(err, &ve) || !strings.HasPrefix(ve.Fields[tc.field], tc.msg) {
			t.Errorf("%q: %v, want %s: %s", tc.body, err, tc.field, tc.msg)
		}
	}
	if list, _ := f.s.ListMessageTemplates(ctx, f.seller); func() bool {
		for _, r := range list {
			if r.Custom {
				return true
			}
		}
		return false
	}() {
		t.Errorf("a refused template was saved")
	}
	// Exactly the limit is fine.
	if err := f.s.SetMessageTemplate(ctx, f.seller, f.owner, domain.KindLate, 0, strings.Repeat("é", domain.MaxMessageLen)); err != nil {
		t.Errorf("at the limit: %v", err)
	}
}

// TestExceptionDetailCustomerMessage: the exception page's detail carries the filled message.
func TestExceptionDetailCustomerMessage(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newQueueFixture(t)
	now := at("2026-11-11 10:00")
	f.stalled(now, ev("S-1", "[Shenzhen] Export customs clearance started", "2026-11-01 10:00", "FR"))
	e := f.exceptionOf("S-1")
	d, err := f.s.ExceptionDetail(ctx, f.seller, e.ID, now)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.CustomerMessage, "your order S-1 is clearing export customs in China") ||
		!strings.Contains(d.CustomerMessage, "10 days") {
		t.Errorf("message: %q", d.CustomerMessage)
	}
}
