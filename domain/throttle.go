package domain

import (
	"context"
	"fmt"
	"time"
)

// Sign-in throttling: within LoginWindow, an account accepts LoginLimitPerAccount wrong
// passwords and a client address LoginLimitPerAddress (higher, because an office shares one
// address); the next attempt is refused until the oldest counted failure leaves the window.
const (
	LoginWindow          = 15 * time.Minute
	LoginLimitPerAccount = 5
	LoginLimitPerAddress = 20
)

// LoginKeys names the two counters a sign-in attempt is charged to.
func LoginKeys(email, addr string) (account, address string) {
	return "email:" + normEmail(email), "addr:" + addr
}

// LoginRetryAfter returns how long a sign-in for this account from this address must wait, or 0
// when it may go ahead.
func (s *Store) LoginRetryAfter(ctx context.Context, email, addr string) (time.Duration, error) {
	account, address := LoginKeys(email, addr)
	var wait time.Duration
	for _, k := range []struct {
		key   string
		limit int
	}{{account, LoginLimitPerAccount}, {address, LoginLimitPerAddress}} {
		// The limit-th most recent failure inside the window: while it is there, the key is full.
		var secs []float64
		err := s.db.SelectContext(ctx, &secs, `
			SELECT extract(epoch FROM failed_at + $2 * interval '1 second' - now())
			FROM login_failures
			WHERE key = $1 AND failed_at > now() - $2 * interval '1 second'
			ORDER BY failed_at DESC LIMIT $3`, k.key, LoginWindow.Seconds(), k.limit)
		if err != nil {
			return 0, fmt.Errorf("login throttle: %w", err)
		}
		if len(secs) == k.limit {
			if d := time.Duration(secs[k.limit-1] * float64(time.Second)); d > wait {
				wait = d
			}
		}
	}
	return wait, nil
}

// RecordLoginFailure charges a wrong password to the account and the address.
func (s *Store) RecordLoginFailure(ctx context.Context, email, addr string) error {
	account, address := LoginKeys(email, addr)
	if _, err := s.db.ExecContext(ctx,
		`INSERT INTO login_failures (key) VALUES ($1), ($2)`, account, address); err != nil {
		return fmt.Errorf("record login failure: %w", err)
	}
	return nil
}

// ClearLoginFailures forgets an account's failures after a successful sign-in. The address keeps
// its count: one good password must not unlock guessing at other accounts.
func (s *Store) ClearLoginFailures(ctx context.Context, email string) error {
	account, _ := LoginKeys(email, "")
	if _, err := s.db.ExecContext(ctx, `DELETE FROM login_failures WHERE key = $1`, account); err != nil {
		return fmt.Errorf("clear login failures: %w", err)
	}
	return nil
}
