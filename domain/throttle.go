package domain

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
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

// LoginAttempt is a sign-in attempt that BeginLogin let through and counted as a failure before
// its password was checked; LoginSucceeded takes it back when the password was right.
type LoginAttempt struct {
	account, address string
	at               time.Time
}

// BeginLogin decides whether a sign-in for this account from this address may check its
// password, and if so counts it as a failure first, so that the count is never behind the
// attempts being checked: when the password was right, LoginSucceeded takes the failure back.
// Checking first and recording after the slow password hash let every one of 30 parallel guesses
// through, since each found the count still under the limit. Deciding and recording happen in one
// transaction under an advisory lock per counter, so parallel attempts at one account are counted
// one after the other and at most LoginLimitPerAccount of them go ahead within the window. An
// attempt that is refused is not recorded: refusals do not push the end of the wait further out.
//
// It returns how long to wait when the attempt is refused (the attempt is then zero), or 0.
// Callers pass a context that a client hang-up does not cancel: a guesser that hangs up as soon
// as the answer is late must still be counted.
func (s *Store) BeginLogin(ctx context.Context, email, addr string) (LoginAttempt, time.Duration, error) {
	account, address := LoginKeys(email, addr)
	var a LoginAttempt
	var wait time.Duration
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		// Both counters' locks, in a fixed order so that two attempts never wait for each other.
		if _, err := tx.ExecContext(ctx, `
			SELECT pg_advisory_xact_lock(k) FROM (
				SELECT `+loginThrottleLockSQL+` AS k FROM unnest($1::text[]) AS key
				ORDER BY 1) locks`, pq.StringArray{account, address}); err != nil {
			return err
		}
		for _, k := range []struct {
			key   string
			limit int
		}{{account, LoginLimitPerAccount}, {address, LoginLimitPerAddress}} {
			// The limit-th most recent failure inside the window: while it is there, the key is full.
			var secs []float64
			if err := tx.SelectContext(ctx, &secs, `
				SELECT extract(epoch FROM failed_at + $2 * interval '1 second' - clock_timestamp())
				FROM login_failures
				WHERE key = $1 AND failed_at > clock_timestamp() - $2 * interval '1 second'
				ORDER BY failed_at DESC LIMIT $3`, k.key, LoginWindow.Seconds(), k.limit); err != nil {
				return err
			}
			if len(secs) == k.limit {
				if d := time.Duration(secs[k.limit-1] * float64(time.Second)); d > wait {
					wait = d
				}
			}
		}
		if wait > 0 {
			return nil
		}
		a = LoginAttempt{account: account, address: address}
		return tx.GetContext(ctx, &a.at, `
			INSERT INTO login_failures (key, failed_at)
			SELECT key, t.at FROM (SELECT clock_timestamp() AS at) t, unnest($1::text[]) AS key
			RETURNING failed_at`, pq.StringArray{account, address})
	})
	if err != nil {
		return LoginAttempt{}, 0, fmt.Errorf("login throttle: %w", err)
	}
	return a, max(wait, 0), nil
}

// LoginSucceeded takes back the failure BeginLogin counted for an attempt whose password was
// right, and forgets the account's earlier failures. The address keeps its earlier failures: one
// good password must not unlock guessing at other accounts. (Two attempts from one address never
// share a failed_at: BeginLogin records them one after the other, at clock time.)
func (s *Store) LoginSucceeded(ctx context.Context, a LoginAttempt) error {
	if a.account == "" {
		return nil
	}
	if _, err := s.db.ExecContext(ctx, `
		DELETE FROM login_failures WHERE key = $1 OR (key = $2 AND failed_at = $3)`,
		a.account, a.address, a.at); err != nil {
		return fmt.Errorf("clear login failures: %w", err)
	}
	return nil
}
