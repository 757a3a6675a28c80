package domain

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"
	"golang.org/x/crypto/bcrypt"
)

// SellerID identifies a seller account (a shop). It comes only from the authenticated session,
// never from a form or URL value, and every method on seller data takes it right after ctx.
type SellerID int64

// Role is what a team member may do. Owners manage the team; agents work the queue.
type Role string

// The roles of a team member.
const (
	RoleOwner Role = "owner"
	RoleAgent Role = "agent"
)

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r == RoleOwner || r == RoleAgent }

// Password rules. bcrypt reads at most 72 bytes, so longer passwords are refused rather than
// silently truncated.
const (
	MinPasswordLen = 10
	MaxPasswordLen = 72
)

// InvitationTTL is how long an invitation link stays valid.
const InvitationTTL = 7 * 24 * time.Hour

// Seller is a shop: the tenant every business record belongs to.
type Seller struct {
	ID        SellerID  `db:"id"`
	ShopName  string    `db:"shop_name"`
	Timezone  string    `db:"timezone"`
	CreatedAt time.Time `db:"created_at"`
}

// User is a team member of a seller.
type User struct {
	SellerID    SellerID   `db:"seller_id"`
	ID          int64      `db:"id"`
	Email       string     `db:"email"`
	Name        string     `db:"name"`
	Role        Role       `db:"role"`
	CreatedAt   time.Time  `db:"created_at"`
	LastLoginAt *time.Time `db:"last_login_at"`
}

// DisplayName is the name if set, else the email.
func (u User) DisplayName() string {
	if u.Name != "" {
		return u.Name
	}
	return u.Email
}

// Signup is the input of CreateSeller.
type Signup struct {
	ShopName string
	Name     string
	Email    string
	Password string
}

// normEmail lower-cases and trims an email so that sign-in is case-insensitive.
func normEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// checkEmail validates an address, writing a message into fields when it is bad.
func checkEmail(fields map[string]string, email string) {
	if a, err := mail.ParseAddress(email); err != nil || a.Address != email || !strings.Contains(email, "@") {
		fields["email"] = "Enter an email address such as you@shop.com."
	}
}

// checkPassword validates a new password, writing a message into fields when it is bad.
func checkPassword(fields map[string]string, password string) {
	switch {
	case utf8.RuneCountInString(password) < MinPasswordLen:
		fields["password"] = fmt.Sprintf("Use at least %d characters.", MinPasswordLen)
	case len(password) > MaxPasswordLen:
		fields["password"] = fmt.Sprintf("Use at most %d bytes.", MaxPasswordLen)
	}
}

// CreateSeller creates a shop and its owner in one transaction. It returns a *ValidationError
// for a missing shop name, a bad email or password, or an email that already has an account.
func (s *Store) CreateSeller(ctx context.Context, in Signup) (Seller, User, error) {
	in.ShopName = strings.TrimSpace(in.ShopName)
	in.Name = strings.TrimSpace(in.Name)
	in.Email = normEmail(in.Email)
	fields := map[string]string{}
	if in.ShopName == "" || utf8.RuneCountInString(in.ShopName) > 120 {
		fields["shop_name"] = "Enter your shop's name (at most 120 characters)."
	}
	checkEmail(fields, in.Email)
	checkPassword(fields, in.Password)
	if len(fields) > 0 {
		return Seller{}, User{}, &ValidationError{Fields: fields}
	}
	hash, err := s.hashPassword(in.Password)
	if err != nil {
		return Seller{}, User{}, err
	}
	var seller Seller
	var user User
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := tx.GetContext(ctx, &seller,
			`INSERT INTO sellers (shop_name) VALUES ($1) RETURNING id, shop_name, timezone, created_at`,
			in.ShopName); err != nil {
			return err
		}
		if err := insertDefaultUntrackedServices(ctx, tx, seller.ID); err != nil {
			return err
		}
		var err error
		user, err = insertUser(ctx, tx, seller.ID, in.Email, in.Name, hash, RoleOwner)
		return err
	})
	if err != nil {
		return Seller{}, User{}, fmt.Errorf("create seller: %w", err)
	}
	return seller, user, nil
}

// errEmailTaken is the message for an email that already has an account.
var errEmailTaken = Invalid("email", "An account with this email already exists. Sign in instead.")

// insertUser adds a team member; an email in use becomes errEmailTaken.
func insertUser(ctx context.Context, q sqlx.QueryerContext, seller SellerID, email, name, hash string, role Role) (User, error) {
	var u User
	err := sqlx.GetContext(ctx, q, &u, `
		INSERT INTO users (seller_id, email, name, password_hash, role)
		VALUES ($1, $2, $3, $4, $5)
		RETURNING seller_id, id, email, name, role, created_at, last_login_at`,
		seller, email, name, hash, role)
	if isUniqueViolation(err, "users_email_key") {
		return User{}, errEmailTaken
	}
	return u, err
}

// dummyHash is compared against when an email has no account, so that a wrong email and a wrong
// password take the same time and sign-in does not reveal which emails exist. It is a bcrypt hash
// at cost 12 written out: generating it when the package loaded cost every portal command a
// bcrypt hash's CPU before it started.
var dummyHash = []byte("$2a$12$3rq5bvPZ3Ao0WqT6GpzeG.u2.HA2hHjL604Gyn4ZeUzvKD0yx9lI6")

// Authenticate checks an email and password and records the sign-in time. It returns
// ErrUnauthorized when either is wrong, without saying which.
func (s *Store) Authenticate(ctx context.Context, email, password string) (User, error) {
	var row struct {
		User
		PasswordHash string `db:"password_hash"`
	}
	err := s.db.GetContext(ctx, &row, `
		SELECT seller_id, id, email, name, role, created_at, last_login_at, password_hash
		FROM users WHERE email = $1`, normEmail(email))
	if errors.Is(err, sql.ErrNoRows) {
		_ = bcrypt.CompareHashAndPassword(dummyHash, []byte(password))
		return User{}, ErrUnauthorized
	}
	if err != nil {
		return User{}, fmt.Errorf("authenticate: %w", err)
	}
	if bcrypt.CompareHashAndPassword([]byte(row.PasswordHash), []byte(password)) != nil {
		return User{}, ErrUnauthorized
	}
	if _, err := s.db.ExecContext(ctx,
		`UPDATE users SET last_login_at = now() WHERE seller_id = $1 AND id = $2`, row.SellerID, row.ID); err != nil {
		return User{}, fmt.Errorf("authenticate: %w", err)
	}
	return row.User, nil
}

// FindSeller returns the seller, or ErrNotFound.
func (s *Store) FindSeller(ctx context.Context, seller SellerID) (Seller, error) {
	var out Seller
	err := s.db.GetContext(ctx, &out,
		`SELECT id, shop_name, timezone, created_at FROM sellers WHERE id = $1`, seller)
	if errors.Is(err, sql.ErrNoRows) {
		return Seller{}, ErrNotFound
	}
	if err != nil {
		return Seller{}, fmt.Errorf("find seller: %w", err)
	}
	return out, nil
}

// FindUser returns a team member of the seller, or ErrNotFound (also for another seller's user).
func (s *Store) FindUser(ctx context.Context, seller SellerID, id int64) (User, error) {
	var u User
	err := s.db.GetContext(ctx, &u, `
		SELECT seller_id, id, email, name, role, created_at, last_login_at
		FROM users WHERE seller_id = $1 AND id = $2`, seller, id)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, ErrNotFound
	}
	if err != nil {
		return User{}, fmt.Errorf("find user: %w", err)
	}
	return u, nil
}

// teamSQL lists the team of the seller (the placeholder given), owners first, then by name: the
// query of ListUsers and of the queue page's extras (queueExtrasSQL).
func teamSQL(seller string) string {
	return `SELECT seller_id, id, email, name, role, created_at, last_login_at
		FROM users WHERE seller_id = ` + seller + `
		ORDER BY role = 'owner' DESC, lower(coalesce(nullif(name, ''), email)), id`
}

// ListUsers returns the seller's team, owners first, then by name.
func (s *Store) ListUsers(ctx context.Context, seller SellerID) ([]User, error) {
	var out []User
	err := s.hot.SelectContext(ctx, &out, teamSQL("$1"), seller)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	return out, nil
}

// RemoveUser removes a team member and ends their sessions. Only an owner may do it, nobody may
// remove themselves, and the last owner stays. It returns ErrNotFound for a user of another
// seller, ErrUnauthorized when actor is not an owner, and a *ValidationError otherwise.
func (s *Store) RemoveUser(ctx context.Context, seller SellerID, actor User, id int64) error {
	if actor.SellerID != seller || actor.Role != RoleOwner {
		return ErrUnauthorized
	}
	if actor.ID == id {
		return Invalid("", "You cannot remove yourself from the team.")
	}
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var role Role
		// Lock the team's owners so two owners removing each other at once cannot leave none.
		if _, err := tx.ExecContext(ctx,
			`SELECT 1 FROM users WHERE seller_id = $1 AND role = 'owner' FOR UPDATE`, seller); err != nil {
			return err
		}
		err := tx.GetContext(ctx, &role, `DELETE FROM users WHERE seller_id = $1 AND id = $2 RETURNING role`, seller, id)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		s.queueChanged(tx, seller) // their exceptions are nobody's now (ON DELETE SET NULL)
		var owners int
		if err := tx.GetContext(ctx, &owners, `SELECT count(*) FROM users WHERE seller_id = $1 AND role = 'owner'`, seller); err != nil {
			return err
		}
		if owners == 0 {
			return Invalid("", "A shop needs at least one owner.")
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("remove user: %w", err)
	}
	return nil
}

// FindUserByEmail returns the team member with that email, or ErrNotFound. It is for the command
// line, where an operator names a seller by its owner's email.
func (s *Store) FindUserByEmail(ctx context.Context, email string) (User, error) {
	var u User
	err := s.db.GetContext(ctx, &u, `
		SELECT seller_id, id, email, name, role, created_at, last_login_at FROM users WHERE email = $1`, normEmail(email))
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, ErrNotFound
	}
	if err != nil {
		return User{}, fmt.Errorf("find user by email: %w", err)
	}
	return u, nil
}
