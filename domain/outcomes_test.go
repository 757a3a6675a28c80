package domain_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
)

const outcomeHeader = "Order ID,Carrier Name,Last Event,Event Time,Country\n"

func cev(ref, carrier, status, when, country string) string {
	return fmt.Sprintf("%s,%s,%s,%s,%s\n", ref, carrier, status, when, country)
}

const (
	stExport    = "[Shenzhen] Export customs clearance started"
	stDeparted  = "[Shenzhen] Departed from departure country/region"
	stArrived   = "Arrived at destination country/region"
	stDelivered = "Delivered"
)

// TestOutcomes: two delivered Cainiao parcels to France and one parcel without a carrier stuck
// in export customs to Germany. Stage times are hand-computed medians; the French override for
// arrival marks that stage over for France but not for Cainiao (default 4 days). Another
// seller's Cainiao parcel is not counted.
func TestOutcomes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newSweepFixture(t)
	mustImport(t, f.s, f.seller, outcomeHeader+
		// 48h export customs, 120h departed, 48h arrived.
		cev("A-1", "Cainiao", stExport, "2026-11-01 10:00", "FR")+
		cev("A-1", "Cainiao", stDeparted, "2026-11-03 10:00", "FR")+
		cev("A-1", "Cainiao", stArrived, "2026-11-08 10:00", "FR")+
		cev("A-1", "Cainiao", stDelivered, "2026-11-10 10:00", "FR")+
		// 24h, 264h, 24h.
		cev("A-2", "Cainiao", stExport, "2026-11-01 10:00", "FR")+
		cev("A-2", "Cainiao", stDeparted, "2026-11-02 10:00", "FR")+
		cev("A-2", "Cainiao", stArrived, "2026-11-13 10:00", "FR")+
		cev("A-2", "Cainiao", stDelivered, "2026-11-14 10:00", "FR")+
		// no carrier, in export customs since Nov 1: stalled by the Nov 20 sweep.
		cev("A-3", "", stExport, "2026-11-01 10:00", "DE"))
	f.exec(`INSERT INTO stage_thresholds (seller_id, stage, country, max_hours) VALUES ($1, 7, 'FR', 24)`, f.seller)
	f.sweep(at("2026-11-20 10:00"))
	if got := f.open("A-3"); got != "stalled@5" {
		t.Fatalf("A-3 open exceptions %q, want stalled@5", got)
	}

	other, _ := mustSeller(t, f.s, "Other", "owner@other.test")
	mustImport(t, f.s, other.ID, outcomeHeader+
		cev("B-1", "Cainiao", stExport, "2026-11-01 10:00", "FR")+
		cev("B-1", "Cainiao", stDelivered, "2026-11-02 10:00", "FR"))

	o, err := f.s.Outcomes(ctx, f.seller, time.Now().Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	h := time.Hour
	type want struct {
		key                           string
		shipments, stalled, delivered int64
		stages                        string
	}
	check := func(name string, got []domain.OutcomeGroup, ws []want) {
		t.Helper()
		if len(got) != len(ws) {
			t.Fatalf("%s: %d groups %+v, want %d", name, len(got), got, len(ws))
		}
		for i, w := range ws {
			g := got[i]
			if g.Key != w.key || g.Shipments != w.shipments || g.Stalled != w.stalled || g.Delivered != w.delivered {
				t.Errorf("%s[%d] = %s %d/%d/%d, want %s %d/%d/%d", name, i, g.Key, g.Shipments, g.Stalled, g.Delivered,
					w.key, w.shipments, w.stalled, w.delivered)
			}
			var s string
			for _, st := range g.Stages {
				s += fmt.Sprintf("%d:%s/%d/%s/%v ", st.Stage, st.Median, st.N, st.Threshold, st.Over())
			}
			if s != w.stages {
				t.Errorf("%s %s stages = %q, want %q", name, g.Key, s, w.stages)
			}
		}
	}
	stages := func(arrivalLimit time.Duration, over bool) string {
		return fmt.Sprintf("5:%s/2/%s/false 6:%s/2/%s/false 7:%s/2/%s/%v ", 36*h, 96*h, 192*h, 240*h, 36*h, arrivalLimit, over)
	}
	check("by carrier", o.ByCarrier, []want{
		{"Cainiao", 2, 0, 2, stages(96*h, false)},
		{domain.UnknownGroup, 1, 1, 0, ""},
	})
	check("by country", o.ByCountry, []want{
		{"FR", 2, 0, 2, stages(24*h, true)},
		{"DE", 1, 1, 0, ""},
	})
	if r := o.ByCarrier[1].StallRate(); r != 1 {
		t.Errorf("unknown carrier stall rate %v, want 1", r)
	}

	// Nothing imported since tomorrow.
	later, err := f.s.Outcomes(ctx, f.seller, time.Now().Add(24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(later.ByCarrier) != 0 || len(later.ByCountry) != 0 {
		t.Errorf("outcomes since tomorrow: %+v", later)
	}
}

// TestDashboardTrends: open exceptions per kind and stage, opened and resolved per week in the
// seller's time zone (China), and the median time to resolve over the last 90 days.
func TestDashboardTrends(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newSweepFixture(t)
	mustImport(t, f.s, f.seller, sweepHeader+
		ev("T-1", "Delivered", "2026-11-01 10:00", "FR")+
		ev("T-2", "Delivered", "2026-11-01 10:00", "FR")+
		ev("T-3", "Delivered", "2026-11-01 10:00", "FR"))
	id := func(ref string) int64 { return shipmentByRef(t, f.s, f.seller, ref).ID }
	ins := func(seller domain.SellerID, ship int64, kind string, stage int, opened string, resolved string) {
		t.Helper()
		const current = `(SELECT s.stage FROM shipments s WHERE s.seller_id = $1 AND s.id = $2)`
		if resolved == "" {
			f.exec(`INSERT INTO exceptions (seller_id, shipment_id, kind, stage, shipment_stage, opened_at) VALUES ($1, $2, $3, $4, `+current+`, $5)`,
				seller, ship, kind, stage, at(opened))
			return
		}
		f.exec(`INSERT INTO exceptions (seller_id, shipment_id, kind, stage, shipment_stage, opened_at, state, resolution, resolved_at)
			VALUES ($1, $2, $3, $4, `+current+`, $5, 'resolved', 'recovered', $6)`, seller, ship, kind, stage, at(opened), at(resolved))
	}
	ins(f.seller, id("T-1"), "stalled", 5, "2026-11-16 08:00", "")
	ins(f.seller, id("T-2"), "stalled", 7, "2026-11-17 08:00", "")
	ins(f.seller, id("T-2"), "delivery_issue", 7, "2026-11-17 09:00", "")
	ins(f.seller, id("T-3"), "late", 7, "2026-11-10 10:00", "2026-11-11 10:00") // 24h
	ins(f.seller, id("T-3"), "late", 7, "2026-11-15 22:00", "2026-11-16 04:00") // 6h, Sunday to Monday in China
	ins(f.seller, id("T-3"), "late", 7, "2026-11-02 10:00", "2026-11-06 10:00") // 96h
	ins(f.seller, id("T-3"), "late", 7, "2026-06-01 10:00", "2026-06-03 10:00") // too old
	other, _ := mustSeller(t, f.s, "Other", "owner@other.test")
	mustImport(t, f.s, other.ID, sweepHeader+ev("O-1", "Delivered", "2026-11-01 10:00", "FR"))
	ins(other.ID, shipmentByRef(t, f.s, other.ID, "O-1").ID, "stalled", 5, "2026-11-16 09:00", "2026-11-16 10:00")

	d, err := f.s.Dashboard(ctx, f.seller, at("2026-11-18 12:00"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(d.OpenByKindStage), "[{stalled export_customs 1} {stalled arrived_destination 1} {delivery_issue arrived_destination 1}]"; got != want {
		t.Errorf("open by kind and stage %s, want %s", got, want)
	}
	var weeks string
	for _, w := range d.Weekly {
		weeks += fmt.Sprintf("%s:%d/%d ", w.Week.Format("01-02"), w.Opened, w.Resolved)
	}
	if want := "09-28:0/0 10-05:0/0 10-12:0/0 10-19:0/0 10-26:0/0 11-02:1/1 11-09:2/1 11-16:3/1 "; weeks != want {
		t.Errorf("weekly\n got %s\nwant %s", weeks, want)
	}
	if d.ResolvedRecently != 3 || d.MedianResolve != 24*time.Hour {
		t.Errorf("resolved %d, median %s; want 3, 24h", d.ResolvedRecently, d.MedianResolve)
	}
}
