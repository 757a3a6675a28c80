package domain

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"
)

// APIToken is a named token a shop's tools use to call the JSON API. The token itself is shown
// once, when it is made; only its hash is kept.
type APIToken struct {
	SellerID   SellerID   `db:"seller_id"`
	ID         int64      `db:"id"`
	Name       string     `db:"name"`
	Prefix     string     `db:"prefix"`
	CreatedBy  *int64     `db:"created_by"`
	CreatedAt  time.Time  `db:"created_at"`
	LastUsedAt *time.Time `db:"last_used_at"`
}

// MaxAPITokens is how many live (not revoked) tokens a shop may hold: enough for every tool, few
// enough that a forgotten script making tokens in a loop stops.
const MaxAPITokens = 50

// apiTokenPrefix starts every token, so that a leaked one is recognisable (secret scanners,
// logs) and a session cookie or other value sent by mistake is refused without a lookup.
const apiTokenPrefix = "pd_"

const apiTokenColumns = `seller_id, id, name, prefix, created_by, created_at, last_used_at` // #nosec G101 -- column names, not a credential

// CreateAPIToken makes a token for the seller and returns it with the token itself, which is
// never stored and cannot be shown again. Only an owner may do it: it returns ErrUnauthorized
// for an agent, and a *ValidationError for a missing or long name or when the shop already holds
// MaxAPITokens live tokens.
func (s *Store) CreateAPIToken(ctx context.Context, seller SellerID, actor User, name string) (APIToken, string, error) {
	if actor.SellerID != seller || actor.Role != RoleOwner {
		return APIToken{}, "", ErrUnauthorized
	}
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return APIToken{}, "", Invalid("name", "Give the token a name, such as the tool that will use it.")
	case utf8.RuneCountInString(name) > 80:
		return APIToken{}, "", Invalid("name", "Keep the name under 80 characters.")
	}
	token := apiTokenPrefix + newToken()
	var out APIToken
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		// Two owners creating tokens at once must not pass the limit together.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(`+apiTokensLockSQL+`)`, seller); err != nil {
			return err
		}
		var live int
		if err := tx.GetContext(ctx, &live, `SELECT count(*) FROM api_tokens WHERE seller_id = $1 AND revoked_at IS NULL`, seller); err != nil {
			return err
		}
		if live >= MaxAPITokens {
			return Invalid("name", fmt.Sprintf("The shop has %d tokens, the most it may hold. Revoke one it no longer uses first.", live))
		}
		return tx.GetContext(ctx, &out, `
			INSERT INTO api_tokens (seller_id, name, prefix, token_hash, created_by)
			VALUES ($1, $2, $3, $4, $5) RETURNING `+apiTokenColumns,
			seller, name, token[:len(apiTokenPrefix)+6], hashToken(token), actor.ID)
	})
	if err != nil {
		var verr *ValidationError
		if errors.As(err, &verr) {
			return APIToken{}, "", err
		}
		return APIToken{}, "", fmt.Errorf("create api token: %w", err)
	}
	return out, token, nil
}

// ListAPITokens returns the seller's live tokens, newest first.
func (s *Store) ListAPITokens(ctx context.Context, seller SellerID) ([]APIToken, error) {
	var out []APIToken
	err := s.db.SelectContext(ctx, &out, `SELECT `+apiTokenColumns+` FROM api_tokens
		WHERE seller_id = $1 AND revoked_at IS NULL ORDER BY id DESC`, seller)
	if err != nil {
		return nil, fmt.Errorf("list api tokens: %w", err)
	}
	return out, nil
}

// RevokeAPIToken revokes a token at once: the next request with it is refused. It returns
// ErrUnauthorized when actor is not an owner and ErrNotFound for another seller's token or one
// already revoked.
func (s *Store) RevokeAPIToken(ctx context.Context, seller SellerID, actor User, id int64) error {
	if actor.SellerID != seller || actor.Role != RoleOwner {
		return ErrUnauthorized
	}
	res, err := s.db.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = now()
		WHERE seller_id = $1 AND id = $2 AND revoked_at IS NULL`, seller, id)
	if err != nil {
		return fmt.Errorf("revoke api token: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// RateLimit is how often one token may call the API: on average one request per Every, with
// bursts of up to Burst requests at once.
type RateLimit struct {
	Every time.Duration
	Burst int
}

// DefaultRateLimit lets a tool send 10 requests a second, 50 at once: far more than a tracker's
// pushes need (and a batch carries up to 10,000 events); it is meant to keep a runaway loop from
// taking the shop's share of the desk, which no test measures.
var DefaultRateLimit = RateLimit{Every: 100 * time.Millisecond, Burst: 50}

// APIAuth is who an API request acts for.
type APIAuth struct {
	Seller  SellerID
	TokenID int64
	// User is the owner who made the token (nil once they left the team).
	User *int64
}

// ErrRateLimited is AuthenticateAPIToken's answer to a request over its token's limit; RetryAfter
// says when the next one will pass.
type ErrRateLimited struct{ RetryAfter time.Duration }

func (e *ErrRateLimited) Error() string {
	return fmt.Sprintf("rate limited: retry after %s", e.RetryAfter)
}

// AuthenticateAPIToken finds the live token and counts the request against its rate limit, in
// one statement (so one round trip per request, and the same count on every replica). The limit
// is GCRA: the token's theoretical arrival time tat moves on by Every per request, and a request
// passes while tat - now stays within Every*(Burst-1). It returns ErrUnauthorized for an unknown
// or revoked token and *ErrRateLimited for a request over the limit, which does not move tat, so
// a client that waits as told gets through.
func (s *Store) AuthenticateAPIToken(ctx context.Context, token string, limit RateLimit) (APIAuth, error) {
	if !strings.HasPrefix(token, apiTokenPrefix) || len(token) > 100 {
		return APIAuth{}, ErrUnauthorized
	}
	if limit.Every <= 0 {
		limit = DefaultRateLimit
	}
	if limit.Burst < 1 {
		limit.Burst = 1
	}
	every := limit.Every.Seconds()
	tolerance := every * float64(limit.Burst-1)
	var row struct {
		Seller  SellerID `db:"seller_id"`
		TokenID int64    `db:"id"`
		User    *int64   `db:"created_by"`
		Allowed bool     `db:"allowed"`
		Wait    float64  `db:"wait"`
	}
	// t: the token and its next tat if this request passes. The UPDATE writes it only then; it
	// always notes the use (a refused request was still made with the token).
	err := s.db.GetContext(ctx, &row, `
		WITH t AS (
			SELECT seller_id, id, greatest(rate_tat, now()) + $2 * interval '1 second' AS next
			FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL
			FOR UPDATE
		)
		UPDATE api_tokens a SET
			rate_tat = CASE WHEN t.next - now() <= $3 * interval '1 second' + $2 * interval '1 second' THEN t.next ELSE a.rate_tat END,
			last_used_at = now()
		FROM t WHERE a.seller_id = t.seller_id AND a.id = t.id
		RETURNING a.seller_id, a.id, a.created_by,
			t.next - now() <= ($3 + $2) * interval '1 second' AS allowed,
			greatest(extract(epoch FROM t.next - now()) - $3 - $2, 0)::float8 AS wait`,
		hashToken(token), every, tolerance)
	if errors.Is(err, sql.ErrNoRows) {
		return APIAuth{}, ErrUnauthorized
	}
	if err != nil {
		return APIAuth{}, fmt.Errorf("authenticate api token: %w", err)
	}
	if !row.Allowed {
		return APIAuth{}, &ErrRateLimited{RetryAfter: time.Duration(row.Wait * float64(time.Second))}
	}
	return APIAuth{Seller: row.Seller, TokenID: row.TokenID, User: row.User}, nil
}
