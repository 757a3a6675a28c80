package handlers_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/zone"
	"github.com/parceldesk/portal/handlers"
)

const settingsPage = "/settings/thresholds"

// wantBody fails unless the response body contains every string.
func wantBody(t *testing.T, res response, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(res.body, w) {
			t.Errorf("%s %s: body lacks %q", res.Request.Method, res.Request.URL.Path, w)
		}
	}
}

// settingsOwner signs up a shop and returns its owner's client and the owner.
func settingsOwner(t *testing.T, ts *testServer, shop, email string) (*client, domain.User) {
	t.Helper()
	c := ts.client(t)
	c.signup(shop, email)
	u, err := ts.store.Authenticate(context.Background(), email, "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	return c, u
}

func TestThresholdSettingsOwner(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ts := newTestServer(t, handlers.Config{})
	owner, u := settingsOwner(t, ts, "Shop", "owner@shop.test")

	page := owner.get(settingsPage)
	wantStatus(t, page, http.StatusOK)
	wantBody(t, page, `id="thresholds-table"`, "Clearing Customs (Export)", `aria-current="page">Settings<`,
		"Chinese New Year 2027", "cainiao super economy global", `name="warning_days"`)

	// A stage's own value, shown in days.
	res := owner.post(settingsPage, settingsPage, url.Values{"form": {"stage"}, "stage": {"8"}, "days": {"10"}, "hours": {""}})
	wantStatus(t, res, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); loc != settingsPage {
		t.Errorf("redirect to %q", loc)
	}
	page = owner.get(settingsPage)
	wantBody(t, page, "Clearing Customs (Import): shipments are now flagged after 10d.", `id="reset-8"`)

	// A country's, by name; then deleted; deleting it again is a 404.
	res = owner.post(settingsPage, settingsPage, url.Values{"form": {"country"}, "stage": {"8"}, "country": {"Brasil"}, "days": {"30"}, "hours": {"12"}})
	wantStatus(t, res, http.StatusSeeOther)
	page = owner.get(settingsPage)
	wantBody(t, page, `id="country-row-8-BR"`, "Brazil", "30d 12h", "your value for this country")
	wantStatus(t, owner.post(settingsPage, "/settings/thresholds/delete", url.Values{"stage": {"8"}, "country": {"BR"}}), http.StatusSeeOther)
	wantStatus(t, owner.post(settingsPage, "/settings/thresholds/delete", url.Values{"stage": {"8"}, "country": {"BR"}}), http.StatusNotFound)

	// Adopting a suggestion is setting the value in one click.
	wantStatus(t, owner.post(settingsPage, "/settings/thresholds/adopt", url.Values{"stage": {"3"}, "country": {""}, "hours": {"84"}}), http.StatusSeeOther)
	got, err := ts.store.ListThresholdOverrides(ctx, u.SellerID)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != "[{outbound_sorting  84} {import_customs  240}]" {
		t.Errorf("overrides = %v", got)
	}
	wantBody(t, owner.get(settingsPage), "3d 12h")
	wantStatus(t, owner.post(settingsPage, "/settings/thresholds/delete", url.Values{"stage": {"3"}}), http.StatusSeeOther)

	// Peak periods: added from dates in the shop's zone, the last day included, then deleted.
	wantStatus(t, owner.post(settingsPage, "/settings/peak-periods", url.Values{"name": {"Factory holiday"}, "starts_on": {"2027-04-01"}, "ends_on": {"2027-04-05"}}), http.StatusSeeOther)
	periods, err := ts.store.ListPeakPeriods(ctx, u.SellerID)
	if err != nil {
		t.Fatal(err)
	}
	var own domain.PeakPeriod
	for _, p := range periods {
		if !p.Builtin {
			own = p
		}
	}
	if own.Name != "Factory holiday" || !own.EndsAt.Equal(time.Date(2027, 4, 6, 0, 0, 0, 0, zone.China)) {
		t.Fatalf("added period %+v", own)
	}
	wantBody(t, owner.get(settingsPage), "Factory holiday", "1 Apr – 5 Apr 2027", "5 days")
	del := fmt.Sprintf("/settings/peak-periods/%d/delete", own.ID)
	wantStatus(t, owner.post(settingsPage, del, nil), http.StatusSeeOther)
	wantStatus(t, owner.post(settingsPage, del, nil), http.StatusNotFound)

	// The warning period and the untracked services.
	wantStatus(t, owner.post(settingsPage, "/settings/warning", url.Values{"warning_days": {"8"}}), http.StatusSeeOther)
	if d, _ := ts.store.ProtectionWarningDays(ctx, u.SellerID); d != 8 {
		t.Errorf("warning days = %d, want 8", d)
	}
	wantStatus(t, owner.post(settingsPage, "/settings/untracked-services", url.Values{"service": {"4PX  Economy"}}), http.StatusSeeOther)
	wantBody(t, owner.get(settingsPage), "4px economy")
	wantStatus(t, owner.post(settingsPage, "/settings/untracked-services/delete", url.Values{"service": {"4px economy"}}), http.StatusSeeOther)
	wantStatus(t, owner.post(settingsPage, "/settings/untracked-services/delete", url.Values{"service": {"4px economy"}}), http.StatusNotFound)
}

// TestThresholdSettingsRefused: bad input shows the page again with 422, the message beside the
// field and what the seller typed, and changes nothing.
func TestThresholdSettingsRefused(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	owner, u := settingsOwner(t, ts, "Shop", "owner@shop.test")
	for _, tc := range []struct {
		path string
		form url.Values
		want []string
	}{
		{settingsPage, url.Values{"form": {"stage"}, "stage": {"5"}, "days": {"two"}}, []string{"Enter a whole number of days."}},
		{settingsPage, url.Values{"form": {"stage"}, "stage": {"5"}, "days": {"0"}, "hours": {"0"}}, []string{"Enter a time from 1 hour to 365 days."}},
		{settingsPage, url.Values{"form": {"stage"}, "stage": {"5"}, "days": {"400"}}, []string{"Enter a time from 1 hour to 365 days."}},
		{settingsPage, url.Values{"form": {"country"}, "stage": {"8"}, "country": {"Atlantis"}, "days": {"3"}},
			[]string{"Enter a country name or its two-letter code", `value="Atlantis"`}},
		{settingsPage, url.Values{"form": {"country"}, "stage": {"8"}, "country": {" "}, "days": {"3"}}, []string{"Enter the destination country."}},
		{settingsPage, url.Values{"form": {"country"}, "stage": {"11"}, "country": {"DE"}, "days": {"3"}}, []string{"Choose a stage from Order Completed to Out for Delivery."}},
		{"/settings/thresholds/adopt", url.Values{"stage": {"3"}, "hours": {"nine"}}, []string{"Enter a time from 1 hour to 365 days."}},
		{"/settings/peak-periods", url.Values{"name": {"Backwards"}, "starts_on": {"2027-04-05"}, "ends_on": {"2027-04-01"}},
			[]string{"The last day cannot be before the first.", `value="Backwards"`}},
		{"/settings/peak-periods", url.Values{"name": {"Bad date"}, "starts_on": {"05/04/2027"}, "ends_on": {"2027-04-01"}}, []string{"Enter a date such as 2027-01-30."}},
		{"/settings/peak-periods", url.Values{"name": {"Too long"}, "starts_on": {"2027-01-01"}, "ends_on": {"2027-12-31"}}, []string{"A peak period can last at most 120 days."}},
		{"/settings/warning", url.Values{"warning_days": {"0"}}, []string{"Enter a number of days from 1 to 60.", `value="0"`}},
		{"/settings/warning", url.Values{"warning_days": {"soon"}}, []string{"Enter a number of days from 1 to 60."}},
		{"/settings/untracked-services", url.Values{"service": {"   "}}, []string{"Enter the service&#39;s name"}},
		{"/settings/untracked-services", url.Values{"service": {"Cainiao Super Economy"}}, []string{"is already on the list."}},
	} {
		res := owner.post(settingsPage, tc.path, tc.form)
		wantStatus(t, res, http.StatusUnprocessableEntity)
		wantBody(t, res, tc.want...)
		// The page keeps its navigation, marked as Settings, wherever the form posted to.
		wantBody(t, res, `aria-current="page">Settings<`)
	}
	ctx := context.Background()
	if o, _ := ts.store.ListThresholdOverrides(ctx, u.SellerID); len(o) != 0 {
		t.Errorf("refused posts saved thresholds: %v", o)
	}
	if d, _ := ts.store.ProtectionWarningDays(ctx, u.SellerID); d != 5 {
		t.Errorf("warning days = %d", d)
	}
}

// TestThresholdSettingsAgent: an agent sees the settings without forms, and every settings post
// by an agent is refused with 403, changing nothing.
func TestThresholdSettingsAgent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ts := newTestServer(t, handlers.Config{})
	owner, u := settingsOwner(t, ts, "Shop", "owner@shop.test")
	wantStatus(t, owner.post(settingsPage, "/settings/peak-periods", url.Values{"name": {"Holiday"}, "starts_on": {"2027-04-01"}, "ends_on": {"2027-04-05"}}), http.StatusSeeOther)
	periods, _ := ts.store.ListPeakPeriods(ctx, u.SellerID)
	var id int64
	for _, p := range periods {
		if !p.Builtin {
			id = p.ID
		}
	}
	link := owner.invite("agent@shop.test", "agent")
	agent := ts.client(t)
	wantStatus(t, agent.post(link, link, url.Values{"name": {"Ann"}, "password": {"a long agent password"}}), http.StatusSeeOther)

	page := agent.get(settingsPage)
	wantStatus(t, page, http.StatusOK)
	wantBody(t, page, `id="read-only-note"`, `id="thresholds-table"`, "Holiday", `id="warning-days"`)
	for _, form := range []string{`action="/settings/thresholds"`, `action="/settings/peak-periods`, `action="/settings/warning"`,
		`action="/settings/untracked-services`, `action="/settings/thresholds/adopt"`} {
		if strings.Contains(page.body, form) {
			t.Errorf("the agent's page has a form %s", form)
		}
	}
	for _, tc := range []struct {
		path string
		form url.Values
	}{
		{settingsPage, url.Values{"form": {"stage"}, "stage": {"8"}, "days": {"10"}}},
		{settingsPage, url.Values{"form": {"country"}, "stage": {"8"}, "country": {"BR"}, "days": {"10"}}},
		{"/settings/thresholds/adopt", url.Values{"stage": {"3"}, "hours": {"84"}}},
		{"/settings/thresholds/delete", url.Values{"stage": {"3"}}},
		{"/settings/peak-periods", url.Values{"name": {"Mine"}, "starts_on": {"2027-05-01"}, "ends_on": {"2027-05-02"}}},
		{fmt.Sprintf("/settings/peak-periods/%d/delete", id), nil},
		{"/settings/warning", url.Values{"warning_days": {"9"}}},
		{"/settings/warning", url.Values{"warning_days": {"nonsense"}}},
		{"/settings/untracked-services", url.Values{"service": {"Some Post"}}},
		{"/settings/untracked-services/delete", url.Values{"service": {"cainiao super economy"}}},
	} {
		wantStatus(t, agent.post(settingsPage, tc.path, tc.form), http.StatusForbidden)
	}
	if o, _ := ts.store.ListThresholdOverrides(ctx, u.SellerID); len(o) != 0 {
		t.Errorf("an agent saved thresholds: %v", o)
	}
	if after, _ := ts.store.ListPeakPeriods(ctx, u.SellerID); len(after) != len(periods) {
		t.Errorf("peak periods %d → %d after the agent's posts", len(periods), len(after))
	}
	if d, _ := ts.store.ProtectionWarningDays(ctx, u.SellerID); d != 5 {
		t.Errorf("warning days = %d after the agent's post", d)
	}
}
