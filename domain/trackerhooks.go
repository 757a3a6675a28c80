package domain

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/lib/pq"
	"github.com/parceldesk/portal/domain/csvfile"
	"github.com/parceldesk/portal/domain/trackerhook"
)

// Tracker webhooks in. A shop that pays a tracker (AfterShip, 17TRACK) has it push every update
// of a parcel to the portal: the tracker posts to /hooks/<tracker>/<path key>, where the key
// names the shop (a tracker cannot send our bearer token) and the signature, made with the
// secret the owner pasted from the tracker's settings, proves the sender. A delivery is stored
// as it came (ReceiveTrackerDelivery) before anything is done with it, then its checkpoints are
// turned into events and imported through the very pipeline the JSON API's events take
// (ingestEvents: ParseRow, classification with the tracker's sub-status code beating the text,
// dedupe, monotonic stage, the sweep after it). Trackers send the parcel's whole history on each
// update, so most of a delivery's events are ones the shipment already has, which the pipeline's
// dedupe drops; a replay of the same body is stopped before that, by its hash.

// Tracker is a tracking service whose webhooks the portal accepts.
type Tracker string

// The trackers whose webhooks the portal accepts; the value is the URL's path segment.
const (
	TrackerAfterShip  Tracker = "aftership"
	Tracker17Track    Tracker = "17track"
	maxTrackerSecret          = 200
	trackerPathKeyLen         = 43 // newToken's length: 32 random bytes, base64url
)

// Trackers lists the trackers in the order the settings page shows them.
var Trackers = []Tracker{TrackerAfterShip, Tracker17Track}

// Valid reports whether t is a tracker the portal knows.
func (t Tracker) Valid() bool { return t == TrackerAfterShip || t == Tracker17Track }

// Label is the tracker's name as people write it.
func (t Tracker) Label() string {
	switch t {
	case TrackerAfterShip:
		return "AfterShip"
	case Tracker17Track:
		return "17TRACK"
	}
	return string(t)
}

// SignatureHeader is the request header that carries the tracker's signature of the body.
func (t Tracker) SignatureHeader() string {
	if t == Tracker17Track {
		return "sign"
	}
	return "aftership-hmac-sha256"
}

// Sign returns the signature the tracker sends with body when its secret is secret (the schemes,
// with their sources, are trackerhook's).
func (t Tracker) Sign(secret string, body []byte) string {
	if t == Tracker17Track {
		return trackerhook.Sign17Track(secret, body)
	}
	return trackerhook.SignAfterShip(secret, body)
}

// VerifySignature reports whether sig is the tracker's signature of body with secret, compared in
// constant time. 17TRACK's hex is read without regard to case.
func (t Tracker) VerifySignature(secret string, body []byte, sig string) bool {
	return trackerhook.Verify(secret, t.Sign(secret, body), sig, t == Tracker17Track)
}

// TrackerHook is one tracker's webhook of a shop, as its settings page shows it: never the
// secret itself, only its last characters.
type TrackerHook struct {
	SellerID   SellerID  `db:"seller_id"`
	Tracker    Tracker   `db:"tracker"`
	PathKey    string    `db:"path_key"`
	SecretHint string    `db:"secret_hint"`
	UpdatedAt  time.Time `db:"updated_at"`
}

// Path is where the tracker posts: /hooks/<tracker>/<path key>.
func (h TrackerHook) Path() string { return "/hooks/" + string(h.Tracker) + "/" + h.PathKey }

const trackerHookColumns = `seller_id, tracker, path_key, '…' || right(secret, 4) AS secret_hint, updated_at`

// SetTrackerSecret stores the secret the seller's tracker signs its webhooks with, and returns
// the hook with its URL path. The first secret makes the hook's unguessable path key; a new secret
// keeps the key, so the URL set in the tracker stays right. Only an owner may do it: it returns
// ErrUnauthorized for an agent, and a *ValidationError for an unknown tracker or a missing or
// long secret.
func (s *Store) SetTrackerSecret(ctx context.Context, seller SellerID, actor User, tracker Tracker, secret string) (TrackerHook, error) {
	if actor.SellerID != seller || actor.Role != RoleOwner {
		return TrackerHook{}, ErrUnauthorized
	}
	secret = strings.TrimSpace(secret)
	switch {
	case !tracker.Valid():
		return TrackerHook{}, Invalid("tracker", "Choose AfterShip or 17TRACK.")
	case secret == "":
		return TrackerHook{}, Invalid("secret", "Paste the webhook secret from "+tracker.Label()+"'s settings.")
	case utf8.RuneCountInString(secret) > maxTrackerSecret || strings.ContainsAny(secret, " \t\r\n"):
		return TrackerHook{}, Invalid("secret", fmt.Sprintf("That does not look like a webhook secret: it has spaces or is over %d characters.", maxTrackerSecret))
	}
	var out TrackerHook
	err := s.db.GetContext(ctx, &out, `
		INSERT INTO tracker_hooks (seller_id, tracker, path_key, secret, updated_by)
		VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (seller_id, tracker) DO UPDATE SET secret = EXCLUDED.secret,
			updated_by = EXCLUDED.updated_by, updated_at = now()
		RETURNING `+trackerHookColumns, seller, tracker, newToken(), secret, actor.ID)
	if err != nil {
		return TrackerHook{}, fmt.Errorf("set tracker secret: %w", err)
	}
	return out, nil
}

// RemoveTrackerHook deletes the seller's webhook of the tracker: its URL answers 404 from then
// on. Deliveries already received stay. It returns ErrUnauthorized for an agent and ErrNotFound
// when the shop has no such hook.
func (s *Store) RemoveTrackerHook(ctx context.Context, seller SellerID, actor User, tracker Tracker) error {
	if actor.SellerID != seller || actor.Role != RoleOwner {
		return ErrUnauthorized
	}
	res, err := s.db.ExecContext(ctx, `DELETE FROM tracker_hooks WHERE seller_id = $1 AND tracker = $2`, seller, tracker)
	if err != nil {
		return fmt.Errorf("remove tracker hook: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// ListTrackerHooks returns the seller's tracker webhooks, in the order of Trackers.
func (s *Store) ListTrackerHooks(ctx context.Context, seller SellerID) ([]TrackerHook, error) {
	var out []TrackerHook
	err := s.db.SelectContext(ctx, &out, `SELECT `+trackerHookColumns+` FROM tracker_hooks
		WHERE seller_id = $1 ORDER BY tracker = '17track', tracker`, seller)
	if err != nil {
		return nil, fmt.Errorf("list tracker hooks: %w", err)
	}
	return out, nil
}

// deliveryClaimLapseSQL is how long a delivery's claim holds: past it, a delivery still pending
// was left by a processing that failed or died, and another may take it (the housekeeping waits
// as long before it retries one).
const deliveryClaimLapseSQL = `interval '5 minutes'`

// The states of a delivery (see migration 00049).
const (
	DeliveryPending   = "pending"
	DeliveryProcessed = "processed"
	DeliveryUnmatched = "unmatched"
	DeliveryIgnored   = "ignored"
)

// TrackerDelivery is one webhook request a tracker made, as stored.
type TrackerDelivery struct {
	SellerID       SellerID  `db:"seller_id"`
	ID             int64     `db:"id"`
	Tracker        Tracker   `db:"tracker"`
	ReceivedAt     time.Time `db:"received_at"`
	State          string    `db:"state"`
	TrackingNumber string    `db:"tracking_number"`
	OrderRef       string    `db:"order_ref"`
	Events         int       `db:"events"`
	Note           string    `db:"note"`
	// Duplicate is set by ReceiveTrackerDelivery when the body had come before.
	Duplicate bool `db:"-"`
}

const trackerDeliveryColumns = `seller_id, id, tracker, received_at, state, tracking_number, order_ref, events, note`

// ReceiveTrackerDelivery checks and stores a delivery a tracker posted to the hook with pathKey,
// before any work on it. It returns ErrNotFound when no shop has that hook (the same answer for a
// key of another tracker), ErrUnauthorized when sig is not the tracker's signature of body with
// the shop's secret (then nothing is stored), and the stored delivery otherwise; a body that came
// before is not stored again: its first delivery is returned, marked Duplicate.
func (s *Store) ReceiveTrackerDelivery(ctx context.Context, tracker Tracker, pathKey string, body []byte, sig string) (TrackerDelivery, error) {
	if !tracker.Valid() || len(pathKey) != trackerPathKeyLen {
		return TrackerDelivery{}, ErrNotFound
	}
	var hook struct {
		Seller SellerID `db:"seller_id"`
		Secret string   `db:"secret"`
	}
	err := s.db.GetContext(ctx, &hook, `SELECT seller_id, secret FROM tracker_hooks WHERE path_key = $1 AND tracker = $2`, pathKey, tracker)
	if errors.Is(err, sql.ErrNoRows) {
		return TrackerDelivery{}, ErrNotFound
	}
	if err != nil {
		return TrackerDelivery{}, fmt.Errorf("receive delivery: find hook: %w", err)
	}
	if !tracker.VerifySignature(hook.Secret, body, sig) {
		return TrackerDelivery{}, ErrUnauthorized
	}
	sum := sha256.Sum256(body)
	var d TrackerDelivery
	err = s.db.GetContext(ctx, &d, `
		INSERT INTO tracker_deliveries (seller_id, tracker, payload_hash, payload) VALUES ($1, $2, $3, $4)
		ON CONFLICT (seller_id, tracker, payload_hash) DO NOTHING
		RETURNING `+trackerDeliveryColumns, hook.Seller, tracker, sum[:], body)
	if errors.Is(err, sql.ErrNoRows) {
		err = s.db.GetContext(ctx, &d, `SELECT `+trackerDeliveryColumns+` FROM tracker_deliveries
			WHERE seller_id = $1 AND tracker = $2 AND payload_hash = $3`, hook.Seller, tracker, sum[:])
		d.Duplicate = true
	}
	if err != nil {
		return TrackerDelivery{}, fmt.Errorf("receive delivery: store: %w", err)
	}
	return d, nil
}

// ListTrackerDeliveries returns the seller's latest deliveries in state ("" for any), newest
// first, at most limit.
func (s *Store) ListTrackerDeliveries(ctx context.Context, seller SellerID, state string, limit int) ([]TrackerDelivery, error) {
	var out []TrackerDelivery
	err := s.db.SelectContext(ctx, &out, `SELECT `+trackerDeliveryColumns+` FROM tracker_deliveries
		WHERE seller_id = $1 AND ($2 = '' OR state = $2) ORDER BY id DESC LIMIT $3`, seller, state, limit)
	if err != nil {
		return nil, fmt.Errorf("list tracker deliveries: %w", err)
	}
	return out, nil
}

// CountUnmatchedDeliveries returns how many of the seller's deliveries matched no shipment.
func (s *Store) CountUnmatchedDeliveries(ctx context.Context, seller SellerID) (int, error) {
	var n int
	err := s.db.GetContext(ctx, &n, `SELECT count(*) FROM tracker_deliveries WHERE seller_id = $1 AND state = 'unmatched'`, seller)
	if err != nil {
		return 0, fmt.Errorf("count unmatched deliveries: %w", err)
	}
	return n, nil
}

// ProcessTrackerDelivery imports the events of the seller's delivery id, once: a delivery no
// longer pending, or being processed by another request, is returned as it is. The parcel is found by the delivery's order reference, when
// it carries one the shop knows, or else by its tracking number among every number the shop's
// shipments have been known by; a delivery that names no shipment of the shop is kept as
// unmatched (a tracker may follow parcels the shop never imported) and one with nothing to import
// as ignored, neither an error, so that the tracker does not retry it. An error leaves the
// delivery pending, for the tracker's retry to process it.
func (s *Store) ProcessTrackerDelivery(ctx context.Context, seller SellerID, id int64, obs ImportObserver) (TrackerDelivery, error) {
	var row struct {
		TrackerDelivery
		Payload []byte `db:"payload"`
	}
	// Claim it: of two requests with the same body at once, one processes it and the other
	// answers with the delivery as it stands (pending), which the tracker takes as received.
	err := s.db.GetContext(ctx, &row, `UPDATE tracker_deliveries SET claimed_at = now()
		WHERE seller_id = $1 AND id = $2 AND state = 'pending'
			AND (claimed_at IS NULL OR claimed_at < now() - `+deliveryClaimLapseSQL+`)
		RETURNING `+trackerDeliveryColumns+`, payload`, seller, id)
	if errors.Is(err, sql.ErrNoRows) {
		var d TrackerDelivery
		err = s.db.GetContext(ctx, &d, `SELECT `+trackerDeliveryColumns+` FROM tracker_deliveries
			WHERE seller_id = $1 AND id = $2`, seller, id)
		if errors.Is(err, sql.ErrNoRows) {
			return TrackerDelivery{}, ErrNotFound
		}
		if err != nil {
			return TrackerDelivery{}, fmt.Errorf("process delivery %d: %w", id, err)
		}
		return d, nil
	}
	if err != nil {
		return TrackerDelivery{}, fmt.Errorf("process delivery %d: %w", id, err)
	}
	d := row.TrackerDelivery
	out, err := s.processDelivery(ctx, seller, d, row.Payload, obs)
	if err != nil {
		// Let the tracker's retry claim it again at once, best effort.
		_, _ = s.db.ExecContext(context.WithoutCancel(ctx), `UPDATE tracker_deliveries SET claimed_at = NULL
			WHERE seller_id = $1 AND id = $2 AND state = 'pending'`, seller, id)
	}
	return out, err
}

// processDelivery imports a claimed delivery's events and records how it ended.
func (s *Store) processDelivery(ctx context.Context, seller SellerID, d TrackerDelivery, payload []byte, obs ImportObserver) (TrackerDelivery, error) {
	parcel, err := parseTrackerPayload(d.Tracker, payload)
	if err != nil {
		return s.finishDelivery(ctx, d, DeliveryIgnored, trackerParcel{}, BatchResult{}, err.Error())
	}
	if len(parcel.Events) == 0 {
		return s.finishDelivery(ctx, d, DeliveryIgnored, parcel, BatchResult{}, "the delivery has no checkpoints")
	}
	if len(parcel.Events) > MaxAPIBatch {
		return s.finishDelivery(ctx, d, DeliveryIgnored, parcel, BatchResult{},
			fmt.Sprintf("the delivery has %d checkpoints, more than the %d one import takes", len(parcel.Events), MaxAPIBatch))
	}
	ref, err := s.matchParcel(ctx, seller, parcel)
	if err != nil {
		return TrackerDelivery{}, err
	}
	if ref == "" {
		return s.finishDelivery(ctx, d, DeliveryUnmatched, parcel, BatchResult{},
			"no shipment of the shop has this tracking number or order reference")
	}
	parcel.Matched = ref
	events := make([]APIEvent, len(parcel.Events))
	for i, e := range parcel.Events {
		e.OrderRef = ref
		events[i] = e
	}
	res, err := s.ingestEvents(ctx, seller, nil, string(d.Tracker), d.Tracker.Label()+" webhook", events, false, checkTrackerEvent, obs)
	if err != nil {
		return TrackerDelivery{}, err
	}
	var note string
	if len(res.Items) > 0 {
		note = fmt.Sprintf("%d checkpoints could not be read (checkpoint %d: %s)", len(res.Items), res.Items[0].Index+1, res.Items[0].Message)
	}
	return s.finishDelivery(ctx, d, DeliveryProcessed, parcel, res, note)
}

// finishDelivery records how processing a delivery ended, if it is still pending.
func (s *Store) finishDelivery(ctx context.Context, d TrackerDelivery, state string, p trackerParcel, res BatchResult, note string) (TrackerDelivery, error) {
	var imp *int64
	if res.ImportID != 0 {
		imp = &res.ImportID
	}
	var out TrackerDelivery
	err := s.db.GetContext(ctx, &out, `UPDATE tracker_deliveries SET state = $3, tracking_number = $4, order_ref = $5,
			events = $6, import_id = $7, note = $8, processed_at = now()
		WHERE seller_id = $1 AND id = $2 RETURNING `+trackerDeliveryColumns,
		d.SellerID, d.ID, state, truncate(p.TrackingNumber, csvfile.MaxRefLen), truncate(p.Matched, csvfile.MaxRefLen), int(res.EventsAdded), imp, truncate(note, 500))
	if err != nil {
		return TrackerDelivery{}, fmt.Errorf("finish delivery %d: %w", d.ID, err)
	}
	return out, nil
}

// matchParcel returns the order reference of the seller's shipment the parcel is, or "" when it
// is none of them: an order reference the tracker carries, if the shop has that order, else the
// shipment that has been known by the tracking number (the most recent, should two share it).
func (s *Store) matchParcel(ctx context.Context, seller SellerID, p trackerParcel) (string, error) {
	var ref string
	err := s.db.GetContext(ctx, &ref, `
		SELECT order_ref FROM (
			SELECT s.order_ref, 0 AS pref, s.id FROM shipments s WHERE s.seller_id = $1 AND s.order_ref = ANY($2)
			UNION ALL
			SELECT s.order_ref, 1, s.id FROM tracking_numbers t
			JOIN shipments s ON s.seller_id = t.seller_id AND s.id = t.shipment_id
			WHERE t.seller_id = $1 AND t.number = $3 AND $3 <> ''
		) m ORDER BY pref, id DESC LIMIT 1`,
		seller, pq.Array(p.OrderRefs), trackingNumberKey(p.TrackingNumber))
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("match tracker parcel: %w", err)
	}
	return ref, nil
}

// checkTrackerEvent is what a tracker's checkpoint needs to be an event: a text or code, and a
// time. Unlike the API's, the time may lack its offset: AfterShip documents checkpoint_time as
// the checkpoint's local time, with or without one, and such a time is read in the seller's import
// zone, as a file's is.
func checkTrackerEvent(e APIEvent) *ItemError {
	if strings.TrimSpace(e.Status) == "" && strings.TrimSpace(e.StatusCode) == "" {
		return &ItemError{Code: ItemMissingStatus, Message: "the checkpoint has no message and no status code"}
	}
	if strings.TrimSpace(e.StatusAt) == "" {
		return &ItemError{Code: ItemBadTime, Message: "the checkpoint has no time"}
	}
	return nil
}

// MaxRetryUnmatched is how many unmatched deliveries one retry processes: each matched one is an
// import with its sweep, so a shop with a long backlog retries it in steps.
const MaxRetryUnmatched = 200

// RetryUnmatchedDeliveries processes the seller's unmatched deliveries again, oldest first and at
// most MaxRetryUnmatched: a parcel the shop has imported since they came is matched now and its
// events imported. It returns how many were tried and how many matched; ErrUnauthorized when
// actor is not a member of the shop.
func (s *Store) RetryUnmatchedDeliveries(ctx context.Context, seller SellerID, actor User, obs ImportObserver) (tried, matched int, err error) {
	if actor.SellerID != seller {
		return 0, 0, ErrUnauthorized
	}
	var ids []int64
	err = s.db.SelectContext(ctx, &ids, `SELECT id FROM tracker_deliveries WHERE seller_id = $1 AND state = 'unmatched'
		ORDER BY id LIMIT $2`, seller, MaxRetryUnmatched)
	if err != nil {
		return 0, 0, fmt.Errorf("retry unmatched deliveries: %w", err)
	}
	for _, id := range ids {
		res, err := s.db.ExecContext(ctx, `UPDATE tracker_deliveries SET state = 'pending', claimed_at = NULL
			WHERE seller_id = $1 AND id = $2 AND state = 'unmatched'`, seller, id)
		if err != nil {
			return tried, matched, fmt.Errorf("retry delivery %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			continue // another retry took it
		}
		tried++
		d, err := s.ProcessTrackerDelivery(ctx, seller, id, obs)
		if err != nil {
			return tried, matched, err
		}
		if d.State == DeliveryProcessed {
			matched++
		}
	}
	return tried, matched, nil
}

// ProcessStaleDeliveries processes, across every shop, the deliveries left pending for over five
// minutes (the request that stored one failed to process it, and the tracker's retries have
// ended or not come yet), oldest first and at most limit: the periodic housekeeping's net under
// the trackers' retries. It returns how many it processed, going on past a delivery that fails
// and returning the first error.
func (s *Store) ProcessStaleDeliveries(ctx context.Context, limit int, obs ImportObserver) (int, error) {
	var stale []struct {
		Seller SellerID `db:"seller_id"`
		ID     int64    `db:"id"`
	}
	err := s.db.SelectContext(ctx, &stale, `SELECT seller_id, id FROM tracker_deliveries
		WHERE state = 'pending' AND received_at < now() - `+deliveryClaimLapseSQL+`
			AND (claimed_at IS NULL OR claimed_at < now() - `+deliveryClaimLapseSQL+`)
		ORDER BY received_at LIMIT $1`, limit)
	if err != nil {
		return 0, fmt.Errorf("stale deliveries: %w", err)
	}
	var first error
	n := 0
	for _, d := range stale {
		if _, err := s.ProcessTrackerDelivery(ctx, d.Seller, d.ID, obs); err != nil {
			if first == nil {
				first = err
			}
			continue
		}
		n++
	}
	return n, first
}
