package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/dbtest"
	"github.com/parceldesk/portal/domain/eddbacktest"
)

// TestEDDAccuracyOnDemoData back-tests the estimated delivery windows on the demo shop's data
// (the export `serve --demo` loads, demoOrders orders): for every delivered parcel and stage it
// passed, the window the sweep would have given it from the deliveries before, and whether it
// arrived inside. It prints the figures (go test -run TestEDDAccuracyOnDemoData -v). The demo's
// stage times do not depend on the route, so the shop's own history is as good as a route's: by
// the late end should be near 90%.
func TestEDDAccuracyOnDemoData(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	store := dbtest.NewStore(t)
	_, owner, err := store.CreateSeller(ctx, domain.Signup{ShopName: demoShop, Email: demoEmail, Password: demoPassword})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := writeDemoCSV(&buf, demoOrders, 0, false, time.Now().UTC(), 1); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "demo.csv")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := importFile(ctx, store, nil, owner.SellerID, &owner.ID, "cli", path, "", time.FixedZone("CST", 8*3600)); err != nil {
		t.Fatal(err)
	}
	samples, err := store.EDDSamples(ctx, owner.SellerID)
	if err != nil {
		t.Fatal(err)
	}
	acc := eddbacktest.Run(samples)
	t.Logf("demo data: %s", acc)
	if acc.Shipments < demoOrders/4 || acc.Windows < acc.Shipments*3 {
		t.Fatalf("too little to measure: %s", acc)
	}
	if s := acc.ByLateShare(); s < 0.8 {
		t.Errorf("by the late end: %.3f, want near 0.9", s)
	}
}
