package domain

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
	"github.com/parceldesk/portal/domain/csvfile"
	"github.com/parceldesk/portal/domain/zone"
)

// ImportResult is how an import's run ended, as the metrics count it.
type ImportResult string

// The results of an import's run.
const (
	ResultSucceeded   ImportResult = "succeeded"
	ResultFailed      ImportResult = "failed"
	ResultInterrupted ImportResult = "interrupted" // stopped by a shutdown
)

// ImportObserver is told how imports and the sweeps after them went: the portal's metrics. Nil
// for the one-shot commands, which are not counted.
type ImportObserver interface {
	ImportStarted()
	ImportFinished(result ImportResult, im Import, took time.Duration)
	ObserveSweep(trigger string, r SweepResult, took time.Duration, err error)
}

// Complete is the whole job of an import once it has begun, for the queue and the command line
// alike: it loads r (marking the import failed, with its reason, when that fails), then sweeps
// the seller, so that the problems the file brought show at once, and tells obs (may be nil) how
// each step went. It returns the import as it ended and the sweep's result; an error means the
// import failed (the Import returned then says why, when that could be recorded) or the sweep
// after it did.
func (run *ImportRun) Complete(ctx context.Context, r io.Reader, obs ImportObserver) (Import, SweepResult, error) {
	ims, sr, err := run.complete(ctx, []*importPart{{id: run.id, r: r}}, obs)
	var im Import
	if len(ims) > 0 {
		im = ims[0]
	}
	return im, sr, err
}

// complete is Complete for each of the run's imports, one part each: they load in one
// transaction, and one sweep follows. The imports are returned in the parts' order, also when the
// load failed (then as they were marked failed, when that could be read).
func (run *ImportRun) complete(ctx context.Context, parts []*importPart, obs ImportObserver) ([]Import, SweepResult, error) {
	if obs != nil {
		for range parts {
			obs.ImportStarted()
		}
	}
	start := time.Now()
	ims, err := run.loadParts(ctx, parts)
	if err != nil {
		result := ResultFailed
		if ctx.Err() != nil {
			result = ResultInterrupted
		}
		ims = make([]Import, len(parts))
		for i, p := range parts {
			if failed, ferr := run.store.FindImport(context.WithoutCancel(ctx), run.seller, p.id); ferr == nil {
				ims[i] = failed
			}
			if obs != nil {
				obs.ImportFinished(result, ims[i], time.Since(start))
			}
		}
		// An API batch that ended while this import ran may have left its sweep to it (below),
		// whatever this import's source: do it, best effort.
		if run.coalesceSweep || run.store.apiBatchEndedDuring(context.WithoutCancel(ctx), run.seller, run.id) {
			_, _ = run.store.Sweep(context.WithoutCancel(ctx), run.seller, time.Now())
		}
		return ims, SweepResult{}, err
	}
	if obs != nil {
		for _, im := range ims {
			obs.ImportFinished(ResultSucceeded, im, time.Since(start))
		}
	}
	start = time.Now()
	for _, im := range ims {
		if err := run.store.analyzeImported(ctx, im); err != nil {
			return ims, SweepResult{}, err
		}
	}
	run.logStep(ctx, "analyze imported", start)
	if run.coalesceSweep {
		// A group of this process that took the lead from this one may not be marked running yet.
		later := run.store.groups.leadsFor(run.seller)
		if !later {
			if later, err = run.store.otherImportRunning(ctx, run.seller, run.ids()); err != nil {
				return ims, SweepResult{}, err
			}
		}
		if later {
			return ims, SweepResult{}, nil
		}
	}
	// The sweep alone: the parcels that need the seller are counted without waiting for the
	// estimated delivery windows, which follow below for an API batch (its caller reads the
	// shipment next) and at the next periodic sweep (SweepAll) for a file, whose first refresh can
	// write a window on every undelivered shipment of the shop.
	t0 := time.Now()
	sr, _, err := run.store.sweep(ctx, run.seller, start, false)
	run.logStep(ctx, "sweep", t0)
	if obs != nil {
		obs.ObserveSweep("import", sr, time.Since(start), err)
	}
	if err != nil {
		return ims, sr, fmt.Errorf("sweep after import: %w", err)
	}
	n, err := run.store.recordParcelsNeedYou(ctx, run.seller, run.ids())
	if err != nil {
		return ims, sr, err
	}
	for i := range ims {
		ims[i].ParcelsNeedYou = &n
	}
	if run.coalesceSweep {
		t0 = time.Now()
		if err := run.store.RefreshEstimates(ctx, run.seller, start); err != nil {
			return ims, sr, err
		}
		run.logStep(ctx, "estimates", t0)
	}
	return ims, sr, nil
}

// otherImportRunning reports whether another import of the seller than ids is running now, after
// ids committed: an import is marked done in its own transaction, so one still running commits
// later, and its own sweep, which follows its commit, covers what ids brought. Of imports that
// end together, the last to commit finds none running and sweeps. An import that fails sweeps too
// (Complete), so a batch's sweep is never left to an import that does not end.
func (s *Store) otherImportRunning(ctx context.Context, seller SellerID, ids []int64) (bool, error) {
	var later bool
	err := s.db.GetContext(ctx, &later, `SELECT EXISTS (SELECT 1 FROM imports
		WHERE seller_id = $1 AND id <> ALL($2) AND status = 'running')`, seller, pq.Array(ids))
	if err != nil {
		return false, fmt.Errorf("import %d: later imports: %w", ids[0], err)
	}
	return later, nil
}

// apiBatchEndedDuring reports whether an API import of the seller (a batch or a tracker's
// webhook delivery) finished after import id began to run; an error reads as true, so that a
// sweep is done rather than skipped.
func (s *Store) apiBatchEndedDuring(ctx context.Context, seller SellerID, id int64) bool {
	var ended bool
	err := s.db.GetContext(ctx, &ended, `SELECT EXISTS (SELECT 1 FROM imports b
		JOIN imports i ON i.seller_id = b.seller_id AND i.id = $2
		WHERE b.seller_id = $1 AND b.source IN `+apiSourcesSQL+` AND b.finished_at >= i.started_at)`, seller, id)
	return err != nil || ended
}

// recordParcelsNeedYou counts the seller's parcels that need a person now (an open or
// investigating exception: what the queue lists by default) and keeps the figure on the import,
// so that its page says how many parcels need the seller after it, whatever happens later. An
// exact count, unlike the queue's capped tabs: it runs once per import.
func (s *Store) recordParcelsNeedYou(ctx context.Context, seller SellerID, ids []int64) (int64, error) {
	var n int64
	if err := s.db.GetContext(ctx, &n, `
		WITH n AS (SELECT count(DISTINCT e.shipment_id) AS n FROM exceptions e
			WHERE e.seller_id = $1 AND e.state IN ('open', 'investigating')),
		up AS (UPDATE imports SET parcels_need_you = (SELECT n FROM n) WHERE seller_id = $1 AND id = ANY($2))
		SELECT n FROM n`, seller, pq.Array(ids)); err != nil {
		return 0, fmt.Errorf("import %d: count parcels that need you: %w", ids[0], err)
	}
	return n, nil
}

// QueueImport records the settings the seller confirmed and puts the import in the queue, where
// an ImportQueue (of any replica) runs it when its turn comes: after the shop's imports queued
// before it, and when one of the queue's places is free. A waiting import holds no connection. It
// returns ErrNotFound for another seller's import, ErrConflict when it is queued, running or done
// already, and a *ValidationError for settings that cannot work.
func (s *Store) QueueImport(ctx context.Context, seller SellerID, id int64, set ImportSettings) error {
	if err := set.Mapping.Validate(); err != nil {
		return fromCSV(err)
	}
	if set.Location == nil {
		set.Location = time.UTC
	}
	res, err := s.db.ExecContext(ctx, `
		UPDATE imports SET status = 'queued', queued_at = clock_timestamp(), started_at = NULL, finished_at = NULL,
		       error = '', rows_read = 0, bytes_read = 0, encoding = $3, delimiter = $4, date_order = $5, timezone = $6,
		       mapping = $7, bom = $8
		WHERE seller_id = $1 AND id = $2 AND status IN ('uploaded', 'failed', 'interrupted')`,
		seller, id, set.Dialect.Encoding, string(set.Dialect.Delimiter), set.DateOrder.String(),
		set.Location.String(), mappingJSON(set.Mapping), set.Dialect.BOM)
	if err != nil {
		return fmt.Errorf("queue import: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		if _, err := s.FindImport(ctx, seller, id); err != nil {
			return err
		}
		return ErrConflict
	}
	s.kickImports()
	return nil
}

// kickImports tells this process's ImportQueue to look for work now rather than at its next poll.
func (s *Store) kickImports() {
	select {
	case s.importKick <- struct{}{}:
	default:
	}
}

// DefaultImportWorkers is how many imports a portal process runs at once unless configured. Each
// running import holds one connection for its transaction and now and then borrows a second (to
// read its upload, to write its progress), so two of them leave most of a pool of 20 to pages.
const DefaultImportWorkers = 2

// ImportQueue runs the queued imports (QueueImport), at most Workers at once in this process. The
// queue itself is the imports table, so every replica's ImportQueue serves it: whichever has a
// free place takes the next import. A shop's imports run one at a time, in the order they were
// queued (a later file's facts win over an earlier one's, so they must merge in that order);
// among shops, the import queued first goes first.
type ImportQueue struct {
	Store *Store
	// Workers is how many imports run at once in this process (DefaultImportWorkers when 0).
	Workers int
	// Observer is told how each import and the sweep after it went. Optional.
	Observer ImportObserver
	// Log receives what failed. Optional.
	Log *slog.Logger
	// Poll is how often the queue is looked at for imports queued through other replicas
	// (default 1 s); this process's own are started at once.
	Poll time.Duration
}

// Run takes queued imports and runs them until claim ends; then it waits for the imports it
// started. Ending work stops those: each rolls back whole and is marked failed, to be run again.
func (q *ImportQueue) Run(claim, work context.Context) {
	workers, poll, log := q.Workers, q.Poll, q.Log
	if workers <= 0 {
		workers = DefaultImportWorkers
	}
	if poll <= 0 {
		poll = time.Second
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	places := make(chan struct{}, workers)
	var wg sync.WaitGroup
	defer wg.Wait()
	tick := time.NewTicker(poll)
	defer tick.Stop()
	for {
	fill:
		for {
			select {
			case places <- struct{}{}:
			default:
				break fill // every place taken
			}
			run, err := q.Store.claimImport(claim)
			if err != nil {
				<-places
				if !errors.Is(err, errNothingQueued) && claim.Err() == nil {
					log.Warn("import queue", "err", err)
				}
				break
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer q.Store.kickImports() // a place is free: look for the next import
				defer func() { <-places }()
				if _, _, err := run.Complete(work, q.Store.openRunUpload(work, run), q.Observer); err != nil {
					log.Warn("import failed", "seller", run.seller, "import", run.id, "err", err)
				}
			}()
		}
		select {
		case <-claim.Done():
			return
		case <-q.Store.importKick:
		case <-tick.C:
		}
	}
}

// openRunUpload opens the kept upload of a run; a file that cannot be opened fails the load as any
// other read error does.
func (s *Store) openRunUpload(ctx context.Context, run *ImportRun) io.Reader {
	r, err := s.OpenUpload(ctx, run.seller, run.id)
	if err != nil {
		return failingReader{err}
	}
	return r
}

// failingReader is a file that cannot be read.
type failingReader struct{ err error }

func (f failingReader) Read([]byte) (int, error) { return 0, f.err }

// errNothingQueued is claimImport's answer when no queued import may start now.
var errNothingQueued = errors.New("no import to run")

// queuedImport is a queued import's row as claimImport reads it.
type queuedImport struct {
	SellerID  SellerID `db:"seller_id"`
	ID        int64    `db:"id"`
	Encoding  string   `db:"encoding"`
	Delimiter string   `db:"delimiter"`
	BOM       bool     `db:"bom"`
	Mapping   string   `db:"mapping"`
	DateOrder string   `db:"date_order"`
	Timezone  string   `db:"timezone"`
}

// claimImport begins the next queued import that may start: the first queued of its shop, of a
// shop with no import running, the oldest such first. It returns errNothingQueued when there is
// none. Replicas may claim at the same moment: an import is claimed by taking its run lock (which
// its transaction then holds, as BeginImport's does) and moving it from queued to running, which
// only one can do; and a shop's next import is no candidate while one before it is queued or
// running.
//
// This and its first look are the only statements that read every shop's imports: the queue is
// shared by the shops, as the workers are.
func (s *Store) claimImport(ctx context.Context) (*ImportRun, error) {
	var queued bool
	if err := s.hot.GetContext(ctx, &queued, `SELECT EXISTS (SELECT FROM imports WHERE status = 'queued')`); err != nil {
		return nil, fmt.Errorf("claim import: %w", err)
	}
	if !queued {
		return nil, errNothingQueued
	}
	conn, tx, err := s.beginImportTx(ctx)
	if err != nil {
		return nil, fmt.Errorf("claim import: %w", err)
	}
	rollback := func() {
		_ = tx.Rollback()
		_ = conn.Close()
	}
	var cands []queuedImport
	if err := tx.SelectContext(ctx, &cands, `
		SELECT seller_id, id, encoding, delimiter, bom, mapping::text AS mapping, date_order, timezone
		FROM imports i
		WHERE status = 'queued' AND NOT EXISTS (
			SELECT FROM imports o
			WHERE o.seller_id = i.seller_id AND o.status IN ('queued', 'running')
			  AND (o.status = 'running' OR (o.queued_at, o.id) < (i.queued_at, i.id)))
		ORDER BY queued_at, id
		LIMIT 20`); err != nil {
		rollback()
		return nil, fmt.Errorf("claim import: %w", err)
	}
	for _, c := range cands {
		locked, err := tryRunLock(ctx, tx, c.SellerID, c.ID)
		if err != nil {
			rollback()
			return nil, fmt.Errorf("claim import: %w", err)
		}
		if !locked {
			continue // another replica is claiming it
		}
		run, err := s.startClaimed(ctx, conn, tx, c)
		switch {
		case err == nil:
			return run, nil
		case errors.Is(err, errNothingQueued), ctx.Err() != nil, Unavailable(err):
			rollback()
			return nil, err
		}
		// Settings that no longer work (a time zone this system does not know): fail this import,
		// not the queue.
		if err := s.markQueuedFailed(ctx, c.SellerID, c.ID, failureReason(err)); err != nil {
			rollback()
			return nil, fmt.Errorf("claim import: %w", err)
		}
	}
	rollback()
	return nil, errNothingQueued
}

// startClaimed marks running a queued import whose run lock tx holds, and returns its run. It
// returns errNothingQueued when the import is no longer queued (run and finished elsewhere
// between the look and the lock).
func (s *Store) startClaimed(ctx context.Context, conn *sqlx.Conn, tx *sqlx.Tx, c queuedImport) (*ImportRun, error) {
	set, err := c.settings()
	if err != nil {
		return nil, err
	}
	cls, err := s.Classifier(ctx, c.SellerID)
	if err != nil {
		return nil, err
	}
	ok, err := s.markRunning(ctx, c.SellerID, c.ID, set, ImportQueued)
	if err != nil {
		return nil, fmt.Errorf("claim import: %w", err)
	}
	if !ok {
		return nil, errNothingQueued
	}
	return &ImportRun{store: s, conn: conn, tx: tx, seller: c.SellerID, id: c.ID, set: set, cls: cls}, nil
}

// settings are the import's settings as QueueImport kept them.
func (c queuedImport) settings() (ImportSettings, error) {
	set := ImportSettings{Dialect: csvfile.Dialect{Encoding: c.Encoding, BOM: c.BOM}, Mapping: csvfile.Mapping{}}
	d := []rune(c.Delimiter)
	if len(d) != 1 {
		return set, fmt.Errorf("import %d: kept delimiter %q", c.ID, c.Delimiter)
	}
	set.Dialect.Delimiter = d[0]
	if err := json.Unmarshal([]byte(c.Mapping), &set.Mapping); err != nil {
		return set, fmt.Errorf("import %d: kept mapping: %w", c.ID, err)
	}
	set.DateOrder, _ = csvfile.ParseDateOrder(c.DateOrder)
	loc, err := zone.Lookup(c.Timezone)
	if err != nil {
		return set, Invalid("timezone", fmt.Sprintf("The time zone %q is not known here. Run the import again with another.", c.Timezone))
	}
	set.Location = loc
	return set, fromCSV(set.Mapping.Validate())
}

// markQueuedFailed fails a queued import that cannot run, with a reason a seller can read.
func (s *Store) markQueuedFailed(ctx context.Context, seller SellerID, id int64, reason string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE imports SET status = 'failed', finished_at = clock_timestamp(), error = $3
		WHERE seller_id = $1 AND id = $2 AND status = 'queued'`, seller, id, reason)
	return err
}
