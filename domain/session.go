package domain

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// SessionLimits bound how long a login lasts: Idle since the last request, Absolute since sign-in.
type SessionLimits struct {
	Idle     time.Duration
	Absolute time.Duration
}

// SessionRecord is the server-side half of a browser session: the encoded session values and, once
// signed in, whose session it is.
type SessionRecord struct {
	Data       []byte
	CreatedAt  time.Time
	LastSeenAt time.Time
	// Member is the team member the session belongs to, nil before sign-in.
	Member *Member
}

// Member is a signed-in team member with their seller: who a request acts as, and for whom.
type Member struct {
	User   User
	Seller Seller
}

// NewSessionToken returns a fresh random session token for a cookie.
func NewSessionToken() string { return newToken() }

// FindSession returns the live session a token stands for with its member (the session's user and
// seller, read in the same query: every signed-in request starts here), or ErrNotFound when it is
// unknown, ended, idle past lim.Idle or older than lim.Absolute. Most requests only read: the
// last-seen time is written at most once a minute, so a busy page does not write (and lock the
// session row) on every request.
func (s *Store) FindSession(ctx context.Context, token string, lim SessionLimits) (SessionRecord, error) {
	var r struct {
		Data       []byte    `db:"data"`
		CreatedAt  time.Time `db:"created_at"`
		LastSeenAt time.Time `db:"last_seen_at"`
		// The member's user and seller, NULL before sign-in. A session's user is its seller's
		// (a composite foreign key), and removing the user deletes the session.
		SellerID      sql.Null[SellerID]  `db:"seller_id"`
		UserID        sql.Null[int64]     `db:"user_id"`
		Email         sql.Null[string]    `db:"email"`
		Name          sql.Null[string]    `db:"name"`
		Role          sql.Null[Role]      `db:"role"`
		UserCreatedAt sql.Null[time.Time] `db:"user_created_at"`
		LastLoginAt   *time.Time          `db:"last_login_at"`
		ShopName      sql.Null[string]    `db:"shop_name"`
		Timezone      sql.Null[string]    `db:"timezone"`
		SellerCreated sql.Null[time.Time] `db:"seller_created_at"`
	}
	hash := hashToken(token)
	err := s.hot.GetContext(ctx, &r, `
		SELECT s.data, s.created_at, s.last_seen_at,
		       u.seller_id, u.id AS user_id, u.email, u.name, u.role, u.created_at AS user_created_at, u.last_login_at,
		       se.shop_name, se.timezone, se.created_at AS seller_created_at
		FROM sessions s
		LEFT JOIN users u ON u.seller_id = s.seller_id AND u.id = s.user_id
		LEFT JOIN sellers se ON se.id = u.seller_id
		WHERE s.token_hash = $1
		  AND s.last_seen_at > now() - $2 * interval '1 second'
		  AND s.created_at > now() - $3 * interval '1 second'`,
		hash, lim.Idle.Seconds(), lim.Absolute.Seconds())
	if errors.Is(err, sql.ErrNoRows) {
		return SessionRecord{}, ErrNotFound
	}
	if err != nil {
		return SessionRecord{}, fmt.Errorf("find session: %w", err)
	}
	rec := SessionRecord{Data: r.Data, CreatedAt: r.CreatedAt, LastSeenAt: r.LastSeenAt}
	if r.UserID.Valid && r.SellerCreated.Valid {
		rec.Member = &Member{
			User: User{SellerID: r.SellerID.V, ID: r.UserID.V, Email: r.Email.V, Name: r.Name.V, Role: r.Role.V,
				CreatedAt: r.UserCreatedAt.V, LastLoginAt: r.LastLoginAt},
			Seller: Seller{ID: r.SellerID.V, ShopName: r.ShopName.V, Timezone: r.Timezone.V, CreatedAt: r.SellerCreated.V},
		}
	}
	if time.Since(rec.LastSeenAt) > time.Minute {
		if _, err := s.db.ExecContext(ctx, `UPDATE sessions SET last_seen_at = now()
			WHERE token_hash = $1 AND last_seen_at < now() - interval '1 minute'`, hash); err != nil {
			return SessionRecord{}, fmt.Errorf("find session: %w", err)
		}
	}
	return rec, nil
}

// CreateSession stores a new session for a freshly generated token. A session's owner is fixed
// when it is created: signing in always starts a new token, so a token seen before sign-in (a
// fixation attempt) never becomes a signed-in session.
func (s *Store) CreateSession(ctx context.Context, token string, seller *SellerID, user *int64, data []byte) error {
	if _, err := s.db.ExecContext(ctx, `INSERT INTO sessions (token_hash, seller_id, user_id, data) VALUES ($1, $2, $3, $4)`,
		hashToken(token), seller, user, data); err != nil {
		return fmt.Errorf("create session: %w", err)
	}
	return nil
}

// UpdateSession saves the values of an existing session. It returns ErrNotFound when the session
// has ended meanwhile (signed out elsewhere, removed from the team): a request that loaded it
// before the logout must not bring it back.
func (s *Store) UpdateSession(ctx context.Context, token string, data []byte) error {
	res, err := s.db.ExecContext(ctx, `UPDATE sessions SET data = $2, last_seen_at = now() WHERE token_hash = $1`,
		hashToken(token), data)
	if err != nil {
		return fmt.Errorf("update session: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// DeleteSession ends the session a token stands for. Ending an unknown session is not an error.
func (s *Store) DeleteSession(ctx context.Context, token string) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, hashToken(token)); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// CountSessions returns how many live sessions a team member has.
func (s *Store) CountSessions(ctx context.Context, seller SellerID, user int64, lim SessionLimits) (int, error) {
	var n int
	err := s.db.GetContext(ctx, &n, `
		SELECT count(*) FROM sessions
		WHERE seller_id = $1 AND user_id = $2
		  AND last_seen_at > now() - $3 * interval '1 second'
		  AND created_at > now() - $4 * interval '1 second'`,
		seller, user, lim.Idle.Seconds(), lim.Absolute.Seconds())
	if err != nil {
		return 0, fmt.Errorf("count sessions: %w", err)
	}
	return n, nil
}

// DeleteExpiredSessions removes sessions past their limits and old login failures; it is the
// housekeeping part of the periodic work.
func (s *Store) DeleteExpiredSessions(ctx context.Context, lim SessionLimits) (int64, error) {
	res, err := s.db.ExecContext(ctx, `
		DELETE FROM sessions
		WHERE last_seen_at < now() - $1 * interval '1 second' OR created_at < now() - $2 * interval '1 second'`,
		lim.Idle.Seconds(), lim.Absolute.Seconds())
	if err != nil {
		return 0, fmt.Errorf("delete expired sessions: %w", err)
	}
	n, _ := res.RowsAffected()
	if _, err := s.db.ExecContext(ctx,
		`DELETE FROM login_failures WHERE failed_at < now() - $1 * interval '1 second'`, LoginWindow.Seconds()); err != nil {
		return n, fmt.Errorf("delete old login failures: %w", err)
	}
	return n, nil
}
