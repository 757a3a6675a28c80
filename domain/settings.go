package domain

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
)

// SessionKey returns the key that signs session cookies, creating and keeping it in the database
// on first use, so that a portal started without SESSION_SECRET keeps everyone signed in across
// restarts, and all replicas share it.
func (s *Store) SessionKey(ctx context.Context) ([]byte, error) {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	if _, err := s.db.ExecContext(ctx, `
		INSERT INTO app_settings (key, value) VALUES ('session_key', $1) ON CONFLICT (key) DO NOTHING`,
		hex.EncodeToString(b)); err != nil {
		return nil, fmt.Errorf("session key: %w", err)
	}
	var v string
	if err := s.db.GetContext(ctx, &v, `SELECT value FROM app_settings WHERE key = 'session_key'`); err != nil {
		return nil, fmt.Errorf("session key: %w", err)
	}
	key, err := hex.DecodeString(v)
	if err != nil {
		return nil, fmt.Errorf("session key: %w", err)
	}
	return key, nil
}
