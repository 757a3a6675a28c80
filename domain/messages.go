package domain

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxMessageLen is the longest customer message template, in characters.
const MaxMessageLen = 4000

// MessagePlaceholders are the words a customer message template may use in braces, each filled
// from the exception's shipment.
var MessagePlaceholders = []string{"customer_name", "order_ref", "stage", "days_in_stage", "tracking_number", "carrier", "destination"}

// MessageKey names a template: an exception kind at one stage, or at every stage (StageUnknown).
type MessageKey struct {
	Kind  ExceptionKind
	Stage Stage
}

// DefaultMessageTemplates are the built-in customer messages: one for each kind at any stage, and
// more specific ones for the stages where a pause has a story the customer should hear. They are
// warm, short and honest — they explain, they do not promise.
var DefaultMessageTemplates = map[MessageKey]string{
	{KindStalled, StageUnknown}: "Hi {customer_name}, thanks for your patience with order {order_ref}. " +
		"Its tracking has been quiet for {days_in_stage} at the step \"{stage}\". Quiet spells happen with " +
		"international parcels and usually end on their own; we are keeping an eye on it and will step in if it stays stuck. " +
		"You can follow it with tracking number {tracking_number}.",
	{KindStalled, StageHandedToCarrier}: "Hi {customer_name}, your order {order_ref} has been handed to {carrier} and is " +
		"waiting for a flight out. Waits of a few days before departure are common, and tracking often says nothing meanwhile. " +
		"We are watching it for you.",
	{KindStalled, StageExportCustoms}: "Hi {customer_name}, your order {order_ref} is clearing export customs in China. " +
		"Pauses of a few days in tracking are normal at this point; it has been {days_in_stage} so far. " +
		"We are keeping an eye on it and will let you know if anything needs doing.",
	{KindStalled, StageDepartedOrigin}: "Hi {customer_name}, good news: your order {order_ref} has left China and is on its " +
		"way to {destination}. Long quiet gaps in tracking are normal while parcels are flying and being sorted between " +
		"countries — the next update usually comes when it lands. We are watching it for you.",
	{KindStalled, StageArrivedDestination}: "Hi {customer_name}, your order {order_ref} has arrived in {destination} and is " +
		"waiting to be handed to customs and the local carrier. This step can be quiet for several days. " +
		"You can follow it with tracking number {tracking_number}.",
	{KindStalled, StageImportCustoms}: "Hi {customer_name}, your order {order_ref} is with customs in {destination}. " +
		"Import checks can take up to a week, and tracking rarely moves while they happen. If any duties or taxes are due, " +
		"the local carrier will contact you directly. We will let you know as soon as it is released.",
	{KindStalled, StageOutForDelivery}: "Hi {customer_name}, your order {order_ref} is with your local carrier for delivery, " +
		"but tracking has not moved for {days_in_stage}. Could you check your mailbox, with neighbours or at a nearby " +
		"pickup point? The tracking number is {tracking_number}. We are checking with the carrier too.",
	{KindDeliveryIssue, StageUnknown}: "Hi {customer_name}, the carrier reports a problem delivering your order {order_ref}: " +
		"a delivery attempt may have failed, or the parcel is waiting for you at a pickup point. " +
		"Please check for a notice card and look it up with tracking number {tracking_number}. " +
		"If anything is unclear, reply here and we will sort it out with the carrier.",
	{KindDeliveryIssue, StageImportCustoms}: "Hi {customer_name}, customs in {destination} is holding your order {order_ref}. " +
		"This usually means they need a detail or a payment of duties; the local carrier normally contacts you about it. " +
		"Tracking number: {tracking_number}. Reply here if you have heard nothing and we will chase it.",
	{KindLate, StageUnknown}: "Hi {customer_name}, we are sorry: your order {order_ref} is taking longer than we promised. " +
		"Its latest tracking step is \"{stage}\". We are following it closely and will update you as soon as it moves. " +
		"Thank you for bearing with us.",
	{KindProtectionExpiring, StageUnknown}: "Hi {customer_name}, a quick update on your order {order_ref}: it is still on its " +
		"way (latest step: \"{stage}\"). We are keeping a close eye on it and, if it does not arrive, we will make it right. " +
		"No need to do anything for now.",
	{KindEDDMissed, StageUnknown}: "Hi {customer_name}, a quick update on your order {order_ref}: it is taking longer than " +
		"parcels like it usually do (latest step: \"{stage}\"). We are following it closely and will let you know as soon as " +
		"it moves. You can follow it with tracking number {tracking_number}.",
	{KindNotReceived, StageUnknown}: "Hi {customer_name}, sorry to hear order {order_ref} has not reached you. Tracking shows " +
		"it as delivered, so could you check with neighbours, in your mailbox or a parcel locker, and around the entrance? " +
		"Please also confirm your delivery address. Meanwhile we are asking {carrier} for proof of delivery " +
		"(tracking number {tracking_number}).",
}

// DefaultMessage returns the built-in text for a kind at a stage: the stage's own, else the
// kind's, else "".
func DefaultMessage(kind ExceptionKind, stage Stage) string {
	if b, ok := DefaultMessageTemplates[MessageKey{kind, stage}]; ok {
		return b
	}
	return DefaultMessageTemplates[MessageKey{kind, StageUnknown}]
}

// MessageValues are what a template's placeholders are filled with; an empty value is written as
// a word that reads naturally instead ("there" for a missing name).
type MessageValues struct {
	CustomerName   string
	OrderRef       string
	Stage          Stage
	DaysInStage    int // -1 when unknown
	TrackingNumber string
	Carrier        string
	Destination    string
}

// customerStage names a stage the way a customer understands it.
func customerStage(st Stage) string {
	switch st {
	case StageOrderCompleted:
		return "order received"
	case StageDispatched:
		return "dispatched by the supplier"
	case StageOutboundSorting:
		return "at the sorting centre"
	case StageHandedToCarrier:
		return "handed to the shipping carrier"
	case StageExportCustoms:
		return "export customs"
	case StageDepartedOrigin:
		return "left the origin country"
	case StageArrivedDestination:
		return "arrived in the destination country"
	case StageImportCustoms:
		return "import customs"
	case StageCustomsCleared:
		return "cleared customs"
	case StageOutForDelivery:
		return "out for delivery"
	case StageDelivered:
		return "delivered"
	}
	return "in transit"
}

func orWord(s, word string) string {
	if s = strings.TrimSpace(s); s == "" {
		return word
	}
	return s
}

// placeholderRE finds {word} placeholders.
var placeholderRE = regexp.MustCompile(`\{([A-Za-z_]+)\}`)

// FillMessage writes a template with its placeholders filled from v. Unknown placeholders are
// left as written (SetMessageTemplate refuses them).
func FillMessage(body string, v MessageValues) string {
	days := "a few days"
	switch {
	case v.DaysInStage == 1:
		days = "1 day"
	case v.DaysInStage > 1:
		days = strconv.Itoa(v.DaysInStage) + " days"
	case v.DaysInStage == 0:
		days = "less than a day"
	}
	vals := map[string]string{
		"customer_name":   orWord(firstName(v.CustomerName), "there"),
		"order_ref":       orWord(v.OrderRef, "(your order number)"),
		"stage":           customerStage(v.Stage),
		"days_in_stage":   days,
		"tracking_number": orWord(v.TrackingNumber, "(the tracking number we sent you)"),
		"carrier":         orWord(v.Carrier, "the carrier"),
		"destination":     orWord(v.Destination, "your country"),
	}
	return placeholderRE.ReplaceAllStringFunc(body, func(m string) string {
		if val, ok := vals[strings.ToLower(m[1:len(m)-1])]; ok {
			return val
		}
		return m
	})
}

// firstName is the part of a name a message greets: "Ana" for "Ana García".
func firstName(name string) string {
	if f := strings.Fields(name); len(f) > 0 {
		return f[0]
	}
	return ""
}

// messageValues gathers the placeholder values of an exception's shipment as of now. The stage is
// the one the exception was raised at, else the shipment's.
func messageValues(exc Exception, sh Shipment, now time.Time) MessageValues {
	v := MessageValues{CustomerName: sh.CustomerName, OrderRef: sh.OrderRef, Stage: exc.Stage, DaysInStage: -1,
		TrackingNumber: sh.TrackingNumber, Carrier: sh.Carrier, Destination: sh.DestinationCountry}
	if !v.Stage.Valid() {
		v.Stage = sh.Stage
	}
	if sh.LastMileTrackingNumber != "" && sh.Stage >= StageArrivedDestination {
		v.TrackingNumber = sh.LastMileTrackingNumber
		if sh.LastMileCarrier != "" {
			v.Carrier = sh.LastMileCarrier
		}
	}
	if sh.StageEnteredAt != nil && !now.Before(*sh.StageEnteredAt) {
		v.DaysInStage = int(now.Sub(*sh.StageEnteredAt).Hours() / 24)
	}
	return v
}

// CustomerMessage returns the ready message to send the customer about an exception: the seller's
// template for the kind at the exception's stage, else the seller's for the kind at any stage,
// else the built-in text (the stage's, else the kind's), with its placeholders filled from the
// shipment as of now.
func (s *Store) CustomerMessage(ctx context.Context, seller SellerID, exc Exception, sh Shipment, now time.Time) (string, error) {
	v := messageValues(exc, sh, now)
	// The seller's own texts for the kind at this stage and at any stage; the specific one first.
	var bodies []string
	if err := s.db.SelectContext(ctx, &bodies, `SELECT body FROM message_templates
		WHERE seller_id = $1 AND kind = $2 AND stage IN ($3, 0) ORDER BY stage DESC`,
		seller, exc.Kind, int(v.Stage)); err != nil {
		return "", fmt.Errorf("customer message: %w", err)
	}
	body := DefaultMessage(exc.Kind, v.Stage)
	if len(bodies) > 0 {
		body = bodies[0]
	}
	return FillMessage(body, v), nil
}

// MessageTemplate is one row of the message settings: a kind at a stage (StageUnknown: any
// stage), the text in effect, the built-in text, and whether the seller wrote their own.
type MessageTemplate struct {
	Kind    ExceptionKind
	Stage   Stage
	Body    string
	Default string
	Custom  bool
	// UpdatedAt is when the seller last saved their own text; nil for the built-in.
	UpdatedAt *time.Time
}

// ListMessageTemplates returns every template the seller can edit — each built-in one and any of
// the seller's own for other stages — with the text in effect, ordered by kind then stage (any
// stage first).
func (s *Store) ListMessageTemplates(ctx context.Context, seller SellerID) ([]MessageTemplate, error) {
	var own []struct {
		Kind      ExceptionKind `db:"kind"`
		Stage     Stage         `db:"stage"`
		Body      string        `db:"body"`
		UpdatedAt time.Time     `db:"updated_at"`
	}
	if err := s.db.SelectContext(ctx, &own, `SELECT kind, stage, body, updated_at FROM message_templates
		WHERE seller_id = $1`, seller); err != nil {
		return nil, fmt.Errorf("list message templates: %w", err)
	}
	rows := map[MessageKey]*MessageTemplate{}
	for k, b := range DefaultMessageTemplates {
		rows[k] = &MessageTemplate{Kind: k.Kind, Stage: k.Stage, Body: b, Default: b}
	}
	for _, o := range own {
		k := MessageKey{o.Kind, o.Stage}
		r, ok := rows[k]
		if !ok {
			r = &MessageTemplate{Kind: o.Kind, Stage: o.Stage, Default: DefaultMessage(o.Kind, o.Stage)}
			rows[k] = r
		}
		at := o.UpdatedAt
		r.Body, r.Custom, r.UpdatedAt = o.Body, true, &at
	}
	out := make([]MessageTemplate, 0, len(rows))
	for _, r := range rows {
		out = append(out, *r)
	}
	order := map[ExceptionKind]int{}
	for i, k := range ExceptionKinds {
		order[k] = i
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return order[out[i].Kind] < order[out[j].Kind]
		}
		return out[i].Stage < out[j].Stage
	})
	return out, nil
}

// CheckMessageTemplate validates a template's key and text, returning the text trimmed. Its
// *ValidationError has fields "kind", "stage" and "body".
func CheckMessageTemplate(kind ExceptionKind, stage Stage, body string) (string, error) {
	fields := map[string]string{}
	if !kind.Valid() {
		fields["kind"] = "Choose a kind of exception."
	}
	if stage != StageUnknown && !stage.Valid() {
		fields["stage"] = "Choose a stage, or any stage."
	}
	body = strings.TrimSpace(strings.ReplaceAll(body, "\r\n", "\n"))
	switch n := utf8.RuneCountInString(body); {
	case n == 0:
		fields["body"] = "Write the message."
	case n > MaxMessageLen:
		fields["body"] = fmt.Sprintf("Keep the message under %d characters; it has %d.", MaxMessageLen, n)
	default:
		var unknown []string
		for _, m := range placeholderRE.FindAllStringSubmatch(body, -1) {
			if !knownPlaceholder(strings.ToLower(m[1])) {
				unknown = append(unknown, m[0])
			}
		}
		if len(unknown) > 0 {
			fields["body"] = fmt.Sprintf("Unknown placeholder %s. Use {%s}.", strings.Join(unknown, ", "),
				strings.Join(MessagePlaceholders, "}, {"))
		}
	}
	if len(fields) > 0 {
		return "", &ValidationError{Fields: fields}
	}
	return body, nil
}

func knownPlaceholder(name string) bool {
	for _, p := range MessagePlaceholders {
		if p == name {
			return true
		}
	}
	return false
}

// SetMessageTemplate saves the seller's own text for a kind at a stage (StageUnknown: any stage),
// replacing any saved before. It returns ErrUnauthorized when actor is not an owner of the
// seller, and a *ValidationError for an unknown kind or stage, an empty or too long text, or a
// placeholder that is not one of MessagePlaceholders.
func (s *Store) SetMessageTemplate(ctx context.Context, seller SellerID, actor User, kind ExceptionKind, stage Stage, body string) error {
	if !canChangeSettings(seller, actor) {
		return ErrUnauthorized
	}
	body, err := CheckMessageTemplate(kind, stage, body)
	if err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, `
		INSERT INTO message_templates (seller_id, kind, stage, body) VALUES ($1, $2, $3, $4)
		ON CONFLICT (seller_id, kind, stage) DO UPDATE SET body = EXCLUDED.body, updated_at = now()`,
		seller, kind, int(stage), body); err != nil {
		return fmt.Errorf("set message template: %w", err)
	}
	return nil
}

// ResetMessageTemplate removes the seller's own text for a kind at a stage, so the built-in one
// applies again; resetting a text that is already the built-in changes nothing. It returns
// ErrUnauthorized when actor is not an owner of the seller.
func (s *Store) ResetMessageTemplate(ctx context.Context, seller SellerID, actor User, kind ExceptionKind, stage Stage) error {
	if !canChangeSettings(seller, actor) {
		return ErrUnauthorized
	}
	if _, err := s.db.ExecContext(ctx, `DELETE FROM message_templates WHERE seller_id = $1 AND kind = $2 AND stage = $3`,
		seller, kind, int(stage)); err != nil {
		return fmt.Errorf("reset message template: %w", err)
	}
	return nil
}
