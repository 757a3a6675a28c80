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

// TestHomeCharts and outcomes: one shop has a delivered YunExpress parcel to Spain and a
// Cainiao parcel stalled on arrival in Poland; its home page charts them with the numbers in
// the aria-labels, and /outcomes lists both carriers and countries. Another shop's carrier and
// country appear on neither.
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
	carriers := body[strings.Index(body, `id="by-carrier"`):strings.Index(body, `id="by-country"`)]
	countries := body[strings.Index(body, `id="by-country"`):]
	for _, want := range []string{`data-key="YunExpress"`, `data-key="Cainiao"`, "100%", "0%", "2d"} {
		if !strings.Contains(carriers, want) {
			t.Errorf("by carrier lacks %q", want)
		}
	}
	for _, want := range []string{`data-key="ES"`, `data-key="PL"`, `data-stage="arrived_destination"`} {
		if !strings.Contains(countries, want) {
			t.Errorf("by country lacks %q", want)
		}
	}
	if strings.Contains(body, "SecretPost") || strings.Contains(body, `data-key="NZ"`) {
		t.Error("another shop's carrier or country is listed")
	}
	if !strings.Contains(body, `href="/outcomes"`) {
		t.Error("no navigation entry to outcomes")
	}
	if got := b.get("/outcomes").body; strings.Contains(got, "YunExpress") || !strings.Contains(got, "SecretPost") {
		t.Error("the other shop's outcomes show shop A's carrier or lack its own")
	}
}
