package domain_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lib/pq"
	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/dbtest"
)

var china = time.FixedZone("CST", 8*3600)

// mustImport imports a CSV text as the seller with automatically detected settings.
func mustImport(t *testing.T, s *domain.Store, seller domain.SellerID, csv string) domain.Import {
	t.Helper()
	im, err := importCSV(s, seller, strings.NewReader(csv), int64(len(csv)))
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	if im.Status != domain.ImportDone {
		t.Fatalf("import status %s: %s", im.Status, im.Error)
	}
	return im
}

func importCSV(s *domain.Store, seller domain.SellerID, r io.ReadSeeker, size int64) (domain.Import, error) {
	ctx := context.Background()
	p, err := domain.DetectSettings(r)
	if err != nil {
		return domain.Import{}, err
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return domain.Import{}, err
	}
	im, err := s.CreateImport(ctx, seller, domain.NewImport{Source: "cli", Filename: "test.csv", Size: size})
	if err != nil {
		return domain.Import{}, err
	}
	return s.RunImport(ctx, seller, im.ID, r, domain.ImportSettings{Dialect: p.Dialect, Mapping: p.Mapping, DateOrder: p.DateOrder, Location: china})
}

// shipmentByRef finds a shipment through the search, as a seller would.
func shipmentByRef(t *testing.T, s *domain.Store, seller domain.SellerID, ref string) domain.Shipment {
	t.Helper()
	page, err := s.ListShipments(context.Background(), seller, domain.ShipmentFilter{Query: ref})
	if err != nil {
		t.Fatal(err)
	}
	for _, sh := range page.Shipments {
		if sh.OrderRef == ref {
			return sh
		}
	}
	t.Fatalf("no shipment %s", ref)
	return domain.Shipment{}
}

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, china)
	if err != nil {
		panic(err)
	}
	return t
}

const header = "Order ID,Tracking Number,Shipping Method,Last Event,Event Time,Location,Country,Order Total\n"

func TestImportCreatesShipmentsAndIsIdempotent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	csv := header +
		"A-1,LP00123456789012,AliExpress Standard Shipping,[Shenzhen] Accepted by carrier,2026-11-01 10:00,,Spain,\"12,50 €\"\n" +
		"A-1,LP00123456789012,AliExpress Standard Shipping,[Shenzhen] Hand over to airline,2026-11-02 08:00,,Spain,\n" +
		"A-1,LP00123456789012,AliExpress Standard Shipping,Received by local delivery company with tracking PQ4A2B000123456,2026-11-09 09:00,Madrid,Spain,\n" +
		"B-2,LP00999999999999,Cainiao Super Economy Global,Arrived at destination country/region,2026-11-05 12:00,Warszawa,PL,9.99\n"
	im := mustImport(t, s, seller.ID, csv)
	if im.RowsRead != 4 || im.ShipmentsCreated != 2 || im.EventsAdded != 4 || im.RowsRejected != 0 {
		t.Errorf("first import: %+v", im)
	}
	a := shipmentByRef(t, s, seller.ID, "A-1")
	if a.Stage != domain.StageCustomsCleared || a.StageEnteredAt == nil || !a.StageEnteredAt.Equal(at("2026-11-09 09:00")) {
		t.Errorf("A-1 stage %v entered %v", a.Stage, a.StageEnteredAt)
	}
	if a.DestinationCountry != "ES" || a.OrderValue == nil || *a.OrderValue != "12.50" || a.Currency != "EUR" {
		t.Errorf("A-1 facts: country %q value %v %q", a.DestinationCountry, a.OrderValue, a.Currency)
	}
	nums, err := s.ListTrackingNumbers(ctx, seller.ID, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(nums); got != "[{LP00123456789012 first_mile} {PQ4A2B000123456 event_text}]" {
		t.Errorf("A-1 tracking numbers = %s", got)
	}
	// Findable by the number that only appeared inside an event's text.
	if got := shipmentByRef(t, s, seller.ID, "A-1"); got.ID != a.ID {
		t.Fatal("lookup")
	}
	page, _ := s.ListShipments(ctx, seller.ID, domain.ShipmentFilter{Query: "pq4a2b000123456"})
	if len(page.Shipments) != 1 || page.Shipments[0].ID != a.ID {
		t.Errorf("search by a number from event text found %d shipments", len(page.Shipments))
	}

	again := mustImport(t, s, seller.ID, csv)
	if again.ShipmentsCreated != 0 || again.ShipmentsUpdated != 0 || again.EventsAdded != 0 || again.DuplicatesSkipped != 4 {
		t.Errorf("second import of the same file changed something: %+v", again)
	}
	if after := shipmentByRef(t, s, seller.ID, "A-1"); !after.UpdatedAt.Equal(a.UpdatedAt) {
		t.Errorf("re-import rewrote the shipment (updated_at %v → %v)", a.UpdatedAt, after.UpdatedAt)
	}

	// A later file with one new event of A-1 updates that shipment (its stage moves) and no other.
	later := mustImport(t, s, seller.ID, header+"A-1,,,Out for delivery,2026-11-10 08:00,Madrid,Spain,\n"+
		"B-2,LP00999999999999,Cainiao Super Economy Global,Arrived at destination country/region,2026-11-05 12:00,Warszawa,PL,9.99\n")
	if later.ShipmentsCreated != 0 || later.ShipmentsUpdated != 1 || later.EventsAdded != 1 || later.DuplicatesSkipped != 1 {
		t.Errorf("later import: %+v; want 1 shipment updated, 1 event added, 1 duplicate", later)
	}
	if a := shipmentByRef(t, s, seller.ID, "A-1"); a.Stage != domain.StageOutForDelivery || a.TrackingNumber != "LP00123456789012" {
		t.Errorf("A-1 after the later file: stage %v tracking %q", a.Stage, a.TrackingNumber)
	}
}

func TestImportOutOfOrderNeverMovesBack(t *testing.T) {
	t.Parallel()
	s := dbtest.NewStore(t)
	seller, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	mustImport(t, s, seller.ID, header+
		"C-3,,AliExpress Standard Shipping,Import customs clearance complete,2026-11-10 10:00,,US,\n"+
		"C-3,,AliExpress Standard Shipping,[Shenzhen] Outbound in sorting center,2026-11-02 10:00,,US,\n")
	before := shipmentByRef(t, s, seller.ID, "C-3")
	// Older events arrive later, and the current stage is seen again later: nothing moves back and
	// the clock does not restart.
	im := mustImport(t, s, seller.ID, header+
		"C-3,,AliExpress Standard Shipping,[Shenzhen] Hand over to airline,2026-11-04 10:00,,US,\n"+
		"C-3,,AliExpress Standard Shipping,Received by local delivery company,2026-11-12 10:00,,US,\n")
	if im.EventsAdded != 2 {
		t.Errorf("events added = %d, want 2", im.EventsAdded)
	}
	after := shipmentByRef(t, s, seller.ID, "C-3")
	if after.Stage != domain.StageCustomsCleared || !after.StageEnteredAt.Equal(*before.StageEnteredAt) {
		t.Errorf("stage %v entered %v; want stage 9 entered %v", after.Stage, after.StageEnteredAt, before.StageEnteredAt)
	}
	if after.LastEventAt == nil || !after.LastEventAt.Equal(at("2026-11-12 10:00")) {
		t.Errorf("last event at %v", after.LastEventAt)
	}
}

func TestImportCainiaoPreAdvice(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	// "Import clearance start" arrives hours before the parcel leaves China.
	mustImport(t, s, seller.ID, header+
		"P-1,,AliExpress Standard Shipping,[Shenzhen] Export customs clearance started,2026-11-03 08:00,,ES,\n"+
		"P-1,,AliExpress Standard Shipping,Import clearance start,2026-11-03 11:00,Madrid,ES,\n")
	if sh := shipmentByRef(t, s, seller.ID, "P-1"); sh.Stage != domain.StageImportCustoms {
		t.Fatalf("before any departure scan the customs event counts: stage %v", sh.Stage)
	}
	mustImport(t, s, seller.ID, header+
		"P-1,,AliExpress Standard Shipping,[Shenzhen] Departed from departure country/region,2026-11-04 02:00,,ES,\n")
	sh := shipmentByRef(t, s, seller.ID, "P-1")
	if sh.Stage != domain.StageDepartedOrigin || !sh.StageEnteredAt.Equal(at("2026-11-04 02:00")) {
		t.Errorf("after the departure scan: stage %v entered %v, want departed origin", sh.Stage, sh.StageEnteredAt)
	}
	evs, err := s.ListEvents(ctx, seller.ID, sh.ID)
	if err != nil {
		t.Fatal(err)
	}
	var pre int
	for _, e := range evs {
		if e.PreAdvice {
			pre++
			if e.StatusText != "Import clearance start" {
				t.Errorf("pre-advice marked on %q", e.StatusText)
			}
		}
	}
	if pre != 1 {
		t.Errorf("%d pre-advice events, want 1", pre)
	}
	// Once it has landed, a real import clearance counts.
	mustImport(t, s, seller.ID, header+
		"P-1,,AliExpress Standard Shipping,Arrived at destination country/region,2026-11-06 09:00,Madrid,ES,\n"+
		"P-1,,AliExpress Standard Shipping,Import clearance start,2026-11-06 15:00,Madrid,ES,\n")
	if sh := shipmentByRef(t, s, seller.ID, "P-1"); sh.Stage != domain.StageImportCustoms || !sh.StageEnteredAt.Equal(at("2026-11-06 15:00")) {
		t.Errorf("after landing: stage %v entered %v, want import customs from 15:00", sh.Stage, sh.StageEnteredAt)
	}
}

func TestImportRejectsBadRowsAndKeepsGoodOnes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	im := mustImport(t, s, seller.ID, header+
		"G-1,,,Delivered,2026-11-01 10:00,,FR,\n"+
		",,,Delivered,2026-11-01 10:00,,FR,\n"+
		"G-2,,,Delivered,31/31/2026,,FR,\n"+
		"G-3,,,Out for delivery,2026-11-02 10:00,,Atlantis,\n"+
		"G-4,,,Out for delivery,2026-11-02 10:00,,DE,\n")
	if im.RowsRead != 5 || im.RowsRejected != 3 || im.ShipmentsCreated != 2 {
		t.Errorf("import: read %d rejected %d created %d; want 5, 3, 2", im.RowsRead, im.RowsRejected, im.ShipmentsCreated)
	}
	var lines []string
	err := s.EachReject(ctx, seller.ID, im.ID, func(r domain.Reject) error {
		lines = append(lines, fmt.Sprintf("%d %s %q", r.Line, r.Reason, r.Fields[0]))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(lines, "\n")
	for _, want := range []string{`3 order_ref`, `4 status_at`, `5 destination_country`, `"G-2"`} {
		if !strings.Contains(got, want) {
			t.Errorf("rejects lack %q:\n%s", want, got)
		}
	}
}

// failingReader gives some rows and then fails, as a dropped upload or a dying disk would.
type failingReader struct {
	r     io.Reader
	after int
}

func (f *failingReader) Read(p []byte) (int, error) {
	if f.after <= 0 {
		return 0, errors.New("connection reset by peer")
	}
	if len(p) > f.after {
		p = p[:f.after]
	}
	n, err := f.r.Read(p)
	f.after -= n
	return n, err
}

func TestImportFailureLeavesNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	var b strings.Builder
	b.WriteString(header)
	for i := range 2000 {
		fmt.Fprintf(&b, "F-%d,,,Delivered,2026-11-01 10:00,,FR,\n", i)
	}
	csv := b.String()
	p, err := domain.DetectSettings(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	im, _ := s.CreateImport(ctx, seller.ID, domain.NewImport{Source: "cli", Filename: "f.csv"})
	_, err = s.RunImport(ctx, seller.ID, im.ID, &failingReader{r: strings.NewReader(csv), after: len(csv) / 2},
		domain.ImportSettings{Dialect: p.Dialect, Mapping: p.Mapping, Location: china})
	if err == nil {
		t.Fatal("import of a broken stream succeeded")
	}
	got, _ := s.FindImport(ctx, seller.ID, im.ID)
	if got.Status != domain.ImportFailed || !strings.Contains(got.Error, "nothing from it was saved") {
		t.Errorf("import status %s, error %q", got.Status, got.Error)
	}
	page, _ := s.ListShipments(ctx, seller.ID, domain.ShipmentFilter{})
	if len(page.Shipments) != 0 {
		t.Errorf("a failed import left %d shipments", len(page.Shipments))
	}
	// It can be run again, whole this time.
	done, err := s.RunImport(ctx, seller.ID, im.ID, strings.NewReader(csv), domain.ImportSettings{Dialect: p.Dialect, Mapping: p.Mapping, Location: china})
	if err != nil || done.ShipmentsCreated != 2000 {
		t.Errorf("re-run: %v, created %d", err, done.ShipmentsCreated)
	}
}

func TestImportIsScopedBySeller(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	a, _ := mustSeller(t, s, "A", "a@shop.test")
	b, _ := mustSeller(t, s, "B", "b@shop.test")
	imA := mustImport(t, s, a.ID, header+"SAME-1,LP00111111111111,,Delivered,2026-11-01 10:00,,FR,\n")
	mustImport(t, s, b.ID, header+"SAME-1,LP00222222222222,,Out for delivery,2026-11-01 10:00,,FR,\n")
	shA := shipmentByRef(t, s, a.ID, "SAME-1")
	shB := shipmentByRef(t, s, b.ID, "SAME-1")
	if shA.ID == shB.ID || shA.Stage != domain.StageDelivered || shB.Stage != domain.StageOutForDelivery {
		t.Errorf("same order ref of two sellers: %+v / %+v", shA, shB)
	}
	if _, err := s.FindShipment(ctx, b.ID, shA.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("B finds A's shipment: %v", err)
	}
	if _, err := s.FindImport(ctx, b.ID, imA.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("B finds A's import: %v", err)
	}
	if evs, _ := s.ListEvents(ctx, b.ID, shA.ID); len(evs) != 0 {
		t.Errorf("B lists A's events: %d", len(evs))
	}
	if page, _ := s.ListShipments(ctx, b.ID, domain.ShipmentFilter{Query: "LP00111111111111"}); len(page.Shipments) != 0 {
		t.Errorf("B's search finds A's tracking number")
	}
}

func TestConcurrentImportsOfOneSeller(t *testing.T) {
	t.Parallel()
	s := dbtest.NewStore(t)
	seller, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	file := func(from, to int) string {
		var b strings.Builder
		b.WriteString(header)
		for i := from; i < to; i++ {
			fmt.Fprintf(&b, "K-%d,,,[Shenzhen] Hand over to airline,2026-11-01 10:00,,FR,\nK-%d,,,Delivered,2026-11-09 10:00,,FR,\n", i, i)
		}
		return b.String()
	}
	files := []string{file(0, 600), file(300, 900), file(0, 900)}
	var wg sync.WaitGroup
	errs := make([]error, len(files))
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = importCSV(s, seller.ID, strings.NewReader(f), int64(len(f)))
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	page, _ := s.ListShipments(context.Background(), seller.ID, domain.ShipmentFilter{Limit: 500})
	n := len(page.Shipments)
	for page.Next > 0 {
		page, _ = s.ListShipments(context.Background(), seller.ID, domain.ShipmentFilter{Limit: 500, Before: page.Next})
		n += len(page.Shipments)
	}
	if n != 900 {
		t.Errorf("%d shipments after concurrent imports, want 900", n)
	}
	for _, ref := range []string{"K-0", "K-450", "K-899"} {
		if sh := shipmentByRef(t, s, seller.ID, ref); sh.Stage != domain.StageDelivered {
			t.Errorf("%s stage %v", ref, sh.Stage)
		}
	}
}

func TestMarkInterruptedImports(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	csv := header + "I-1,,,Delivered,2026-11-01 10:00,,FR,\n"
	p, _ := domain.DetectSettings(strings.NewReader(csv))
	set := domain.ImportSettings{Dialect: p.Dialect, Mapping: p.Mapping, Location: china}
	live, _ := s.CreateImport(ctx, seller.ID, domain.NewImport{Source: "cli", Filename: "live.csv"})
	run, err := s.BeginImport(ctx, seller.ID, live.ID, set) // running, its transaction open
	if err != nil {
		t.Fatal(err)
	}
	dead, _ := s.CreateImport(ctx, seller.ID, domain.NewImport{Source: "cli", Filename: "dead.csv"})
	deadRun, err := s.BeginImport(ctx, seller.ID, dead.ID, set)
	if err != nil {
		t.Fatal(err)
	}
	deadRun.Abandon() // the process died: its transaction and lock are gone, the row says running
	if _, err := s.BeginImport(ctx, seller.ID, live.ID, set); !errors.Is(err, domain.ErrConflict) {
		t.Errorf("second begin of a running import: %v, want ErrConflict", err)
	}
	n, err := s.MarkInterruptedImports(ctx)
	if err != nil || n != 1 {
		t.Fatalf("marked %d, %v; want 1", n, err)
	}
	if im, _ := s.FindImport(ctx, seller.ID, dead.ID); im.Status != domain.ImportInterrupted || !im.Runnable() {
		t.Errorf("dead import: %s", im.Status)
	}
	// A run that cannot get its file (the upload is gone, the job was stopped) ends failed, not
	// running: it can be run again at once.
	third, _ := s.CreateImport(ctx, seller.ID, domain.NewImport{Source: "cli", Filename: "third.csv"})
	thirdRun, err := s.BeginImport(ctx, seller.ID, third.ID, set)
	if err != nil {
		t.Fatal(err)
	}
	if err := thirdRun.Fail(ctx, errors.New("upload gone")); err == nil {
		t.Error("Fail returned no error")
	}
	if im, _ := s.FindImport(ctx, seller.ID, third.ID); im.Status != domain.ImportFailed || !im.Runnable() {
		t.Errorf("failed run: %s", im.Status)
	}
	done, err := run.Load(ctx, strings.NewReader(csv))
	if err != nil || done.Status != domain.ImportDone {
		t.Errorf("live import: %v %s", err, done.Status)
	}
}

// TestMarkInterruptedAPIBatches: an API batch recorded but never begun (its process died while it
// waited for its group) is marked interrupted once it has waited ten minutes, and not before; an
// upload waiting for its seller to confirm the mapping is not.
func TestMarkInterruptedAPIBatches(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.NewDB(t)
	s := domain.NewStore(db)
	s.PasswordCost = 4
	seller, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	var ids []int64
	for _, source := range []string{"api", "17track", "api", "upload"} {
		im, err := s.CreateImport(ctx, seller.ID, domain.NewImport{Source: source, Filename: source})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, im.ID)
	}
	// All but the third have waited eleven minutes.
	if _, err := db.Exec(`UPDATE imports SET created_at = now() - interval '11 minutes' WHERE seller_id = $1 AND id <> $2`, seller.ID, ids[2]); err != nil {
		t.Fatal(err)
	}
	if n, err := s.MarkInterruptedImports(ctx); err != nil || n != 2 {
		t.Fatalf("marked %d, %v; want 2", n, err)
	}
	for i, want := range []domain.ImportStatus{domain.ImportInterrupted, domain.ImportInterrupted, domain.ImportUploaded, domain.ImportUploaded} {
		if im, _ := s.FindImport(ctx, seller.ID, ids[i]); im.Status != want {
			t.Errorf("import %d: %s, want %s", i, im.Status, want)
		}
	}
}

func TestMapStatusReclassifies(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, owner := mustSeller(t, s, "Shop", "owner@shop.test")
	mustImport(t, s, seller.ID, header+
		"U-1,,,[Shenzhen] Hand over to airline,2026-11-01 10:00,,FR,\n"+
		"U-1,,,[Paris] Zorblax manifest ping,2026-11-08 10:00,,FR,\n"+
		"U-2,,,ZORBLAX MANIFEST PING,2026-11-08 11:00,,FR,\n")
	un, err := s.ListUnmappedStatuses(ctx, seller.ID, 50)
	if err != nil || len(un) != 1 || un[0].Shipments != 2 {
		t.Fatalf("unmapped = %+v, %v; want one text on two shipments", un, err)
	}
	n, err := s.MapStatus(ctx, seller.ID, owner.ID, domain.StatusMapping{Text: un[0].Example, Stage: domain.StageCustomsCleared, Signal: domain.SignalNone}, time.Now())
	if err != nil || n != 2 {
		t.Fatalf("MapStatus: %d, %v", n, err)
	}
	if sh := shipmentByRef(t, s, seller.ID, "U-1"); sh.Stage != domain.StageCustomsCleared {
		t.Errorf("U-1 stage %v after mapping", sh.Stage)
	}
	if un, _ := s.ListUnmappedStatuses(ctx, seller.ID, 50); len(un) != 0 {
		t.Errorf("still unmapped: %+v", un)
	}
	// The next import applies the seller's rule on its own.
	mustImport(t, s, seller.ID, header+"U-3,,,Zorblax manifest ping,2026-11-09 10:00,,FR,\n")
	if sh := shipmentByRef(t, s, seller.ID, "U-3"); sh.Stage != domain.StageCustomsCleared {
		t.Errorf("U-3 stage %v", sh.Stage)
	}
	if _, err := s.MapStatus(ctx, seller.ID, owner.ID, domain.StatusMapping{Text: "x", Stage: domain.StageUnknown, Signal: domain.SignalNone}, time.Now()); err == nil {
		t.Error("mapping to no stage accepted")
	}
}

func TestAcceptSuggestions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, owner := mustSeller(t, s, "Shop", "owner@shop.test")
	mustImport(t, s, seller.ID, header+
		"S-1,,,Matosinhos quayside customs yard intake,2026-11-08 10:00,,PT,\n"+
		"S-2,,,Porto quayside customs yard intake,2026-11-08 11:00,,PT,\n"+
		"S-3,,,Zorblax manifest ping,2026-11-08 12:00,,PT,\n")
	un, err := s.ListUnmappedStatuses(ctx, seller.ID, 50)
	if err != nil || len(un) != 3 {
		t.Fatalf("unmapped = %+v, %v", un, err)
	}
	suggested := 0
	for _, u := range un {
		if u.Acceptable() {
			suggested++
			if u.Suggestion.Stage != domain.StageImportCustoms || u.Reason == "" {
				t.Errorf("%q: suggestion %+v, reason %q", u.Example, u.Suggestion, u.Reason)
			}
		} else if u.Suggestion != nil && !u.Suggestion.Guess {
			t.Errorf("%q: a rule's suggestion is not acceptable: %+v", u.Example, u.Suggestion)
		}
	}
	if suggested != 2 {
		t.Errorf("%d acceptable suggestions, want 2 (the unknown text has at most a guess)", suggested)
	}
	// Only the ticked one.
	n, events, err := s.AcceptSuggestions(ctx, seller.ID, owner.ID, []string{"[Porto] Porto quayside customs yard intake"}, time.Now())
	if err != nil || n != 1 || events != 1 {
		t.Fatalf("AcceptSuggestions(one) = %d, %d, %v", n, events, err)
	}
	if sh := shipmentByRef(t, s, seller.ID, "S-2"); sh.Stage != domain.StageImportCustoms {
		t.Errorf("S-2 stage %v", sh.Stage)
	}
	if sh := shipmentByRef(t, s, seller.ID, "S-1"); sh.Stage != domain.StageUnknown {
		t.Errorf("S-1 stage %v before its suggestion was accepted", sh.Stage)
	}
	// All the rest; a text with only the model's guess, or nothing, stays unmapped.
	if n, _, err := s.AcceptSuggestions(ctx, seller.ID, owner.ID, nil, time.Now()); err != nil || n != 1 {
		t.Fatalf("AcceptSuggestions(all) = %d, %v", n, err)
	}
	if un, _ := s.ListUnmappedStatuses(ctx, seller.ID, 50); len(un) != 1 || un[0].Example != "Zorblax manifest ping" {
		t.Errorf("still unmapped: %+v", un)
	}
}

// TestImportCodesOrderStatusesAndLanguages: a Brazilian seller's headers map without help; a
// status code beats the text and stands in for a missing text; a store's order status is stage 1
// from the order's date, not from the import's time.
func TestImportCodesOrderStatusesAndLanguages(t *testing.T) {
	t.Parallel()
	s := dbtest.NewStore(t)
	seller, _ := mustSeller(t, s, "Loja", "dono@loja.test")
	mustImport(t, s, seller.ID, "Pedido;Codigo de rastreio;Situação;Código do evento;Data;Data do pedido\n"+
		"BR-1;NL123456789BR;Objeto saiu do país de origem;;2026-11-02 10:00;2026-10-28 09:00\n"+
		"BR-2;NL123456780BR;Objeto em trânsito;EMD;2026-11-03 10:00;2026-10-28 09:00\n"+
		"BR-3;NL123456781BR;;EMI;2026-11-05 10:00;2026-10-28 09:00\n"+
		"BR-4;;unfulfilled;;;2026-10-29 14:30\n")
	for ref, want := range map[string]domain.Stage{
		"BR-1": domain.StageDepartedOrigin,     // the words, read part by part
		"BR-2": domain.StageArrivedDestination, // the code, over a text that says nothing
		"BR-3": domain.StageDelivered,          // the code alone
		"BR-4": domain.StageOrderCompleted,
	} {
		if sh := shipmentByRef(t, s, seller.ID, ref); sh.Stage != want {
			t.Errorf("%s: stage %v, want %v", ref, sh.Stage, want)
		}
	}
	sh := shipmentByRef(t, s, seller.ID, "BR-4")
	china := time.FixedZone("CST", 8*3600)
	if want := time.Date(2026, 10, 29, 14, 30, 0, 0, china); sh.StageEnteredAt == nil || !sh.StageEnteredAt.Equal(want) {
		t.Errorf("BR-4 entered stage 1 at %v, want the order date %v", sh.StageEnteredAt, want)
	}
}

func TestUploadRefusesBadFilesAndKeepsGoodOnes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, owner := mustSeller(t, s, "Shop", "owner@shop.test")
	for name, body := range map[string][]byte{
		"empty":  nil,
		"binary": {0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d, 0, 1, 2, 3, 0, 0, 0, 0},
		"big":    bytes.Repeat([]byte("a,b\n"), 300_000),
	} {
		_, err := s.CreateUpload(ctx, seller.ID, owner.ID, name+".csv", bytes.NewReader(body), 1<<20)
		var verr *domain.ValidationError
		if !errors.As(err, &verr) {
			t.Errorf("%s: err = %v, want a validation error", name, err)
		}
	}
	if ims, _ := s.ListImports(ctx, seller.ID, 10); len(ims) != 0 {
		t.Errorf("refused uploads left %d imports", len(ims))
	}
	big := header + strings.Repeat("Z-1,,,Delivered,2026-11-01 10:00,,FR,\n", 60_000) // over one chunk
	im, err := s.CreateUpload(ctx, seller.ID, owner.ID, "good.csv", strings.NewReader(big), 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	if im.Status != domain.ImportUploaded || im.SizeBytes != int64(len(big)) || im.RowsEstimate != 60_000 {
		t.Errorf("upload: %+v", im)
	}
	r, err := s.OpenUpload(ctx, seller.ID, im.ID)
	if err != nil {
		t.Fatal(err)
	}
	back, _ := io.ReadAll(r)
	if string(back) != big {
		t.Errorf("read back %d bytes, want %d", len(back), len(big))
	}
	if _, err := s.OpenUpload(ctx, domain.SellerID(int64(seller.ID)+1000), im.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("another seller opens the upload: %v", err)
	}
}

func TestImportLastValueInTheFileWins(t *testing.T) {
	t.Parallel()
	s := dbtest.NewStore(t)
	seller, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	var b strings.Builder
	b.WriteString("Order ID,Last Event,Event Time,Country,Promised Delivery Date\n")
	// Many orders, so that the merge sorts and groups for real; each order's later row changes
	// the promised date and its middle row leaves the country blank.
	for i := range 300 {
		fmt.Fprintf(&b, "V-%d,Hand over to airline,2026-11-01 10:00,FR,2026-11-20\n", i)
		fmt.Fprintf(&b, "V-%d,Departed from departure country/region,2026-11-02 10:00,,\n", i)
		fmt.Fprintf(&b, "V-%d,Arrived at destination country/region,2026-11-05 10:00,DE,2026-11-28\n", i)
		// Between them, orders of one row each, whose facts skip the aggregates.
		fmt.Fprintf(&b, "W-%d,Hand over to airline,2026-11-01 10:00,IT,2026-11-21\n", i)
	}
	mustImport(t, s, seller.ID, b.String())
	for _, ref := range []string{"W-0", "W-299"} {
		sh := shipmentByRef(t, s, seller.ID, ref)
		if sh.DestinationCountry != "IT" || sh.PromisedBy == nil || sh.PromisedBy.In(china).Format("2006-01-02") != "2026-11-21" {
			t.Errorf("%s: country %q promised %v; want its one row's IT, 2026-11-21", ref, sh.DestinationCountry, sh.PromisedBy)
		}
	}
	for _, ref := range []string{"V-0", "V-150", "V-299"} {
		sh := shipmentByRef(t, s, seller.ID, ref)
		if sh.DestinationCountry != "DE" || sh.PromisedBy == nil || sh.PromisedBy.In(china).Format("2006-01-02") != "2026-11-28" {
			t.Errorf("%s: country %q promised %v; want the last row's DE, 2026-11-28", ref, sh.DestinationCountry, sh.PromisedBy)
		}
	}
}

// TestImportRowLimit: a file longer than MaxImportRows fails whole with a message to split it,
// leaving nothing behind; with a higher limit the same import runs again to the end.
func TestImportRowLimit(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	csv := header + "L-1,,,Delivered,2026-11-01 10:00,,FR,\nL-2,,,Delivered,2026-11-01 10:00,,FR,\nL-3,,,Delivered,2026-11-01 10:00,,FR,\n"
	p, err := domain.DetectSettings(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	set := domain.ImportSettings{Dialect: p.Dialect, Mapping: p.Mapping, Location: china}
	im, _ := s.CreateImport(ctx, seller.ID, domain.NewImport{Source: "cli", Filename: "f.csv"})
	s.MaxImportRows = 2
	if _, err := s.RunImport(ctx, seller.ID, im.ID, strings.NewReader(csv), set); err == nil {
		t.Fatal("a file over the row limit was imported")
	}
	got, _ := s.FindImport(ctx, seller.ID, im.ID)
	if got.Status != domain.ImportFailed || got.Error != "The file has more than 2 rows, the most one import takes. "+
		"Split it into smaller files and import each; nothing from this one was saved." {
		t.Errorf("import status %s, error %q", got.Status, got.Error)
	}
	if page, _ := s.ListShipments(ctx, seller.ID, domain.ShipmentFilter{}); len(page.Shipments) != 0 {
		t.Errorf("a refused import left %d shipments", len(page.Shipments))
	}
	s.MaxImportRows = 3 // exactly at the limit is fine
	if done, err := s.RunImport(ctx, seller.ID, im.ID, strings.NewReader(csv), set); err != nil || done.ShipmentsCreated != 3 {
		t.Errorf("re-run at the limit: %v, created %d", err, done.ShipmentsCreated)
	}
}

// TestImportKeepsTextExactlyAndFactsAcrossRuns: the importer streams rows to PostgreSQL in COPY's
// text format and sends an order's facts only when they change. Text with tabs, line breaks,
// backslashes, quotes, braces and a literal \N arrives as it was, in events, shipments and the
// rejected rows; an order whose rows are split into runs by another order's rows, and whose
// tracking number goes A, B, A, ends with A and keeps both numbers; an order whose first row
// repeats the previous order's product has it too.
func TestImportKeepsTextExactlyAndFactsAcrossRuns(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	status := "Held at\tcustoms \\ \"desk\" {1,2}\nsee \\N"
	product := `Lamp \N {a,"b"} C:\dir`
	var file strings.Builder
	w := csv.NewWriter(&file)
	_ = w.WriteAll([][]string{
		{"Order ID", "Tracking Number", "Last Event", "Event Time", "Location", "Product"},
		{"T-1", "AA111111111CN", "Order Completed", "2026-11-01 10:00", "", product},
		{"T-2", "CC333333333CN", "Order Completed", "2026-11-01 11:00", "", product},
		{"T-1", "BB222222222CN", status, "2026-11-02 10:00", "Depot\t7\\N", ""},
		{"T-1", "AA111111111CN", "Delivered", "2026-11-09 10:00", "", product},
		{"", `\N "x" {y}`, "Delivered", "2026-11-09 10:00", "", ""},
	})
	im := mustImport(t, s, seller.ID, file.String())
	if im.RowsRejected != 1 || im.EventsAdded != 4 {
		t.Fatalf("import: %d rejected, %d events; want 1, 4", im.RowsRejected, im.EventsAdded)
	}
	sh := shipmentByRef(t, s, seller.ID, "T-1")
	if sh.TrackingNumber != "AA111111111CN" || sh.Product != product || sh.Stage != domain.StageDelivered {
		t.Errorf("T-1: tracking %q product %q stage %v; want AA111111111CN, %q, delivered", sh.TrackingNumber, sh.Product, sh.Stage, product)
	}
	if sh2 := shipmentByRef(t, s, seller.ID, "T-2"); sh2.Product != product {
		t.Errorf("T-2: product %q; want %q, as T-1's row before it", sh2.Product, product)
	}
	nums, err := s.ListTrackingNumbers(ctx, seller.ID, sh.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(nums) != 2 || nums[0].Number != "AA111111111CN" || nums[1].Number != "BB222222222CN" {
		t.Errorf("T-1 numbers %v; want AA… and BB…", nums)
	}
	evs, err := s.ListEvents(ctx, seller.ID, sh.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 3 || evs[1].StatusText != status || evs[1].Location != "Depot\t7\\N" {
		t.Errorf("T-1 events %+v; want the middle one to read %q at %q", evs, status, "Depot\t7\\N")
	}
	var fields []string
	if err := s.EachReject(ctx, seller.ID, im.ID, func(r domain.Reject) error { fields = r.Fields; return nil }); err != nil {
		t.Fatal(err)
	}
	if len(fields) < 2 || fields[1] != `\N "x" {y}` {
		t.Errorf("rejected row fields %q; want the original %q second", fields, `\N "x" {y}`)
	}
}

// TestImportStageFollowsTheRulesOnRandomHistories: on random event histories (stages in any
// order, import-customs events before and after departure scans, events without a time, ties),
// imported in two files, each shipment's stored stage, entry time and latest status are what the
// rules give from its events as ListEvents shows them (pre-advices marked by preAdviceSQL): the
// highest stage of an event that is not a pre-advice, entered at the earliest such event of that
// stage; the latest event by time, then stage, then id.
func TestImportStageFollowsTheRulesOnRandomHistories(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	rng := rand.New(rand.NewPCG(7, 11))
	files := [2]strings.Builder{}
	for i := range files {
		files[i].WriteString("Order ID,Last Event,Event Time,Location\n")
	}
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, china)
	const orders = 300
	for o := range orders {
		for e := range 1 + rng.IntN(8) {
			status := strconv.Itoa(1 + rng.IntN(11))
			switch r := rng.IntN(10); {
			case r < 3:
				status = []string{"6", "7", "8"}[rng.IntN(3)] // around the pre-advice rule
			case r == 3:
				status = "Bag closed at gate 3" // no rule knows it: stage 0
			}
			when := base.Add(time.Duration(rng.IntN(20)) * 6 * time.Hour).Format("2006-01-02 15:04") // ties
			if rng.IntN(12) == 0 {
				when = ""
			}
			fmt.Fprintf(&files[rng.IntN(2)], "R-%d,%s,%s,L%d\n", o, status, when, e)
		}
	}
	for i := range files {
		mustImport(t, s, seller.ID, files[i].String())
	}
	page, err := s.ListShipments(ctx, seller.ID, domain.ShipmentFilter{Limit: 500})
	if err != nil || len(page.Shipments) != orders {
		t.Fatalf("%d shipments, %v; want %d", len(page.Shipments), err, orders)
	}
	for _, sh := range page.Shipments {
		evs, err := s.ListEvents(ctx, seller.ID, sh.ID)
		if err != nil {
			t.Fatal(err)
		}
		var stage domain.Stage
		var entered, lastAt time.Time
		var last domain.Event
		for _, e := range evs {
			at := e.RecordedAt
			if e.OccurredAt != nil {
				at = *e.OccurredAt
			}
			if e.Stage.Valid() && !e.PreAdvice && (e.Stage > stage || e.Stage == stage && at.Before(entered)) {
				stage, entered = e.Stage, at
			}
			if lastAt.IsZero() || at.After(lastAt) || at.Equal(lastAt) && (e.Stage > last.Stage || e.Stage == last.Stage && e.ID > last.ID) {
				lastAt, last = at, e
			}
		}
		if sh.Stage != stage || !equalTime(sh.StageEnteredAt, entered) || !equalTime(sh.LastEventAt, lastAt) || sh.LastStatus != last.StatusText {
			t.Errorf("%s: stage %v entered %v, last %v %q; want %v entered %v, last %v %q (events %+v)", sh.OrderRef,
				sh.Stage, sh.StageEnteredAt, sh.LastEventAt, sh.LastStatus, stage, entered, lastAt, last.StatusText, evs)
		}
	}
}

// equalTime reports whether p holds t, or is nil and t is zero.
func equalTime(p *time.Time, t time.Time) bool {
	if p == nil {
		return t.IsZero()
	}
	return p.Equal(t)
}

// TestEventsOnlyNameTheirSellersShipments: the schema refuses an event or a tracking number that
// names another seller's shipment or one that does not exist (a whole statement fails, also when
// only one of its rows is wrong), refuses moving one to another seller's shipment or giving a
// shipment with events to another seller, and deleting a shipment deletes its events and tracking
// numbers. Shipments, events and tracking numbers can be truncated together.
func TestEventsOnlyNameTheirSellersShipments(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.NewDB(t)
	s := domain.NewStore(db)
	s.PasswordCost = 4
	a, _ := mustSeller(t, s, "A", "a@shop.test")
	b, _ := mustSeller(t, s, "B", "b@shop.test")
	mustImport(t, s, a.ID, header+"A-1,,,Delivered,2026-11-01 10:00,,FR,\nA-2,,,Delivered,2026-11-01 10:00,,FR,\n")
	mustImport(t, s, b.ID, header+"B-1,,,Delivered,2026-11-01 10:00,,FR,\n")
	shA1, shA2 := shipmentByRef(t, s, a.ID, "A-1"), shipmentByRef(t, s, a.ID, "A-2")
	shB := shipmentByRef(t, s, b.ID, "B-1")
	insert := `INSERT INTO events (seller_id, shipment_id, status_text, status_norm, stage)
		SELECT $1, id, 'x' || n, 'x', 0 FROM unnest($2::bigint[]) WITH ORDINALITY AS u (id, n)`
	refused := func(what string, err error) {
		t.Helper()
		var pqErr *pq.Error
		if !errors.As(err, &pqErr) || pqErr.Code != "23503" {
			t.Errorf("%s: %v; want a foreign_key_violation", what, err)
		}
	}
	_, err := db.ExecContext(ctx, insert, a.ID, pq.Array([]int64{shA1.ID, shB.ID}))
	refused("an event of A naming B's shipment", err)
	_, err = db.ExecContext(ctx, insert, a.ID, pq.Array([]int64{shA1.ID, shB.ID + 1000}))
	refused("an event naming no shipment", err)
	if _, err := db.ExecContext(ctx, insert, a.ID, pq.Array([]int64{shA1.ID, shA2.ID, shA2.ID})); err != nil {
		t.Errorf("events naming A's own shipments: %v", err)
	}
	_, err = db.ExecContext(ctx, `UPDATE events SET shipment_id = $2 WHERE shipment_id = $1`, shA1.ID, shB.ID)
	refused("moving an event to another seller's shipment", err)
	numbers := `INSERT INTO tracking_numbers (seller_id, number, shipment_id, source)
		SELECT $1, 'N' || n, id, 'first_mile' FROM unnest($2::bigint[]) WITH ORDINALITY AS u (id, n)`
	_, err = db.ExecContext(ctx, numbers, a.ID, pq.Array([]int64{shA1.ID, shB.ID}))
	refused("a tracking number of A naming B's shipment", err)
	if _, err := db.ExecContext(ctx, numbers, a.ID, pq.Array([]int64{shA1.ID, shA2.ID})); err != nil {
		t.Errorf("tracking numbers naming A's own shipments: %v", err)
	}
	_, err = db.ExecContext(ctx, `UPDATE tracking_numbers SET shipment_id = $2 WHERE shipment_id = $1`, shA1.ID, shB.ID)
	refused("moving a tracking number to another seller's shipment", err)
	_, err = db.ExecContext(ctx, `UPDATE shipments SET seller_id = $2 WHERE id = $1`, shA1.ID, b.ID)
	refused("giving a shipment to another seller", err)
	if _, err := db.ExecContext(ctx, `DELETE FROM shipments WHERE seller_id = $1 AND id = $2`, a.ID, shA1.ID); err != nil {
		t.Fatal(err)
	}
	var left int
	if err := db.GetContext(ctx, &left, `SELECT (SELECT count(*) FROM events WHERE shipment_id = $1)
		+ (SELECT count(*) FROM tracking_numbers WHERE shipment_id = $1)`, shA1.ID); err != nil || left != 0 {
		t.Errorf("a deleted shipment keeps %d events and tracking numbers (%v)", left, err)
	}
	if err := db.GetContext(ctx, &left, `SELECT count(*) FROM events WHERE shipment_id = $1`, shA2.ID); err != nil || left != 3 {
		t.Errorf("the other shipment has %d events (%v); want 3", left, err)
	}
	if _, err := db.ExecContext(ctx, `TRUNCATE shipments, events, tracking_numbers CASCADE`); err != nil {
		t.Errorf("truncating shipments with events: %v", err)
	}
}

// TestImportNumbersNewShipmentsInOrderRefOrder: new shipments get their ids in order_ref order,
// whatever the order of the file, so that the merge writes shipments and events in the order of
// their indexes (at a million new orders, random order made it a third slower). It fails if the
// id is taken before the sort.
func TestImportNumbersNewShipmentsInOrderRefOrder(t *testing.T) {
	t.Parallel()
	db := dbtest.NewDB(t)
	s := domain.NewStore(db)
	s.PasswordCost = 4
	seller, _ := mustSeller(t, s, "Order", "order@shop.test")
	var csv strings.Builder
	csv.WriteString(header)
	for i := 300; i > 0; i-- {
		fmt.Fprintf(&csv, "R-%03d,,,Delivered,2026-11-01 10:00,,FR,\n", (i*37)%300)
	}
	mustImport(t, s, seller.ID, csv.String())
	var refs []string
	if err := db.Select(&refs, `SELECT order_ref FROM shipments WHERE seller_id = $1 ORDER BY id`, seller.ID); err != nil {
		t.Fatal(err)
	}
	if len(refs) != 300 || !slices.IsSorted(refs) {
		t.Errorf("by id, the %d shipments are not in order_ref order: %v", len(refs), refs)
	}
}

// TestImportTrackingNumberSourceFirstMileFirst: a number the file gives an order in several
// places is stored once, with the first of first mile, last mile and event text, wherever the
// rows stand in the file.
func TestImportTrackingNumberSourceFirstMileFirst(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, _ := mustSeller(t, s, "Sources", "sources@shop.test")
	mustImport(t, s, seller.ID, "Order ID,Tracking Number,Last Mile Tracking,Last Event,Event Time\n"+
		"O-1,LP00111111111111,,Handed over to Royal Mail with tracking RB123456789GB,2026-11-05 10:00\n"+
		"O-1,LP00111111111111,RB123456789GB,Out for delivery,2026-11-08 09:00\n"+
		"O-2,LP00222222222222,LP00222222222222,Arrived at destination country/region,2026-11-05 12:00\n")
	for ref, want := range map[string]string{
		"O-1": "[{LP00111111111111 first_mile} {RB123456789GB last_mile}]",
		"O-2": "[{LP00222222222222 first_mile}]",
	} {
		nums, err := s.ListTrackingNumbers(ctx, seller.ID, shipmentByRef(t, s, seller.ID, ref).ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(nums); got != want {
			t.Errorf("%s tracking numbers = %s, want %s", ref, got, want)
		}
	}
}

// TestImportFinishesAfterItStarts: an import's started_at is written outside its transaction
// after the transaction began, and its finished_at inside it at the end. Both were now(), the
// time the statement's transaction started, so a done import finished before it started; they
// are the clock's time when written.
func TestImportFinishesAfterItStarts(t *testing.T) {
	t.Parallel()
	s := dbtest.NewStore(t)
	seller, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	im := mustImport(t, s, seller.ID, header+"A-1,LP00123456789012,,Accepted by carrier,2026-11-01 10:00,,Spain,\n")
	if im.StartedAt == nil || im.FinishedAt == nil || im.FinishedAt.Before(*im.StartedAt) {
		t.Errorf("import started %v and finished %v", im.StartedAt, im.FinishedAt)
	}
	if !im.CreatedAt.After(time.Time{}) || im.StartedAt.Before(im.CreatedAt) {
		t.Errorf("import created %v and started %v", im.CreatedAt, im.StartedAt)
	}
}

// TestImportKeepsOrdersWithOddTrackingNumbers: a row whose tracking number is not one ("pending",
// a short internal code) was rejected whole, and its order left monitoring. The order is imported
// without the number, the value is kept aside on the shipment, the row is reported as a warning
// with its line (not a rejection), and the shipments list counts the orders left without a usable
// number until a file gives them one.
func TestImportKeepsOrdersWithOddTrackingNumbers(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	csv := header +
		"A-1,pending,AliExpress Standard Shipping,Processing,2026-11-01 10:00,,Spain,\n" +
		"B-2,X12,AliExpress Standard Shipping,[Shenzhen] Accepted by carrier,2026-11-01 10:00,,Spain,\n" +
		"C-3,LP00123456789012,AliExpress Standard Shipping,[Shenzhen] Accepted by carrier,2026-11-01 10:00,,Spain,\n" +
		",LP00999999999999,,Delivered,2026-11-01 10:00,,Spain,\n" +
		"B-2,X12,AliExpress Standard Shipping,[Shenzhen] Hand over to airline,2026-11-02 10:00,,Spain,\n"
	im := mustImport(t, s, seller.ID, csv)
	if im.ShipmentsCreated != 3 || im.RowsRejected != 1 || im.RowsWarned != 3 || im.EventsAdded != 4 {
		t.Errorf("import: %d created, %d rejected, %d warned, %d events; want 3, 1, 3, 4", im.ShipmentsCreated, im.RowsRejected, im.RowsWarned, im.EventsAdded)
	}
	warnings, err := s.ListWarnings(ctx, seller.ID, im.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []domain.Warning{
		{Line: 2, Message: `tracking_number: "pending" is not a tracking number; the order was imported without it`},
		{Line: 3, Message: `tracking_number: "X12" is not a tracking number; the order was imported without it`},
		{Line: 6, Message: `tracking_number: "X12" is not a tracking number; the order was imported without it`},
	}
	if !reflect.DeepEqual(warnings, want) {
		t.Errorf("warnings:\n%v\nwant\n%v", warnings, want)
	}
	var rejected []domain.Reject
	_ = s.EachReject(ctx, seller.ID, im.ID, func(r domain.Reject) error { rejected = append(rejected, r); return nil })
	if len(rejected) != 1 || rejected[0].Line != 5 {
		t.Errorf("rejected rows: %v, want line 5 alone", rejected)
	}
	a := shipmentByRef(t, s, seller.ID, "A-1")
	if a.TrackingNumber != "" || a.UnrecognisedTracking != "pending" || a.Stage != domain.StageOrderCompleted {
		t.Errorf("A-1: tracking %q, unrecognised %q, stage %v", a.TrackingNumber, a.UnrecognisedTracking, a.Stage)
	}
	if b := shipmentByRef(t, s, seller.ID, "B-2"); b.UnrecognisedTracking != "X12" || b.Stage != domain.StageHandedToCarrier {
		t.Errorf("B-2: unrecognised %q, stage %v; want X12, followed by its events", b.UnrecognisedTracking, b.Stage)
	}
	noNumber := func() []string {
		t.Helper()
		n, err := s.CountNoUsableNumber(ctx, seller.ID)
		if err != nil {
			t.Fatal(err)
		}
		page, err := s.ListShipments(ctx, seller.ID, domain.ShipmentFilter{NoUsableNumber: true})
		if err != nil {
			t.Fatal(err)
		}
		var refs []string
		for _, sh := range page.Shipments {
			refs = append(refs, sh.OrderRef)
		}
		if int(n) != len(refs) {
			t.Errorf("%d orders counted without a usable number, %d listed", n, len(refs))
		}
		return refs
	}
	if got := noNumber(); !reflect.DeepEqual(got, []string{"B-2", "A-1"}) {
		t.Errorf("orders with no usable tracking number: %v, want B-2 and A-1", got)
	}

	// The same file again changes nothing; a later file that gives A-1 its number makes it
	// trackable (the odd value stays on record).
	if again := mustImport(t, s, seller.ID, csv); again.ShipmentsUpdated != 0 || again.EventsAdded != 0 || again.RowsWarned != 3 {
		t.Errorf("the same file again: %+v", again)
	}
	mustImport(t, s, seller.ID, header+"A-1,LP00555555555555,,[Shenzhen] Accepted by carrier,2026-11-03 10:00,,Spain,\n")
	if got := noNumber(); !reflect.DeepEqual(got, []string{"B-2"}) {
		t.Errorf("after A-1 got its number, orders with no usable tracking number: %v, want B-2", got)
	}
	if a := shipmentByRef(t, s, seller.ID, "A-1"); a.TrackingNumber != "LP00555555555555" || a.UnrecognisedTracking != "pending" {
		t.Errorf("A-1 after its number came: tracking %q, unrecognised %q", a.TrackingNumber, a.UnrecognisedTracking)
	}
}

// TestImportOneEventStateAsDerived: a new shipment with one event in the file takes that event's
// stage state without deriveStageSQL (the merge's fast path); it must be what deriveStageSQL
// gives the same event on a shipment that existed before the file.
func TestImportOneEventStateAsDerived(t *testing.T) {
	t.Parallel()
	s := dbtest.NewStore(t)
	seller, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	events := []string{
		"Import customs clearance started,2026-11-03 10:00",
		"Import customs clearance started,", // no time: recorded_at stands in
		"Delivered,2026-11-05 10:00",
		"Delivery attempted - recipient absent,2026-11-04 18:00",
		"Hand over to airline,2026-11-02 09:00",
		"Our parcel has a lovely hat,2026-11-02 09:00", // no stage
	}
	var before, file strings.Builder
	before.WriteString(header)
	file.WriteString(header)
	for i, ev := range events {
		fmt.Fprintf(&before, "OLD-%d,,AliExpress Standard Shipping,,,,FR,10\n", i)
		fmt.Fprintf(&file, "NEW-%d,,AliExpress Standard Shipping,%s,,FR,10\n", i, ev)
		fmt.Fprintf(&file, "OLD-%d,,AliExpress Standard Shipping,%s,,FR,10\n", i, ev)
	}
	mustImport(t, s, seller.ID, before.String())
	mustImport(t, s, seller.ID, file.String())
	for i, ev := range events {
		fresh, old := shipmentByRef(t, s, seller.ID, fmt.Sprintf("NEW-%d", i)), shipmentByRef(t, s, seller.ID, fmt.Sprintf("OLD-%d", i))
		got := fmt.Sprint(fresh.Stage, fresh.StageEnteredAt, fresh.LastEventAt, fresh.LastStatus, fresh.LastSignal)
		want := fmt.Sprint(old.Stage, old.StageEnteredAt, old.LastEventAt, old.LastStatus, old.LastSignal)
		if got != want || fresh.LastEventAt == nil {
			t.Errorf("%q on a new shipment: %s; on one that existed: %s", ev, got, want)
		}
	}
}
