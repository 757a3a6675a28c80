package domain_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/dbtest"
)

// mustSeller creates a seller with an owner whose password is "correct horse battery".
func mustSeller(t *testing.T, s *domain.Store, shop, email string) (domain.Seller, domain.User) {
	t.Helper()
	seller, user, err := s.CreateSeller(context.Background(), domain.Signup{ShopName: shop, Email: email, Password: "correct horse battery"})
	if err != nil {
		t.Fatalf("CreateSeller: %v", err)
	}
	return seller, user
}

func TestCreateSellerAndAuthenticate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, owner := mustSeller(t, s, "Gadget Garden", "Owner@Example.com")
	if got, want := owner.Email, "owner@example.com"; got != want {
		t.Errorf("email = %q, want %q (normalised)", got, want)
	}
	if got, want := owner.Role, domain.RoleOwner; got != want {
		t.Errorf("role = %q, want %q", got, want)
	}
	u, err := s.Authenticate(ctx, " OWNER@example.com ", "correct horse battery")
	if err != nil {
		t.Fatalf("Authenticate: %v", err)
	}
	if u.SellerID != seller.ID || u.ID != owner.ID {
		t.Errorf("authenticated %d/%d, want %d/%d", u.SellerID, u.ID, seller.ID, owner.ID)
	}
	if _, err := s.Authenticate(ctx, "owner@example.com", "wrong password!"); !errors.Is(err, domain.ErrUnauthorized) {
		t.Errorf("wrong password: err = %v, want ErrUnauthorized", err)
	}
	if _, err := s.Authenticate(ctx, "nobody@example.com", "correct horse battery"); !errors.Is(err, domain.ErrUnauthorized) {
		t.Errorf("unknown email: err = %v, want ErrUnauthorized", err)
	}
}

func TestCreateSellerValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	mustSeller(t, s, "First", "taken@example.com")
	for _, tc := range []struct {
		name  string
		in    domain.Signup
		field string
	}{
		{"no shop", domain.Signup{Email: "a@example.com", Password: "long enough pw"}, "shop_name"},
		{"bad email", domain.Signup{ShopName: "S", Email: "not-an-email", Password: "long enough pw"}, "email"},
		{"short password", domain.Signup{ShopName: "S", Email: "b@example.com", Password: "short"}, "password"},
		{"taken email", domain.Signup{ShopName: "S", Email: "TAKEN@example.com", Password: "long enough pw"}, "email"},
	} {
		_, _, err := s.CreateSeller(ctx, tc.in)
		var verr *domain.ValidationError
		if !errors.As(err, &verr) || verr.Fields[tc.field] == "" {
			t.Errorf("%s: err = %v, want a validation error on %q", tc.name, err, tc.field)
		}
	}
}

func TestUsersAreScopedBySeller(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	a, ownerA := mustSeller(t, s, "A", "a@example.com")
	b, ownerB := mustSeller(t, s, "B", "b@example.com")
	if _, err := s.FindUser(ctx, b.ID, ownerA.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("B reads A's user: err = %v, want ErrNotFound", err)
	}
	if err := s.RemoveUser(ctx, b.ID, ownerB, ownerA.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("B removes A's user: err = %v, want ErrNotFound", err)
	}
	if _, err := s.FindUser(ctx, a.ID, ownerA.ID); err != nil {
		t.Errorf("A's user after B's attempt: %v", err)
	}
}

func TestInvitationFlow(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, owner := mustSeller(t, s, "Shop", "owner@example.com")
	inv, token, err := s.CreateInvitation(ctx, seller.ID, owner, "Agent@Example.com", domain.RoleAgent)
	if err != nil {
		t.Fatalf("CreateInvitation: %v", err)
	}
	got, shop, err := s.FindInvitation(ctx, token)
	if err != nil || got.ID != inv.ID || shop.ShopName != "Shop" {
		t.Fatalf("FindInvitation = %+v, %+v, %v", got, shop, err)
	}
	if _, err := s.AcceptInvitation(ctx, token, "Ann", "short"); err == nil {
		t.Error("AcceptInvitation with a short password succeeded")
	}
	agent, err := s.AcceptInvitation(ctx, token, "Ann", "a long agent password")
	if err != nil {
		t.Fatalf("AcceptInvitation: %v", err)
	}
	if agent.Role != domain.RoleAgent || agent.SellerID != seller.ID || agent.Email != "agent@example.com" {
		t.Errorf("agent = %+v", agent)
	}
	if _, err := s.AcceptInvitation(ctx, token, "Ann again", "a long agent password"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("second use of the link: err = %v, want ErrNotFound", err)
	}
	if _, _, err := s.CreateInvitation(ctx, seller.ID, agent, "x@example.com", domain.RoleAgent); !errors.Is(err, domain.ErrUnauthorized) {
		t.Errorf("agent invites: err = %v, want ErrUnauthorized", err)
	}
	// Revoked links stop working.
	inv2, token2, err := s.CreateInvitation(ctx, seller.ID, owner, "second@example.com", domain.RoleAgent)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RevokeInvitation(ctx, seller.ID, owner, inv2.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.FindInvitation(ctx, token2); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("revoked link: err = %v, want ErrNotFound", err)
	}
}

func TestRemoveUserKeepsAnOwner(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, owner := mustSeller(t, s, "Shop", "owner@example.com")
	_, token, _ := s.CreateInvitation(ctx, seller.ID, owner, "agent@example.com", domain.RoleAgent)
	agent, err := s.AcceptInvitation(ctx, token, "", "a long agent password")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveUser(ctx, seller.ID, owner, owner.ID); err == nil {
		t.Error("owner removed themselves")
	}
	if err := s.RemoveUser(ctx, seller.ID, agent, owner.ID); !errors.Is(err, domain.ErrUnauthorized) {
		t.Errorf("agent removes owner: err = %v, want ErrUnauthorized", err)
	}
	if err := s.RemoveUser(ctx, seller.ID, owner, agent.ID); err != nil {
		t.Fatalf("owner removes agent: %v", err)
	}
	if _, err := s.Authenticate(ctx, "agent@example.com", "a long agent password"); !errors.Is(err, domain.ErrUnauthorized) {
		t.Errorf("removed agent signs in: err = %v", err)
	}
}

func TestLoginThrottle(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.NewDB(t)
	s := domain.NewStore(db)
	for i := range domain.LoginLimitPerAccount {
		_, wait, err := s.BeginLogin(ctx, "victim@example.com", "10.0.0.1")
		if err != nil || wait != 0 {
			t.Fatalf("attempt %d: wait = %v, err = %v; want to go ahead", i+1, wait, err)
		}
	}
	_, wait, err := s.BeginLogin(ctx, "Victim@example.com", "10.0.0.2")
	if err != nil || wait <= 0 || wait > domain.LoginWindow {
		t.Errorf("sixth attempt: wait = %v, err = %v; want a wait within the window", wait, err)
	}
	// The refused attempt was not counted against its address.
	if n := countFailures(t, db, "addr:10.0.0.2"); n != 0 {
		t.Errorf("a refused attempt counted %d failures against its address", n)
	}
	// A right password takes its attempt back, and the account's earlier failures with it; the
	// address keeps its earlier failures.
	a, wait, err := s.BeginLogin(ctx, "other@example.com", "10.0.0.1")
	if err != nil || wait != 0 {
		t.Fatalf("other account from the same address: wait = %v, err = %v, want 0 (address limit is higher)", wait, err)
	}
	if err := s.LoginSucceeded(ctx, a); err != nil {
		t.Fatal(err)
	}
	if n := countFailures(t, db, "email:other@example.com"); n != 0 {
		t.Errorf("after a right password the account has %d failures, want 0", n)
	}
	if n := countFailures(t, db, "addr:10.0.0.1"); n != domain.LoginLimitPerAccount {
		t.Errorf("after a right password the address has %d failures, want its %d earlier ones", n, domain.LoginLimitPerAccount)
	}
	// One address guessing across many accounts is stopped by the address limit.
	for i := domain.LoginLimitPerAccount; i < domain.LoginLimitPerAddress; i++ {
		if _, wait, err := s.BeginLogin(ctx, fmt.Sprintf("user%d@example.com", i), "10.0.0.1"); err != nil || wait != 0 {
			t.Fatalf("guess %d: wait = %v, err = %v", i, wait, err)
		}
	}
	if _, wait, _ := s.BeginLogin(ctx, "fresh@example.com", "10.0.0.1"); wait <= 0 {
		t.Errorf("address past its limit: wait = %v, want > 0", wait)
	}
}

// countFailures counts the failures recorded against a throttle key.
func countFailures(t *testing.T, db *sqlx.DB, key string) int {
	t.Helper()
	var n int
	if err := db.Get(&n, `SELECT count(*) FROM login_failures WHERE key = $1`, key); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSessions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, owner := mustSeller(t, s, "Shop", "owner@example.com")
	lim := domain.SessionLimits{Idle: time.Hour, Absolute: 24 * time.Hour}
	token := domain.NewSessionToken()
	if _, err := s.FindSession(ctx, token, lim); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("unknown token: %v", err)
	}
	if err := s.UpdateSession(ctx, token, []byte("values")); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("updating an unknown session: %v, want ErrNotFound", err)
	}
	if err := s.CreateSession(ctx, token, &seller.ID, &owner.ID, []byte("values")); err != nil {
		t.Fatal(err)
	}
	rec, err := s.FindSession(ctx, token, lim)
	if err != nil || string(rec.Data) != "values" || rec.Member == nil {
		t.Fatalf("FindSession = %+v, %v", rec, err)
	}
	// The member comes with the session: the user and their seller as FindUser and FindSeller read them.
	wantUser, err := s.FindUser(ctx, seller.ID, owner.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantSeller, err := s.FindSeller(ctx, seller.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*rec.Member, domain.Member{User: wantUser, Seller: wantSeller}) {
		t.Errorf("member = %+v, want %+v of %+v", *rec.Member, wantUser, wantSeller)
	}
	// Another seller's member's session is theirs, never the first seller's.
	sellerB, ownerB := mustSeller(t, s, "Other shop", "b@example.com")
	tokenB := domain.NewSessionToken()
	if err := s.CreateSession(ctx, tokenB, &sellerB.ID, &ownerB.ID, []byte("b")); err != nil {
		t.Fatal(err)
	}
	if recB, err := s.FindSession(ctx, tokenB, lim); err != nil || recB.Member == nil ||
		recB.Member.User.ID != ownerB.ID || recB.Member.User.SellerID != sellerB.ID || recB.Member.Seller.ID != sellerB.ID {
		t.Errorf("second seller's session = %+v, %v; want its own member", recB, err)
	}
	// A session from before sign-in has no member.
	anon := domain.NewSessionToken()
	if err := s.CreateSession(ctx, anon, nil, nil, []byte("flash")); err != nil {
		t.Fatal(err)
	}
	if recA, err := s.FindSession(ctx, anon, lim); err != nil || recA.Member != nil || string(recA.Data) != "flash" {
		t.Errorf("anonymous session = %+v, %v; want its data and no member", recA, err)
	}
	if _, err := s.FindSession(ctx, token, domain.SessionLimits{Idle: time.Hour, Absolute: time.Nanosecond}); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("past absolute expiry: err = %v, want ErrNotFound", err)
	}
	if _, err := s.FindSession(ctx, token, domain.SessionLimits{Idle: time.Nanosecond, Absolute: time.Hour}); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("past idle expiry: err = %v, want ErrNotFound", err)
	}
	if err := s.DeleteSession(ctx, token); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FindSession(ctx, token, lim); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("after delete: err = %v, want ErrNotFound", err)
	}
	// A request that loaded the session before the logout saves it afterwards: it stays ended.
	if err := s.UpdateSession(ctx, token, []byte("late write")); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("saving an ended session: %v, want ErrNotFound", err)
	}
	if _, err := s.FindSession(ctx, token, lim); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("an ended session came back after a late save: %v", err)
	}
}
