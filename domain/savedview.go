package domain

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// SavedView is a member's named filter of the review queue: Query is the queue's query string
// ("country=DE&stage=import_customs").
type SavedView struct {
	ID    int64  `db:"id"`
	Name  string `db:"name"`
	Query string `db:"query"`
}

// MaxSavedViews is how many views one member may keep.
const MaxSavedViews = 20

// savedViewsSQL lists the views of a member (seller and user: the placeholders given), by name:
// the query of ListSavedViews and of the queue page's extras (queueExtrasSQL).
func savedViewsSQL(seller, user string) string {
	return `SELECT id, name, query FROM saved_views
		WHERE seller_id = ` + seller + ` AND user_id = ` + user + ` ORDER BY lower(name), id`
}

// ListSavedViews returns the member's saved views, by name.
func (s *Store) ListSavedViews(ctx context.Context, seller SellerID, user int64) ([]SavedView, error) {
	var out []SavedView
	if err := s.hot.SelectContext(ctx, &out, savedViewsSQL("$1", "$2"), seller, user); err != nil {
		return nil, fmt.Errorf("list saved views: %w", err)
	}
	return out, nil
}

// SaveView saves the queue's filter query under a name for the member; saving a name again
// replaces its filter. It returns a *ValidationError for an empty or long name, a long query, or
// one view too many, and ErrUnauthorized for an actor of another seller.
func (s *Store) SaveView(ctx context.Context, seller SellerID, actor User, name, query string, now time.Time) (SavedView, error) {
	if actor.SellerID != seller {
		return SavedView{}, ErrUnauthorized
	}
	name = strings.Join(strings.Fields(name), " ")
	switch {
	case name == "":
		return SavedView{}, Invalid("name", "Name the view")
	case utf8.RuneCountInString(name) > 40:
		return SavedView{}, Invalid("name", "Keep the name under 40 characters")
	case len(query) > 1000:
		return SavedView{}, Invalid("query", "That filter is too long to save")
	}
	var v SavedView
	err := s.db.GetContext(ctx, &v, `
		INSERT INTO saved_views (seller_id, user_id, name, query, created_at)
		SELECT $1, $2, $3, $4, $5
		WHERE (SELECT count(*) FROM saved_views WHERE seller_id = $1 AND user_id = $2 AND name <> $3) < $6
		ON CONFLICT (seller_id, user_id, name) DO UPDATE SET query = excluded.query
		RETURNING id, name, query`, seller, actor.ID, name, query, now, MaxSavedViews)
	if errors.Is(err, sql.ErrNoRows) {
		return SavedView{}, Invalid("name", fmt.Sprintf("You have %d views already; delete one first", MaxSavedViews))
	}
	if err != nil {
		return SavedView{}, fmt.Errorf("save view: %w", err)
	}
	return v, nil
}

// DeleteView deletes one of the member's saved views. It returns ErrNotFound for a view that does
// not exist or is another member's or seller's.
func (s *Store) DeleteView(ctx context.Context, seller SellerID, actor User, id int64) error {
	if actor.SellerID != seller {
		return ErrNotFound
	}
	r, err := s.db.ExecContext(ctx, `DELETE FROM saved_views WHERE seller_id = $1 AND user_id = $2 AND id = $3`,
		seller, actor.ID, id)
	if err != nil {
		return fmt.Errorf("delete view: %w", err)
	}
	if n, _ := r.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}
