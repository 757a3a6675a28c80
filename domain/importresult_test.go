package domain_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/csvfile"
	"github.com/parceldesk/portal/domain/dbtest"
)

// importAndSweep imports a file as the queue does: the load, then the sweep after it, which
// counts the parcels that need the seller.
func importAndSweep(t *testing.T, s *domain.Store, seller domain.SellerID, data []byte) domain.Import {
	t.Helper()
	ctx := context.Background()
	p, err := domain.DetectSettings(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	im, err := s.CreateImport(ctx, seller, domain.NewImport{Source: "cli", Filename: "orders.csv", Size: int64(len(data))})
	if err != nil {
		t.Fatal(err)
	}
	run, err := s.BeginImport(ctx, seller, im.ID, domain.ImportSettings{Dialect: p.Dialect, Mapping: p.Mapping, DateOrder: p.DateOrder, Location: china})
	if err != nil {
		t.Fatal(err)
	}
	done, _, err := run.Complete(ctx, strings.NewReader(string(data)), nil)
	if err != nil {
		t.Fatal(err)
	}
	return done
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A DSers-style file: the import keeps, besides its counts, what its result page leads with.
func TestImportResultOfADSersFile(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, _ := mustSeller(t, s, "Lamps", "owner@lamps.test")
	im := importAndSweep(t, s, seller.ID, readTestdata(t, "dsers_orders_result.csv"))

	// Three empty rows (;;;, ="";="" and blanks) skipped and counted, not read, never a shipment.
	if im.RowsEmpty != 3 || im.RowsRead != 6 || im.RowsRejected != 1 || im.ShipmentsCreated != 5 {
		t.Errorf("empty %d, read %d, rejected %d, created %d; want 3, 6, 1, 5", im.RowsEmpty, im.RowsRead, im.RowsRejected, im.ShipmentsCreated)
	}
	page, err := s.ListShipments(ctx, seller.ID, domain.ShipmentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, sh := range page.Shipments {
		if !strings.HasPrefix(sh.OrderRef, "#100") {
			t.Errorf("shipment %q from an empty row", sh.OrderRef)
		}
	}
	// One status text no rule knows, on one row.
	if im.UnmappedStatuses != 1 || im.UnmappedRows != 1 {
		t.Errorf("unmapped %d texts on %d rows, want 1 on 1", im.UnmappedStatuses, im.UnmappedRows)
	}
	// No promised or protection date column: the late and protection checks are off.
	if im.HasPromisedBy || im.HasProtectionEndsAt {
		t.Errorf("date columns: promised %v, protection %v; the file has neither", im.HasPromisedBy, im.HasProtectionEndsAt)
	}
	// The odd tracking value is a warning, not a rejection.
	if im.RowsWarned != 1 {
		t.Errorf("warned %d, want 1 (tracking number \"pending\")", im.RowsWarned)
	}
	// The file's own shape, for the rejected rows' download.
	if im.Delimiter != ";" || !im.BOM || len(im.Header) != 23 || im.Header[0] != "Order number" {
		t.Errorf("shape: delimiter %q, BOM %v, header %q", im.Delimiter, im.BOM, im.Header)
	}
	rej, err := s.ListRejects(ctx, seller.ID, im.ID, 50)
	if err != nil {
		t.Fatal(err)
	}
	if len(rej) != 1 || rej[0].Line != 7 || !strings.Contains(rej[0].Reason, "Atlantis") || rej[0].Fields[0] != "#1005" {
		t.Errorf("rejects = %+v, want line 7, the unknown country", rej)
	}

	// The parcels that need the seller after the sweep, counted as the queue counts them, and
	// kept on the import.
	counts, err := s.QueueCounts(ctx, seller.ID)
	if err != nil {
		t.Fatal(err)
	}
	if im.ParcelsNeedYou == nil || *im.ParcelsNeedYou != int64(counts.Total) || counts.Total < 3 {
		t.Fatalf("parcels that need you = %v, queue says %d (want at least the three stalled orders)", im.ParcelsNeedYou, counts.Total)
	}
	kept, err := s.FindImport(ctx, seller.ID, im.ID)
	if err != nil {
		t.Fatal(err)
	}
	if kept.ParcelsNeedYou == nil || *kept.ParcelsNeedYou != *im.ParcelsNeedYou || kept.RowsEmpty != 3 || kept.UnmappedStatuses != 1 {
		t.Errorf("kept import: need you %v, empty %d, unmapped %d", kept.ParcelsNeedYou, kept.RowsEmpty, kept.UnmappedStatuses)
	}
}

// The figure is the import's own: a later import that changes the queue does not change it.
func TestImportKeepsItsParcelsNeedYouFigure(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	first := importAndSweep(t, s, seller.ID, []byte("Order ID,Last Event,Event Time\nA-1,[Shenzhen] Departed from sorting center,2026-01-03 10:00\n"))
	if first.ParcelsNeedYou == nil || *first.ParcelsNeedYou != 1 {
		t.Fatalf("first import: %v parcels need you, want 1", first.ParcelsNeedYou)
	}
	second := importAndSweep(t, s, seller.ID, []byte("Order ID,Last Event,Event Time\nB-2,[Shenzhen] Departed from sorting center,2026-01-03 10:00\nC-3,[Shenzhen] Departed from sorting center,2026-01-03 10:00\n"))
	if second.ParcelsNeedYou == nil || *second.ParcelsNeedYou != 3 {
		t.Errorf("second import: %v parcels need you, want 3", second.ParcelsNeedYou)
	}
	again, err := s.FindImport(ctx, seller.ID, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if *again.ParcelsNeedYou != 1 {
		t.Errorf("first import's figure changed to %d", *again.ParcelsNeedYou)
	}
	// A file with both date columns leaves every check on.
	dated := importAndSweep(t, s, seller.ID, []byte("Order ID,Promised Delivery Date,Buyer Protection Ends\nD-4,2026-02-01,2026-02-20\n"))
	if !dated.HasPromisedBy || !dated.HasProtectionEndsAt || dated.RowsEmpty != 0 || dated.UnmappedStatuses != 0 {
		t.Errorf("dated file: promised %v, protection %v, empty %d, unmapped %d", dated.HasPromisedBy, dated.HasProtectionEndsAt, dated.RowsEmpty, dated.UnmappedStatuses)
	}
}

// Rows of Excel's empty texts are empty rows; a row with something in it whose order is an empty
// text is rejected, never an order called ="".
func TestImportSkipsExcelEmptyRows(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	im := mustImport(t, s, seller.ID, "Order ID,Tracking Number,Last Event\n"+
		"=\"\",=\"\",=\"\"\n"+
		"=\" \",',\t\n"+
		"=\"\",=\"LP00123456789012\",Delivered\n"+
		"=\"A-1\",=\"\",Delivered\n")
	if im.RowsEmpty != 2 || im.RowsRead != 2 || im.RowsRejected != 1 || im.ShipmentsCreated != 1 {
		t.Errorf("empty %d, read %d, rejected %d, created %d; want 2, 2, 1, 1", im.RowsEmpty, im.RowsRead, im.RowsRejected, im.ShipmentsCreated)
	}
	a := shipmentByRef(t, s, seller.ID, "A-1")
	if a.TrackingNumber != "" {
		t.Errorf("A-1 tracking %q from an empty text", a.TrackingNumber)
	}
	rej, err := s.ListRejects(ctx, seller.ID, im.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(rej) != 1 || rej[0].Line != 4 || rej[0].Reason != "order_ref is empty" {
		t.Errorf("rejects = %+v", rej)
	}
	// Another seller sees none of them.
	other, _ := mustSeller(t, s, "Other", "owner@other.test")
	if rej, err := s.ListRejects(ctx, other.ID, im.ID, 10); err != nil || len(rej) != 0 {
		t.Errorf("another seller's rejects: %v, %v", rej, err)
	}
}

func TestSetTimezone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, owner := mustSeller(t, s, "Shop", "owner@shop.test")
	if seller.Timezone != "Asia/Shanghai" {
		t.Errorf("a new shop's zone = %q, want China time", seller.Timezone)
	}
	name, err := s.SetTimezone(ctx, seller.ID, owner, " Europe/Madrid ")
	if err != nil || name != "Europe/Madrid" {
		t.Fatalf("set: %q, %v", name, err)
	}
	got, err := s.FindSeller(ctx, seller.ID)
	if err != nil || got.Timezone != "Europe/Madrid" {
		t.Errorf("shop zone = %q, %v", got.Timezone, err)
	}
	for _, bad := range []string{"", "Local", "localtime", "Mars/Olympus", "Europe/../../etc/passwd"} {
		var verr *domain.ValidationError
		if _, err := s.SetTimezone(ctx, seller.ID, owner, bad); !errors.As(err, &verr) || verr.Fields["timezone"] == "" {
			t.Errorf("zone %q: %v, want a message for the field", bad, err)
		}
	}
	agent := owner
	agent.Role = domain.RoleAgent
	if _, err := s.SetTimezone(ctx, seller.ID, agent, "UTC"); !errors.Is(err, domain.ErrUnauthorized) {
		t.Errorf("agent: %v, want ErrUnauthorized", err)
	}
	_, otherOwner := mustSeller(t, s, "Other", "owner@other.test")
	if _, err := s.SetTimezone(ctx, seller.ID, otherOwner, "UTC"); !errors.Is(err, domain.ErrUnauthorized) {
		t.Errorf("another shop's owner: %v, want ErrUnauthorized", err)
	}
	if got, _ := s.FindSeller(ctx, seller.ID); got.Timezone != "Europe/Madrid" {
		t.Errorf("zone changed to %q by refused calls", got.Timezone)
	}
	// A member's digest zone is checked the same way.
	for _, bad := range []string{"", "Local", "localtime", "Mars/Olympus"} {
		var verr *domain.ValidationError
		err := s.SetNotificationPrefs(ctx, seller.ID, owner, domain.NotificationPrefs{DigestHour: 8, Timezone: bad}, time.Now())
		if !errors.As(err, &verr) || verr.Fields["timezone"] == "" {
			t.Errorf("digest zone %q: %v, want a message for the field", bad, err)
		}
	}
}

// The rejected rows go back in the file's delimiter when a CSV writer can write it, and with a
// byte order mark when the file had one or was not UTF-8.
func TestImportRejectsShape(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		delim, enc string
		bom        bool
		comma      rune
		wantBOM    bool
	}{
		{";", csvfile.EncodingUTF8, true, ';', true},
		{"\t", "windows-1252", false, '\t', true},
		{"|", csvfile.EncodingUTF8, false, '|', false},
		{"", "", false, ',', false},
		{`"`, csvfile.EncodingUTF8, false, ',', false},
		{"\n", csvfile.EncodingUTF8, false, ',', false},
		{";;", csvfile.EncodingUTF8, false, ',', false},
	} {
		im := domain.Import{Delimiter: tc.delim, Encoding: tc.enc, BOM: tc.bom}
		if got := im.Comma(); got != tc.comma {
			t.Errorf("Comma(%q) = %q, want %q", tc.delim, got, tc.comma)
		}
		if got := im.RejectsBOM(); got != tc.wantBOM {
			t.Errorf("RejectsBOM(%q, BOM %v) = %v, want %v", tc.enc, tc.bom, got, tc.wantBOM)
		}
	}
}

// TestCountingParcels: a done import's page waits for its figure for two minutes after it
// finished, not for a running import, not once counted, and not for ever (a failed sweep).
func TestCountingParcels(t *testing.T) {
	t.Parallel()
	done := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	n := int64(3)
	for _, tc := range []struct {
		name string
		im   domain.Import
		at   time.Duration
		want bool
	}{
		{"just done", domain.Import{Status: domain.ImportDone, FinishedAt: &done}, time.Second, true},
		{"counted", domain.Import{Status: domain.ImportDone, FinishedAt: &done, ParcelsNeedYou: &n}, time.Second, false},
		{"given up", domain.Import{Status: domain.ImportDone, FinishedAt: &done}, 2 * time.Minute, false},
		{"running", domain.Import{Status: domain.ImportRunning}, time.Second, false},
	} {
		if got := tc.im.CountingParcels(done.Add(tc.at)); got != tc.want {
			t.Errorf("%s: CountingParcels = %v, want %v", tc.name, got, tc.want)
		}
	}
}
