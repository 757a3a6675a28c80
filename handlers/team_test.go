package handlers_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/handlers"
)

var inviteLink = regexp.MustCompile(`id="invite-link"[^>]*value="[^"]*(/invite/[A-Za-z0-9_-]+)"`)

// invite creates an invitation as the signed-in owner and returns its path.
func (c *client) invite(email, role string) string {
	c.t.Helper()
	res := c.post("/settings/team", "/settings/team/invitations", url.Values{"email": {email}, "role": {role}})
	wantStatus(c.t, res, http.StatusCreated)
	m := inviteLink.FindStringSubmatch(res.body)
	if m == nil {
		c.t.Fatalf("no invitation link on the page:\n%.800s", res.body)
	}
	return m[1]
}

func TestInviteAgent(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	owner := ts.client(t)
	owner.signup("Shop", "owner@shop.test")
	link := owner.invite("agent@shop.test", "agent")

	agent := ts.client(t)
	page := agent.get(link)
	wantStatus(t, page, http.StatusOK)
	if !strings.Contains(page.body, "agent@shop.test") {
		t.Errorf("invitation page lacks the invited email")
	}
	wantStatus(t, agent.post(link, link, url.Values{"name": {"Ann"}, "password": {"short"}}), http.StatusUnprocessableEntity)
	wantStatus(t, agent.post(link, link, url.Values{"name": {"Ann"}, "password": {"a long agent password"}}), http.StatusSeeOther)
	home := agent.get("/")
	wantStatus(t, home, http.StatusOK)
	if !strings.Contains(home.body, "Ann") || !strings.Contains(home.body, "agent") {
		t.Errorf("agent's home page:\n%.600s", home.body)
	}
	// The link works once.
	wantStatus(t, ts.client(t).get(link), http.StatusNotFound)
	// Agents work the queue; they do not manage the team.
	res := agent.post("/settings/team", "/settings/team/invitations", url.Values{"email": {"x@shop.test"}, "role": {"agent"}})
	wantStatus(t, res, http.StatusForbidden)
}

func TestRemovedMemberIsSignedOut(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	owner := ts.client(t)
	owner.signup("Shop", "owner@shop.test")
	link := owner.invite("agent@shop.test", "agent")
	agent := ts.client(t)
	wantStatus(t, agent.post(link, link, url.Values{"password": {"a long agent password"}}), http.StatusSeeOther)
	a, err := ts.store.Authenticate(context.Background(), "agent@shop.test", "a long agent password")
	if err != nil {
		t.Fatal(err)
	}
	member := fmt.Sprintf("/settings/team/members/%d", a.ID)
	wantStatus(t, owner.post(member, member+"/remove", nil), http.StatusSeeOther)
	if got := agent.get("/"); got.StatusCode != http.StatusSeeOther {
		t.Errorf("removed agent still signed in: status %d", got.StatusCode)
	}
}

// TestTenantIsolation: a second seller asks for the first seller's records by id and gets 404,
// exactly as for records that do not exist, and the first seller's data is unchanged.
func TestTenantIsolation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ts := newTestServer(t, handlers.Config{})
	a := ts.client(t)
	a.signup("Shop A", "owner@a.test")
	a.invite("agent@a.test", "agent")
	ownerA, err := ts.store.Authenticate(ctx, "owner@a.test", "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	invs, err := ts.store.ListPendingInvitations(ctx, ownerA.SellerID)
	if err != nil || len(invs) != 1 {
		t.Fatalf("A's invitations: %v, %v", invs, err)
	}

	b := ts.client(t)
	b.signup("Shop B", "owner@b.test")
	for _, tc := range []struct{ method, path string }{
		{"GET", fmt.Sprintf("/settings/team/members/%d", ownerA.ID)},
		{"POST", fmt.Sprintf("/settings/team/members/%d/remove", ownerA.ID)},
		{"POST", fmt.Sprintf("/settings/team/invitations/%d/revoke", invs[0].ID)},
		{"GET", "/settings/team/members/999999"},
		{"GET", "/settings/team/members/not-a-number"},
	} {
		var res response
		if tc.method == "GET" {
			res = b.get(tc.path)
		} else {
			res = b.post("/", tc.path, nil)
		}
		wantStatus(t, res, http.StatusNotFound)
		if strings.Contains(res.body, "owner@a.test") || strings.Contains(res.body, "Shop A") {
			t.Errorf("%s %s leaks seller A's data", tc.method, tc.path)
		}
	}
	team := b.get("/settings/team")
	if strings.Contains(team.body, "@a.test") {
		t.Error("seller B's team page lists seller A's people")
	}
	if _, err := ts.store.FindUser(ctx, ownerA.SellerID, ownerA.ID); err != nil {
		t.Errorf("A's owner after B's attempts: %v", err)
	}
	if invs, _ := ts.store.ListPendingInvitations(ctx, ownerA.SellerID); len(invs) != 1 {
		t.Errorf("A's invitation was revoked by B")
	}
	_ = domain.ErrNotFound
}
