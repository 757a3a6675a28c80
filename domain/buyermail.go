package domain

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
)

// MessageTrigger is what makes the portal write to a buyer with one of the seller's templates.
type MessageTrigger string

// The triggers: the shipment enters a stage where tracking goes quiet (departed origin, import
// customs), or the sweep raises a stall or a delivery issue on it.
const (
	TriggerDepartedOrigin MessageTrigger = "departed_origin"
	TriggerImportCustoms  MessageTrigger = "import_customs"
	TriggerStalled        MessageTrigger = "stalled"
	TriggerDeliveryIssue  MessageTrigger = "delivery_issue"
)

// MessageTriggers lists the triggers in the order the settings show them.
var MessageTriggers = []MessageTrigger{TriggerDepartedOrigin, TriggerImportCustoms, TriggerStalled, TriggerDeliveryIssue}

// Label says when the trigger fires.
func (t MessageTrigger) Label() string {
	switch t {
	case TriggerDepartedOrigin:
		return "Enters Departure at Origin Country (tracking goes quiet)"
	case TriggerImportCustoms:
		return "Enters Clearing Customs (Import) (tracking goes quiet)"
	case TriggerStalled:
		return "A stall is raised"
	case TriggerDeliveryIssue:
		return "A delivery issue is raised"
	}
	return string(t)
}

// Valid reports whether t is a known trigger.
func (t MessageTrigger) Valid() bool { return oneOf(t, MessageTriggers) }

// stage is the stage a stage trigger fires on entering; StageUnknown for the others.
func (t MessageTrigger) stage() Stage {
	switch t {
	case TriggerDepartedOrigin:
		return StageDepartedOrigin
	case TriggerImportCustoms:
		return StageImportCustoms
	}
	return StageUnknown
}

// MessageMode is what a template does when its trigger fires.
type MessageMode string

// The modes: nothing, a suggestion on the shipment page for a person to send, or sent at once.
const (
	ModeOff     MessageMode = "off"
	ModeSuggest MessageMode = "suggest"
	ModeAuto    MessageMode = "auto"
)

// MessageModes lists the modes in the order the settings show them.
var MessageModes = []MessageMode{ModeOff, ModeSuggest, ModeAuto}

// Valid reports whether m is a known mode.
func (m MessageMode) Valid() bool { return oneOf(m, MessageModes) }

// Label names the mode for sellers.
func (m MessageMode) Label() string {
	switch m {
	case ModeSuggest:
		return "Suggest"
	case ModeAuto:
		return "Send automatically"
	}
	return "Off"
}

// MessageRule is what one template does: its mode and its trigger.
type MessageRule struct {
	Kind    ExceptionKind  `db:"kind"`
	Stage   Stage          `db:"stage"`
	Mode    MessageMode    `db:"mode"`
	Trigger MessageTrigger `db:"trigger"`
}

// DefaultTrigger is the trigger a template is offered with: the quiet stage it speaks of for the
// stalled texts of departed origin and import customs, else its own kind's exception.
func DefaultTrigger(kind ExceptionKind, stage Stage) MessageTrigger {
	switch {
	case kind == KindStalled && stage == StageDepartedOrigin:
		return TriggerDepartedOrigin
	case kind == KindStalled && stage == StageImportCustoms:
		return TriggerImportCustoms
	case kind == KindDeliveryIssue:
		return TriggerDeliveryIssue
	}
	return TriggerStalled
}

// ListMessageRules returns the seller's rules by template; a template without one is off, with
// its DefaultTrigger.
func (s *Store) ListMessageRules(ctx context.Context, seller SellerID) (map[MessageKey]MessageRule, error) {
	var rows []MessageRule
	if err := s.db.SelectContext(ctx, &rows, `SELECT kind, stage, mode, trigger FROM message_rules WHERE seller_id = $1`, seller); err != nil {
		return nil, fmt.Errorf("list message rules: %w", err)
	}
	out := map[MessageKey]MessageRule{}
	for _, r := range rows {
		out[MessageKey{r.Kind, r.Stage}] = r
	}
	return out, nil
}

// SetMessageRule sets what a template does. It returns ErrUnauthorized when actor is not an owner
// of the seller, and a *ValidationError for an unknown template, mode or trigger.
func (s *Store) SetMessageRule(ctx context.Context, seller SellerID, actor User, r MessageRule) error {
	if !canChangeSettings(seller, actor) {
		return ErrUnauthorized
	}
	fields := map[string]string{}
	if !r.Kind.Valid() || (r.Stage != StageUnknown && !r.Stage.Valid()) {
		fields[""] = "Choose a message from the list."
	}
	if !r.Mode.Valid() {
		fields["mode"] = "Choose off, suggest or send automatically."
	}
	if !r.Trigger.Valid() {
		fields["trigger"] = "Choose when it is sent."
	}
	if len(fields) > 0 {
		return &ValidationError{Fields: fields}
	}
	if _, err := s.db.ExecContext(ctx, `
		INSERT INTO message_rules (seller_id, kind, stage, mode, trigger) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (seller_id, kind, stage) DO UPDATE SET mode = EXCLUDED.mode, trigger = EXCLUDED.trigger`,
		seller, r.Kind, int(r.Stage), r.Mode, r.Trigger); err != nil {
		return fmt.Errorf("set message rule: %w", err)
	}
	return nil
}

// BuyerMailPaused reports whether the seller has paused all mail to buyers.
func (s *Store) BuyerMailPaused(ctx context.Context, seller SellerID) (bool, error) {
	var paused bool
	if err := s.db.GetContext(ctx, &paused, `SELECT buyer_mail_paused FROM sellers WHERE id = $1`, seller); err != nil {
		return false, fmt.Errorf("buyer mail paused: %w", err)
	}
	return paused, nil
}

// SetBuyerMailPaused pauses or resumes all mail to the seller's buyers. While paused, buyer
// messages are still written (suggested or queued as their rules say) but nothing goes out: the
// queued ones are held in the outbox, and go when mail is resumed. It returns ErrUnauthorized
// when actor is not an owner.
func (s *Store) SetBuyerMailPaused(ctx context.Context, seller SellerID, actor User, paused bool) error {
	if !canChangeSettings(seller, actor) {
		return ErrUnauthorized
	}
	from, to := OutboxPending, OutboxHeld
	if !paused {
		from, to = OutboxHeld, OutboxPending
	}
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE sellers SET buyer_mail_paused = $2 WHERE id = $1`, seller, paused); err != nil {
			return err
		}
		// Rows a worker holds right now are skipped rather than waited for: they are being sent.
		_, err := tx.ExecContext(ctx, `UPDATE outbox SET status = $3 WHERE seller_id = $1 AND id IN (
			SELECT id FROM outbox WHERE seller_id = $1 AND purpose = 'buyer' AND status = $2 FOR UPDATE SKIP LOCKED)`,
			seller, from, to)
		return err
	})
	if err != nil {
		return fmt.Errorf("pause buyer mail: %w", err)
	}
	return nil
}

// BuyerMessageStatus is where a buyer message is: suggested (for a person to send or dismiss),
// queued (in the outbox), or dismissed.
type BuyerMessageStatus string

// The statuses of a buyer message.
const (
	BuyerSuggested BuyerMessageStatus = "suggested"
	BuyerQueued    BuyerMessageStatus = "queued"
	BuyerDismissed BuyerMessageStatus = "dismissed"
)

// BuyerMessage is one message to a shipment's buyer, with its delivery as the outbox has it.
type BuyerMessage struct {
	SellerID   SellerID           `db:"seller_id"`
	ID         int64              `db:"id"`
	ShipmentID int64              `db:"shipment_id"`
	Trigger    MessageTrigger     `db:"trigger"`
	Kind       ExceptionKind      `db:"kind"`
	Stage      Stage              `db:"stage"`
	Recipient  string             `db:"recipient"`
	Subject    string             `db:"subject"`
	Body       string             `db:"body"`
	Status     BuyerMessageStatus `db:"status"`
	OutboxID   *int64             `db:"outbox_id"`
	CreatedAt  time.Time          `db:"created_at"`
	// The outbox row's status, send time and last error, for a queued message.
	Delivery  *OutboxStatus `db:"delivery"`
	SentAt    *time.Time    `db:"sent_at"`
	LastError *string       `db:"last_error"`
}

const buyerMessageColumns = `b.seller_id, b.id, b.shipment_id, b.trigger, b.kind, b.stage, b.recipient, b.subject, b.body,
	b.status, b.outbox_id, b.created_at, o.status AS delivery, o.sent_at, o.last_error`

// ListBuyerMessages returns the messages to the shipment's buyer, oldest first.
func (s *Store) ListBuyerMessages(ctx context.Context, seller SellerID, shipment int64) ([]BuyerMessage, error) {
	var out []BuyerMessage
	if err := s.db.SelectContext(ctx, &out, `SELECT `+buyerMessageColumns+` FROM buyer_messages b
		LEFT JOIN outbox o ON o.seller_id = b.seller_id AND o.id = b.outbox_id
		WHERE b.seller_id = $1 AND b.shipment_id = $2 ORDER BY b.id`, seller, shipment); err != nil {
		return nil, fmt.Errorf("list buyer messages: %w", err)
	}
	return out, nil
}

// findBuyerMessage reads one message of the shipment, locked, or ErrNotFound.
func findBuyerMessage(ctx context.Context, tx *sqlx.Tx, seller SellerID, shipment, id int64) (BuyerMessage, error) {
	var m BuyerMessage
	err := tx.GetContext(ctx, &m, `SELECT `+buyerMessageColumns+` FROM buyer_messages b
		LEFT JOIN outbox o ON o.seller_id = b.seller_id AND o.id = b.outbox_id
		WHERE b.seller_id = $1 AND b.shipment_id = $2 AND b.id = $3 FOR UPDATE OF b`, seller, shipment, id)
	if errors.Is(err, sql.ErrNoRows) {
		return m, ErrNotFound
	}
	return m, err
}

// SendBuyerMessage sends a suggested message as it stands (queued in the outbox; held while
// buyer mail is paused). A message already queued is left alone. It returns ErrNotFound for a
// message that is not the seller's shipment's, ErrUnauthorized for an actor of another seller,
// and a *ValidationError for a dismissed one.
func (s *Store) SendBuyerMessage(ctx context.Context, seller SellerID, actor User, shipment, id int64, now time.Time) error {
	if actor.SellerID != seller {
		return ErrUnauthorized
	}
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		m, err := findBuyerMessage(ctx, tx, seller, shipment, id)
		if err != nil {
			return err
		}
		switch m.Status {
		case BuyerQueued:
			return nil
		case BuyerDismissed:
			return Invalid("", "This message was dismissed.")
		}
		shop, paused, err := buyerMailSettings(ctx, tx, seller)
		if err != nil {
			return err
		}
		return queueBuyerMessage(ctx, tx, m, shop, paused, now)
	})
	var ve *ValidationError
	if err != nil && !errors.As(err, &ve) && !errors.Is(err, ErrNotFound) {
		return fmt.Errorf("send buyer message: %w", err)
	}
	return err
}

// DismissBuyerMessage sets a suggested message aside. Errors as SendBuyerMessage, with a
// *ValidationError for a message already queued.
func (s *Store) DismissBuyerMessage(ctx context.Context, seller SellerID, actor User, shipment, id int64) error {
	if actor.SellerID != seller {
		return ErrUnauthorized
	}
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		m, err := findBuyerMessage(ctx, tx, seller, shipment, id)
		if err != nil {
			return err
		}
		if m.Status == BuyerQueued {
			return Invalid("", "This message is already sent.")
		}
		_, err = tx.ExecContext(ctx, `UPDATE buyer_messages SET status = 'dismissed' WHERE seller_id = $1 AND id = $2`, seller, id)
		return err
	})
	var ve *ValidationError
	if err != nil && !errors.As(err, &ve) && !errors.Is(err, ErrNotFound) {
		return fmt.Errorf("dismiss buyer message: %w", err)
	}
	return err
}

// EmailContent is what an e-mail of the outbox says, kept as JSON in its row when it is written,
// so that every try sends the same message; package notify renders it (text and HTML).
type EmailContent struct {
	Kind Purpose `json:"kind"`
	// FromName is the sender's name: the shop's.
	FromName string `json:"from_name"`
	// Text is a buyer message's text.
	Text   string  `json:"text,omitempty"`
	Digest *Digest `json:"digest,omitempty"`
	Alert  *Alert  `json:"alert,omitempty"`
	// UnsubscribeToken is the recipient's signed one-click unsubscribe (digests and alerts).
	UnsubscribeToken string `json:"unsubscribe_token,omitempty"`
}

// ParseEmailContent reads an e-mail's content from its outbox row.
func ParseEmailContent(m OutboxMessage) (EmailContent, error) {
	var c EmailContent
	if err := json.Unmarshal([]byte(m.Body), &c); err != nil {
		return c, fmt.Errorf("outbox message %d: %w", m.ID, err)
	}
	return c, nil
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only our own types, which always marshal
	}
	return string(b)
}

// queueBuyerMessage puts a buyer message in the outbox and marks it queued.
func queueBuyerMessage(ctx context.Context, tx *sqlx.Tx, m BuyerMessage, shop string, paused bool, now time.Time) error {
	id, _, err := enqueue(ctx, tx, m.SellerID, newOutbox{
		key: fmt.Sprintf("buyer:%d", m.ID), channel: ChannelEmail, purpose: PurposeBuyer, recipient: m.Recipient,
		subject: m.Subject, body: mustJSON(EmailContent{Kind: PurposeBuyer, FromName: shop, Text: m.Body}), held: paused,
	}, now)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE buyer_messages SET status = 'queued', outbox_id = $3 WHERE seller_id = $1 AND id = $2`,
		m.SellerID, m.ID, id)
	return err
}

func buyerMailSettings(ctx context.Context, q sqlx.QueryerContext, seller SellerID) (shop string, paused bool, err error) {
	err = q.QueryRowxContext(ctx, `SELECT shop_name, buyer_mail_paused FROM sellers WHERE id = $1`, seller).Scan(&shop, &paused)
	return shop, paused, err
}

// BuyerSubject is the subject line of a message to a buyer about an order.
func BuyerSubject(orderRef string) string {
	if orderRef == "" {
		return "An update on your order"
	}
	return "An update on your order " + orderRef
}

// buyerCandidate is a shipment a trigger fired for, with the stage the message speaks of.
type buyerCandidate struct {
	Shipment
	// At is the stage the trigger is about: the stage entered, or the exception's.
	At Stage `db:"at"`
}

// writeBuyerMessages writes, for each candidate of the trigger, the message of every template
// whose rule fires on it (suggested or queued, as the rule says), at most once per shipment,
// trigger and template. Shipments without a usable customer email get none. For an exception
// trigger, a template of the exception's stage wins over its kind's any-stage template.
func writeBuyerMessages(ctx context.Context, tx *sqlx.Tx, seller SellerID, trigger MessageTrigger, rules []MessageRule, cands []buyerCandidate, now time.Time) error {
	if len(rules) == 0 || len(cands) == 0 {
		return nil
	}
	shop, paused, err := buyerMailSettings(ctx, tx, seller)
	if err != nil {
		return err
	}
	bodies, err := templateBodies(ctx, tx, seller)
	if err != nil {
		return err
	}
	for _, c := range cands {
		for _, r := range rulesFor(trigger, rules, c.At) {
			body := bodies[MessageKey{r.Kind, r.Stage}]
			if body == "" {
				body = DefaultMessage(r.Kind, r.Stage)
			}
			v := messageValues(Exception{Kind: r.Kind, Stage: c.At}, c.Shipment, now)
			m := BuyerMessage{SellerID: seller, ShipmentID: c.ID, Trigger: trigger, Kind: r.Kind, Stage: r.Stage,
				Recipient: strings.TrimSpace(c.CustomerEmail), Subject: BuyerSubject(c.OrderRef), Body: FillMessage(body, v)}
			err := tx.GetContext(ctx, &m.ID, `
				INSERT INTO buyer_messages (seller_id, shipment_id, trigger, kind, stage, recipient, subject, body, status, created_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'suggested', $9)
				ON CONFLICT (seller_id, shipment_id, trigger, kind, stage) DO NOTHING RETURNING id`,
				seller, c.ID, trigger, r.Kind, int(r.Stage), m.Recipient, m.Subject, m.Body, now)
			if errors.Is(err, sql.ErrNoRows) {
				continue // this template already spoke to this buyer about this
			}
			if err != nil {
				return err
			}
			if r.Mode == ModeAuto {
				if err := queueBuyerMessage(ctx, tx, m, shop, paused, now); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// rulesFor picks the rules of the trigger that speak of a stage: for each template kind, the
// rule of that stage if there is one, else the kind's any-stage rule. A stage trigger's rules
// all speak (the stage is the trigger's own).
func rulesFor(trigger MessageTrigger, rules []MessageRule, at Stage) []MessageRule {
	if trigger.stage() != StageUnknown {
		return rules
	}
	var out []MessageRule
	for _, r := range rules {
		if r.Stage == at {
			out = append(out, r)
		}
	}
	for _, r := range rules {
		if r.Stage == StageUnknown && !oneOfFunc(out, func(o MessageRule) bool { return o.Kind == r.Kind }) {
			out = append(out, r)
		}
	}
	return out
}

func oneOfFunc[T any](list []T, f func(T) bool) bool {
	for _, v := range list {
		if f(v) {
			return true
		}
	}
	return false
}

// templateBodies returns the seller's own template texts.
func templateBodies(ctx context.Context, q sqlx.QueryerContext, seller SellerID) (map[MessageKey]string, error) {
	var rows []struct {
		Kind  ExceptionKind `db:"kind"`
		Stage Stage         `db:"stage"`
		Body  string        `db:"body"`
	}
	if err := sqlx.SelectContext(ctx, q, &rows, `SELECT kind, stage, body FROM message_templates WHERE seller_id = $1`, seller); err != nil {
		return nil, err
	}
	out := make(map[MessageKey]string, len(rows))
	for _, r := range rows {
		out[MessageKey{r.Kind, r.Stage}] = r.Body
	}
	return out, nil
}

// activeRules returns the seller's rules that are on, by trigger.
func activeRules(ctx context.Context, q sqlx.QueryerContext, seller SellerID) (map[MessageTrigger][]MessageRule, error) {
	var rows []MessageRule
	if err := sqlx.SelectContext(ctx, q, &rows, `SELECT kind, stage, mode, trigger FROM message_rules
		WHERE seller_id = $1 AND mode <> 'off' ORDER BY kind, stage`, seller); err != nil {
		return nil, err
	}
	out := map[MessageTrigger][]MessageRule{}
	for _, r := range rows {
		out[r.Trigger] = append(out[r.Trigger], r)
	}
	return out, nil
}

// quietStageFreshness bounds how long ago a shipment may have entered a quiet stage for the
// "entered" message to go out: a file that first tells us of a parcel that left weeks ago is no
// news to write about.
const quietStageFreshness = 7 * 24 * time.Hour

// usableEmailSQL is true for a shipment s whose customer email can be written to.
const usableEmailSQL = `s.customer_email LIKE '%_@_%'`

// writeStageMessages writes the buyer messages of the shipments that entered a quiet stage with
// the events of the import: the import brought an event of the stage the shipment is now in, and
// it entered that stage recently. A re-import that brought no new event writes none.
func writeStageMessages(ctx context.Context, tx *sqlx.Tx, seller SellerID, importID int64, rules map[MessageTrigger][]MessageRule, now time.Time) error {
	for _, trig := range []MessageTrigger{TriggerDepartedOrigin, TriggerImportCustoms} {
		if len(rules[trig]) == 0 {
			continue
		}
		var cands []buyerCandidate
		if err := tx.SelectContext(ctx, &cands, `SELECT `+shipmentColumns+`, s.stage AS at FROM shipments s
			WHERE s.seller_id = $1 AND s.stage = $2 AND s.stage_entered_at >= $3 AND `+usableEmailSQL+`
			  AND EXISTS (SELECT FROM events ev WHERE ev.seller_id = $1 AND ev.shipment_id = s.id
			              AND ev.import_id = $4 AND ev.stage = $2)
			ORDER BY s.id`, seller, int(trig.stage()), now.Add(-quietStageFreshness), importID); err != nil {
			return fmt.Errorf("stage messages: %w", err)
		}
		if err := writeBuyerMessages(ctx, tx, seller, trig, rules[trig], cands, now); err != nil {
			return fmt.Errorf("stage messages: %w", err)
		}
	}
	return nil
}

// writeExceptionMessages writes the buyer messages of the exceptions of the trigger's kind that
// match where (on exceptions e, with $1 the seller and $2 now).
func writeExceptionMessages(ctx context.Context, tx *sqlx.Tx, seller SellerID, rules map[MessageTrigger][]MessageRule, where string, now time.Time) error {
	for trig, kind := range map[MessageTrigger]ExceptionKind{TriggerStalled: KindStalled, TriggerDeliveryIssue: KindDeliveryIssue} {
		if len(rules[trig]) == 0 {
			continue
		}
		var cands []buyerCandidate
		if err := tx.SelectContext(ctx, &cands, `SELECT `+shipmentColumns+`, e.stage AS at FROM exceptions e
			JOIN shipments s ON s.seller_id = e.seller_id AND s.id = e.shipment_id
			WHERE e.seller_id = $1 AND e.kind = $3 AND `+usableEmailSQL+` AND `+where+`
			ORDER BY s.id`, seller, now, kind); err != nil {
			return fmt.Errorf("exception messages: %w", err)
		}
		if err := writeBuyerMessages(ctx, tx, seller, trig, rules[trig], cands, now); err != nil {
			return fmt.Errorf("exception messages: %w", err)
		}
	}
	return nil
}

// BuyerPreview is exactly what a template sends, for one of the seller's shipments (the latest
// with a customer email), or a made-up one when there is none.
type BuyerPreview struct {
	Rule      MessageRule
	FromName  string
	Recipient string
	Subject   string
	Text      string
	// Sample is true when no shipment of the seller's had a customer email to preview with.
	Sample   bool
	OrderRef string
}

// PreviewBuyerMessage fills a template as its trigger would for the seller's latest shipment with
// a customer email. It returns a *ValidationError for an unknown template.
func (s *Store) PreviewBuyerMessage(ctx context.Context, seller SellerID, kind ExceptionKind, stage Stage, now time.Time) (BuyerPreview, error) {
	if !kind.Valid() || (stage != StageUnknown && !stage.Valid()) {
		return BuyerPreview{}, Invalid("", "Choose a message from the list.")
	}
	rules, err := s.ListMessageRules(ctx, seller)
	if err != nil {
		return BuyerPreview{}, err
	}
	r, ok := rules[MessageKey{kind, stage}]
	if !ok {
		r = MessageRule{Kind: kind, Stage: stage, Mode: ModeOff, Trigger: DefaultTrigger(kind, stage)}
	}
	shop, _, err := buyerMailSettings(ctx, s.db, seller)
	if err != nil {
		return BuyerPreview{}, fmt.Errorf("preview: %w", err)
	}
	bodies, err := templateBodies(ctx, s.db, seller)
	if err != nil {
		return BuyerPreview{}, fmt.Errorf("preview: %w", err)
	}
	body := bodies[MessageKey{kind, stage}]
	if body == "" {
		body = DefaultMessage(kind, stage)
	}
	at := r.Trigger.stage()
	if at == StageUnknown {
		at = stage
	}
	var sh Shipment
	err = s.db.GetContext(ctx, &sh, `SELECT `+shipmentColumns+` FROM shipments s WHERE s.seller_id = $1 AND `+usableEmailSQL+`
		ORDER BY s.updated_at DESC, s.id DESC LIMIT 1`, seller)
	sample := errors.Is(err, sql.ErrNoRows)
	if sample {
		entered := now.Add(-3 * 24 * time.Hour)
		sh = Shipment{OrderRef: "#1001", CustomerName: "Alex Morgan", CustomerEmail: "alex@example.com",
			TrackingNumber: "LP00123456789012", Carrier: "Cainiao", DestinationCountry: "United States",
			Stage: at, StageEnteredAt: &entered}
	} else if err != nil {
		return BuyerPreview{}, fmt.Errorf("preview: %w", err)
	}
	if at == StageUnknown {
		at = sh.Stage
	}
	return BuyerPreview{Rule: r, FromName: shop, Recipient: sh.CustomerEmail, Subject: BuyerSubject(sh.OrderRef),
		Text: FillMessage(body, messageValues(Exception{Kind: kind, Stage: at}, sh, now)), Sample: sample, OrderRef: sh.OrderRef}, nil
}
