package handlers_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/handlers"
)

// TestEstimatedDeliveryShown: the shipment page and the exception page show a parcel's estimated
// delivery window with its explanation, and a parcel past it is in the queue under edd_missed.
func TestEstimatedDeliveryShown(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	var csv strings.Builder
	csv.WriteString(shipmentsHeader)
	// Times without an offset are read in the shop's zone, China time; the page shows its dates.
	row := func(ref, status string, at time.Time) {
		fmt.Fprintf(&csv, "%s,,Cainiao,AliExpress Standard Shipping,%s,%s,,FR,,,,,,,,\n", ref, status, at.Format("2006-01-02 15:04"))
	}
	start := time.Date(2026, 8, 1, 10, 0, 0, 0, time.UTC)
	for i := range 20 { // import customs to delivery: 72…148 h, p50 110 h, p90 140 h
		in := start.Add(time.Duration(i) * 24 * time.Hour)
		row(fmt.Sprintf("H-%d", i), "Import clearance start", in)
		row(fmt.Sprintf("H-%d", i), "Delivered", in.Add(72*time.Hour+time.Duration(i)*4*time.Hour))
	}
	row("LATE-1", "Import clearance start", time.Date(2026, 10, 1, 10, 0, 0, 0, time.UTC))
	seller := mustImportAs(t, ts, "owner@shop.test", csv.String())
	if _, err := ts.store.Sweep(context.Background(), seller, time.Now()); err != nil {
		t.Fatal(err)
	}
	const why = "Parcels to FR by AliExpress Standard Shipping from import customs took 5–6 days (20 deliveries)."

	id := shipmentID(t, ts, seller, "LATE-1")
	res := c.get(fmt.Sprintf("/shipments/%d", id))
	wantStatus(t, res, http.StatusOK)
	body := html.UnescapeString(res.body)
	for _, want := range []string{`id="estimated-delivery"`, "6 Oct 2026 – 7 Oct 2026", why, "after the window closed."} {
		if !strings.Contains(body, want) {
			t.Errorf("shipment page lacks %q", want)
		}
	}

	queue := c.get("/exceptions?kind=edd_missed")
	wantStatus(t, queue, http.StatusOK)
	if !strings.Contains(queue.body, "LATE-1") || strings.Contains(queue.body, "H-1<") {
		t.Errorf("queue filtered by edd_missed: %.2000s", queue.body)
	}
	exs, err := ts.store.ListShipmentExceptions(context.Background(), seller, id)
	if err != nil {
		t.Fatal(err)
	}
	var missed int64
	for _, e := range exs {
		if e.Kind == domain.KindEDDMissed {
			missed = e.ID
		}
	}
	if missed == 0 {
		t.Fatalf("no edd_missed among LATE-1's exceptions: %+v", exs)
	}
	res = c.get(fmt.Sprintf("/exceptions/%d", missed))
	wantStatus(t, res, http.StatusOK)
	body = html.UnescapeString(res.body)
	for _, want := range []string{"Past estimate · LATE-1", `id="estimated-delivery"`, why, "past its estimated delivery"} {
		if !strings.Contains(body, want) {
			t.Errorf("exception page lacks %q", want)
		}
	}
}
