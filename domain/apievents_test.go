package domain_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/dbtest"
)

// apiEvents is a Cainiao-like history sent to the API: out of order, with a pre-advice, a
// duplicate, a code-only event and offsets other than China's.
var apiEvents = []domain.APIEvent{
	{OrderRef: "API-1", TrackingNumber: "LP00123456789CN", Carrier: "Cainiao", Status: "[Shenzhen] Outbound in sorting center", StatusAt: "2026-11-02T10:00:00+08:00"},
	{OrderRef: "API-1", TrackingNumber: "LP00123456789CN", Carrier: "Cainiao", Status: "Import clearance start", StatusAt: "2026-11-03T11:00:00+08:00", Location: "Madrid"},
	{OrderRef: "API-1", TrackingNumber: "LP00123456789CN", Carrier: "Cainiao", Status: "[Shenzhen] Departed from departure country/region", StatusAt: "2026-11-03T18:00:00Z"},
	{OrderRef: "API-1", TrackingNumber: "LP00123456789CN", Carrier: "Cainiao", Status: "[Shenzhen] Outbound in sorting center", StatusAt: "2026-11-02T10:00:00+08:00"},
	{OrderRef: "API-2", TrackingNumber: "LP00999456789CN", Carrier: "Cainiao", Status: "Delivered", StatusAt: "2026-11-09T09:30:00+01:00", Location: "Paris"},
	{OrderRef: "API-2", TrackingNumber: "LP00999456789CN", Carrier: "Cainiao", Status: "Arrived at destination country/region", StatusAt: "2026-11-06T09:00:00+01:00"},
}

// apiEventsCSV is the same history as a file.
func apiEventsCSV(events []domain.APIEvent) string {
	var b strings.Builder
	b.WriteString("order_ref,tracking_number,carrier,status,status_code,status_at,location\n")
	for _, e := range events {
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s,%s,%s\n", e.OrderRef, e.TrackingNumber, e.Carrier, e.Status, e.StatusCode, e.StatusAt, e.Location)
	}
	return b.String()
}

// shipmentState is what the pipeline decides about a shipment: stage, clock, events.
func shipmentState(t *testing.T, s *domain.Store, seller domain.SellerID, ref string) string {
	t.Helper()
	sh := shipmentByRef(t, s, seller, ref)
	evs, err := s.ListEvents(context.Background(), seller, sh.ID)
	if err != nil {
		t.Fatal(err)
	}
	out := fmt.Sprintf("stage=%v entered=%v last=%v status=%q signal=%v;", sh.Stage, sh.StageEnteredAt.UTC(), sh.LastEventAt.UTC(), sh.LastStatus, sh.LastSignal)
	for _, e := range evs {
		out += fmt.Sprintf(" [%v %q %v %v pre=%v]", e.OccurredAt.UTC(), e.StatusText, e.Stage, e.Signal, e.PreAdvice)
	}
	return out
}

// TestIngestEventsIsTheImportPipeline: the same events sent to the API and imported as a file
// give the same shipments, stage for stage and event for event; sending them again adds
// nothing.
func TestIngestEventsIsTheImportPipeline(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	api, _ := mustSeller(t, s, "API shop", "owner@api.test")
	file, _ := mustSeller(t, s, "File shop", "owner@file.test")

	res, err := s.IngestEvents(ctx, api.ID, nil, apiEvents, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.ImportID == 0 || res.Accepted != len(apiEvents) || res.Rejected != 0 || res.EventsAdded != 5 || res.DuplicatesSkipped != 1 || res.ShipmentsCreated != 2 {
		t.Errorf("result %+v", res)
	}
	im, err := s.FindImport(ctx, api.ID, res.ImportID)
	if err != nil || im.Source != "api" || im.Status != domain.ImportDone {
		t.Errorf("the batch's import: %+v, %v", im, err)
	}
	mustImport(t, s, file.ID, apiEventsCSV(apiEvents))
	for _, ref := range []string{"API-1", "API-2"} {
		if got, want := shipmentState(t, s, api.ID, ref), shipmentState(t, s, file.ID, ref); got != want {
			t.Errorf("%s through the API:\n%s\nas a file:\n%s", ref, got, want)
		}
	}
	if sh := shipmentByRef(t, s, api.ID, "API-1"); sh.Stage != domain.StageDepartedOrigin {
		t.Errorf("API-1 at stage %v: the pre-advice held it in import customs", sh.Stage)
	}

	again, err := s.IngestEvents(ctx, api.ID, nil, apiEvents, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.EventsAdded != 0 || again.DuplicatesSkipped != int64(len(apiEvents)) || again.ShipmentsCreated != 0 {
		t.Errorf("sent twice: %+v", again)
	}
}

func TestIngestEventsBadItems(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	shop, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	batch := []domain.APIEvent{
		{OrderRef: "B-1", Status: "Delivered", StatusAt: "2026-11-09T09:30:00+01:00"},
		{OrderRef: "B-2", StatusAt: "2026-11-09T09:30:00+01:00"},
		{OrderRef: "B-3", Status: "Delivered", StatusAt: "2026-11-09 09:30"},
		{OrderRef: "", Status: "Delivered", StatusAt: "2026-11-09T09:30:00Z"},
		{OrderRef: "B-5", StatusCode: "SIGNIN", StatusAt: "2026-11-09T09:30:00Z"},
	}
	wantItems := []domain.ItemError{
		{Index: 1, Code: domain.ItemMissingStatus},
		{Index: 2, Code: domain.ItemBadTime},
		{Index: 3, Code: domain.ItemInvalid},
	}
	codes := func(items []domain.ItemError) []domain.ItemError {
		out := []domain.ItemError{}
		for _, it := range items {
			if it.Message == "" {
				t.Errorf("item %d without a message", it.Index)
			}
			out = append(out, domain.ItemError{Index: it.Index, Code: it.Code})
		}
		return out
	}

	// All or nothing: nothing goes in.
	res, err := s.IngestEvents(ctx, shop.ID, nil, batch, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.ImportID != 0 || res.Accepted != 0 || !reflect.DeepEqual(codes(res.Items), wantItems) {
		t.Errorf("atomic: %+v", res)
	}
	page, err := s.ListShipments(ctx, shop.ID, domain.ShipmentFilter{})
	if err != nil || len(page.Shipments) != 0 {
		t.Errorf("atomic batch with bad items left %d shipments", len(page.Shipments))
	}

	// Otherwise the good ones go in.
	res, err = s.IngestEvents(ctx, shop.ID, nil, batch, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.ImportID == 0 || res.Accepted != 2 || res.Rejected != 3 || res.EventsAdded != 2 || !reflect.DeepEqual(codes(res.Items), wantItems) {
		t.Errorf("partial: %+v", res)
	}
	shipmentByRef(t, s, shop.ID, "B-1")
	shipmentByRef(t, s, shop.ID, "B-5")

	if _, err := s.IngestEvents(ctx, shop.ID, nil, nil, false, nil); err == nil {
		t.Error("an empty batch was taken")
	}
	if _, err := s.IngestEvents(ctx, shop.ID, nil, make([]domain.APIEvent, domain.MaxAPIBatch+1), false, nil); err == nil {
		t.Error("a batch over the maximum was taken")
	}
}

func TestPutOrderAndFindAPIShipment(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	shop, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	other, _ := mustSeller(t, s, "Other", "owner@other.test")
	created, err := s.PutOrder(ctx, shop.ID, nil, "O-1", domain.APIOrder{DestinationCountry: "FR", OrderValue: "12.50", Currency: "EUR",
		CustomerName: "Ana", OrderDate: "2026-11-01", PromisedBy: "2026-12-01T00:00:00Z"}, nil)
	if err != nil || !created {
		t.Fatalf("put: %v, created %v", err, created)
	}
	created, err = s.PutOrder(ctx, shop.ID, nil, "O-1", domain.APIOrder{Service: "Cainiao Super Economy Global"}, nil)
	if err != nil || created {
		t.Fatalf("put again: %v, created %v", err, created)
	}
	if _, err := s.PutOrder(ctx, shop.ID, nil, "O-1", domain.APIOrder{DestinationCountry: "Atlantis"}, nil); err == nil {
		t.Error("an unknown country was taken")
	}
	if _, err := s.IngestEvents(ctx, shop.ID, nil, []domain.APIEvent{{OrderRef: "O-1", Status: "[Shenzhen] Outbound in sorting center", StatusAt: "2026-11-02T10:00:00+08:00"}}, false, nil); err != nil {
		t.Fatal(err)
	}
	sh, err := s.FindAPIShipment(ctx, shop.ID, "O-1", time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if sh.DestinationCountry != "FR" || sh.Service != "Cainiao Super Economy Global" || sh.Stage != "outbound_sorting" ||
		len(sh.Events) != 1 || len(sh.Timeline) != 11 || sh.PromisedBy == nil {
		t.Errorf("shipment %+v", sh)
	}
	if _, err := s.FindAPIShipment(ctx, other.ID, "O-1", time.Now()); err != domain.ErrNotFound {
		t.Errorf("another seller's order: %v, want ErrNotFound", err)
	}
}

// TestIngestEventsLeavesTheSweepToALaterBatch: while another import of the shop runs, a batch
// leaves its sweep to it, and that import's sweep raises the batch's exceptions too; with none
// running, a batch sweeps itself.
func TestIngestEventsLeavesTheSweepToALaterBatch(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	shop, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	stalled := func(ref string) []domain.APIEvent {
		return []domain.APIEvent{{OrderRef: ref, Status: "[Shenzhen] Outbound in sorting center", StatusAt: "2026-01-02T10:00:00+08:00"}}
	}
	open := func() int {
		t.Helper()
		page, err := s.ListAPIExceptions(ctx, shop.ID, domain.QueueFilter{State: domain.QueueAll, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		return len(page.Exceptions)
	}
	if _, err := s.IngestEvents(ctx, shop.ID, nil, stalled("S-1"), false, nil); err != nil {
		t.Fatal(err)
	}
	if n := open(); n != 1 {
		t.Fatalf("a batch alone: %d exceptions, want 1 (it sweeps itself)", n)
	}
	later, err := s.CreateImport(ctx, shop.ID, domain.NewImport{Source: "cli", Filename: "later.csv"})
	if err != nil {
		t.Fatal(err)
	}
	csv := "order_ref,status,status_at\nS-3,[Shenzhen] Outbound in sorting center,2026-01-02T10:00:00+08:00\n"
	p, err := domain.DetectSettings(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	run, err := s.BeginImport(ctx, shop.ID, later.ID, domain.ImportSettings{Dialect: p.Dialect, Mapping: p.Mapping, DateOrder: p.DateOrder})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.IngestEvents(ctx, shop.ID, nil, stalled("S-2"), false, nil); err != nil {
		t.Fatal(err)
	}
	if n := open(); n != 1 {
		t.Errorf("with a later import running: %d exceptions, want 1 (the batch left its sweep to it)", n)
	}
	if _, _, err := run.Complete(ctx, strings.NewReader(csv), nil); err != nil {
		t.Fatal(err)
	}
	if n := open(); n != 3 {
		t.Errorf("after the later import: %d exceptions, want 3", n)
	}
}

// TestFailedImportSweepsForABatch: an API batch left its sweep to a file import that was running;
// that import then fails. The failed import sweeps, so the batch's parcel is not left unswept
// until the periodic sweep.
func TestFailedImportSweepsForABatch(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	shop, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	later, err := s.CreateImport(ctx, shop.ID, domain.NewImport{Source: "cli", Filename: "later.csv"})
	if err != nil {
		t.Fatal(err)
	}
	csv := "order_ref,status,status_at\nS-3,[Shenzhen] Outbound in sorting center,2026-01-02T10:00:00+08:00\n"
	p, err := domain.DetectSettings(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	run, err := s.BeginImport(ctx, shop.ID, later.ID, domain.ImportSettings{Dialect: p.Dialect, Mapping: p.Mapping, DateOrder: p.DateOrder})
	if err != nil {
		t.Fatal(err)
	}
	batch := []domain.APIEvent{{OrderRef: "S-1", Status: "[Shenzhen] Outbound in sorting center", StatusAt: "2026-01-02T10:00:00+08:00"}}
	if _, err := s.IngestEvents(ctx, shop.ID, nil, batch, false, nil); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run.Complete(ctx, iotest.ErrReader(errors.New("upload gone")), nil); err == nil {
		t.Fatal("the file import did not fail")
	}
	page, err := s.ListAPIExceptions(ctx, shop.ID, domain.QueueFilter{State: domain.QueueAll, Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Exceptions) != 1 {
		t.Errorf("after the file import failed: %d exceptions, want 1 (the batch's stall)", len(page.Exceptions))
	}
}
