package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/handlers"
)

// cmdSweep runs one stall/exception sweep for every seller, then exits.
func cmdSweep(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var cfg Config
	fs := newFlagSet("sweep", getenv, stderr, &cfg)
	if err := fs.Parse(args); err != nil {
		return err
	}
	store, db, err := openStore(ctx, cfg, newLogger(cfg, stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	r, err := store.SweepAll(ctx, start)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "sweep done in %s: %d raised, %d resolved, %d back from waiting, %d sellers skipped (being swept elsewhere)\n",
		time.Since(start).Round(time.Millisecond), r.Raised, r.Resolved, r.Reopened, r.Skipped)
	return nil
}

// sweepEvery runs the sweep for every seller at once and then at each interval until ctx ends,
// so that a restarted portal's flags are current from the start. Replicas may all run it: a
// seller being swept elsewhere is skipped. Each run is recorded in metrics.
func sweepEvery(ctx context.Context, store *domain.Store, interval time.Duration, metrics *handlers.Metrics, log *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for first := true; ; first = false {
		if !first {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
		start := time.Now()
		r, err := store.SweepAll(ctx, start)
		if ctx.Err() != nil {
			return
		}
		metrics.ObserveSweep("periodic", r, time.Since(start), err)
		if err != nil {
			log.Warn("periodic sweep failed", "err", err)
			continue
		}
		log.Info("periodic sweep", "took", time.Since(start), "raised", r.Raised, "resolved", r.Resolved, "reopened", r.Reopened, "skipped", r.Skipped)
	}
}
