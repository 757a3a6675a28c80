package domain

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// The outbox is how the portal tells people: every e-mail and webhook delivery is first a row of
// the outbox, written in the same transaction as the change that caused it (a sweep raising an
// exception, an import, a workflow change), so a change is never committed without its messages
// nor a message sent for a change that rolled back. Delivery workers (package notify, in `portal
// serve`) claim due rows with FOR UPDATE SKIP LOCKED inside a transaction that lasts the sending,
// and record the outcome in it. Delivery is at least once: a process that dies mid-send loses its
// transaction, the rows are due again, and the receiver tells a repeat by the message's
// idempotency key (the e-mail's Message-ID, the webhook's event id), which never changes.

// Channel is how a message travels.
type Channel string

// The channels.
const (
	ChannelEmail   Channel = "email"
	ChannelWebhook Channel = "webhook"
)

// Purpose is why a message is sent.
type Purpose string

// The purposes: a message to a buyer, a team member's daily digest or immediate alert, a webhook
// delivery.
const (
	PurposeBuyer   Purpose = "buyer"
	PurposeDigest  Purpose = "digest"
	PurposeAlert   Purpose = "alert"
	PurposeWebhook Purpose = "webhook"
)

// OutboxStatus is where a message is: pending (due at NextAttemptAt) → sent, or failed when the
// retries ran out; held while the seller has paused buyer mail.
type OutboxStatus string

// The statuses of a message.
const (
	OutboxPending OutboxStatus = "pending"
	OutboxHeld    OutboxStatus = "held"
	OutboxSent    OutboxStatus = "sent"
	OutboxFailed  OutboxStatus = "failed"
)

// OutboxMessage is one message to deliver. Body is, for an e-mail, its content as JSON
// (EmailContent, rendered when sent), and for a webhook the exact JSON body that is signed.
type OutboxMessage struct {
	SellerID       SellerID     `db:"seller_id"`
	ID             int64        `db:"id"`
	IdempotencyKey string       `db:"idempotency_key"`
	Channel        Channel      `db:"channel"`
	Purpose        Purpose      `db:"purpose"`
	Recipient      string       `db:"recipient"`
	EndpointID     *int64       `db:"endpoint_id"`
	EventType      string       `db:"event_type"`
	Subject        string       `db:"subject"`
	Body           string       `db:"body"`
	Status         OutboxStatus `db:"status"`
	Attempts       int          `db:"attempts"`
	NextAttemptAt  time.Time    `db:"next_attempt_at"`
	FirstTriedAt   *time.Time   `db:"first_tried_at"`
	LastError      string       `db:"last_error"`
	CreatedAt      time.Time    `db:"created_at"`
	SentAt         *time.Time   `db:"sent_at"`
}

const outboxColumns = `o.seller_id, o.id, o.idempotency_key, o.channel, o.purpose, o.recipient, o.endpoint_id,
	o.event_type, o.subject, o.body, o.status, o.attempts, o.next_attempt_at, o.first_tried_at, o.last_error,
	o.created_at, o.sent_at`

// newOutbox is a message about to be written.
type newOutbox struct {
	key       string
	channel   Channel
	purpose   Purpose
	recipient string
	subject   string
	body      string
	held      bool
}

// enqueue writes a message in the caller's transaction. A message whose idempotency key the seller
// already has is not written again: id is then the existing one's and created false.
func enqueue(ctx context.Context, tx *sqlx.Tx, seller SellerID, m newOutbox, now time.Time) (id int64, created bool, err error) {
	status := OutboxPending
	if m.held {
		status = OutboxHeld
	}
	err = tx.GetContext(ctx, &id, `
		INSERT INTO outbox (seller_id, idempotency_key, channel, purpose, recipient, subject, body, status, created_at, next_attempt_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
		ON CONFLICT (seller_id, idempotency_key) DO NOTHING RETURNING id`,
		seller, m.key, m.channel, m.purpose, m.recipient, m.subject, m.body, status, now)
	if errors.Is(err, sql.ErrNoRows) {
		err = tx.GetContext(ctx, &id, `SELECT id FROM outbox WHERE seller_id = $1 AND idempotency_key = $2`, seller, m.key)
		return id, false, err
	}
	return id, err == nil, err
}

// RetryPolicy is how failed deliveries are tried again: after Base, then twice as long each time
// up to Max, each pause scattered by ±50% (jitter, so that a receiver that was down is not hit by
// every retry at once), until GiveUpAfter has passed since the first try; then the message is
// marked failed.
type RetryPolicy struct {
	Base, Max, GiveUpAfter time.Duration
}

// DefaultRetryPolicy retries after 30 s, 1 min, 2 min, … up to every hour, for 24 hours.
var DefaultRetryPolicy = RetryPolicy{Base: 30 * time.Second, Max: time.Hour, GiveUpAfter: 24 * time.Hour}

// Delay is the pause before try number attempt+1 after attempt failed tries (attempt ≥ 1),
// jitter included.
func (p RetryPolicy) Delay(attempt int) time.Duration {
	d := p.Base
	for i := 1; i < attempt && d < p.Max; i++ {
		d *= 2
	}
	d = min(d, p.Max)
	// #nosec G404 -- jitter spreads retries in time; it needs no unpredictability.
	return time.Duration(float64(d) * (0.5 + rand.Float64()))
}

// DeliveryResult is the outcome of one try of one message.
type DeliveryResult struct {
	SellerID SellerID
	ID       int64
	OK       bool
	// Permanent marks a failure that a retry cannot mend (a mailbox that does not exist): the
	// message is failed at once.
	Permanent bool
	// Code is the HTTP status of a webhook's answer, or the SMTP reply code; 0 when there was none.
	Code     int
	Error    string
	Duration time.Duration
}

// OutboxClaim is a batch of due messages locked for delivery in an open transaction: no other
// worker, in this process or another replica, can claim them until Complete or Release ends it.
// If the process dies meanwhile, the transaction dies with it and the messages are due again.
type OutboxClaim struct {
	tx       *sqlx.Tx
	Messages []OutboxMessage
}

// ClaimOutbox locks up to limit messages of the channel that are due at now, oldest due first,
// skipping those another worker holds. An empty claim (no messages) is already released.
func (s *Store) ClaimOutbox(ctx context.Context, ch Channel, now time.Time, limit int) (*OutboxClaim, error) {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("claim outbox: %w", err)
	}
	c := &OutboxClaim{tx: tx}
	// A claim's transaction lasts as long as its sends; a lost worker must not hold the rows for
	// longer than it takes the server to notice.
	if _, err := tx.ExecContext(ctx, `SET LOCAL idle_in_transaction_session_timeout = '10min'`); err != nil {
		c.Release()
		return nil, fmt.Errorf("claim outbox: %w", err)
	}
	if err := tx.SelectContext(ctx, &c.Messages, `
		SELECT `+outboxColumns+` FROM outbox o
		WHERE o.status = 'pending' AND o.channel = $1 AND o.next_attempt_at <= $2
		ORDER BY o.next_attempt_at
		LIMIT $3
		FOR UPDATE SKIP LOCKED`, ch, now, limit); err != nil {
		c.Release()
		return nil, fmt.Errorf("claim outbox: %w", err)
	}
	if len(c.Messages) == 0 {
		c.Release()
	}
	return c, nil
}

// Release ends the claim without recording anything: its messages are due again as they were.
func (c *OutboxClaim) Release() { _ = c.tx.Rollback() }

// Complete records the results of the claim's tries and ends the claim. A sent message is marked
// sent; a failed one is due again after the policy's pause, or marked failed when the failure is
// permanent or the policy gives up. Every try is written to the message's attempts. For webhooks,
// an endpoint whose deliveries have all failed for the policy's GiveUpAfter is disabled (with the
// reason shown on its page), and its waiting deliveries are failed with it.
func (c *OutboxClaim) Complete(ctx context.Context, results []DeliveryResult, now time.Time, p RetryPolicy) error {
	defer c.Release()
	byID := make(map[int64]OutboxMessage, len(c.Messages))
	for _, m := range c.Messages {
		byID[m.ID] = m
	}
	n := len(results)
	var (
		sellers, ids, codes, durations []int64
		statuses, errs                 []string
		next                           []time.Time
		oks                            []bool
		// The endpoints of deliveries given up for time, and since when each failed.
		gaveUp      []int64
		gaveUpSince []time.Time
	)
	for _, r := range results {
		m, ok := byID[r.ID]
		if !ok || m.SellerID != r.SellerID {
			return fmt.Errorf("complete outbox: message %d was not claimed", r.ID)
		}
		first := now
		if m.FirstTriedAt != nil {
			first = *m.FirstTriedAt
		}
		status, at := OutboxSent, now
		if !r.OK {
			status, at = OutboxPending, now.Add(p.Delay(m.Attempts+1))
			if r.Permanent || !at.Before(first.Add(p.GiveUpAfter)) {
				status, at = OutboxFailed, now
			}
			if status == OutboxFailed && !r.Permanent && m.EndpointID != nil {
				gaveUp = append(gaveUp, *m.EndpointID)
				gaveUpSince = append(gaveUpSince, first)
			}
		}
		sellers = append(sellers, int64(r.SellerID))
		ids = append(ids, r.ID)
		codes = append(codes, int64(r.Code))
		durations = append(durations, r.Duration.Milliseconds())
		statuses = append(statuses, string(status))
		errs = append(errs, truncate(r.Error, 1000))
		next = append(next, at)
		oks = append(oks, r.OK)
	}
	if n > 0 {
		// One statement for the batch: the messages' new state, their attempts, and the health of
		// the webhook endpoints they went to.
		if _, err := c.tx.ExecContext(ctx, `
			WITH r AS (
				SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::timestamptz[], $5::text[], $6::bool[],
				                     $7::bigint[], $8::bigint[]) AS r (seller_id, id, status, next_at, error, ok, code, ms)
			), up AS (
				UPDATE outbox o SET status = r.status, attempts = o.attempts + 1, next_attempt_at = r.next_at,
				       first_tried_at = coalesce(o.first_tried_at, $9), last_error = r.error,
				       sent_at = CASE WHEN r.ok THEN $9::timestamptz END
				FROM r WHERE o.seller_id = r.seller_id AND o.id = r.id
				RETURNING o.seller_id, o.id, o.attempts, o.endpoint_id, r.ok, r.code, r.error, r.ms
			), att AS (
				INSERT INTO outbox_attempts (seller_id, outbox_id, attempt, at, ok, response_code, error, duration_ms)
				SELECT seller_id, id, attempts, $9, ok, nullif(code, 0), error, ms FROM up
			)
			UPDATE webhook_endpoints w SET failing_since = CASE WHEN h.any_ok THEN NULL ELSE coalesce(w.failing_since, $9) END
			FROM (SELECT seller_id, endpoint_id, bool_or(ok) AS any_ok FROM up WHERE endpoint_id IS NOT NULL
			      GROUP BY seller_id, endpoint_id) h
			WHERE w.seller_id = h.seller_id AND w.id = h.endpoint_id`,
			pq.Array(sellers), pq.Array(ids), pq.Array(statuses), pq.Array(next), pq.Array(errs), pq.Array(oks),
			pq.Array(codes), pq.Array(durations), now); err != nil {
			return fmt.Errorf("complete outbox: %w", err)
		}
		if err := disableFailingEndpoints(ctx, c.tx, now.Add(-p.GiveUpAfter), now, gaveUp, gaveUpSince); err != nil {
			return fmt.Errorf("complete outbox: %w", err)
		}
	}
	if err := c.tx.Commit(); err != nil {
		return fmt.Errorf("complete outbox: %w", err)
	}
	return nil
}

// disableFailingEndpoints disables the endpoints whose deliveries have all failed since before
// since, and those of deliveries just given up (endpoints[i]) that have failed ever since that
// delivery's first try (firsts[i]); and fails their waiting deliveries.
func disableFailingEndpoints(ctx context.Context, tx *sqlx.Tx, since, now time.Time, endpoints []int64, firsts []time.Time) error {
	_, err := tx.ExecContext(ctx, `
		WITH off AS (
			UPDATE webhook_endpoints w SET disabled_at = $2,
			       disabled_reason = 'Every delivery failed for 24 hours, so deliveries were stopped. Check the log below, fix the endpoint and turn it back on.'
			WHERE w.disabled_at IS NULL AND (w.failing_since <= $1 OR EXISTS (
				SELECT FROM unnest($3::bigint[], $4::timestamptz[]) AS g (id, first)
				WHERE g.id = w.id AND w.failing_since <= g.first))
			RETURNING seller_id, id
		)
		UPDATE outbox o SET status = 'failed', last_error = 'The endpoint was turned off after failing for 24 hours.'
		FROM off WHERE o.seller_id = off.seller_id AND o.endpoint_id = off.id AND o.status IN ('pending', 'held')`,
		since, now, pq.Array(endpoints), pq.Array(firsts))
	return err
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 { // not in the middle of a UTF-8 sequence
		n--
	}
	return s[:n]
}

// OutboxFilter selects the messages the outbox page lists: a status (all when ""), a purpose (all
// when ""), and a keyset cursor (messages older than Before when it is not 0).
type OutboxFilter struct {
	Status  OutboxStatus
	Purpose Purpose
	Before  int64
	Limit   int
}

// OutboxCounts counts the seller's messages by status.
type OutboxCounts struct {
	Pending int64 `db:"pending"`
	Held    int64 `db:"held"`
	Sent    int64 `db:"sent"`
	Failed  int64 `db:"failed"`
}

// ListOutbox returns the seller's messages that match f, newest first, and a cursor for the next
// page (0 when there is none).
func (s *Store) ListOutbox(ctx context.Context, seller SellerID, f OutboxFilter) ([]OutboxMessage, int64, error) {
	if f.Limit <= 0 {
		f.Limit = 50
	}
	var out []OutboxMessage
	err := s.db.SelectContext(ctx, &out, `SELECT `+outboxColumns+` FROM outbox o
		WHERE o.seller_id = $1 AND ($2 = '' OR o.status = $2) AND ($3 = '' OR o.purpose = $3) AND ($4 = 0 OR o.id < $4)
		ORDER BY o.id DESC LIMIT $5`, seller, f.Status, f.Purpose, f.Before, f.Limit+1)
	if err != nil {
		return nil, 0, fmt.Errorf("list outbox: %w", err)
	}
	var next int64
	if len(out) > f.Limit {
		out = out[:f.Limit]
		next = out[len(out)-1].ID
	}
	return out, next, nil
}

// CountOutbox counts the seller's messages by status.
func (s *Store) CountOutbox(ctx context.Context, seller SellerID) (OutboxCounts, error) {
	var c OutboxCounts
	err := s.db.GetContext(ctx, &c, `SELECT count(*) FILTER (WHERE status = 'pending') AS pending,
		count(*) FILTER (WHERE status = 'held') AS held, count(*) FILTER (WHERE status = 'sent') AS sent,
		count(*) FILTER (WHERE status = 'failed') AS failed FROM outbox WHERE seller_id = $1`, seller)
	if err != nil {
		return c, fmt.Errorf("count outbox: %w", err)
	}
	return c, nil
}

// DeliveryAttempt is one try of a message.
type DeliveryAttempt struct {
	OutboxID     int64     `db:"outbox_id"`
	Attempt      int       `db:"attempt"`
	At           time.Time `db:"at"`
	OK           bool      `db:"ok"`
	ResponseCode *int      `db:"response_code"`
	Error        string    `db:"error"`
	DurationMS   int       `db:"duration_ms"`
}

// FindOutboxMessage returns one of the seller's messages with its tries, oldest first, or
// ErrNotFound.
func (s *Store) FindOutboxMessage(ctx context.Context, seller SellerID, id int64) (OutboxMessage, []DeliveryAttempt, error) {
	var m OutboxMessage
	err := s.db.GetContext(ctx, &m, `SELECT `+outboxColumns+` FROM outbox o WHERE o.seller_id = $1 AND o.id = $2`, seller, id)
	if errors.Is(err, sql.ErrNoRows) {
		return m, nil, ErrNotFound
	}
	if err != nil {
		return m, nil, fmt.Errorf("find outbox message: %w", err)
	}
	var att []DeliveryAttempt
	if err := s.db.SelectContext(ctx, &att, `SELECT outbox_id, attempt, at, ok, response_code, error, duration_ms
		FROM outbox_attempts WHERE seller_id = $1 AND outbox_id = $2 ORDER BY attempt`, seller, id); err != nil {
		return m, nil, fmt.Errorf("find outbox message: %w", err)
	}
	return m, att, nil
}

// RetryOutboxMessage makes a failed message due now, with a fresh day of retries. A message that
// is not failed is left alone. It returns ErrNotFound for another seller's message,
// ErrUnauthorized for an actor who is not an owner, and a *ValidationError for a webhook delivery
// whose endpoint is turned off.
func (s *Store) RetryOutboxMessage(ctx context.Context, seller SellerID, actor User, id int64, now time.Time) error {
	m, _, err := s.FindOutboxMessage(ctx, seller, id)
	if err != nil {
		return err
	}
	if !canChangeSettings(seller, actor) {
		return ErrUnauthorized
	}
	if m.Status != OutboxFailed {
		return nil
	}
	if m.EndpointID != nil {
		ep, err := s.FindWebhookEndpoint(ctx, seller, *m.EndpointID)
		if err != nil {
			return err
		}
		if ep.DisabledAt != nil {
			return Invalid("", "Its endpoint is turned off; turn it back on first.")
		}
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE outbox SET status = 'pending', next_attempt_at = $3, first_tried_at = NULL
		WHERE seller_id = $1 AND id = $2 AND status = 'failed'`, seller, id, now); err != nil {
		return fmt.Errorf("retry outbox message: %w", err)
	}
	return nil
}
