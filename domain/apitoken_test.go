package domain_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/dbtest"
)

// mustAgent adds an agent to the owner's shop through an invitation.
func mustAgent(t *testing.T, s *domain.Store, owner domain.User, email string) domain.User {
	t.Helper()
	ctx := context.Background()
	_, token, err := s.CreateInvitation(ctx, owner.SellerID, owner, email, domain.RoleAgent)
	if err != nil {
		t.Fatal(err)
	}
	agent, err := s.AcceptInvitation(ctx, token, "Agent", "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	return agent
}

func TestAPITokenLifecycle(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.NewDB(t)
	s := domain.NewStore(db)
	s.PasswordCost = 4
	shopA, ownerA := mustSeller(t, s, "Alpha", "owner@alpha.test")
	shopB, ownerB := mustSeller(t, s, "Beta", "owner@beta.test")
	agent := mustAgent(t, s, ownerA, "agent@alpha.test")
	limit := domain.RateLimit{Every: time.Second, Burst: 100}

	if _, _, err := s.CreateAPIToken(ctx, shopA.ID, agent, "Tracker"); !errors.Is(err, domain.ErrUnauthorized) {
		t.Errorf("agent creating a token: %v, want ErrUnauthorized", err)
	}
	if _, _, err := s.CreateAPIToken(ctx, shopA.ID, ownerA, "  "); err == nil {
		t.Error("a token without a name was made")
	}
	tok, secret, err := s.CreateAPIToken(ctx, shopA.ID, ownerA, "Tracker")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(secret, "pd_") || !strings.HasPrefix(secret, tok.Prefix) || len(secret) < 40 {
		t.Errorf("token %q (prefix %q)", secret, tok.Prefix)
	}
	var hashed, clear int
	if err := db.GetContext(ctx, &hashed, `SELECT count(*) FROM api_tokens WHERE token_hash = sha256(convert_to($1, 'UTF8'))`, secret); err != nil || hashed != 1 {
		t.Errorf("the token's SHA-256 is not what is stored (%d, %v)", hashed, err)
	}
	if err := db.GetContext(ctx, &clear, `SELECT count(*) FROM api_tokens t WHERE strpos(t::text, $1) > 0`, secret[3:]); err != nil || clear != 0 {
		t.Errorf("the token is stored in clear (%d, %v)", clear, err)
	}
	auth, err := s.AuthenticateAPIToken(ctx, secret, limit)
	if err != nil || auth.Seller != shopA.ID || auth.TokenID != tok.ID {
		t.Fatalf("authenticate: %+v, %v", auth, err)
	}
	list, err := s.ListAPITokens(ctx, shopA.ID)
	if err != nil || len(list) != 1 || list[0].LastUsedAt == nil {
		t.Fatalf("list after use: %+v, %v", list, err)
	}
	if list, _ := s.ListAPITokens(ctx, shopB.ID); len(list) != 0 {
		t.Errorf("seller B lists A's tokens: %+v", list)
	}
	for _, bad := range []string{"", "pd_", secret + "x", strings.TrimPrefix(secret, "pd_"), "pd_" + strings.Repeat("a", 43)} {
		if _, err := s.AuthenticateAPIToken(ctx, bad, limit); !errors.Is(err, domain.ErrUnauthorized) {
			t.Errorf("token %q: %v, want ErrUnauthorized", bad, err)
		}
	}
	if err := s.RevokeAPIToken(ctx, shopB.ID, ownerB, tok.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("seller B revoking A's token: %v, want ErrNotFound", err)
	}
	if err := s.RevokeAPIToken(ctx, shopA.ID, agent, tok.ID); !errors.Is(err, domain.ErrUnauthorized) {
		t.Errorf("agent revoking: %v, want ErrUnauthorized", err)
	}
	if err := s.RevokeAPIToken(ctx, shopA.ID, ownerA, tok.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AuthenticateAPIToken(ctx, secret, limit); !errors.Is(err, domain.ErrUnauthorized) {
		t.Errorf("revoked token: %v, want ErrUnauthorized", err)
	}
	if err := s.RevokeAPIToken(ctx, shopA.ID, ownerA, tok.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("revoking twice: %v, want ErrNotFound", err)
	}
}

func TestAPITokenLimitPerShop(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	shop, owner := mustSeller(t, s, "Alpha", "owner@alpha.test")
	var last domain.APIToken
	for i := range domain.MaxAPITokens {
		tok, _, err := s.CreateAPIToken(ctx, shop.ID, owner, "t"+string(rune('a'+i%26)))
		if err != nil {
			t.Fatalf("token %d: %v", i, err)
		}
		last = tok
	}
	var verr *domain.ValidationError
	if _, _, err := s.CreateAPIToken(ctx, shop.ID, owner, "one too many"); !errors.As(err, &verr) {
		t.Fatalf("token %d: %v, want a validation error", domain.MaxAPITokens+1, err)
	}
	if err := s.RevokeAPIToken(ctx, shop.ID, owner, last.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.CreateAPIToken(ctx, shop.ID, owner, "after a revoke"); err != nil {
		t.Errorf("after revoking one: %v", err)
	}
}

// TestAPITokenRateLimit: a burst passes, the next request is refused with a wait of about one
// interval, and a refused request does not push the wait further out.
func TestAPITokenRateLimit(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	shop, owner := mustSeller(t, s, "Alpha", "owner@alpha.test")
	_, secret, err := s.CreateAPIToken(ctx, shop.ID, owner, "Tracker")
	if err != nil {
		t.Fatal(err)
	}
	limit := domain.RateLimit{Every: time.Hour, Burst: 3}
	for i := range 3 {
		if _, err := s.AuthenticateAPIToken(ctx, secret, limit); err != nil {
			t.Fatalf("request %d of the burst: %v", i+1, err)
		}
	}
	var waits []time.Duration
	for range 2 {
		_, err := s.AuthenticateAPIToken(ctx, secret, limit)
		var rl *domain.ErrRateLimited
		if !errors.As(err, &rl) {
			t.Fatalf("request over the burst: %v, want ErrRateLimited", err)
		}
		waits = append(waits, rl.RetryAfter)
	}
	for _, w := range waits {
		if w < 59*time.Minute || w > time.Hour {
			t.Errorf("retry after %s, want about an hour", w)
		}
	}
	if waits[1] > waits[0] {
		t.Errorf("a refused request pushed the wait out: %s then %s", waits[0], waits[1])
	}
	// Another token of the shop has its own budget.
	_, other, err := s.CreateAPIToken(ctx, shop.ID, owner, "Other")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AuthenticateAPIToken(ctx, other, limit); err != nil {
		t.Errorf("another token: %v", err)
	}
}
