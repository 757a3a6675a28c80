package domain_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/dbtest"
)

// TestTrackerDeliveryOnce: the same signed body posted by several requests at once is stored
// once and imported once (one import, its events once), whichever request gets there first;
// an agent cannot set a secret; a shop's hook key is its own.
func TestTrackerDeliveryOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.NewDB(t)
	s := domain.NewStore(db)
	s.PasswordCost = 4
	shop, owner := mustSeller(t, s, "Alpha", "owner@alpha.test")
	agent := mustAgent(t, s, owner, "agent@alpha.test")
	if _, err := s.SetTrackerSecret(ctx, shop.ID, agent, domain.TrackerAfterShip, "k"); !errors.Is(err, domain.ErrUnauthorized) {
		t.Errorf("an agent setting a secret: %v", err)
	}
	hook, err := s.SetTrackerSecret(ctx, shop.ID, owner, domain.TrackerAfterShip, "secret-1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.IngestEvents(ctx, shop.ID, nil, []domain.APIEvent{{OrderRef: "A-1", TrackingNumber: "lp 001 cn",
		Status: "Processing", StatusAt: "2026-11-01T10:00:00+08:00"}}, false, nil); err != nil {
		t.Fatal(err)
	}
	body := []byte(`{"event":"tracking_update","msg":{"tracking_number":"LP001CN","checkpoints":[
		{"message":"Departed from sorting center","subtag":"InTransit_007","checkpoint_time":"2026-11-02T10:00:00+08:00"},
		{"message":"Arrived at destination country","subtag":"InTransit_004","checkpoint_time":"2026-11-05T10:00:00+01:00"}]}}`)
	key := strings.TrimPrefix(hook.Path(), "/hooks/aftership/")
	sig := domain.TrackerAfterShip.Sign("secret-1", body)
	var wg sync.WaitGroup
	ids := make([]int64, 4)
	errs := make([]error, 4)
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d, err := s.ReceiveTrackerDelivery(ctx, domain.TrackerAfterShip, key, body, sig)
			if err == nil {
				_, err = s.ProcessTrackerDelivery(ctx, d.SellerID, d.ID, nil)
			}
			ids[i], errs[i] = d.ID, err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil || ids[i] != ids[0] {
			t.Fatalf("request %d: delivery %d, %v", i, ids[i], err)
		}
	}
	var imports, events int
	if err := db.Get(&imports, `SELECT count(*) FROM imports WHERE seller_id = $1 AND filename LIKE 'AfterShip webhook%'`, shop.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.Get(&events, `SELECT count(*) FROM events WHERE seller_id = $1`, shop.ID); err != nil {
		t.Fatal(err)
	}
	if imports != 1 || events != 3 {
		t.Errorf("four requests with one body: %d imports, %d events; want 1 and 3", imports, events)
	}
	ds, err := s.ListTrackerDeliveries(ctx, shop.ID, "", 10)
	if err != nil || len(ds) != 1 || ds[0].State != domain.DeliveryProcessed || ds[0].OrderRef != "A-1" || ds[0].Events != 2 {
		t.Errorf("deliveries: %+v, %v", ds, err)
	}

	other, otherOwner := mustSeller(t, s, "Beta", "owner@beta.test")
	if _, err := s.SetTrackerSecret(ctx, other.ID, otherOwner, domain.TrackerAfterShip, "secret-1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReceiveTrackerDelivery(ctx, domain.Tracker17Track, key, body, domain.Tracker17Track.Sign("secret-1", body)); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("an AfterShip key on the 17TRACK route: %v", err)
	}
}

// TestStaleDeliveriesProcessed: a delivery stored but left pending (its request failed after
// storing it) is processed by the housekeeping once it is five minutes old, and not before.
func TestStaleDeliveriesProcessed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.NewDB(t)
	s := domain.NewStore(db)
	s.PasswordCost = 4
	shop, owner := mustSeller(t, s, "Alpha", "owner@alpha.test")
	hook, err := s.SetTrackerSecret(ctx, shop.ID, owner, domain.Tracker17Track, "key-1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.IngestEvents(ctx, shop.ID, nil, []domain.APIEvent{{OrderRef: "B-1", TrackingNumber: "RR1CN",
		Status: "Processing", StatusAt: "2026-11-01T10:00:00+08:00"}}, false, nil); err != nil {
		t.Fatal(err)
	}
	body := []byte(`{"event":"TRACKING_UPDATED","data":{"number":"RR1CN","track_info":{"tracking":{"providers":[{"provider":{"name":"China Post"},
		"events":[{"time_iso":"2026-11-03T10:00:00+08:00","description":"Departure from outward office of exchange","sub_status":"InTransit_Departure"}]}]}}}}`)
	d, err := s.ReceiveTrackerDelivery(ctx, domain.Tracker17Track, strings.TrimPrefix(hook.Path(), "/hooks/17track/"), body,
		domain.Tracker17Track.Sign("key-1", body))
	if err != nil {
		t.Fatal(err)
	}
	if n, err := s.ProcessStaleDeliveries(ctx, 10, nil); err != nil || n != 0 {
		t.Fatalf("a fresh pending delivery was taken: %d, %v", n, err)
	}
	if _, err := db.Exec(`UPDATE tracker_deliveries SET received_at = now() - interval '6 minutes' WHERE seller_id = $1 AND id = $2`, shop.ID, d.ID); err != nil {
		t.Fatal(err)
	}
	if n, err := s.ProcessStaleDeliveries(ctx, 10, nil); err != nil || n != 1 {
		t.Fatalf("stale deliveries processed: %d, %v", n, err)
	}
	ds, err := s.ListTrackerDeliveries(ctx, shop.ID, domain.DeliveryProcessed, 10)
	if err != nil || len(ds) != 1 || ds[0].Events != 1 || ds[0].OrderRef != "B-1" {
		t.Errorf("after the housekeeping: %+v, %v", ds, err)
	}
}

// aftershipDelivery stores an AfterShip delivery of body for the shop's hook.
func aftershipDelivery(t *testing.T, s *domain.Store, hook domain.TrackerHook, secret string, body []byte) domain.TrackerDelivery {
	t.Helper()
	d, err := s.ReceiveTrackerDelivery(context.Background(), domain.TrackerAfterShip, strings.TrimPrefix(hook.Path(), "/hooks/aftership/"),
		body, domain.TrackerAfterShip.Sign(secret, body))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestFailedDeliveryReleasesItsClaim: when importing a delivery's events fails, its claim is let
// go, so that the tracker's retry processes it at once and, failing that, the housekeeping as
// soon as the delivery is five minutes old, not five minutes after the failed try.
func TestFailedDeliveryReleasesItsClaim(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.NewDB(t)
	s := domain.NewStore(db)
	s.PasswordCost = 4
	shop, owner := mustSeller(t, s, "Alpha", "owner@alpha.test")
	hook, err := s.SetTrackerSecret(ctx, shop.ID, owner, domain.TrackerAfterShip, "secret-1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.IngestEvents(ctx, shop.ID, nil, []domain.APIEvent{{OrderRef: "A-1", TrackingNumber: "LP001CN",
		Status: "Processing", StatusAt: "2026-11-01T10:00:00+08:00"}}, false, nil); err != nil {
		t.Fatal(err)
	}
	d := aftershipDelivery(t, s, hook, "secret-1", []byte(`{"event":"tracking_update","msg":{"tracking_number":"LP001CN","checkpoints":[
		{"message":"Departed from sorting center","subtag":"InTransit_007","checkpoint_time":"2026-11-02T10:00:00+08:00"}]}}`))
	// The import of its events fails: the database refuses new imports for a while.
	if _, err := db.Exec(`CREATE FUNCTION refuse_imports() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN RAISE EXCEPTION 'imports refused by the test'; END $$;
		CREATE TRIGGER refuse_imports BEFORE INSERT ON imports FOR EACH ROW EXECUTE FUNCTION refuse_imports()`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ProcessTrackerDelivery(ctx, shop.ID, d.ID, nil); err == nil {
		t.Fatal("processing succeeded with imports refused")
	}
	var claimed bool
	if err := db.Get(&claimed, `SELECT claimed_at IS NOT NULL FROM tracker_deliveries WHERE seller_id = $1 AND id = $2`, shop.ID, d.ID); err != nil || claimed {
		t.Errorf("after the failed try the delivery is still claimed (%v, %v)", claimed, err)
	}
	if _, err := db.Exec(`DROP TRIGGER refuse_imports ON imports`); err != nil {
		t.Fatal(err)
	}
	// The housekeeping takes it once it is five minutes old; a claim of the failed try, had it
	// stayed, would keep it out for five more.
	if _, err := db.Exec(`UPDATE tracker_deliveries SET received_at = now() - interval '6 minutes' WHERE seller_id = $1 AND id = $2`, shop.ID, d.ID); err != nil {
		t.Fatal(err)
	}
	if n, err := s.ProcessStaleDeliveries(ctx, 10, nil); err != nil || n != 1 {
		t.Fatalf("stale deliveries processed: %d, %v", n, err)
	}
	ds, err := s.ListTrackerDeliveries(ctx, shop.ID, "", 10)
	if err != nil || len(ds) != 1 || ds[0].State != domain.DeliveryProcessed || ds[0].Events != 1 {
		t.Errorf("after the housekeeping: %+v, %v", ds, err)
	}
}

// TestDeliveryOverMaxBatchIgnored: a delivery with more checkpoints than one import takes is kept
// as ignored, saying why, and imports nothing; the tracker is not asked to send it again.
func TestDeliveryOverMaxBatchIgnored(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.NewDB(t)
	s := domain.NewStore(db)
	s.PasswordCost = 4
	shop, owner := mustSeller(t, s, "Alpha", "owner@alpha.test")
	hook, err := s.SetTrackerSecret(ctx, shop.ID, owner, domain.TrackerAfterShip, "secret-1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.IngestEvents(ctx, shop.ID, nil, []domain.APIEvent{{OrderRef: "A-1", TrackingNumber: "LP001CN",
		Status: "Processing", StatusAt: "2026-11-01T10:00:00+08:00"}}, false, nil); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(`{"event":"tracking_update","msg":{"tracking_number":"LP001CN","checkpoints":[`)
	start := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	for i := range domain.MaxAPIBatch + 1 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"message":"In transit","checkpoint_time":%q}`, start.Add(time.Duration(i)*time.Minute).Format(time.RFC3339))
	}
	b.WriteString(`]}}`)
	d := aftershipDelivery(t, s, hook, "secret-1", []byte(b.String()))
	got, err := s.ProcessTrackerDelivery(ctx, shop.ID, d.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got.State != domain.DeliveryIgnored || !strings.Contains(got.Note, "10001 checkpoints") {
		t.Errorf("delivery: state %q, note %q", got.State, got.Note)
	}
	var imports, events int
	if err := db.Get(&imports, `SELECT count(*) FROM imports WHERE seller_id = $1 AND source = 'aftership'`, shop.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.Get(&events, `SELECT count(*) FROM events WHERE seller_id = $1`, shop.ID); err != nil {
		t.Fatal(err)
	}
	if imports != 0 || events != 1 {
		t.Errorf("%d webhook imports and %d events, want none and the one posted before", imports, events)
	}
}

// TestDeliveryMatchesOrderRefFirst: a delivery whose order reference is one of the shop's orders
// goes to that order, even when its tracking number belongs to another (newer) shipment of the
// shop; the import it makes is recorded as the tracker's.
func TestDeliveryMatchesOrderRefFirst(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.NewDB(t)
	s := domain.NewStore(db)
	s.PasswordCost = 4
	shop, owner := mustSeller(t, s, "Alpha", "owner@alpha.test")
	hook, err := s.SetTrackerSecret(ctx, shop.ID, owner, domain.TrackerAfterShip, "secret-1")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []domain.APIEvent{
		{OrderRef: "B-2", TrackingNumber: "RR999CN", Status: "Processing", StatusAt: "2026-11-01T10:00:00+08:00"},
		{OrderRef: "A-1", TrackingNumber: "LP001CN", Status: "Processing", StatusAt: "2026-11-01T11:00:00+08:00"},
	} {
		if _, err := s.IngestEvents(ctx, shop.ID, nil, []domain.APIEvent{e}, false, nil); err != nil {
			t.Fatal(err)
		}
	}
	d := aftershipDelivery(t, s, hook, "secret-1", []byte(`{"event":"tracking_update","msg":{"tracking_number":"LP001CN","order_id":"B-2",
		"checkpoints":[{"message":"Departed from sorting center","subtag":"InTransit_007","checkpoint_time":"2026-11-02T10:00:00+08:00"}]}}`))
	got, err := s.ProcessTrackerDelivery(ctx, shop.ID, d.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got.State != domain.DeliveryProcessed || got.OrderRef != "B-2" {
		t.Errorf("delivery: state %q, matched %q; want processed, B-2", got.State, got.OrderRef)
	}
	evs, err := s.ListEvents(ctx, shop.ID, shipmentByRef(t, s, shop.ID, "B-2").ID)
	if err != nil || len(evs) != 2 {
		t.Errorf("B-2 has %d events (%v), want 2", len(evs), err)
	}
	ims, err := s.ListImports(ctx, shop.ID, 1)
	if err != nil || len(ims) != 1 || ims[0].Source != "aftership" {
		t.Errorf("the delivery's import: %+v, %v", ims, err)
	}
}
