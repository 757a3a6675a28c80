package views_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/views"
)

// TestQueueRowsKept: the queue's rows section written from a RowsCache is, at every clock
// reading, byte for byte what rendering it afresh writes — while the clock moves none of the times
// the rows show (a kept rendering), and as it moves each of them on its own: time in stage, the
// deadlines (with the severity's reasons that quote them), a dispute's respond-by day, the last
// scan's date (its year is left out within the current one).
func TestQueueRowsKept(t *testing.T) {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 12, 31, 23, 58, 30, 0, loc)
	at := func(d time.Duration) *time.Time { t := start.Add(d); return &t }
	value := "24.90"
	// row is a parcel whose exception is of kind and whose other facts are given by set; nothing
	// else on it depends on the clock.
	row := func(kind domain.ExceptionKind, set func(*domain.QueueRow)) domain.QueueRow {
		r := domain.QueueRow{Exception: domain.Exception{ID: 7, ShipmentID: 3, Kind: kind, State: domain.StateOpen,
			Severity: 71.5, OpenedAt: start.Add(-72 * time.Hour)},
			OrderRef: "A-1", TrackingNumber: "LP001", CustomerName: "Ann", DestinationCountry: "DE", Carrier: "Cainiao",
			ShipmentStage: domain.StageExportCustoms, OrderValue: &value, Currency: "EUR", LastStatus: "Export customs clearance started",
			AssigneeName: "Bo"}
		set(&r)
		r.Exceptions = []domain.Exception{r.Exception}
		return r
	}
	for _, tc := range []struct {
		name string
		rows []domain.QueueRow
	}{
		{"time in stage", []domain.QueueRow{row(domain.KindNotReceived, func(r *domain.QueueRow) {
			r.StageEnteredAt = at(-5*24*time.Hour - 59*time.Minute)
		})}},
		{"deadlines", []domain.QueueRow{
			row(domain.KindStalled, func(r *domain.QueueRow) { r.DueAt = at(-90 * time.Minute) }),
			row(domain.KindProtectionExpiring, func(r *domain.QueueRow) {
				r.DueAt, r.State, r.WaitingUntil = at(47*time.Hour+30*time.Second), domain.StateWaiting, at(24*time.Hour)
			}),
		}},
		{"a deadline of the parcel's second exception", []domain.QueueRow{func() domain.QueueRow {
			r := row(domain.KindNotReceived, func(*domain.QueueRow) {})
			r.Exceptions = append(r.Exceptions, domain.Exception{ID: 8, ShipmentID: 3, Kind: domain.KindStalled,
				State: domain.StateOpen, Severity: 20, DueAt: at(-90 * time.Minute), OpenedAt: start.Add(-time.Hour)})
			return r
		}()}},
		{"dispute", []domain.QueueRow{row(domain.KindNotReceived, func(r *domain.QueueRow) {
			r.Dispute = &domain.QueueDispute{ID: 4, Status: domain.DisputeOpen, RespondBy: start.Add(3 * time.Minute)}
		})}},
		{"last scan", []domain.QueueRow{row(domain.KindNotReceived, func(r *domain.QueueRow) {
			r.LastEventAt, r.LastStatus, r.LastSignal = at(-2*time.Minute), "", domain.SignalCustomsHold
		})}},
	} {
		cache := views.NewRowsCache(1 << 20)
		render := func(now time.Time, kept bool) string {
			t.Helper()
			vm := views.Queue{QueueView: domain.QueueView{Page: domain.QueuePage{Rows: tc.rows}}, Filter: domain.QueueFilter{Now: now},
				Now: now, Loc: loc}
			if kept {
				vm.Rows, vm.RowsKey = cache, "1 5 Europe/Berlin /exceptions"
			}
			var buf bytes.Buffer
			if err := views.QueueRows(views.Page{}, vm).Render(context.Background(), &buf); err != nil {
				t.Fatal(err)
			}
			return buf.String()
		}
		seen := map[string]bool{}
		for _, step := range []time.Duration{0, time.Second, 20 * time.Second, time.Minute, 2 * time.Minute, 5 * time.Minute,
			time.Hour, 90 * time.Minute, 25 * time.Hour, 7 * 24 * time.Hour} {
			now := start.Add(step)
			fresh := render(now, false)
			for range 2 { // the first may render and keep, the second reads what is kept
				if got := render(now, true); got != fresh {
					t.Fatalf("%s: at %v the kept rows section differs from a fresh one:\n%s\nfresh:\n%s", tc.name, now, got, fresh)
				}
			}
			seen[fresh] = true
		}
		if len(seen) < 2 {
			t.Errorf("%s: the clock readings gave one section: the test no longer moves the times the rows show", tc.name)
		}
	}
}
