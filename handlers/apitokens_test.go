package handlers_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/parceldesk/portal/handlers"
)

var tokenValue = regexp.MustCompile(`id="token-value" readonly value="(pd_[A-Za-z0-9_-]+)"`)

// makeToken makes an API token on the settings page as c (an owner) and returns it.
func (c *client) makeToken(name string) string {
	c.t.Helper()
	res := c.post("/settings/api-tokens", "/settings/api-tokens", url.Values{"name": {name}})
	wantStatus(c.t, res, http.StatusCreated)
	m := tokenValue.FindStringSubmatch(res.body)
	if m == nil {
		c.t.Fatalf("no token on the page:\n%.800s", res.body)
	}
	if res.Header.Get("Cache-Control") != "no-store" {
		c.t.Errorf("the page with the token may be cached: %q", res.Header.Get("Cache-Control"))
	}
	return m[1]
}

func TestAPITokensPage(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	owner := ts.client(t)
	owner.signup("Token Shop", "owner@token.test")
	token := owner.makeToken("Store sync")

	page := owner.get("/settings/api-tokens")
	wantStatus(t, page, http.StatusOK)
	if strings.Contains(page.body, token) || strings.Contains(page.body, token[10:]) {
		t.Error("the token is shown again after it was made")
	}
	if !strings.Contains(page.body, "Store sync") || !strings.Contains(page.body, token[:9]) {
		t.Errorf("the list lacks the token's name or prefix:\n%.1500s", page.body)
	}
	res := owner.post("/settings/api-tokens", "/settings/api-tokens", url.Values{"name": {""}})
	wantStatus(t, res, http.StatusUnprocessableEntity)

	// An agent sees the tokens but can neither make nor revoke one.
	link := owner.invite("agent@token.test", "agent")
	agent := ts.client(t)
	wantStatus(t, agent.post(link, link, url.Values{"name": {"Agent"}, "password": {"a long agent password"}}), http.StatusSeeOther)
	agentPage := agent.get("/settings/api-tokens")
	wantStatus(t, agentPage, http.StatusOK)
	if strings.Contains(agentPage.body, `id="api-token-form"`) || strings.Contains(agentPage.body, "/revoke") {
		t.Error("an agent is offered the owner's forms")
	}
	wantStatus(t, agent.post("/settings/api-tokens", "/settings/api-tokens", url.Values{"name": {"agent's"}}), http.StatusForbidden)
	ids := regexp.MustCompile(`/settings/api-tokens/(\d+)/revoke`).FindAllStringSubmatch(owner.get("/settings/api-tokens").body, -1)
	if len(ids) != 1 {
		t.Fatalf("revoke forms: %v", ids)
	}
	revoke := "/settings/api-tokens/" + ids[0][1] + "/revoke"
	wantStatus(t, agent.post("/settings/api-tokens", revoke, nil), http.StatusForbidden)
	if !strings.Contains(owner.get("/settings/api-tokens").body, "Store sync") {
		t.Error("the agent's revoke went through")
	}
	wantStatus(t, owner.post("/settings/api-tokens", revoke, nil), http.StatusSeeOther)
	if strings.Contains(owner.get("/settings/api-tokens").body, "Store sync") {
		t.Error("a revoked token is still listed")
	}
}
