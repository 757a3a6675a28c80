package domain_test

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/dbtest"
)

// sweepCounter is an ImportObserver that counts the sweeps after imports.
type sweepCounter struct{ sweeps atomic.Int64 }

func (*sweepCounter) ImportStarted()                                                   {}
func (*sweepCounter) ImportFinished(domain.ImportResult, domain.Import, time.Duration) {}
func (c *sweepCounter) ObserveSweep(string, domain.SweepResult, time.Duration, error) {
	c.sweeps.Add(1)
}

// holdMergeLock takes the seller's merge lock on a connection of its own, as a long merge of
// another import would hold it, and returns what lets it go.
func holdMergeLock(t *testing.T, db *sqlx.DB, seller domain.SellerID) (release func()) {
	t.Helper()
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(`+domain.ImportMergeLockSQL+`)`, seller); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	release = func() {
		once.Do(func() {
			if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_unlock(`+domain.ImportMergeLockSQL+`)`, seller); err != nil {
				t.Error(err)
			}
			_ = conn.Close()
		})
	}
	t.Cleanup(release)
	return release
}

// waitForLockWaiter waits until a session of the test's database waits for an advisory lock: the
// first batch, leading its group, queued behind the merge lock the test holds.
func waitForLockWaiter(t *testing.T, db *sqlx.DB) {
	t.Helper()
	waitFor(t, "a batch waiting for the merge lock", func() bool {
		var n int
		if err := db.Get(&n, `SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
			AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`); err != nil {
			t.Fatal(err)
		}
		return n > 0
	})
}

// waitForQueued waits until n of the seller's batches wait for their group's turn.
func waitForQueued(t *testing.T, s *domain.Store, seller domain.SellerID, n int) {
	t.Helper()
	waitFor(t, fmt.Sprintf("%d batches waiting for their group", n), func() bool { return s.BatchesWaiting(seller) >= n })
}

// waitFor polls cond until it holds, for up to a minute.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("gave up waiting for %s", what)
}

// groupBatches are four batches of one shop, posted at once: overlapping orders, an event that
// two carry, a stalled parcel in each.
func groupBatches() [][]domain.APIEvent {
	var out [][]domain.APIEvent
	for b := range 4 {
		var evs []domain.APIEvent
		for o := range 3 {
			ref := fmt.Sprintf("G-%d", b+o) // G-1 and G-2 are in several batches
			evs = append(evs, domain.APIEvent{OrderRef: ref, TrackingNumber: fmt.Sprintf("LP%03dCN", b+o), Carrier: "Cainiao",
				Status: "[Shenzhen] Outbound in sorting center", StatusAt: "2026-01-02T10:00:00+08:00"})
		}
		evs = append(evs, domain.APIEvent{OrderRef: fmt.Sprintf("G-%d", b), Status: "[Shenzhen] Departed from sorting center",
			StatusAt: fmt.Sprintf("2026-01-0%dT10:00:00+08:00", 3+b)})
		out = append(out, evs)
	}
	return out
}

// TestAPIBatchesMergeTogether: batches of one shop that wait for the shop's merge lock merge
// together, in one transaction, each still an import of its own with its own figures, and end as
// the same events imported one by one would; the group sweeps once for all of them, and the batch
// that merged before it leaves its sweep to the group.
func TestAPIBatchesMergeTogether(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.NewDB(t)
	s := domain.NewStore(db)
	s.PasswordCost = 4
	shop, _ := mustSeller(t, s, "Group", "owner@group.test")
	one, _ := mustSeller(t, s, "One by one", "owner@one.test")
	batches := groupBatches()

	// The first batch waits for the lock, alone in its group; the others queue behind it meanwhile
	// and merge together once it holds the lock.
	release := holdMergeLock(t, db, shop.ID)
	obs := &sweepCounter{}
	results := make([]domain.BatchResult, len(batches))
	errs := make([]error, len(batches))
	var wg sync.WaitGroup
	post := func(i int) {
		defer wg.Done()
		results[i], errs[i] = s.IngestEvents(ctx, shop.ID, nil, batches[i], false, obs)
	}
	wg.Add(len(batches))
	go post(0)
	waitForLockWaiter(t, db)
	for i := 1; i < len(batches); i++ {
		go post(i)
	}
	waitForQueued(t, s, shop.ID, len(batches)-1)
	release()
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("batch %d: %v", i, err)
		}
	}

	var txs []int
	if err := db.Select(&txs, `SELECT count(*) FROM imports WHERE seller_id = $1 AND status = 'done'
		GROUP BY xmin::text ORDER BY count(*)`, shop.ID); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(txs) != "[1 3]" {
		t.Errorf("batches per transaction: %v, want [1 3] (the first alone, then the three that waited)", txs)
	}
	if n := obs.sweeps.Load(); n != 1 {
		t.Errorf("%d sweeps after 4 batches in 2 groups, want 1", n)
	}
	var added, dups int64
	for i, r := range results {
		if r.ImportID == 0 || r.Accepted != len(batches[i]) || r.EventsAdded+r.DuplicatesSkipped != int64(len(batches[i])) {
			t.Errorf("batch %d: %+v", i, r)
		}
		added += r.EventsAdded
		dups += r.DuplicatesSkipped
		im, err := s.FindImport(ctx, shop.ID, r.ImportID)
		// The first batch left its sweep to the group, which counted the parcels that need the
		// shop for each of its batches.
		if err != nil || im.Status != domain.ImportDone || im.EventsAdded != r.EventsAdded || (i > 0) != (im.ParcelsNeedYou != nil) {
			t.Errorf("batch %d's import: %+v, %v", i, im, err)
		}
	}
	var stored int64
	if err := db.Get(&stored, `SELECT count(*) FROM events WHERE seller_id = $1`, shop.ID); err != nil {
		t.Fatal(err)
	}
	if added != stored || dups == 0 {
		t.Errorf("the batches added %d events and skipped %d; %d stored", added, dups, stored)
	}

	for _, b := range batches {
		if _, err := s.IngestEvents(ctx, one.ID, nil, b, false, nil); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 6 {
		ref := fmt.Sprintf("G-%d", i)
		if got, want := shipmentState(t, s, shop.ID, ref), shipmentState(t, s, one.ID, ref); got != want {
			t.Errorf("%s merged together:\n%s\none by one:\n%s", ref, got, want)
		}
	}
	for _, seller := range []domain.SellerID{shop.ID, one.ID} {
		page, err := s.ListAPIExceptions(ctx, seller, domain.QueueFilter{State: domain.QueueAll, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Exceptions) != 6 { // every parcel is stalled, in sorting or departed since January
			t.Errorf("seller %d: %d exceptions after the batches, want 6", seller, len(page.Exceptions))
		}
	}
}

// TestBatchLeavesSweepToGroupNotYetRunning: the batch that merged first leaves its sweep to the
// group that took the lead from it even when that group has not yet marked its imports running
// (held here by a lock on their rows): that group commits after it and sweeps for both.
func TestBatchLeavesSweepToGroupNotYetRunning(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.NewDB(t)
	s := domain.NewStore(db)
	s.PasswordCost = 4
	shop, _ := mustSeller(t, s, "Slow group", "owner@slow.test")
	batches := groupBatches()

	release := holdMergeLock(t, db, shop.ID)
	obs := &sweepCounter{}
	errs := make([]error, len(batches))
	firstDone := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(len(batches))
	go func() {
		defer wg.Done()
		defer close(firstDone)
		_, errs[0] = s.IngestEvents(ctx, shop.ID, nil, batches[0], false, obs)
	}()
	waitForLockWaiter(t, db)
	for i := 1; i < len(batches); i++ {
		go func() {
			defer wg.Done()
			_, errs[i] = s.IngestEvents(ctx, shop.ID, nil, batches[i], false, obs)
		}()
	}
	waitForQueued(t, s, shop.ID, len(batches)-1)

	// The waiting batches' imports cannot be marked running until the test lets their rows go.
	rows, err := db.BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = rows.Rollback() }()
	var held []int64
	if err := rows.SelectContext(ctx, &held, `SELECT id FROM imports WHERE seller_id = $1 AND status <> 'running'
		ORDER BY id FOR UPDATE`, shop.ID); err != nil {
		t.Fatal(err)
	}
	if len(held) != len(batches)-1 {
		t.Fatalf("%d waiting imports, want %d", len(held), len(batches)-1)
	}
	release()
	select {
	case <-firstDone:
	case <-time.After(time.Minute):
		t.Fatal("the first batch did not end while the next group's imports were held")
	}
	if n := obs.sweeps.Load(); n != 0 {
		t.Errorf("the first batch swept (%d sweeps) though a group had taken the lead from it", n)
	}
	if err := rows.Rollback(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("batch %d: %v", i, err)
		}
	}
	if n := obs.sweeps.Load(); n != 1 {
		t.Errorf("%d sweeps after 4 batches in 2 groups, want 1", n)
	}
}

// TestFailedGroupRunsEachBatchAlone: when a group fails before it commits, each of its batches
// runs again alone, so a batch the database refuses fails by itself and the others go in.
func TestFailedGroupRunsEachBatchAlone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.NewDB(t)
	s := domain.NewStore(db)
	s.PasswordCost = 4
	shop, _ := mustSeller(t, s, "Group", "owner@group.test")
	if _, err := db.Exec(`CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN RAISE EXCEPTION 'poison refused by the test'; END $$;
		CREATE TRIGGER refuse_poison BEFORE INSERT ON events FOR EACH ROW WHEN (NEW.status_text = 'poison')
		EXECUTE FUNCTION refuse_poison()`); err != nil {
		t.Fatal(err)
	}
	batch := func(ref, status string) []domain.APIEvent {
		return []domain.APIEvent{{OrderRef: ref, Status: status, StatusAt: "2026-01-02T10:00:00+08:00"}}
	}
	batches := [][]domain.APIEvent{batch("P-0", "Processing"), batch("P-1", "Processing"), batch("P-2", "poison"), batch("P-3", "Processing")}
	release := holdMergeLock(t, db, shop.ID)
	errs := make([]error, len(batches))
	var wg sync.WaitGroup
	post := func(i int) {
		defer wg.Done()
		_, errs[i] = s.IngestEvents(ctx, shop.ID, nil, batches[i], false, nil)
	}
	wg.Add(len(batches))
	go post(0)
	waitForLockWaiter(t, db)
	for i := 1; i < len(batches); i++ {
		go post(i)
	}
	waitForQueued(t, s, shop.ID, len(batches)-1)
	release()
	wg.Wait()
	for i, err := range errs {
		if (i == 2) != (err != nil) {
			t.Errorf("batch %d: %v", i, err)
		}
	}
	var refs []string
	if err := db.Select(&refs, `SELECT order_ref FROM shipments WHERE seller_id = $1 ORDER BY order_ref`, shop.ID); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(refs) != "[P-0 P-1 P-3]" {
		t.Errorf("shipments %v, want P-0, P-1 and P-3", refs)
	}
	var failed []int64
	if err := db.Select(&failed, `SELECT id FROM imports WHERE seller_id = $1 AND status <> 'done'`, shop.ID); err != nil && err != sql.ErrNoRows {
		t.Fatal(err)
	}
	if len(failed) != 1 {
		t.Errorf("imports not done: %v, want the poisoned batch's alone", failed)
	}
}
