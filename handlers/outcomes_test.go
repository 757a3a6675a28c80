package handlers_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/handlers"
)

// carrierRow is one event row under shipmentsHeader with a carrier.
func carrierRow(ref, carrier, status string, at time.Time, country string) string {
	return fmt.Sprintf("%s,,%s,AliExpress Standard Shipping,%s,%s,,%s,,,,,,,,\n", ref, carrier, status, chinaTime(at), country)
}

// ariaLabel returns the aria-label of the svg inside the element with the given id, unescaped.
func ariaLabel(t *testing.T, body, id string) string {
	t.Helper()
	i := strings.Index(body, `id="`+id+`"`)
	if i < 0 {
		t.Fatalf("no element %s", id)
	}
	m := regexp.MustCompile(`<svg[^>]*role="img"[^>]*aria-label="([^"]*)"`).FindStringSubmatch(body[i:])
	if m == nil {
		t.Fatalf("no svg with an aria-label in %s", id)
	}
	return html.UnescapeString(m[1])
}

// TestHomeChartsAndOutcomes: one shop has a delivered YunExpress parcel to Spain and a Cainiao
// parcel stalled on arrival in Poland; its home page charts them with the numbers in the
// aria-labels, and /outcomes lists their service and countries, too few for any rate. Another
// shop's carrier and country appear on neither.
func TestHomeChartsAndOutcomes(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	a := ts.client(t)
	a.signup("Shop", "owner@shop.test")
	now := time.Now()
	seller := mustImportAs(t, ts, "owner@shop.test", shipmentsHeader+
		carrierRow("YUN-1", "YunExpress", "Arrived at destination country/region", now.Add(-50*time.Hour), "ES")+
		carrierRow("YUN-1", "YunExpress", "Delivered", now.Add(-2*time.Hour), "ES")+
		carrierRow("CN-2", "Cainiao", "Arrived at destination country/region", now.Add(-120*time.Hour), "PL"))
	if _, err := ts.store.Sweep(context.Background(), seller, time.Now()); err != nil {
		t.Fatal(err)
	}
	b := ts.client(t)
	b.signup("Other shop", "owner@other.test")
	other := mustImportAs(t, ts, "owner@other.test", shipmentsHeader+
		carrierRow("SEC-1", "SecretPost", "Arrived at destination country/region", now.Add(-120*time.Hour), "NZ"))
	if _, err := ts.store.Sweep(context.Background(), other, time.Now()); err != nil {
		t.Fatal(err)
	}

	home := a.get("/")
	wantStatus(t, home, http.StatusOK)
	if !strings.Contains(home.body, `id="home-title"`) || !strings.Contains(home.body, `id="active-stages"`) {
		t.Error("home page lost its title or panels")
	}
	for id, want := range map[string]string{
		"chart-funnel":     "Active shipments per stage: Arrived 1",
		"chart-kind-stage": "Open exceptions per kind and stage: Stalled 1",
		"chart-weekly":     "1 opened, 0 resolved",
	} {
		if got := ariaLabel(t, home.body, id); !strings.Contains(got, want) {
			t.Errorf("%s aria-label %q lacks %q", id, got, want)
		}
	}
	if got := tag(home.body, "median-resolve"); !strings.Contains(got, ">—<") {
		t.Errorf("median with nothing resolved: %q", got)
	}
	if strings.Contains(home.body, " style=") {
		t.Error("home page has an inline style attribute (blocked by the CSP)")
	}

	page := a.get("/outcomes")
	wantStatus(t, page, http.StatusOK)
	body := page.body
	section := func(id, next string) string {
		return body[strings.Index(body, `id="`+id+`"`):strings.Index(body, `id="`+next+`"`)]
	}
	services, lastMile, countries := section("by-service", "by-last-mile"), section("by-last-mile", "by-country"), section("by-country", "outcomes-rules")
	// Two parcels: every rate is held back, and says why.
	for _, want := range []string{`data-key="AliExpress Standard Shipping"`, "only 2 shipments; shown from 20", "only 1 delivered; shown from 20", "no promised date in the file"} {
		if !strings.Contains(services, want) {
			t.Errorf("by service lacks %q", want)
		}
	}
	if strings.Contains(services, `data-shown="true"`) || strings.Contains(services, "%") {
		t.Error("by service shows a rate from two parcels")
	}
	// Neither YunExpress nor Cainiao is a last-mile carrier, and the file has no last-mile column.
	if !strings.Contains(lastMile, `data-key="unknown"`) || !strings.Contains(lastMile, "None named yet") || strings.Contains(lastMile, "YunExpress") {
		t.Errorf("by last-mile carrier: %s", lastMile)
	}
	for _, want := range []string{`data-key="ES"`, `data-key="PL"`} {
		if !strings.Contains(countries, want) {
			t.Errorf("by country lacks %q", want)
		}
	}
	if !strings.Contains(body, `id="no-promised"`) || !strings.Contains(body, `aria-current="page">Last 90 days<`) {
		t.Error("the page does not say the file has no promised dates, or the default range is not marked")
	}
	if strings.Contains(body, "SecretPost") || strings.Contains(body, `data-key="NZ"`) {
		t.Error("another shop's carrier or country is listed")
	}
	if !strings.Contains(body, `href="/outcomes"`) {
		t.Error("no navigation entry to outcomes")
	}
	if got := b.get("/outcomes").body; strings.Contains(got, `data-key="ES"`) || strings.Contains(got, `data-key="PL"`) || !strings.Contains(got, `data-key="NZ"`) {
		t.Error("the other shop's outcomes show shop A's parcels or lack its own")
	}
}

// TestOutcomesRange: a preset or typed dates choose the shipments; dates that do not read, or
// that run backwards, answer 422 with the form and a message.
func TestOutcomesRange(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	a := ts.client(t)
	a.signup("Shop", "owner@shop.test")
	now := time.Now()
	mustImportAs(t, ts, "owner@shop.test", shipmentsHeader+
		carrierRow("OLD-1", "Cainiao", "[Shenzhen] Accepted by carrier", now.AddDate(0, 0, -60), "ES")+
		carrierRow("NEW-1", "Cainiao", "[Shenzhen] Accepted by carrier", now.AddDate(0, 0, -3), "PL"))
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"?range=30d", []string{`data-key="PL"`, `aria-current="page">Last 30 days<`}},
		{"", []string{`data-key="PL"`, `data-key="ES"`}},
		{"?from=2020-01-01&to=2020-12-31&basis=ordered", []string{`id="outcomes-empty"`, "No shipment ordered in this range", `value="2020-12-31"`}},
	} {
		page := a.get("/outcomes" + c.query)
		wantStatus(t, page, http.StatusOK)
		for _, want := range c.want {
			if !strings.Contains(page.body, want) {
				t.Errorf("%s lacks %q", c.query, want)
			}
		}
		if c.query == "?range=30d" && strings.Contains(page.body, `data-key="ES"`) {
			t.Error("the last 30 days hold a parcel shipped 60 days ago")
		}
	}
	for query, want := range map[string]string{
		"?from=yesterday&to=2026-01-01":  "Give both dates as YYYY-MM-DD",
		"?from=2026-02-01&to=2026-01-01": "The start date is after the end date.",
	} {
		page := a.get("/outcomes" + query)
		wantStatus(t, page, http.StatusUnprocessableEntity)
		if !strings.Contains(page.body, want) || !strings.Contains(page.body, `id="outcomes-filter"`) {
			t.Errorf("%s: no form or message %q", query, want)
		}
	}
}
