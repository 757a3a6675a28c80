package domain

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
	"github.com/parceldesk/portal/domain/zone"
)

// NotificationPrefs is what one team member wants to hear by e-mail: a daily digest at a local
// hour, and immediate alerts when exceptions of some kinds are raised.
type NotificationPrefs struct {
	SellerID      SellerID       `db:"seller_id"`
	UserID        int64          `db:"user_id"`
	DigestEnabled bool           `db:"digest_enabled"`
	DigestHour    int            `db:"digest_hour"`
	Timezone      string         `db:"timezone"`
	AlertKinds    pq.StringArray `db:"alert_kinds"`
	LastDigestAt  *time.Time     `db:"last_digest_at"`
	LastDigestOn  *time.Time     `db:"last_digest_on"`
}

// Alerts reports whether the member wants an immediate alert for the kind.
func (p NotificationPrefs) Alerts(kind ExceptionKind) bool {
	for _, k := range p.AlertKinds {
		if k == string(kind) {
			return true
		}
	}
	return false
}

const prefsColumns = `seller_id, user_id, digest_enabled, digest_hour, timezone, alert_kinds, last_digest_at, last_digest_on`

// FindNotificationPrefs returns a member's preferences; a member who never set them gets none
// (no digest, no alerts) in the shop's time zone.
func (s *Store) FindNotificationPrefs(ctx context.Context, seller SellerID, user int64) (NotificationPrefs, error) {
	var p NotificationPrefs
	err := s.db.GetContext(ctx, &p, `SELECT `+prefsColumns+` FROM notification_prefs WHERE seller_id = $1 AND user_id = $2`, seller, user)
	if errors.Is(err, sql.ErrNoRows) {
		var tz string
		if err := s.db.GetContext(ctx, &tz, `SELECT timezone FROM sellers WHERE id = $1`, seller); err != nil {
			return p, fmt.Errorf("find notification prefs: %w", err)
		}
		return NotificationPrefs{SellerID: seller, UserID: user, DigestHour: 8, Timezone: tz, AlertKinds: pq.StringArray{}}, nil
	}
	if err != nil {
		return p, fmt.Errorf("find notification prefs: %w", err)
	}
	return p, nil
}

// SetNotificationPrefs saves the actor's own preferences (a member sets only their own). A digest
// turned on (or moved to another hour) goes out first at the next coming of its hour. It returns
// ErrUnauthorized for an actor of another seller, and a *ValidationError (fields "digest_hour",
// "timezone", "alert_kinds") for values the rules refuse.
func (s *Store) SetNotificationPrefs(ctx context.Context, seller SellerID, actor User, p NotificationPrefs, now time.Time) error {
	if actor.SellerID != seller {
		return ErrUnauthorized
	}
	fields := map[string]string{}
	if p.DigestHour < 0 || p.DigestHour > 23 {
		fields["digest_hour"] = "Choose an hour of the day."
	}
	loc, zoneErr := zone.Lookup(p.Timezone)
	if zoneErr != nil {
		fields["timezone"] = "Choose a time zone from the list."
	}
	for _, k := range p.AlertKinds {
		if !ExceptionKind(k).Valid() {
			fields["alert_kinds"] = "Choose kinds of exception from the list."
		}
	}
	if len(fields) > 0 {
		return &ValidationError{Fields: fields}
	}
	if p.AlertKinds == nil {
		p.AlertKinds = pq.StringArray{}
	}
	// The local date from which the digest counts as given: today when its hour has passed, so
	// that turning it on in the afternoon does not send one at once.
	local := now.In(loc)
	var givenOn *time.Time
	if local.Hour() >= p.DigestHour {
		d := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, time.UTC)
		givenOn = &d
	}
	_, err := s.db.ExecContext(ctx, `
		INSERT INTO notification_prefs (seller_id, user_id, digest_enabled, digest_hour, timezone, alert_kinds, last_digest_on)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (seller_id, user_id) DO UPDATE SET digest_enabled = EXCLUDED.digest_enabled,
		       digest_hour = EXCLUDED.digest_hour, timezone = EXCLUDED.timezone, alert_kinds = EXCLUDED.alert_kinds,
		       last_digest_on = CASE WHEN EXCLUDED.digest_enabled AND (NOT notification_prefs.digest_enabled
		                                  OR notification_prefs.digest_hour <> EXCLUDED.digest_hour
		                                  OR notification_prefs.timezone <> EXCLUDED.timezone)
		                             THEN EXCLUDED.last_digest_on ELSE notification_prefs.last_digest_on END`,
		seller, actor.ID, p.DigestEnabled, p.DigestHour, p.Timezone, p.AlertKinds, givenOn)
	if err != nil {
		return fmt.Errorf("set notification prefs: %w", err)
	}
	return nil
}

// notifyKey returns the key that signs unsubscribe links, made once and kept in the database
// like the session key, so that every replica and every restart signs alike.
func (s *Store) notifyKey(ctx context.Context) ([]byte, error) {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	if _, err := s.db.ExecContext(ctx, `INSERT INTO app_settings (key, value) VALUES ('unsubscribe_key', $1)
		ON CONFLICT (key) DO NOTHING`, hex.EncodeToString(b)); err != nil {
		return nil, err
	}
	var v string
	if err := s.db.GetContext(ctx, &v, `SELECT value FROM app_settings WHERE key = 'unsubscribe_key'`); err != nil {
		return nil, err
	}
	return hex.DecodeString(v)
}

func unsubscribeMAC(key []byte, seller SellerID, user int64) []byte {
	m := hmac.New(sha256.New, key)
	fmt.Fprintf(m, "unsubscribe v1 %d %d", seller, user)
	return m.Sum(nil)
}

// unsubscribeToken is a member's signed unsubscribe token: "seller.user.mac".
func unsubscribeToken(key []byte, seller SellerID, user int64) string {
	return fmt.Sprintf("%d.%d.%s", seller, user, base64.RawURLEncoding.EncodeToString(unsubscribeMAC(key, seller, user)))
}

// Unsubscriber is whom an unsubscribe token names.
type Unsubscriber struct {
	Seller SellerID
	User   User
	Shop   string
}

// CheckUnsubscribeToken returns whom a signed unsubscribe token names, or ErrNotFound for a token
// that is malformed, forged, or names a member who is gone.
func (s *Store) CheckUnsubscribeToken(ctx context.Context, token string) (Unsubscriber, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return Unsubscriber{}, ErrNotFound
	}
	seller, err1 := strconv.ParseInt(parts[0], 10, 64)
	user, err2 := strconv.ParseInt(parts[1], 10, 64)
	mac, err3 := base64.RawURLEncoding.DecodeString(parts[2])
	if err1 != nil || err2 != nil || err3 != nil {
		return Unsubscriber{}, ErrNotFound
	}
	key, err := s.notifyKey(ctx)
	if err != nil {
		return Unsubscriber{}, fmt.Errorf("unsubscribe: %w", err)
	}
	if !hmac.Equal(mac, unsubscribeMAC(key, SellerID(seller), user)) {
		return Unsubscriber{}, ErrNotFound
	}
	u, err := s.FindUser(ctx, SellerID(seller), user)
	if err != nil {
		return Unsubscriber{}, err
	}
	sl, err := s.FindSeller(ctx, SellerID(seller))
	if err != nil {
		return Unsubscriber{}, err
	}
	return Unsubscriber{Seller: SellerID(seller), User: u, Shop: sl.ShopName}, nil
}

// Unsubscribe turns off the digest and the alerts of the member a signed token names. It returns
// ErrNotFound as CheckUnsubscribeToken.
func (s *Store) Unsubscribe(ctx context.Context, token string) (Unsubscriber, error) {
	who, err := s.CheckUnsubscribeToken(ctx, token)
	if err != nil {
		return who, err
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE notification_prefs SET digest_enabled = false, alert_kinds = '{}'
		WHERE seller_id = $1 AND user_id = $2`, who.Seller, who.User.ID); err != nil {
		return who, fmt.Errorf("unsubscribe: %w", err)
	}
	return who, nil
}

// DigestException is an exception as a digest or an alert lists it.
type DigestException struct {
	ID       int64         `json:"id" db:"id"`
	Kind     ExceptionKind `json:"kind" db:"kind"`
	OrderRef string        `json:"order_ref" db:"order_ref"`
	Stage    Stage         `json:"stage" db:"stage"`
}

// DigestDispute is a dispute due soon, as a digest lists it.
type DigestDispute struct {
	ID           int64        `json:"id" db:"id"`
	Counterparty Counterparty `json:"counterparty" db:"counterparty"`
	OrderRef     string       `json:"order_ref" db:"order_ref"`
	RespondBy    time.Time    `json:"respond_by" db:"respond_by"`
}

// Digest is a team member's daily summary: new exceptions by kind since the last digest, the
// unresolved exceptions assigned to them, filed disputes due within 48 hours, and money recovered
// by disputes closed since the last digest.
type Digest struct {
	Member   string            `json:"member"`
	Timezone string            `json:"timezone"`
	Since    time.Time         `json:"since"`
	Until    time.Time         `json:"until"`
	New      []KindCount       `json:"new"`
	Assigned []DigestException `json:"assigned"`
	// AssignedTotal counts them all; Assigned lists the most severe.
	AssignedTotal int             `json:"assigned_total"`
	DueSoon       []DigestDispute `json:"due_soon"`
	Recovered     []Money         `json:"recovered"`
}

// NewTotal is the number of new exceptions.
func (d Digest) NewTotal() int64 {
	var n int64
	for _, k := range d.New {
		n += k.Count
	}
	return n
}

// Empty reports whether the digest has nothing to say; an empty digest is not sent.
func (d Digest) Empty() bool {
	return d.NewTotal() == 0 && d.AssignedTotal == 0 && len(d.DueSoon) == 0 && len(d.Recovered) == 0
}

// Alert is an immediate e-mail about exceptions just raised, of the kinds a member chose.
type Alert struct {
	Exceptions []DigestException `json:"exceptions"`
	Total      int               `json:"total"`
}

// digestListLimit is how many exceptions or disputes a digest or an alert lists by name.
const digestListLimit = 20

// DueDigest is a member whose digest is due.
type DueDigest struct {
	SellerID SellerID `db:"seller_id"`
	UserID   int64    `db:"user_id"`
}

// ListDueDigests returns the members, of every seller, whose digest hour has come in their time
// zone at now and whose digest of that local date was not yet considered (digestDue). The notify
// scheduler calls it every minute, then QueueDigest for each.
//
// The members' zones are read here, in Go, and not in SQL with AT TIME ZONE: PostgreSQL's zone
// list is not Go's, and a name it does not know fails the whole query, so one member's zone
// would stop every seller's digests; zone.Load reads that name as China, as QueueDigest does.
// The query therefore returns every member with a digest turned on (one short row each, once a
// minute) and digestDue, the rule QueueDigest checks again under the row lock, picks the due.
func (s *Store) ListDueDigests(ctx context.Context, now time.Time) ([]DueDigest, error) {
	var prefs []NotificationPrefs
	if err := s.db.SelectContext(ctx, &prefs, `
		SELECT seller_id, user_id, digest_hour, timezone, last_digest_on FROM notification_prefs
		WHERE digest_enabled ORDER BY seller_id, user_id`); err != nil {
		return nil, fmt.Errorf("list due digests: %w", err)
	}
	var out []DueDigest
	for _, p := range prefs {
		if _, _, due := digestDue(p, now); due {
			out = append(out, DueDigest{SellerID: p.SellerID, UserID: p.UserID})
		}
	}
	return out, nil
}

// digestDue reports whether the member's digest is due at now: its hour has come in the
// member's zone (zone.Load) and the digest of that local date was not yet considered. It returns
// now in that zone, and its date as midnight UTC, the way last_digest_on holds it.
func digestDue(p NotificationPrefs, now time.Time) (local, today time.Time, due bool) {
	local = now.In(zone.Load(p.Timezone))
	today = time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, time.UTC)
	return local, today, local.Hour() >= p.DigestHour && (p.LastDigestOn == nil || p.LastDigestOn.Before(today))
}

// QueueDigest builds the member's digest as of now and puts it in the outbox when it has anything
// to say, marking the local date given either way — in one transaction that holds the member's
// preferences row, so that replicas doing the same at once give one digest. It reports whether
// a digest was queued.
func (s *Store) QueueDigest(ctx context.Context, seller SellerID, user int64, now time.Time) (bool, error) {
	key, err := s.notifyKey(ctx)
	if err != nil {
		return false, fmt.Errorf("queue digest: %w", err)
	}
	queued := false
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		var p NotificationPrefs
		err := tx.GetContext(ctx, &p, `SELECT `+prefsColumns+` FROM notification_prefs
			WHERE seller_id = $1 AND user_id = $2 AND digest_enabled FOR UPDATE`, seller, user)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // turned off meanwhile
		}
		if err != nil {
			return err
		}
		local, today, due := digestDue(p, now)
		if !due {
			return nil // not due (another replica was first)
		}
		since := now.Add(-24 * time.Hour)
		if p.LastDigestAt != nil && p.LastDigestAt.After(since.Add(-6*24*time.Hour)) {
			since = *p.LastDigestAt
		}
		u, err := findUserTx(ctx, tx, seller, user)
		if err != nil {
			return err
		}
		d, err := buildDigest(ctx, tx, seller, user, since, now)
		if err != nil {
			return err
		}
		d.Member, d.Timezone = u.DisplayName(), p.Timezone
		if !d.Empty() {
			shop, _, err := buyerMailSettings(ctx, tx, seller)
			if err != nil {
				return err
			}
			if _, queued, err = enqueue(ctx, tx, seller, newOutbox{
				key: fmt.Sprintf("digest:%d:%s", user, today.Format("2006-01-02")), channel: ChannelEmail, purpose: PurposeDigest,
				recipient: u.Email, subject: fmt.Sprintf("%s: your daily digest for %s", shop, local.Format("Mon 2 Jan")),
				body: mustJSON(EmailContent{Kind: PurposeDigest, FromName: shop, Digest: &d,
					UnsubscribeToken: unsubscribeToken(key, seller, user)}),
			}, now); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE notification_prefs SET last_digest_on = $3, last_digest_at = $4
			WHERE seller_id = $1 AND user_id = $2`, seller, user, today, now)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("queue digest: %w", err)
	}
	return queued, nil
}

func findUserTx(ctx context.Context, q sqlx.QueryerContext, seller SellerID, id int64) (User, error) {
	var u User
	err := sqlx.GetContext(ctx, q, &u, `SELECT seller_id, id, email, name, role, created_at, last_login_at
		FROM users WHERE seller_id = $1 AND id = $2`, seller, id)
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	}
	return u, err
}

// buildDigest gathers a member's digest for the window [since, now).
func buildDigest(ctx context.Context, q sqlx.QueryerContext, seller SellerID, user int64, since, now time.Time) (Digest, error) {
	d := Digest{Since: since, Until: now, New: []KindCount{}, Assigned: []DigestException{}, DueSoon: []DigestDispute{}, Recovered: []Money{}}
	if err := sqlx.SelectContext(ctx, q, &d.New, `SELECT kind, count(*) AS n FROM exceptions
		WHERE seller_id = $1 AND opened_at >= $2 AND opened_at < $3 GROUP BY kind ORDER BY count(*) DESC, kind`,
		seller, since, now); err != nil {
		return d, err
	}
	if err := sqlx.GetContext(ctx, q, &d.AssignedTotal, `SELECT count(*) FROM exceptions
		WHERE seller_id = $1 AND assignee_id = $2 AND state <> 'resolved'`, seller, user); err != nil {
		return d, err
	}
	if d.AssignedTotal > 0 {
		if err := sqlx.SelectContext(ctx, q, &d.Assigned, `SELECT e.id, e.kind, s.order_ref, e.stage FROM exceptions e
			JOIN shipments s ON s.seller_id = e.seller_id AND s.id = e.shipment_id
			WHERE e.seller_id = $1 AND e.assignee_id = $2 AND e.state <> 'resolved'
			ORDER BY e.severity DESC, e.id DESC LIMIT $3`, seller, user, digestListLimit); err != nil {
			return d, err
		}
	}
	if err := sqlx.SelectContext(ctx, q, &d.DueSoon, `SELECT d.id, d.counterparty, s.order_ref, d.respond_by FROM disputes d
		JOIN exceptions e ON e.seller_id = d.seller_id AND e.id = d.exception_id
		JOIN shipments s ON s.seller_id = e.seller_id AND s.id = e.shipment_id
		WHERE d.seller_id = $1 AND d.status IN `+filedStatusesSQL+` AND d.respond_by <= $2::timestamptz + interval '48 hours'
		ORDER BY d.respond_by, d.id LIMIT $3`, seller, now, digestListLimit); err != nil {
		return d, err
	}
	if err := sqlx.SelectContext(ctx, q, &d.Recovered, `SELECT currency, sum(amount_recovered)::text AS amount FROM disputes
		WHERE seller_id = $1 AND status IN ('won', 'settled') AND status_at >= $2 AND status_at < $3 AND amount_recovered > 0
		GROUP BY currency ORDER BY currency`, seller, since, now); err != nil {
		return d, err
	}
	return d, nil
}

// writeAlerts queues an immediate alert to every member of the seller who wants one for a kind of
// the exceptions that match where (on exceptions e; $1 the seller, $2 now): one e-mail per member
// listing them. Its key is the first of those exceptions, so the same exceptions never alert a
// member twice.
func writeAlerts(ctx context.Context, tx *sqlx.Tx, s *Store, seller SellerID, where string, now time.Time) error {
	var members []NotificationPrefs
	if err := tx.SelectContext(ctx, &members, `SELECT `+prefsColumns+` FROM notification_prefs
		WHERE seller_id = $1 AND alert_kinds <> '{}' ORDER BY user_id`, seller); err != nil {
		return err
	}
	if len(members) == 0 {
		return nil
	}
	var raised []DigestException
	if err := tx.SelectContext(ctx, &raised, `SELECT e.id, e.kind, s.order_ref, e.stage FROM exceptions e
		JOIN shipments s ON s.seller_id = e.seller_id AND s.id = e.shipment_id
		WHERE e.seller_id = $1 AND `+where+` ORDER BY e.severity DESC, e.id`, seller, now); err != nil {
		return err
	}
	if len(raised) == 0 {
		return nil
	}
	key, err := s.notifyKey(ctx)
	if err != nil {
		return err
	}
	shop, _, err := buyerMailSettings(ctx, tx, seller)
	if err != nil {
		return err
	}
	for _, p := range members {
		var mine []DigestException
		first := int64(0)
		for _, e := range raised {
			if p.Alerts(e.Kind) {
				mine = append(mine, e)
				if first == 0 || e.ID < first {
					first = e.ID
				}
			}
		}
		if len(mine) == 0 {
			continue
		}
		u, err := findUserTx(ctx, tx, seller, p.UserID)
		if err != nil {
			return err
		}
		a := Alert{Exceptions: mine[:min(len(mine), digestListLimit)], Total: len(mine)}
		subject := fmt.Sprintf("%s: new %s exception on order %s", shop, strings.ToLower(mine[0].Kind.Label()), mine[0].OrderRef)
		if len(mine) > 1 {
			subject = fmt.Sprintf("%s: %d new exceptions", shop, len(mine))
		}
		if _, _, err := enqueue(ctx, tx, seller, newOutbox{
			key: fmt.Sprintf("alert:%d:%d", p.UserID, first), channel: ChannelEmail, purpose: PurposeAlert, recipient: u.Email,
			subject: subject, body: mustJSON(EmailContent{Kind: PurposeAlert, FromName: shop, Alert: &a,
				UnsubscribeToken: unsubscribeToken(key, seller, p.UserID)}),
		}, now); err != nil {
			return err
		}
	}
	return nil
}
