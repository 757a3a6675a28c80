package handlers_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

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
