package handlers_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/parceldesk/portal/handlers"
)

const messagesPage = "/settings/messages"

// TestCustomerMessageOnExceptionPage: the exception page shows the ready message filled with the
// customer's name and order; an owner's own text replaces it, and resetting brings it back.
func TestCustomerMessageOnExceptionPage(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	seller := withExceptions(t, ts, c, "Shop", "owner@shop.test")
	path := fmt.Sprintf("/exceptions/%d", queueOf(t, ts, seller)["E-1"].ID)

	page := c.get(path)
	wantStatus(t, page, http.StatusOK)
	wantBody(t, page, `id="customer-message"`, "Hi Ana, your order E-1 is clearing export customs in China.",
		`data-copy="#customer-message"`, `href="/settings/messages"`)

	settings := c.get(messagesPage)
	wantStatus(t, settings, http.StatusOK)
	wantBody(t, settings, `id="msg-stalled-5"`, `id="msg-not_received-0"`, "clearing export customs in China", `action="/settings/messages"`)
	wantBody(t, c.get(settingsPage), `href="/settings/messages"`)

	// A placeholder the desk does not know is refused with the text kept.
	res := c.post(messagesPage, messagesPage, url.Values{"kind": {"stalled"}, "stage": {"5"}, "body": {"Hi {first_name}"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "Unknown placeholder {first_name}", ">Hi {first_name}</textarea>")

	res = c.post(messagesPage, messagesPage, url.Values{"kind": {"stalled"}, "stage": {"5"}, "body": {"Bonjour {customer_name}, commande {order_ref} : douane."}})
	wantStatus(t, res, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); loc != messagesPage {
		t.Errorf("redirect to %q", loc)
	}
	wantBody(t, c.get(messagesPage), "your text is saved", `id="msg-stalled-5-custom"`, `id="msg-stalled-5-reset"`)
	wantBody(t, c.get(path), "Bonjour Ana, commande E-1 : douane.")

	wantStatus(t, c.post(messagesPage, "/settings/messages/reset", url.Values{"kind": {"stalled"}, "stage": {"5"}}), http.StatusSeeOther)
	wantBody(t, c.get(path), "Hi Ana, your order E-1 is clearing export customs in China.")

	// Without the CSRF token the post is refused.
	wantStatus(t, c.postRaw(messagesPage, url.Values{"kind": {"stalled"}, "stage": {"5"}, "body": {"Hi"}}), http.StatusForbidden)
	wantStatus(t, c.postRaw("/settings/messages/reset", url.Values{"kind": {"stalled"}, "stage": {"5"}}), http.StatusForbidden)
}

// TestCustomerMessageSettingsAgent: an agent reads the texts without forms, and is refused 403.
func TestCustomerMessageSettingsAgent(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	owner, u := settingsOwner(t, ts, "Shop", "owner@shop.test")
	link := owner.invite("agent@shop.test", "agent")
	agent := ts.client(t)
	wantStatus(t, agent.post(link, link, url.Values{"name": {"Ann"}, "password": {"a long agent password"}}), http.StatusSeeOther)

	page := agent.get(messagesPage)
	wantStatus(t, page, http.StatusOK)
	wantBody(t, page, `id="read-only-note"`, `id="msg-stalled-5-text"`, "clearing export customs in China")
	if strings.Contains(page.body, `action="/settings/messages`) {
		t.Errorf("the agent's page has a form")
	}
	wantStatus(t, agent.post(messagesPage, messagesPage, url.Values{"kind": {"late"}, "stage": {"0"}, "body": {"Hi"}}), http.StatusForbidden)
	wantStatus(t, agent.post(messagesPage, "/settings/messages/reset", url.Values{"kind": {"late"}, "stage": {"0"}}), http.StatusForbidden)
	list, err := ts.store.ListMessageTemplates(t.Context(), u.SellerID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range list {
		if r.Custom {
			t.Errorf("an agent saved %+v", r)
		}
	}
}
