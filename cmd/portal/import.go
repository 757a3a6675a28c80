package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/csvfile"
	"github.com/parceldesk/portal/domain/zone"
)

// cmdImport imports a CSV file as a seller, with automatic column mapping, through the same
// pipeline as an upload. It prints a one-line summary and fails when the file could not be
// imported at all; rejected rows are counted, listed on the import's page, and not a failure.
func cmdImport(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var cfg Config
	var email, order, tzName string
	fs := newFlagSet("import", getenv, stderr, &cfg)
	importFlags(fs, getenv, &cfg)
	fs.StringVar(&email, "seller", "", "email of a team member of the seller to import as (required)")
	fs.StringVar(&order, "date-order", "", "how to read dates such as 03/04/2026 when the file does not decide it: dmy or mdy")
	fs.StringVar(&tzName, "timezone", "", "time zone of times without an offset (default: the seller's, China time for new sellers)")
	fs.Usage = func() { fmt.Fprintln(stderr, "usage: portal import --seller EMAIL [flags] FILE"); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return err
	}
	if email == "" || fs.NArg() != 1 {
		fs.Usage()
		return errors.New("import: --seller and one FILE are required")
	}
	path := fs.Arg(0)
	store, db, err := openStore(ctx, cfg, newLogger(cfg, stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	user, err := store.FindUserByEmail(ctx, email)
	if errors.Is(err, domain.ErrNotFound) {
		return fmt.Errorf("import: no seller has a team member %s", email)
	}
	if err != nil {
		return err
	}
	seller, err := store.FindSeller(ctx, user.SellerID)
	if err != nil {
		return err
	}
	if tzName == "" {
		tzName = seller.Timezone
	}
	loc, err := zone.Lookup(tzName)
	if err != nil {
		return fmt.Errorf("import: unknown time zone %q", tzName)
	}
	var took importTimes
	im, err := importFile(ctx, store, &took, seller.ID, &user.ID, "cli", path, order, loc)
	if im.ID != 0 {
		fmt.Fprintln(stdout, importSummary(im)+took.String())
	}
	if err != nil {
		return err
	}
	if im.Status != domain.ImportDone {
		return fmt.Errorf("import: %s", im.Error)
	}
	return nil
}

// importFile detects a file's settings, then imports it (one pass to look, one to load) and sweeps
// the seller, as the import queue does, telling obs (nil for none). An import that failed is
// returned as such, with its reason, and no error.
func importFile(ctx context.Context, store *domain.Store, obs domain.ImportObserver, seller domain.SellerID, user *int64, source, path, order string, loc *time.Location) (domain.Import, error) {
	f, err := os.Open(path) // #nosec G304 -- the file the operator named on the command line (or the demo's temporary file)
	if err != nil {
		return domain.Import{}, fmt.Errorf("import: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return domain.Import{}, fmt.Errorf("import: %w", err)
	}
	p, err := domain.DetectSettings(f)
	if err != nil {
		return domain.Import{}, userError(err)
	}
	set := domain.ImportSettings{Dialect: p.Dialect, Mapping: p.Mapping, DateOrder: p.DateOrder, Location: loc}
	switch order {
	case "dmy":
		set.DateOrder = csvfile.DayFirst
	case "mdy":
		set.DateOrder = csvfile.MonthFirst
	case "":
		if p.DateAmbiguous {
			return domain.Import{}, fmt.Errorf("import: dates such as %v could be day-first or month-first; pass --date-order dmy or mdy", p.DateSamples)
		}
	default:
		return domain.Import{}, fmt.Errorf("import: --date-order must be dmy or mdy")
	}
	if err := set.Mapping.Validate(); err != nil {
		return domain.Import{}, userError(err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return domain.Import{}, err
	}
	im, err := store.CreateImport(ctx, seller, domain.NewImport{UserID: user, Source: source, Filename: filepath.Base(path), Size: st.Size()})
	if err != nil {
		return domain.Import{}, err
	}
	run, err := store.BeginImport(ctx, seller, im.ID, set)
	if err != nil {
		return domain.Import{}, err
	}
	done, _, err := run.Complete(ctx, f, obs)
	if err != nil && done.Status == domain.ImportFailed {
		return done, nil // recorded as failed with its reason: show that
	}
	return done, err
}

// importTimes keeps how long `portal import` took to load the file and to sweep after it, for its
// summary (the one-shot commands are not in the metrics).
type importTimes struct {
	load, sweep time.Duration
	swept       *domain.SweepResult
}

func (t *importTimes) ImportStarted() {}

func (t *importTimes) ImportFinished(_ domain.ImportResult, _ domain.Import, took time.Duration) {
	t.load = took
}

func (t *importTimes) ObserveSweep(_ string, r domain.SweepResult, took time.Duration, err error) {
	if err == nil {
		t.sweep, t.swept = took, &r
	}
}

// String is the summary's tail: "; loaded in 12.34 s, then the sweep raised 100 and resolved 2
// exceptions in 1.23 s".
func (t *importTimes) String() string {
	if t.swept == nil {
		return ""
	}
	return fmt.Sprintf("; loaded in %.2f s, then the sweep raised %d and resolved %d exceptions in %.2f s",
		t.load.Seconds(), t.swept.Raised, t.swept.Resolved, t.sweep.Seconds())
}

// userError turns a validation error into its seller-readable text.
func userError(err error) error {
	var verr *domain.ValidationError
	var cerr *csvfile.Error // a mapping the command line checks before the import begins
	switch {
	case errors.As(err, &verr):
		return fmt.Errorf("import: %s", verr.Message())
	case errors.As(err, &cerr):
		return fmt.Errorf("import: %s", cerr.Message())
	}
	return err
}

// importSummary is the one line `portal import` prints.
func importSummary(im domain.Import) string {
	if im.Status != domain.ImportDone {
		return fmt.Sprintf("import %d %s: %s", im.ID, im.Status, im.Error)
	}
	return fmt.Sprintf("import %d done: %d rows read, %d shipments created, %d updated, %d events added, %d duplicates skipped, %d rows rejected, %d rows with a warning",
		im.ID, im.RowsRead, im.ShipmentsCreated, im.ShipmentsUpdated, im.EventsAdded, im.DuplicatesSkipped, im.RowsRejected, im.RowsWarned)
}
