package domain

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/parceldesk/portal/domain/publicaddr"
)

// The webhook events a seller's endpoint can subscribe to. Their JSON is documented in README.md
// ("Webhooks") and is a stable interface: fields may be added, never renamed or removed.
const (
	EventExceptionRaised   = "exception.raised"
	EventExceptionResolved = "exception.resolved"
	EventExceptionAssigned = "exception.assigned"
	EventDisputeDueSoon    = "dispute.due_soon"
	EventDisputeClosed     = "dispute.closed"
	EventImportFinished    = "import.finished"
	// EventTest is what "Send test event" sends; every endpoint gets it, whatever it subscribes to.
	EventTest = "test"
)

// WebhookEvents lists the events an endpoint can subscribe to, in the order the form shows them.
var WebhookEvents = []string{EventExceptionRaised, EventExceptionResolved, EventExceptionAssigned,
	EventDisputeDueSoon, EventDisputeClosed, EventImportFinished}

// WebhookEventHelp says when each event is sent.
var WebhookEventHelp = map[string]string{
	EventExceptionRaised:   "an exception is raised, by the sweep or by hand",
	EventExceptionResolved: "an exception is resolved, by a person or because its cause went away",
	EventExceptionAssigned: "an exception is assigned to a team member",
	EventDisputeDueSoon:    "a filed dispute must be answered within 48 hours",
	EventDisputeClosed:     "a dispute is won, lost, settled or withdrawn",
	EventImportFinished:    "an import is done",
}

// WebhookEndpoint is a URL of the seller's that receives signed event deliveries.
type WebhookEndpoint struct {
	SellerID       SellerID       `db:"seller_id"`
	ID             int64          `db:"id"`
	URL            string         `db:"url"`
	Events         pq.StringArray `db:"events"`
	CreatedAt      time.Time      `db:"created_at"`
	FailingSince   *time.Time     `db:"failing_since"`
	DisabledAt     *time.Time     `db:"disabled_at"`
	DisabledReason string         `db:"disabled_reason"`
}

const webhookColumns = `w.seller_id, w.id, w.url, w.events, w.created_at, w.failing_since, w.disabled_at, w.disabled_reason`

// Subscribes reports whether the endpoint receives the event.
func (w WebhookEndpoint) Subscribes(event string) bool { return slices.Contains(w.Events, event) }

// MaxWebhookEndpoints is how many endpoints one seller may register.
const MaxWebhookEndpoints = 10

// CheckWebhookURL validates an endpoint's URL as a seller typed it and returns it cleaned. It must
// be https (http too when allowPrivate, for development), name a host, carry no user name or
// password, and, when the host is written as an address, not be a loopback, private, link-local or
// otherwise internal one unless allowPrivate: the portal must not be made to call into its own
// network (server-side request forgery). Names are resolved, and every address they resolve to
// checked the same way, by the caller that can (package notify), at registration and again at
// every connection.
func CheckWebhookURL(raw string, allowPrivate bool) (string, error) {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	switch {
	case raw == "":
		return "", Invalid("url", "Enter the endpoint's URL.")
	case len(raw) > 2000:
		return "", Invalid("url", "Keep the URL under 2,000 characters.")
	case err != nil || u.Host == "" || u.Opaque != "":
		return "", Invalid("url", "Enter a full URL, such as https://example.com/hooks/parcel-desk.")
	case u.Scheme != "https" && !(allowPrivate && u.Scheme == "http"):
		return "", Invalid("url", "Use an https:// URL: deliveries are signed, and must not travel in the clear.")
	case u.User != nil:
		return "", Invalid("url", "Leave the user name and password out of the URL; deliveries are signed instead.")
	case u.Fragment != "":
		return "", Invalid("url", "Leave the #fragment out of the URL.")
	}
	if addr, err := netip.ParseAddr(strings.Trim(u.Hostname(), "[]")); err == nil && !allowPrivate && !publicaddr.Is(addr) {
		return "", Invalid("url", "That address is on a private or local network; the portal only calls public addresses.")
	}
	return u.String(), nil
}

// checkEvents validates a subscription list.
func checkEvents(events []string) ([]string, error) {
	var out []string
	for _, e := range WebhookEvents {
		if slices.Contains(events, e) {
			out = append(out, e)
		}
	}
	if len(out) == 0 || len(out) != len(events) {
		return nil, Invalid("events", "Choose at least one event from the list.")
	}
	return out, nil
}

// CreateWebhookEndpoint registers an endpoint for the events and returns it with its signing
// secret, which is shown to the seller this once. rawURL must pass CheckWebhookURL. It returns
// ErrUnauthorized when actor is not an owner of the seller, and a *ValidationError (fields "url"
// and "events") for a URL or a list the rules refuse, or one endpoint too many.
func (s *Store) CreateWebhookEndpoint(ctx context.Context, seller SellerID, actor User, rawURL string, events []string, allowPrivate bool, now time.Time) (WebhookEndpoint, string, error) {
	if !canChangeSettings(seller, actor) {
		return WebhookEndpoint{}, "", ErrUnauthorized
	}
	fields := map[string]string{}
	u, err := CheckWebhookURL(rawURL, allowPrivate)
	var ve *ValidationError
	if errors.As(err, &ve) {
		fields["url"] = ve.Fields["url"]
	}
	events, err = checkEvents(events)
	if errors.As(err, &ve) {
		fields["events"] = ve.Fields["events"]
	}
	if len(fields) > 0 {
		return WebhookEndpoint{}, "", &ValidationError{Fields: fields}
	}
	b := make([]byte, 24)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	secret := "whsec_" + hex.EncodeToString(b)
	var ep WebhookEndpoint
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		// Counted under a lock of the seller's row, so that two owners adding at once cannot pass
		// the limit together.
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT (SELECT count(*) FROM webhook_endpoints WHERE seller_id = $1)
			FROM sellers WHERE id = $1 FOR UPDATE`, seller); err != nil {
			return err
		}
		if n >= MaxWebhookEndpoints {
			return Invalid("url", fmt.Sprintf("A shop can have %d endpoints; remove one first.", MaxWebhookEndpoints))
		}
		return tx.GetContext(ctx, &ep, `INSERT INTO webhook_endpoints AS w (seller_id, url, events, secret, created_at)
			VALUES ($1, $2, $3, $4, $5) RETURNING `+webhookColumns, seller, u, pq.StringArray(events), secret, now)
	})
	if errors.As(err, &ve) {
		return WebhookEndpoint{}, "", err
	}
	if err != nil {
		return WebhookEndpoint{}, "", fmt.Errorf("create webhook endpoint: %w", err)
	}
	return ep, secret, nil
}

// ListWebhookEndpoints returns the seller's endpoints, oldest first.
func (s *Store) ListWebhookEndpoints(ctx context.Context, seller SellerID) ([]WebhookEndpoint, error) {
	var out []WebhookEndpoint
	if err := s.db.SelectContext(ctx, &out, `SELECT `+webhookColumns+` FROM webhook_endpoints w
		WHERE w.seller_id = $1 ORDER BY w.id`, seller); err != nil {
		return nil, fmt.Errorf("list webhook endpoints: %w", err)
	}
	return out, nil
}

// FindWebhookEndpoint returns one of the seller's endpoints, or ErrNotFound.
func (s *Store) FindWebhookEndpoint(ctx context.Context, seller SellerID, id int64) (WebhookEndpoint, error) {
	var ep WebhookEndpoint
	err := s.db.GetContext(ctx, &ep, `SELECT `+webhookColumns+` FROM webhook_endpoints w WHERE w.seller_id = $1 AND w.id = $2`, seller, id)
	if errors.Is(err, sql.ErrNoRows) {
		return ep, ErrNotFound
	}
	if err != nil {
		return ep, fmt.Errorf("find webhook endpoint: %w", err)
	}
	return ep, nil
}

// WebhookSecret returns the signing secret of one of the seller's endpoints, for the delivery
// worker; ErrNotFound when there is no such endpoint.
func (s *Store) WebhookSecret(ctx context.Context, seller SellerID, id int64) (string, error) {
	var secret string
	err := s.db.GetContext(ctx, &secret, `SELECT secret FROM webhook_endpoints WHERE seller_id = $1 AND id = $2`, seller, id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return secret, err
}

// DeleteWebhookEndpoint removes one of the seller's endpoints with its deliveries and their log.
// It returns ErrNotFound for another seller's endpoint and ErrUnauthorized for an actor who is not
// an owner.
func (s *Store) DeleteWebhookEndpoint(ctx context.Context, seller SellerID, actor User, id int64) error {
	return s.changeEndpoint(ctx, seller, actor, id, `DELETE FROM webhook_endpoints WHERE seller_id = $1 AND id = $2`)
}

// EnableWebhookEndpoint turns an endpoint that was turned off after failing back on; deliveries
// from now on go to it again (those failed when it was turned off can be retried from the outbox).
// Errors as DeleteWebhookEndpoint.
func (s *Store) EnableWebhookEndpoint(ctx context.Context, seller SellerID, actor User, id int64) error {
	return s.changeEndpoint(ctx, seller, actor, id, `UPDATE webhook_endpoints SET disabled_at = NULL, disabled_reason = '',
		failing_since = NULL WHERE seller_id = $1 AND id = $2`)
}

func (s *Store) changeEndpoint(ctx context.Context, seller SellerID, actor User, id int64, query string) error {
	if _, err := s.FindWebhookEndpoint(ctx, seller, id); err != nil {
		return err
	}
	if !canChangeSettings(seller, actor) {
		return ErrUnauthorized
	}
	if _, err := s.db.ExecContext(ctx, query, seller, id); err != nil {
		return fmt.Errorf("change webhook endpoint: %w", err)
	}
	return nil
}

// SendTestEvent queues a "test" event to one of the seller's endpoints, turned off or not (a test
// is how a seller checks a fix). Errors as DeleteWebhookEndpoint.
func (s *Store) SendTestEvent(ctx context.Context, seller SellerID, actor User, id int64, now time.Time) error {
	if _, err := s.FindWebhookEndpoint(ctx, seller, id); err != nil {
		return err
	}
	if !canChangeSettings(seller, actor) {
		return ErrUnauthorized
	}
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		_, err := tx.ExecContext(ctx, webhookInsertSQL(`
			SELECT 'test/' || $4::text AS key, 'test' AS type,
			       json_build_object('message', 'A test event from Parcel Desk: your endpoint receives and verifies deliveries.',
			                         'endpoint_id', $3::bigint, 'sent_by', $5::text) AS data`, "w.id = $3"),
			seller, now, id, newToken(), actor.Email)
		return err
	})
	if err != nil {
		return fmt.Errorf("send test event: %w", err)
	}
	return nil
}

// WebhookDelivery is one line of an endpoint's delivery log: a try of one delivery.
type WebhookDelivery struct {
	OutboxID     int64        `db:"outbox_id"`
	EventType    string       `db:"event_type"`
	Status       OutboxStatus `db:"status"`
	Attempt      *int         `db:"attempt"`
	At           time.Time    `db:"at"`
	OK           *bool        `db:"ok"`
	ResponseCode *int         `db:"response_code"`
	Error        string       `db:"error"`
	DurationMS   *int         `db:"duration_ms"`
	NextAt       *time.Time   `db:"next_at"`
}

// ListWebhookDeliveries returns the endpoint's delivery log, newest first: every try of its
// deliveries, and the deliveries not tried yet.
func (s *Store) ListWebhookDeliveries(ctx context.Context, seller SellerID, endpoint int64, limit int) ([]WebhookDelivery, error) {
	var out []WebhookDelivery
	err := s.db.SelectContext(ctx, &out, `
		SELECT o.id AS outbox_id, o.event_type, o.status, a.attempt, coalesce(a.at, o.created_at) AS at, a.ok,
		       a.response_code, coalesce(a.error, '') AS error, a.duration_ms,
		       CASE WHEN o.status = 'pending' AND (a.attempt IS NULL OR a.attempt = o.attempts) THEN o.next_attempt_at END AS next_at
		FROM (SELECT * FROM outbox WHERE seller_id = $1 AND endpoint_id = $2 ORDER BY id DESC LIMIT $3) o
		LEFT JOIN outbox_attempts a ON a.seller_id = $1 AND a.outbox_id = o.id
		ORDER BY o.id DESC, a.attempt DESC NULLS FIRST
		LIMIT $3`, seller, endpoint, limit)
	if err != nil {
		return nil, fmt.Errorf("list webhook deliveries: %w", err)
	}
	return out, nil
}

// jsonTimeSQL writes a timestamptz expression as an RFC 3339 UTC time in JSON, whatever the
// session's time zone.
func jsonTimeSQL(expr string) string {
	return `to_char(` + expr + ` AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`
}

// stageKeysSQL is the stage keys as a SQL array, indexed by stage number.
func stageKeysSQL() string {
	keys := make([]string, 0, len(Stages))
	for _, st := range Stages {
		keys = append(keys, "'"+st.Key()+"'")
	}
	return "(ARRAY[" + strings.Join(keys, ", ") + "])"
}

// shipmentJSONSQL is the "shipment" object of the events, from shipments s.
func shipmentJSONSQL() string {
	return `json_build_object('id', s.id, 'order_ref', s.order_ref, 'tracking_number', s.tracking_number,
		'carrier', s.carrier, 'service', s.service, 'destination_country', s.destination_country,
		'stage', s.stage, 'stage_key', ` + stageKeysSQL() + `[s.stage])`
}

// exceptionEventsSQL is a query of exception events of the type, (key, type, data), for the
// seller's ($1) exceptions e that match where. keyExpr makes each event's key unique (the
// exception's id, and what distinguishes this event from an earlier one of the same type).
func exceptionEventsSQL(typ, keyExpr, where string) string {
	return `
		SELECT '` + typ + `/' || ` + keyExpr + ` AS key, '` + typ + `' AS type,
		       json_build_object('exception', json_build_object('id', e.id, 'kind', e.kind, 'state', e.state,
		           'resolution', e.resolution, 'stage', e.stage, 'stage_key', ` + stageKeysSQL() + `[e.stage],
		           'signal', e.signal, 'severity', e.severity, 'opened_at', ` + jsonTimeSQL("e.opened_at") + `,
		           'resolved_at', ` + jsonTimeSQL("e.resolved_at") + `, 'due_at', ` + jsonTimeSQL("e.due_at") + `,
		           'assignee', CASE WHEN u.id IS NOT NULL THEN json_build_object('id', u.id, 'name', u.name, 'email', u.email) END),
		         'shipment', ` + shipmentJSONSQL() + `) AS data
		FROM exceptions e
		JOIN shipments s ON s.seller_id = e.seller_id AND s.id = e.shipment_id
		LEFT JOIN users u ON u.seller_id = e.seller_id AND u.id = e.assignee_id
		WHERE e.seller_id = $1 AND ` + where
}

// disputeEventsSQL is exceptionEventsSQL for disputes d.
func disputeEventsSQL(typ, keyExpr, where string) string {
	return `
		SELECT '` + typ + `/' || ` + keyExpr + ` AS key, '` + typ + `' AS type,
		       json_build_object('dispute', json_build_object('id', d.id, 'exception_id', d.exception_id,
		           'counterparty', d.counterparty, 'reason', d.reason, 'status', d.status, 'amount', d.amount::text,
		           'currency', d.currency, 'amount_recovered', d.amount_recovered::text, 'external_ref', d.external_ref,
		           'opened_at', ` + jsonTimeSQL("d.opened_at") + `, 'respond_by', ` + jsonTimeSQL("d.respond_by") + `),
		         'shipment', ` + shipmentJSONSQL() + `) AS data
		FROM disputes d
		JOIN exceptions e ON e.seller_id = d.seller_id AND e.id = d.exception_id
		JOIN shipments s ON s.seller_id = e.seller_id AND s.id = e.shipment_id
		WHERE d.seller_id = $1 AND ` + where
}

// webhookInsertSQL writes one delivery per endpoint of the seller ($1) for each event the query
// events returns as (key, type, data), at $2: to every enabled endpoint that subscribes to the
// event's type and matches endpointWhere (on webhook_endpoints w; "true" for all). The body is
// the event's envelope, written once: a retry sends the same bytes, with the same event id.
func webhookInsertSQL(events, endpointWhere string) string {
	return `
		WITH ev AS (` + events + `)
		INSERT INTO outbox (seller_id, idempotency_key, channel, purpose, endpoint_id, event_type, body, created_at, next_attempt_at)
		SELECT $1::bigint, 'webhook:' || w.id || ':' || ev.key, 'webhook', 'webhook', w.id, ev.type,
		       json_build_object('id', 'evt_' || left(encode(sha256(convert_to($1::bigint::text || ':' || ev.key, 'UTF8')), 'hex'), 32),
		                         'type', ev.type, 'created_at', ` + jsonTimeSQL("$2::timestamptz") + `,
		                         'data', ev.data)::text,
		       $2::timestamptz, $2::timestamptz
		FROM ev JOIN webhook_endpoints w ON w.seller_id = $1::bigint AND w.disabled_at IS NULL
		     AND (ev.type = ANY (w.events) OR ev.type = 'test') AND ` + endpointWhere + `
		ON CONFLICT (seller_id, idempotency_key) DO NOTHING`
}

// subscribedEvents returns the event types at least one of the seller's enabled endpoints
// receives.
func subscribedEvents(ctx context.Context, q sqlx.QueryerContext, seller SellerID) (map[string]bool, error) {
	var types []string
	if err := sqlx.SelectContext(ctx, q, &types, `SELECT DISTINCT unnest(events) FROM webhook_endpoints
		WHERE seller_id = $1 AND disabled_at IS NULL`, seller); err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, t := range types {
		out[t] = true
	}
	return out, nil
}

// QueueDueDisputeEvents writes a dispute.due_soon event for every filed dispute, of every seller
// with an endpoint for it, whose respond-by date is within DueSoonWindow of now — once per dispute
// and respond-by date (a moved deadline is a new event). The notify scheduler calls it.
func (s *Store) QueueDueDisputeEvents(ctx context.Context, now time.Time) (int64, error) {
	var sellers []SellerID
	if err := s.db.SelectContext(ctx, &sellers, `SELECT DISTINCT seller_id FROM webhook_endpoints
		WHERE $1 = ANY (events) AND disabled_at IS NULL ORDER BY seller_id`, EventDisputeDueSoon); err != nil {
		return 0, fmt.Errorf("due dispute events: %w", err)
	}
	var total int64
	for _, seller := range sellers {
		res, err := s.db.ExecContext(ctx, webhookInsertSQL(disputeEventsSQL(EventDisputeDueSoon,
			`d.id || '/' || extract(epoch FROM d.respond_by)::bigint`,
			`d.status IN `+filedStatusesSQL+` AND d.respond_by <= $2::timestamptz + $3 * interval '1 second'`), "true"),
			seller, now, DueSoonWindow.Seconds())
		if err != nil {
			return total, fmt.Errorf("due dispute events: %w", err)
		}
		n, _ := res.RowsAffected()
		total += n
	}
	return total, nil
}
