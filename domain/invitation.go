package domain

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
)

// Invitation is a one-time link an owner sends to bring a person into the team.
type Invitation struct {
	SellerID   SellerID   `db:"seller_id"`
	ID         int64      `db:"id"`
	Email      string     `db:"email"`
	Role       Role       `db:"role"`
	InvitedBy  int64      `db:"invited_by"`
	CreatedAt  time.Time  `db:"created_at"`
	ExpiresAt  time.Time  `db:"expires_at"`
	AcceptedAt *time.Time `db:"accepted_at"`
	RevokedAt  *time.Time `db:"revoked_at"`
}

const invitationColumns = `seller_id, id, email, role, invited_by, created_at, expires_at, accepted_at, revoked_at`

// CreateInvitation records an invitation from an owner and returns it with its one-time token,
// which is shown once and never stored. It returns ErrUnauthorized when actor is not an owner and
// a *ValidationError for a bad email or role, or an email that already has an account.
func (s *Store) CreateInvitation(ctx context.Context, seller SellerID, actor User, email string, role Role) (Invitation, string, error) {
	if actor.SellerID != seller || actor.Role != RoleOwner {
		return Invitation{}, "", ErrUnauthorized
	}
	email = normEmail(email)
	fields := map[string]string{}
	checkEmail(fields, email)
	if !role.Valid() {
		fields["role"] = "Choose owner or agent."
	}
	if len(fields) > 0 {
		return Invitation{}, "", &ValidationError{Fields: fields}
	}
	var taken bool
	if err := s.db.GetContext(ctx, &taken, `SELECT EXISTS (SELECT 1 FROM users WHERE email = $1)`, email); err != nil {
		return Invitation{}, "", fmt.Errorf("create invitation: %w", err)
	}
	if taken {
		return Invitation{}, "", Invalid("email", "This person already has an account.")
	}
	token := newToken()
	var inv Invitation
	err := s.db.GetContext(ctx, &inv, `
		INSERT INTO invitations (seller_id, email, role, token_hash, invited_by, expires_at)
		VALUES ($1, $2, $3, $4, $5, now() + $6 * interval '1 second')
		RETURNING `+invitationColumns,
		seller, email, role, hashToken(token), actor.ID, InvitationTTL.Seconds())
	if err != nil {
		return Invitation{}, "", fmt.Errorf("create invitation: %w", err)
	}
	return inv, token, nil
}

// ListPendingInvitations returns the seller's invitations that can still be accepted, newest first.
func (s *Store) ListPendingInvitations(ctx context.Context, seller SellerID) ([]Invitation, error) {
	var out []Invitation
	err := s.db.SelectContext(ctx, &out, `
		SELECT `+invitationColumns+` FROM invitations
		WHERE seller_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
		ORDER BY created_at DESC, id DESC`, seller)
	if err != nil {
		return nil, fmt.Errorf("list invitations: %w", err)
	}
	return out, nil
}

// RevokeInvitation makes a pending invitation unusable. It returns ErrUnauthorized when actor is
// not an owner and ErrNotFound for an invitation of another seller or one no longer pending.
func (s *Store) RevokeInvitation(ctx context.Context, seller SellerID, actor User, id int64) error {
	if actor.SellerID != seller || actor.Role != RoleOwner {
		return ErrUnauthorized
	}
	res, err := s.db.ExecContext(ctx, `
		UPDATE invitations SET revoked_at = now()
		WHERE seller_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL`, seller, id)
	if err != nil {
		return fmt.Errorf("revoke invitation: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// FindInvitation returns the pending invitation a token stands for and its shop, or ErrNotFound
// when the token is unknown, used, revoked or expired.
func (s *Store) FindInvitation(ctx context.Context, token string) (Invitation, Seller, error) {
	var row struct {
		Invitation
		ShopName string `db:"shop_name"`
	}
	err := s.db.GetContext(ctx, &row, `
		SELECT i.seller_id, i.id, i.email, i.role, i.invited_by, i.created_at, i.expires_at,
		       i.accepted_at, i.revoked_at, s.shop_name
		FROM invitations i JOIN sellers s ON s.id = i.seller_id
		WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()`,
		hashToken(token))
	if errors.Is(err, sql.ErrNoRows) {
		return Invitation{}, Seller{}, ErrNotFound
	}
	if err != nil {
		return Invitation{}, Seller{}, fmt.Errorf("find invitation: %w", err)
	}
	return row.Invitation, Seller{ID: row.SellerID, ShopName: row.ShopName}, nil
}

// AcceptInvitation turns a pending invitation into a team member with the given name and
// password, once: the invitation row is locked, so two clicks on the same link make one account.
// It returns ErrNotFound for an unusable token and a *ValidationError for a bad password.
func (s *Store) AcceptInvitation(ctx context.Context, token, name, password string) (User, error) {
	fields := map[string]string{}
	checkPassword(fields, password)
	if len(fields) > 0 {
		return User{}, &ValidationError{Fields: fields}
	}
	hash, err := s.hashPassword(password)
	if err != nil {
		return User{}, err
	}
	var user User
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		var inv Invitation
		err := tx.GetContext(ctx, &inv, `
			SELECT `+invitationColumns+` FROM invitations
			WHERE token_hash = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
			FOR UPDATE`, hashToken(token))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		user, err = insertUser(ctx, tx, inv.SellerID, inv.Email, strings.TrimSpace(name), hash, inv.Role)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx,
			`UPDATE invitations SET accepted_at = now() WHERE seller_id = $1 AND id = $2`, inv.SellerID, inv.ID)
		return err
	})
	if err != nil {
		return User{}, fmt.Errorf("accept invitation: %w", err)
	}
	return user, nil
}
