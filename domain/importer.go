package domain

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/parceldesk/portal/domain/csvfile"
	"github.com/parceldesk/portal/domain/tracking"
)

// ImportStatus is where an import is in its life: uploaded (waiting for the seller to confirm
// the mapping) → queued (waiting its turn) → running → done | failed | interrupted. Failed and
// interrupted imports changed nothing and can be run again.
type ImportStatus string

// The statuses of an import.
const (
	ImportUploaded    ImportStatus = "uploaded"
	ImportQueued      ImportStatus = "queued"
	ImportRunning     ImportStatus = "running"
	ImportDone        ImportStatus = "done"
	ImportFailed      ImportStatus = "failed"
	ImportInterrupted ImportStatus = "interrupted"
)

// Import is one file brought into the desk, with what it did.
type Import struct {
	SellerID          SellerID       `db:"seller_id"`
	ID                int64          `db:"id"`
	UserID            *int64         `db:"user_id"`
	Source            string         `db:"source"`
	Filename          string         `db:"filename"`
	SizeBytes         int64          `db:"size_bytes"`
	Status            ImportStatus   `db:"status"`
	Encoding          string         `db:"encoding"`
	Delimiter         string         `db:"delimiter"`
	Header            pq.StringArray `db:"header"`
	DateOrder         string         `db:"date_order"`
	Timezone          string         `db:"timezone"`
	RowsEstimate      int64          `db:"rows_estimate"`
	RowsRead          int64          `db:"rows_read"`
	BytesRead         int64          `db:"bytes_read"`
	ShipmentsCreated  int64          `db:"shipments_created"`
	ShipmentsUpdated  int64          `db:"shipments_updated"`
	EventsAdded       int64          `db:"events_added"`
	DuplicatesSkipped int64          `db:"duplicates_skipped"`
	RowsRejected      int64          `db:"rows_rejected"`
	RowsWarned        int64          `db:"rows_warned"`
	// RowsEmpty counts the file's records with nothing in them (every cell empty, blank or an
	// Excel ="" text): skipped, never a shipment, and not counted in RowsRead.
	RowsEmpty int64 `db:"rows_empty"`
	// UnmappedStatuses is how many distinct status texts of the file matched no rule, and
	// UnmappedRows how many rows carried them: their parcels' stage stays unknown until the
	// seller maps the texts.
	UnmappedStatuses int64 `db:"unmapped_statuses"`
	UnmappedRows     int64 `db:"unmapped_rows"`
	// ParcelsNeedYou is how many of the shop's parcels had an open or investigating exception
	// once the sweep after this import ran (what the queue lists by default); nil until that
	// sweep counted them.
	ParcelsNeedYou *int64 `db:"parcels_need_you"`
	// BOM tells whether the file began with a byte order mark.
	BOM bool `db:"bom"`
	// HasPromisedBy and HasProtectionEndsAt tell whether the import's mapping has a promised
	// delivery date column and a buyer-protection end column: without them the late and
	// protection checks have nothing to go on for the file's orders.
	HasPromisedBy       bool       `db:"has_promised_by"`
	HasProtectionEndsAt bool       `db:"has_protection_ends_at"`
	Error               string     `db:"error"`
	CreatedAt           time.Time  `db:"created_at"`
	QueuedAt            *time.Time `db:"queued_at"`
	StartedAt           *time.Time `db:"started_at"`
	FinishedAt          *time.Time `db:"finished_at"`
	// QueuePosition is, for a queued import, its place among the shop's imports waiting to run
	// (1: next); 0 otherwise. Set by FindImport and ListImports.
	QueuePosition int64 `db:"queue_position"`
}

const importColumns = `seller_id, id, user_id, source, filename, size_bytes, status, encoding, delimiter,
	header, date_order, timezone, rows_estimate, rows_read, bytes_read, shipments_created, shipments_updated,
	events_added, duplicates_skipped, rows_rejected, rows_warned, error, created_at, queued_at, started_at, finished_at,
	rows_empty, unmapped_statuses, unmapped_rows, parcels_need_you, bom,
	(mapping ? 'promised_by') AS has_promised_by, (mapping ? 'protection_ends_at') AS has_protection_ends_at`

// importPositionSQL is the queue_position of an import row i (see Import.QueuePosition).
const importPositionSQL = `CASE WHEN i.status = 'queued' THEN (SELECT count(*) FROM imports q
	WHERE q.seller_id = i.seller_id AND q.status = 'queued' AND (q.queued_at, q.id) <= (i.queued_at, i.id)) ELSE 0 END AS queue_position`

// Runnable reports whether the import can be started (again).
func (im Import) Runnable() bool {
	return im.Status == ImportUploaded || im.Status == ImportFailed || im.Status == ImportInterrupted
}

// apiBatchOrphanedAfter is how long an API batch may wait for its group before
// MarkInterruptedImports takes its process for dead.
const apiBatchOrphanedAfter = 10 * time.Minute

// apiSourcesSQL are the imports.source values of batches that arrive by HTTP (the API and the
// trackers' webhooks): they wait for their group in a process and sweep together.
const apiSourcesSQL = `('api', 'aftership', '17track')`

// parcelsCountedWithin is how long after a done import its page waits for the sweep after it to
// count the parcels that need the seller; a sweep that failed never does.
const parcelsCountedWithin = 2 * time.Minute

// CountingParcels reports whether the parcels that need the seller after this import are still
// being counted at now: it is done, has no figure yet, and finished less than two minutes ago.
func (im Import) CountingParcels(now time.Time) bool {
	return im.Status == ImportDone && im.ParcelsNeedYou == nil && im.FinishedAt != nil && now.Sub(*im.FinishedAt) < parcelsCountedWithin
}

// UnmappedAtLeast reports whether UnmappedStatuses stopped at UnmappedStatusesMax: the file may
// have more distinct texts no rule knew.
func (im Import) UnmappedAtLeast() bool { return im.UnmappedStatuses >= UnmappedStatusesMax }

// Comma is the delimiter the import's file used, as the rejected rows are written back in: a
// comma when it is not known or not one a CSV writer can write.
func (im Import) Comma() rune {
	d := []rune(im.Delimiter)
	if len(d) != 1 || d[0] == '"' || d[0] == '\r' || d[0] == '\n' || d[0] == utf8.RuneError || d[0] == 0 {
		return ','
	}
	return d[0]
}

// RejectsBOM reports whether the rejected rows' download starts with a byte order mark: when the
// file had one, and when it was not UTF-8, since the download is UTF-8 whatever the file's
// encoding was and the mark is what tells a spreadsheet so.
func (im Import) RejectsBOM() bool {
	return im.BOM || im.Encoding != "" && im.Encoding != csvfile.EncodingUTF8
}

// ImportSettings is how to read a file: its dialect, which column holds what, how to read
// ambiguous dates, and the zone of times that carry no offset.
type ImportSettings struct {
	Dialect   csvfile.Dialect
	Mapping   csvfile.Mapping
	DateOrder csvfile.DateOrder
	Location  *time.Location
}

// NewImport is the input of CreateImport.
type NewImport struct {
	UserID   *int64
	Source   string // "upload", "cli", "demo", "api", or a tracker's webhook ("aftership", "17track")
	Filename string
	Size     int64
}

// CreateImport records a file about to be imported from a stream the caller holds (the command
// line, the demo data). Uploads go through CreateUpload instead, which also keeps the file.
func (s *Store) CreateImport(ctx context.Context, seller SellerID, in NewImport) (Import, error) {
	var im Import
	err := s.db.GetContext(ctx, &im, `
		INSERT INTO imports (seller_id, user_id, source, filename, size_bytes, status)
		VALUES ($1, $2, $3, $4, $5, 'uploaded') RETURNING `+importColumns,
		seller, in.UserID, in.Source, importFilename(in.Filename), in.Size)
	if err != nil {
		return Import{}, fmt.Errorf("create import: %w", err)
	}
	return im, nil
}

// FindImport returns the seller's import, or ErrNotFound.
func (s *Store) FindImport(ctx context.Context, seller SellerID, id int64) (Import, error) {
	var im Import
	err := s.db.GetContext(ctx, &im, `SELECT `+importColumns+`, `+importPositionSQL+`
		FROM imports i WHERE seller_id = $1 AND id = $2`, seller, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Import{}, ErrNotFound
	}
	if err != nil {
		return Import{}, fmt.Errorf("find import: %w", err)
	}
	return im, nil
}

// ListImports returns the seller's imports, newest first.
func (s *Store) ListImports(ctx context.Context, seller SellerID, limit int) ([]Import, error) {
	var out []Import
	err := s.db.SelectContext(ctx, &out, `SELECT `+importColumns+`, `+importPositionSQL+`
		FROM imports i WHERE seller_id = $1 ORDER BY id DESC LIMIT $2`, seller, limit)
	if err != nil {
		return nil, fmt.Errorf("list imports: %w", err)
	}
	return out, nil
}

// MarkInterruptedImports marks as interrupted every import that is marked running but that no
// live transaction is running (its process died). Called at start and every minute; safe with
// several replicas, because a replica's running import holds its lock. The CASE makes sure the
// lock is only tried for running imports (SQL does not promise the order of an AND): a lock
// held for a moment on another import would make its BeginImport report a false conflict.
//
// So is an API batch (or a tracker's delivery) that never began: recorded, it waits in its
// process for its group (apigroup.go), which begins it within seconds; one still waiting after
// apiBatchOrphanedAfter lost its process.
func (s *Store) MarkInterruptedImports(ctx context.Context) (int64, error) {
	res, err := s.db.ExecContext(ctx, `
		UPDATE imports SET status = 'interrupted', finished_at = now(),
		       error = 'The portal stopped during this import. Nothing from it was saved; run it again.'
		WHERE status IN ('running', 'uploaded') AND CASE
			WHEN status = 'running' THEN pg_try_advisory_xact_lock(`+importRunLockSQL+`)
			ELSE source IN `+apiSourcesSQL+` AND created_at < now() - $1::interval END`,
		fmt.Sprintf("%d seconds", int(apiBatchOrphanedAfter.Seconds())))
	if err != nil {
		return 0, fmt.Errorf("mark interrupted imports: %w", err)
	}
	return res.RowsAffected()
}

// RunImport reads a whole file into the seller's shipments: BeginImport, then Load.
func (s *Store) RunImport(ctx context.Context, seller SellerID, id int64, r io.Reader, set ImportSettings) (Import, error) {
	run, err := s.BeginImport(ctx, seller, id, set)
	if err != nil {
		return Import{}, err
	}
	return run.Load(ctx, r)
}

// ImportRun is an import that has begun: its transaction is open and it is marked running.
// Load must be called, once, to finish it.
type ImportRun struct {
	store  *Store
	conn   *sqlx.Conn // the transaction's connection, for streaming COPY data (stageRows)
	tx     *sqlx.Tx
	seller SellerID
	id     int64
	// others are the imports begun with id in the same transaction (API batches merged
	// together, apigroup.go): they load, commit and fail together.
	others []int64
	set    ImportSettings
	cls    *tracking.Classifier
	// coalesceSweep leaves the sweep after the import to another import of the seller that is
	// still running when this one is done (the API's batches, which a tool posts from several clients
	// at once: 20 batches would sweep the whole shop 20 times, one after another, to the same
	// end). The last batch sweeps, and so does any import that fails while a batch may have left
	// its sweep to it; a later import that dies with its process leaves it to the periodic sweep.
	coalesceSweep bool
	// mergeLocked, when set, is called once the run holds the seller's merge lock, and committed
	// right after its transaction committed.
	mergeLocked, committed func()
}

// ids are the run's imports: id, then the others.
func (run *ImportRun) ids() []int64 { return append([]int64{run.id}, run.others...) }

// importPart is one import of a run and its input: a file, or one API batch of a group, with
// what staging (stageRows) and merging (mergeStaged) it did.
type importPart struct {
	id     int64
	r      io.Reader
	staged stagedFile
	counts mergeCounts
}

// BeginImport opens the import's transaction, takes its run lock and marks it running, so that a
// page shows it running the moment this returns. It returns ErrNotFound for another seller's
// import, ErrConflict when it is queued, running or done, and a *ValidationError for settings that
// cannot work (no order reference column). The command line runs a file at once this way; an
// upload is queued instead (QueueImport) and begun by the queue (ImportQueue).
func (s *Store) BeginImport(ctx context.Context, seller SellerID, id int64, set ImportSettings) (*ImportRun, error) {
	return s.beginImports(ctx, seller, []int64{id}, set)
}

// beginImports is BeginImport for one or more imports of the seller at once, loaded in one
// transaction (API batches merged together, apigroup.go): it fails if any of them cannot begin.
func (s *Store) beginImports(ctx context.Context, seller SellerID, ids []int64, set ImportSettings) (*ImportRun, error) {
	if err := set.Mapping.Validate(); err != nil {
		return nil, fromCSV(err)
	}
	if set.Location == nil {
		set.Location = time.UTC
	}
	cls, err := s.Classifier(ctx, seller)
	if err != nil {
		return nil, err
	}
	conn, tx, err := s.beginImportTx(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin import: %w", err)
	}
	run := &ImportRun{store: s, conn: conn, tx: tx, seller: seller, id: ids[0], others: ids[1:], set: set, cls: cls}
	fail := func(err error) (*ImportRun, error) {
		run.end()
		return nil, err
	}
	for _, id := range ids {
		locked, err := tryRunLock(ctx, tx, seller, id)
		if errors.Is(err, ErrNotFound) {
			return fail(err)
		}
		if err != nil {
			return fail(fmt.Errorf("begin import: %w", err))
		}
		if !locked {
			return fail(ErrConflict) // running right now in another transaction
		}
		ok, err := s.markRunning(ctx, seller, id, set, ImportUploaded, ImportFailed, ImportInterrupted)
		if err != nil {
			return fail(fmt.Errorf("begin import: %w", err))
		}
		if !ok {
			return fail(ErrConflict)
		}
	}
	return run, nil
}

// tryRunLock takes the import's run lock in tx if no other transaction holds it, and reports
// whether it did. It returns ErrNotFound for another seller's import.
func tryRunLock(ctx context.Context, tx *sqlx.Tx, seller SellerID, id int64) (bool, error) {
	var locked bool
	err := tx.GetContext(ctx, &locked, `SELECT pg_try_advisory_xact_lock(`+importRunLockSQL+`) FROM imports
		WHERE seller_id = $1 AND id = $2`, seller, id)
	if errors.Is(err, sql.ErrNoRows) {
		return false, ErrNotFound
	}
	return locked, err
}

// beginImportTx opens the transaction an import runs in, on a connection of its own (Load streams
// COPY data on it). The transaction outlives the call (a queue's claim begins it, a worker loads
// it), so it must not end with ctx; Load or Fail always ends it.
func (s *Store) beginImportTx(ctx context.Context) (*sqlx.Conn, *sqlx.Tx, error) {
	conn, err := s.db.Connx(ctx)
	if err != nil {
		return nil, nil, err
	}
	tx, err := conn.BeginTxx(context.WithoutCancel(ctx), nil)
	if err != nil {
		_ = conn.Close()
		return nil, nil, err
	}
	// JIT compiles for about a second per big statement and gains nothing on these set-based
	// merges; more sort memory keeps the merges' sorts off disk. If this process dies, the
	// server would run the statement in hand to its end before it noticed (a merge can take
	// minutes, holding the run lock and the seller's merge lock); checking the connection every
	// 2 s ends it soon after.
	if _, err := tx.ExecContext(ctx, `SET LOCAL jit = off; SET LOCAL work_mem = '64MB'; SET LOCAL client_connection_check_interval = '2s'`); err != nil {
		_ = tx.Rollback()
		_ = conn.Close()
		return nil, nil, err
	}
	return conn, tx, nil
}

// markRunning marks the import running with its settings if its status is one of from, and
// reports whether it was. It runs outside the import's transaction, so that pages see the import
// running while it runs.
func (s *Store) markRunning(ctx context.Context, seller SellerID, id int64, set ImportSettings, from ...ImportStatus) (bool, error) {
	res, err := s.db.ExecContext(ctx, `
		UPDATE imports SET status = 'running', started_at = clock_timestamp(), finished_at = NULL, error = '',
		       rows_read = 0, bytes_read = 0, encoding = $3, delimiter = $4, date_order = $5, timezone = $6, mapping = $7,
		       bom = $8
		WHERE seller_id = $1 AND id = $2 AND status = ANY($9)`,
		seller, id, set.Dialect.Encoding, string(set.Dialect.Delimiter), set.DateOrder.String(),
		set.Location.String(), mappingJSON(set.Mapping), set.Dialect.BOM, pq.Array(statusStrings(from)))
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

func statusStrings(ss []ImportStatus) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return out
}

// Abandon ends the run without loading anything, as if its process had died: the import stays
// marked running until MarkInterruptedImports finds it. For tests of that path.
func (run *ImportRun) Abandon() { run.end() }

// end rolls the transaction back unless it was committed, and gives the connection back.
func (run *ImportRun) end() {
	_ = run.tx.Rollback()
	_ = run.conn.Close()
}

// Load reads the file into the seller's shipments and commits, all in the transaction BeginImport
// opened: a crash, a lost connection or a cancelled context leaves nothing half imported, and the
// import is marked failed with a reason a seller can read. Rows that fail validation are recorded
// with their line and reason and do not stop the others. Importing the same file again adds
// nothing.
//
// The file streams through: records are parsed and classified one at a time and sent to a
// temporary table with COPY, then merged set-based. Progress (rows read) is written as it goes,
// outside the transaction, so a page can show it.
func (run *ImportRun) Load(ctx context.Context, r io.Reader) (Import, error) {
	ims, err := run.loadParts(ctx, []*importPart{{id: run.id, r: r}})
	if err != nil {
		return Import{}, err
	}
	return ims[0], nil
}

// loadParts is Load for each of the run's imports, one part each, in the run's order.
func (run *ImportRun) loadParts(ctx context.Context, parts []*importPart) ([]Import, error) {
	if err := run.load(ctx, parts); err != nil {
		return nil, run.Fail(ctx, err)
	}
	run.end()
	ims := make([]Import, len(parts))
	for i, p := range parts {
		var err error
		if ims[i], err = run.store.FindImport(ctx, run.seller, p.id); err != nil {
			return nil, err
		}
	}
	return ims, nil
}

// Fail ends the run without loading (or after a failed load): its transaction rolls back and the
// import is marked failed with a reason a seller can read, so it can be run again. It returns err,
// wrapped.
func (run *ImportRun) Fail(ctx context.Context, err error) error {
	run.end()
	// The transaction is gone; record why, even if ctx was cancelled.
	var ferrs []error
	for _, id := range run.ids() {
		if ferr := run.store.markImportFailed(context.WithoutCancel(ctx), run.seller, id, failureReason(err)); ferr != nil {
			ferrs = append(ferrs, ferr)
		}
	}
	if ferrs != nil {
		return fmt.Errorf("import %d: %w (and marking it failed: %v)", run.id, err, errors.Join(ferrs...))
	}
	return fmt.Errorf("import %d: %w", run.id, err)
}

// Bounds of markImportFailed: all its tries, and one try.
const (
	markFailedWithin = 15 * time.Second
	markFailedTry    = 5 * time.Second
)

// markImportFailed records that an import failed, and why, retrying for up to markFailedWithin
// while the database cannot be reached. It runs right after the import's own connection broke,
// and what broke it (a network fault, a restarted proxy or server) has usually broken the
// pool's idle connections too: a statement sent on one of those fails with a connection reset,
// which database/sql does not retry (lib/pq reports it as a network error, not as
// driver.ErrBadConn), and the import would stay "running". So every try takes a connection of
// its own and pings it before writing: a dead one fails the ping with driver.ErrBadConn, which
// makes database/sql close it, and the next try goes on at once with the next connection, until
// the pool has none left and dials a new one. Other failures (a server that refuses
// connections while it restarts) are tried again after a growing pause.
func (s *Store) markImportFailed(ctx context.Context, seller SellerID, id int64, reason string) error {
	ctx, cancel := context.WithTimeout(ctx, markFailedWithin)
	defer cancel()
	pause := 50 * time.Millisecond
	for {
		err := s.tryMarkImportFailed(ctx, seller, id, reason)
		switch {
		case err == nil:
			return nil
		case !Unavailable(err) || ctx.Err() != nil:
			return fmt.Errorf("mark import failed: %w", err)
		case errors.Is(err, driver.ErrBadConn):
			continue // a dead pooled connection, now closed: take the next one
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("mark import failed: %w", err)
		case <-time.After(pause):
		}
		pause = min(2*pause, time.Second)
	}
}

// tryMarkImportFailed is one try of markImportFailed, on one connection.
func (s *Store) tryMarkImportFailed(ctx context.Context, seller SellerID, id int64, reason string) error {
	ctx, cancel := context.WithTimeout(ctx, markFailedTry)
	defer cancel()
	conn, err := s.db.Connx(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = conn.Close() }()
	if err := conn.PingContext(ctx); err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, `
		UPDATE imports SET status = 'failed', finished_at = now(), error = $3
		WHERE seller_id = $1 AND id = $2`, seller, id, reason)
	return err
}

// failureReason words a failed import for the seller.
func failureReason(err error) string {
	var verr *ValidationError
	var pqErr *pq.Error
	switch {
	case errors.As(err, &verr):
		return verr.Message()
	case errors.As(err, &pqErr) && pqErr.Code == "53100": // disk_full
		return "The database ran out of disk space during the import. Nothing from it was saved; " +
			"run it again once space is freed (your administrator can see it in the database's log)."
	case errors.As(err, &pqErr) && pqErr.Code.Class() == "53": // out of memory, too many connections
		return "The database was short of resources during the import. Nothing from it was saved; run it again in a while."
	case Unavailable(err):
		return "The connection to the database was lost during the import. Nothing from it was saved; run it again."
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return "The import was stopped before it finished. Nothing from it was saved; run it again."
	default:
		return "The import failed and nothing from it was saved. If it happens again, send us the file."
	}
}

func (run *ImportRun) load(ctx context.Context, parts []*importPart) error {
	s, tx, seller := run.store, run.tx, run.seller
	progress := func(id, rows, bytes int64) {
		_, _ = s.db.ExecContext(ctx, `UPDATE imports SET rows_read = $3, bytes_read = $4 WHERE seller_id = $1 AND id = $2`,
			seller, id, rows, bytes)
	}
	if err := run.stageRows(ctx, parts, progress); err != nil {
		return err
	}
	if err := mergeStaged(ctx, tx, seller, parts, run.mergeLocked, run.logStep); err != nil {
		return err
	}
	for _, p := range parts {
		staged, c, id := p.staged, p.counts, p.id
		// The clock's time: now() is when this transaction began, before started_at was written.
		if _, err := tx.ExecContext(ctx, `
			UPDATE imports SET status = 'done', finished_at = clock_timestamp(), rows_read = $3, shipments_created = $4,
			       shipments_updated = $5, events_added = $6, duplicates_skipped = $7, rows_rejected = $8, header = $9,
			       rows_warned = $10, rows_empty = $11, unmapped_statuses = $12, unmapped_rows = $13, parcels_need_you = NULL
			WHERE seller_id = $1 AND id = $2`,
			seller, id, staged.rows, c.created, c.updated, c.events, c.duplicates, c.rejected, pq.StringArray(staged.header),
			c.warned, staged.empty, len(staged.unmapped), staged.unmappedRows); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM import_chunks WHERE seller_id = $1 AND import_id = $2`, seller, id); err != nil {
			return err
		}
		if err := s.notifyImport(ctx, tx, seller, id); err != nil { // notifications: notifyhooks.go
			return err
		}
	}
	// The shipments' facts, which the queue shows, changed: the transaction's last statement, as
	// inTx's.
	s.queueChanged(tx, seller)
	err := s.bumpQueueVersions(ctx, tx)
	s.queueMarks.Delete(tx)
	if err != nil {
		return err
	}
	t0 := time.Now()
	if err := tx.Commit(); err != nil {
		return err
	}
	run.logStep(ctx, "commit", t0)
	if run.committed != nil {
		run.committed()
	}
	return nil
}

// logStep logs at debug level how long a step of the import took since start.
func (run *ImportRun) logStep(ctx context.Context, step string, start time.Time) {
	run.store.Log.DebugContext(ctx, "import step", "import", run.id, "step", step, "took", time.Since(start).Round(time.Millisecond))
}

// isRowError reports whether err is about one record rather than the whole file.
func isRowError(err error) bool {
	_, ok := csvfile.AsRowError(err)
	return ok
}

// statusInfo is what an import derives from a status text: its stage and signal, its normal form,
// and the tracking numbers it mentions.
type statusInfo struct {
	stage  Stage
	signal Signal
	norm   string
	extra  []string
}

// statusCache remembers statusInfo per distinct text for one import: a file repeats the same few
// hundred carrier texts across a million rows, and classifying, normalising and searching each
// for numbers was much of the importer's CPU. Texts with digits in them are not kept: they are
// mostly one-offs ("with tracking UG251350054MV") that would only fill memory. Bounded besides,
// so memory does not grow with the file.
type statusCache struct {
	cls   *tracking.Classifier
	seen  map[statusKey]statusInfo
	sides map[string]tracking.Side // carrier → tracking.CarrierSide
}

// statusKey is a status text and the end of the route its carrier works: the same words can mean
// a different stage then ("In transit to next facility" is after customs at USPS).
type statusKey struct {
	text, code string
	side       tracking.Side
}

const statusCacheMax = 5_000

func newStatusCache(cls *tracking.Classifier) *statusCache {
	return &statusCache{cls: cls, seen: make(map[statusKey]statusInfo, 256), sides: map[string]tracking.Side{}}
}

// get classifies text as printed by carrier (the row's carrier column), with the row's status
// code, which beats the text when the code tables know it.
func (c *statusCache) get(text, code, carrier string) statusInfo {
	if text == "" && code == "" {
		return statusInfo{signal: SignalNone}
	}
	side, ok := c.sides[carrier]
	if !ok {
		side = tracking.CarrierSide(carrier)
		if len(c.sides) < statusCacheMax {
			c.sides[carrier] = side
		}
	}
	key := statusKey{text, code, side}
	if info, ok := c.seen[key]; ok {
		return info
	}
	var info statusInfo
	known := "" // the classifier reads only the carrier's side: one classification per side
	if side != tracking.SideUnknown {
		known = carrier
	}
	info.stage, info.signal = c.cls.ClassifyEvent(tracking.Event{Text: text, Code: code, Carrier: known})
	info.norm = tracking.NormalizeStatus(text)
	if containsDigit(text) {
		if nums := tracking.ExtractTrackingNumbers(text); len(nums) > 0 {
			info.extra = nums
		}
	}
	if len(c.seen) < statusCacheMax && info.extra == nil && !containsDigit(text) {
		c.seen[key] = info
	}
	return info
}

func containsDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// Progress is how far a running import is, from 0 to 1, by bytes read of the file's size.
func (im Import) Progress() float64 {
	if im.SizeBytes <= 0 {
		return 0
	}
	return min(1, float64(im.BytesRead)/float64(im.SizeBytes))
}

// Reject is a row an import refused.
type Reject struct {
	Line   int            `db:"line"`
	Reason string         `db:"reason"`
	Fields pq.StringArray `db:"fields"`
}

// EachReject calls fn for each row the import refused, in line order, streaming.
func (s *Store) EachReject(ctx context.Context, seller SellerID, importID int64, fn func(Reject) error) error {
	rows, err := s.db.QueryxContext(ctx, `SELECT line, reason, fields FROM import_rejects
		WHERE seller_id = $1 AND import_id = $2 ORDER BY line`, seller, importID)
	if err != nil {
		return fmt.Errorf("list rejects: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r Reject
		if err := rows.StructScan(&r); err != nil {
			return fmt.Errorf("list rejects: %w", err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ListRejects returns the first limit rows the seller's import refused, in line order, for its
// page (the download streams them all with EachReject). Another seller's import has none.
func (s *Store) ListRejects(ctx context.Context, seller SellerID, importID int64, limit int) ([]Reject, error) {
	var out []Reject
	if err := s.db.SelectContext(ctx, &out, `SELECT line, reason, fields FROM import_rejects
		WHERE seller_id = $1 AND import_id = $2 ORDER BY line LIMIT $3`, seller, importID, limit); err != nil {
		return nil, fmt.Errorf("list rejects: %w", err)
	}
	return out, nil
}

// Warning is something an import set aside from a row it imported: the row's line and what.
type Warning struct {
	Line    int    `db:"line"`
	Message string `db:"message"`
}

// ListWarnings returns the first limit warnings of the seller's import, in line order.
func (s *Store) ListWarnings(ctx context.Context, seller SellerID, importID int64, limit int) ([]Warning, error) {
	var out []Warning
	if err := s.db.SelectContext(ctx, &out, `SELECT line, message FROM import_warnings
		WHERE seller_id = $1 AND import_id = $2 ORDER BY line LIMIT $3`, seller, importID, limit); err != nil {
		return nil, fmt.Errorf("list warnings: %w", err)
	}
	return out, nil
}

// mergeCounts is what a merge did.
type mergeCounts struct {
	created, updated, events, duplicates, rejected, warned int64
}

// shipmentFacts are the staging columns that are facts of the order: the last non-empty value in
// the file wins, and an empty cell never erases a known value.
var shipmentFacts = []string{"tracking_number", "carrier", "service", "service_key", "last_mile_tracking_number",
	"last_mile_carrier", "destination_country", "order_date", "customer_name", "customer_email", "product",
	"order_value", "currency", "promised_by", "protection_ends_at", "unrecognised_tracking"}

// isTextFact reports whether a fact column is text (stored as ” when absent).
func isTextFact(c string) bool {
	switch c {
	case "order_date", "order_value", "promised_by", "protection_ends_at":
		return false
	}
	return true
}

// stagedRows is how many records the parts staged.
func stagedRows(parts []*importPart) int64 {
	var n int64
	for _, p := range parts {
		n += p.staged.rows
	}
	return n
}

// partCount is a count of one import of a merge.
type partCount struct {
	ImportID int64 `db:"import_id"`
	N        int64 `db:"n"`
}

// mergeStaged merges the staging table into the seller's data, set-based, and sets each part's
// counts. Parts are in the order their facts were sent: of one order, a later part's value wins,
// as a later line's does within a file. Of an event that several parts of a group carry, the
// first part's import adds it and the others count it as a duplicate; a shipment created or
// updated counts for the first part that names its order. locked (may be nil) is called once the
// merge lock is held.
func mergeStaged(ctx context.Context, tx *sqlx.Tx, seller SellerID, parts []*importPart, locked func(), logStep func(context.Context, string, time.Time)) error {
	t0 := time.Now()
	step := func(name string) { logStep(ctx, name, t0); t0 = time.Now() }
	byID := make(map[int64]*importPart, len(parts))
	var rejected, warned bool
	for _, p := range parts {
		p.counts = mergeCounts{}
		byID[p.id] = p
		rejected = rejected || p.staged.rejected > 0
		warned = warned || p.staged.warned > 0
	}
	count := func(what, query string, set func(*mergeCounts, int64)) error {
		var cs []partCount
		if err := tx.SelectContext(ctx, &cs, query, seller); err != nil {
			return fmt.Errorf("record %s: %w", what, err)
		}
		for _, c := range cs {
			if p := byID[c.ImportID]; p != nil {
				set(&p.counts, c.N)
			}
		}
		return nil
	}
	if rejected {
		if err := count("rejected rows", `
			WITH r AS (
				INSERT INTO import_rejects (seller_id, import_id, line, reason, fields)
				SELECT $1, import_id, line, reject, coalesce(raw, '{}') FROM staging WHERE reject IS NOT NULL
				ON CONFLICT DO NOTHING RETURNING import_id)
			SELECT import_id, count(*) AS n FROM r GROUP BY import_id`, func(c *mergeCounts, n int64) { c.rejected = n }); err != nil {
			return err
		}
	}
	if warned {
		if err := count("warnings", `
			WITH w AS (
				INSERT INTO import_warnings (seller_id, import_id, line, message)
				SELECT $1, import_id, line, warning FROM staging WHERE warning IS NOT NULL
				ON CONFLICT DO NOTHING RETURNING import_id)
			SELECT import_id, count(*) AS n FROM w GROUP BY import_id`, func(c *mergeCounts, n int64) { c.warned = n }); err != nil {
			return err
		}
	}
	step("rejects")
	// The merge lock, then the sweep lock (locks.go).
	if err := lockImportMerge(ctx, tx, seller); err != nil {
		return err
	}
	step("merge lock")
	if locked != nil {
		locked()
	}
	if err := lockStageWriters(ctx, tx, seller); err != nil {
		return err
	}
	step("sweep lock")
	// The file's orders and their shipment ids: the seller's shipment, or a new id for a new one,
	// so that the events can be written before their shipment (in the same statement). Analysed,
	// because the planner's statistics of shipments do not know about shipments just created, and
	// estimates of a few dozen rows where there are a million make nested loops of the joins.
	// single marks an order the file gives its facts on one row only (most orders of most files):
	// its facts are that row's, without the aggregates below. one_event marks a new shipment the
	// file gives one event: its stage state is that event's, without deriveStageSQL.
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE orders (order_ref text NOT NULL, id bigint NOT NULL,
		existed boolean NOT NULL, single boolean NOT NULL, one_event boolean NOT NULL) ON COMMIT DROP`); err != nil {
		return err
	}
	// New ids are given in order_ref order (PostgreSQL evaluates a volatile function of the select
	// list after the ORDER BY, as its SELECT reference says): the shipments are then written in
	// the order of both their unique indexes, and their events in the order of theirs, instead
	// of at random pages, which made large merges markedly slower.
	//
	// A few thousand rows (an API batch or group, a small file) look their orders up in the index
	// one by one (LIMIT 1 keeps the planner from making the lateral a join again): planned as a
	// join, each batch read all the shop's shipments, a cost under the merge lock that grew with
	// the shop. A large file joins.
	lookup := `LEFT JOIN shipments s ON s.seller_id = $1 AND s.order_ref = f.order_ref`
	if stagedRows(parts) <= groupMaxRecords {
		lookup = `LEFT JOIN LATERAL (SELECT s.id FROM shipments s WHERE s.seller_id = $1 AND s.order_ref = f.order_ref LIMIT 1) s ON true`
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO orders
		SELECT f.order_ref, coalesce(s.id, nextval('shipments_id_seq')), s.id IS NOT NULL, f.rows = 1,
		       s.id IS NULL AND f.events = 1
		FROM (SELECT order_ref, count(*) FILTER (WHERE facts) AS rows, count(*) FILTER (WHERE status IS NOT NULL) AS events
		      FROM staging GROUP BY order_ref HAVING bool_or(facts)) f
		`+lookup+`
		ORDER BY f.order_ref`, seller); err != nil {
		return fmt.Errorf("merge shipments: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `ANALYZE orders`); err != nil {
		return err
	}
	step("orders")
	// One statement writes the events and the shipments:
	//   - new: the file's events, each once, that the seller does not have yet (concurrent
	//     imports of the seller wait for the merge lock, so no other transaction adds events
	//     meanwhile; the unique constraint events_dedupe stands behind this);
	//   - state: the derived stage state of the shipments that got events, from the new events
	//     and, for shipments that existed, the events they had (deriveStageSQL); a new shipment
	//     of one event takes that event's;
	//   - up: the shipments, with the order's facts (the last non-empty value in the file wins,
	//     and an empty cell never erases a known value) and that stage state, written once.
	//   - and the exceptions of shipments whose stage moved take the new stage (shipment_stage).
	var aggs, plain, cols, vals, sets, olds, news []string
	for _, f := range shipmentFacts {
		aggs = append(aggs, fmt.Sprintf("(array_agg(%[1]s) FILTER (WHERE %[1]s IS NOT NULL))[1] AS %[1]s", f))
		plain = append(plain, "st."+f)
		cols = append(cols, f)
		merged := fmt.Sprintf("coalesce(EXCLUDED.%[1]s, s.%[1]s)", f)
		if isTextFact(f) {
			vals = append(vals, fmt.Sprintf("coalesce(f.%s, '')", f))
			merged = fmt.Sprintf("coalesce(nullif(EXCLUDED.%[1]s, ''), s.%[1]s)", f)
		} else {
			vals = append(vals, "f."+f)
		}
		sets = append(sets, f+" = "+merged)
		olds = append(olds, "s."+f)
		news = append(news, merged)
	}
	// A shipment without new events keeps its stage state: EXCLUDED.last_event_at is NULL only
	// then, since every event has a time (its own, or when it was recorded).
	for _, f := range []string{"stage", "stage_entered_at", "last_event_at", "last_status", "last_signal"} {
		merged := fmt.Sprintf("CASE WHEN EXCLUDED.last_event_at IS NULL THEN s.%[1]s ELSE EXCLUDED.%[1]s END", f)
		cols = append(cols, f)
		sets = append(sets, f+" = "+merged)
		olds = append(olds, "s."+f)
		news = append(news, merged)
	}
	vals = append(vals, "coalesce(l.stage, 0)", "l.entered_at", "l.last_at", "coalesce(l.status_text, '')", "coalesce(l.signal, 'none')")
	// What the merge did, per import: a file's in one row; a group's (several parts) by the
	// import that added each event and the first import that named each shipment's order.
	firstPart, importPart := "", ""
	counts := `SELECT ` + strconv.FormatInt(parts[0].id, 10) + `::bigint AS import_id, (SELECT count(*) FROM new) AS events,
		       count(*) FILTER (WHERE inserted) AS created, count(*) FILTER (WHERE NOT inserted) AS updated
		FROM up`
	if len(parts) > 1 {
		firstPart, importPart = `, min(import_id) AS import_id`, `, st.import_id`
		counts = `, per AS (
			SELECT import_id, count(*) AS events, 0 AS created, 0 AS updated FROM new GROUP BY import_id
			UNION ALL
			SELECT f.import_id, 0, count(*) FILTER (WHERE u.inserted), count(*) FILTER (WHERE NOT u.inserted)
			FROM up u JOIN facts f USING (order_ref) GROUP BY f.import_id)
		SELECT import_id, sum(events)::bigint AS events, sum(created)::bigint AS created, sum(updated)::bigint AS updated
		FROM per GROUP BY import_id`
	}
	merge := `
		WITH new AS (
			INSERT INTO events (seller_id, shipment_id, occurred_at, status_text, status_norm, location, stage, signal, import_id)
			SELECT DISTINCT ON (o.id, st.status_at, st.status COLLATE "C", st.location COLLATE "C")
			       $1, o.id, st.status_at, st.status, st.status_norm, st.location, st.stage, st.signal, st.import_id
			FROM staging st JOIN orders o USING (order_ref)
			WHERE st.status IS NOT NULL AND NOT (o.existed AND EXISTS (
				-- Through the index, row by row: OFFSET 0 keeps the planner from making this an
				-- anti-join, which it may plan as reading all the seller's events for every row when
				-- the seller's statistics are not up to date.
				SELECT FROM events e
				WHERE e.seller_id = $1 AND e.shipment_id = o.id AND e.status_text = st.status
				  AND e.location = st.location AND e.occurred_at IS NOT DISTINCT FROM st.status_at
				OFFSET 0))
			ORDER BY o.id, st.status_at, st.status COLLATE "C", st.location COLLATE "C", st.import_id
			RETURNING shipment_id, id, occurred_at, recorded_at, status_text, stage, signal, import_id
		), newo AS (
			SELECT n.*, o.one_event FROM new n JOIN orders o ON o.id = n.shipment_id
		), ev AS (
			SELECT shipment_id, id, occurred_at, recorded_at, status_text, stage, signal FROM newo WHERE NOT one_event
			UNION ALL
			SELECT e.shipment_id, e.id, e.occurred_at, e.recorded_at, e.status_text, e.stage, e.signal
			FROM orders o JOIN events e ON e.seller_id = $1 AND e.shipment_id = o.id
			WHERE o.existed AND o.id IN (SELECT shipment_id FROM new)
		), ` + deriveStageSQL + `, state AS (
			SELECT shipment_id, stage, last_at, status_text, signal, entered_at FROM latest
			UNION ALL
			-- What deriveStageSQL gives a shipment of one event, without its aggregates and sorts:
			-- the event's stage (import customs too: no scan came after it), entered at its time.
			SELECT shipment_id, stage, coalesce(occurred_at, recorded_at), status_text, signal,
			       CASE WHEN stage > 0 THEN coalesce(occurred_at, recorded_at) END
			FROM newo WHERE one_event
		), facts AS (
			SELECT st.order_ref, ` + strings.Join(plain, ", ") + importPart + `
			FROM staging st JOIN orders o USING (order_ref) WHERE st.facts AND o.single
			UNION ALL
			SELECT order_ref, ` + strings.Join(aggs, ",\n") + firstPart + `
			-- One sort of the input, latest line first within each order, instead of a sort per
			-- aggregate: the aggregates take their input in this order.
			FROM (SELECT st.* FROM staging st JOIN orders o USING (order_ref) WHERE st.facts AND NOT o.single
			      ORDER BY order_ref, import_id DESC, line DESC) st
			GROUP BY order_ref
		), up AS (
			INSERT INTO shipments AS s (seller_id, id, order_ref, ` + strings.Join(cols, ", ") + `)
			SELECT $1, o.id, o.order_ref, ` + strings.Join(vals, ", ") + `
			FROM facts f JOIN orders o USING (order_ref) LEFT JOIN state l ON l.shipment_id = o.id
			ON CONFLICT (seller_id, order_ref) DO UPDATE SET ` + strings.Join(sets, ", ") + `, updated_at = now()
			WHERE (` + strings.Join(olds, ", ") + `) IS DISTINCT FROM (` + strings.Join(news, ", ") + `)
			RETURNING (xmax = 0) AS inserted, s.id, s.stage, s.order_ref
		), moved AS (
			UPDATE exceptions e SET shipment_stage = u.stage
			FROM up u
			WHERE e.seller_id = $1 AND e.shipment_id = u.id AND NOT u.inserted AND e.shipment_stage <> u.stage
		)
		` + counts
	var cs []struct {
		ImportID int64 `db:"import_id"`
		Events   int64 `db:"events"`
		Created  int64 `db:"created"`
		Updated  int64 `db:"updated"`
	}
	if err := tx.SelectContext(ctx, &cs, merge, seller); err != nil {
		return fmt.Errorf("merge events and shipments: %w", err)
	}
	step("events and shipments")
	for _, c := range cs {
		if p := byID[c.ImportID]; p != nil {
			p.counts.events, p.counts.created, p.counts.updated = c.Events, c.Created, c.Updated
		}
	}
	for _, p := range parts {
		p.counts.duplicates = p.staged.withStatus - p.counts.events
	}
	// Every number the file gives an order, each once (the first source wins: first mile, last
	// mile, event text); under the merge lock, as the events. In shipment order, as the events:
	// each row's foreign key check then reads the shipments in their order, where number order
	// read them at random, which was most of this statement's time on large files.
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO tracking_numbers (seller_id, number, shipment_id, source)
		SELECT DISTINCT ON (o.id, n.number) $1::bigint, n.number, o.id, n.source
		FROM staging st
		JOIN orders o USING (order_ref)
		CROSS JOIN LATERAL (
			SELECT st.tracking_number, 'first_mile', 1
			UNION ALL SELECT st.last_mile_tracking_number, 'last_mile', 2
			UNION ALL SELECT unnest(st.extra_numbers), 'event_text', 3
		) AS n (number, source, rank)
		WHERE (st.facts OR st.extra_numbers IS NOT NULL) AND n.number <> '' AND NOT (o.existed AND EXISTS (
			SELECT FROM tracking_numbers t WHERE t.seller_id = $1 AND t.number = n.number AND t.shipment_id = o.id
			OFFSET 0))
		ORDER BY o.id, n.number, n.rank`, seller); err != nil {
		return fmt.Errorf("merge tracking numbers: %w", err)
	}
	step("tracking numbers")
	return nil
}
