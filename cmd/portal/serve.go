package main

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/zone"
	"github.com/parceldesk/portal/handlers"
	"github.com/parceldesk/portal/notify"
)

// Demo login, created by `serve --demo` (what `make run` uses on a local database).
const (
	demoShop     = "Demo Gadget Store"
	demoEmail    = "demo@example.com"
	demoPassword = "parcel-desk-demo"
)

// cmdServe runs the web server until ctx is cancelled (SIGINT/SIGTERM), then drains requests.
func cmdServe(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	return serve(ctx, args, getenv, stdout, stderr, time.Now)
}

// serve is cmdServe with the clock of the delivery machinery given (tests move it to a digest's
// hour).
func serve(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer, clock func() time.Time) error {
	var cfg Config
	var demo bool
	var maxUploadMB int64
	var sweepInterval time.Duration
	var importWorkers int64
	var metricsAddr string
	fs := newFlagSet("serve", getenv, stderr, &cfg)
	importFlags(fs, getenv, &cfg)
	fs.StringVar(&cfg.Addr, "addr", envOr(getenv, "ADDR", ":8080"), "listen address (env ADDR)")
	fs.StringVar(&cfg.SessionSecret, "session-secret", getenv("SESSION_SECRET"), "key that signs session cookies; without it one is generated and kept in the database (env SESSION_SECRET)")
	fs.BoolVar(&cfg.SecureCookies, "secure-cookies", envBool(getenv, "SECURE_COOKIES"), "mark cookies Secure: set when served over TLS (env SECURE_COOKIES)")
	fs.BoolVar(&cfg.TrustProxy, "trust-proxy", envBool(getenv, "TRUST_PROXY"), "take client addresses from X-Forwarded-For (env TRUST_PROXY)")
	fs.Int64Var(&maxUploadMB, "max-upload-mb", envInt(getenv, "MAX_UPLOAD_MB", 512), "largest CSV upload accepted, in MiB (env MAX_UPLOAD_MB)")
	fs.DurationVar(&sweepInterval, "sweep-interval", envDuration(getenv, "SWEEP_INTERVAL", 5*time.Minute), "how often the stall/exception sweep runs (env SWEEP_INTERVAL)")
	fs.Int64Var(&importWorkers, "import-workers", envInt(getenv, "IMPORT_WORKERS", domain.DefaultImportWorkers), fmt.Sprintf("how many imports run at once in this process, 1 to %d; the others wait their turn (env IMPORT_WORKERS)", maxImportWorkers))
	fs.StringVar(&metricsAddr, "metrics-addr", getenv("METRICS_ADDR"), "address of the Prometheus /metrics listener, e.g. 127.0.0.1:9090; empty: no metrics listener (env METRICS_ADDR)")
	var nc notify.Config
	notifyFlags(fs, getenv, &nc)
	fs.BoolVar(&demo, "demo", false, "create the demo shop (with a few thousand demo orders) if it is missing and print its login")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if importWorkers < 1 || importWorkers > maxImportWorkers {
		return fmt.Errorf("serve: IMPORT_WORKERS must be 1 to %d (each running import holds a connection of the %d the pool has)", maxImportWorkers, poolSize)
	}
	if getenv("GOGC") == "" {
		// The server's live heap is small (an import streams in constant memory), and collecting at
		// 3x rather than 2x of it saves CPU on every queue page (make bench-queue measures it).
		debug.SetGCPercent(gcPercent)
	}
	log := newLogger(cfg, stderr)
	store, db, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	metrics := handlers.NewMetrics(db.DB)

	key, err := sessionKey(ctx, cfg, store)
	if err != nil {
		return err
	}
	if demo {
		if err := ensureDemo(ctx, store, metrics, log); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	url := "http://" + displayAddr(ln.Addr())
	if nc.PublicURL == "" {
		nc.PublicURL = url
	}
	nc.Clock = clock
	var inFlight atomic.Int64 // web requests being served: the outbox yields to them
	nc.Busy = func() bool { return inFlight.Load() > 0 }
	notifier, err := notify.New(store, log, nc)
	if err != nil {
		_ = ln.Close()
		return err
	}
	// Imports are taken from the queue until shutdown begins (ctx); the running ones stop when
	// work is cancelled.
	work, stopImports := context.WithCancel(context.WithoutCancel(ctx))
	defer stopImports()
	imports := &domain.ImportQueue{Store: store, Workers: int(importWorkers), Observer: metrics, Log: log}
	importsDone := make(chan struct{})
	go func() { imports.Run(ctx, work); close(importsDone) }()
	h := handlers.New(log, handlers.Config{
		SecureCookies: cfg.SecureCookies, TrustProxy: cfg.TrustProxy, SessionKey: key,
		MaxUploadBytes: maxUploadMB << 20, Metrics: metrics,
		Notify: handlers.NotifyConfig{MailConfigured: notifier.MailConfigured(), MailFrom: nc.MailFrom, PublicURL: nc.PublicURL,
			AllowPrivateWebhooks: nc.AllowPrivate, CheckWebhookURL: notifier.CheckEndpoint},
	}, store)
	srv := newHTTPServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		inFlight.Add(1)
		defer inFlight.Add(-1)
		h.ServeHTTP(w, r)
	}), log)
	if metricsAddr != "" {
		// Its own listener, for the operator's network only: the public one has no /metrics.
		mln, err := net.Listen("tcp", metricsAddr)
		if err != nil {
			return fmt.Errorf("metrics listen: %w", err)
		}
		msrv := &http.Server{Handler: metrics.Handler(), ReadHeaderTimeout: 10 * time.Second, WriteTimeout: time.Minute}
		go func() {
			if err := msrv.Serve(mln); !errors.Is(err, http.ErrServerClosed) {
				log.Error("metrics listener stopped", "err", err)
			}
		}()
		defer msrv.Close()
		fmt.Fprintf(stdout, "Metrics on http://%s/metrics\n", mln.Addr())
	}
	fmt.Fprintf(stdout, "Parcel Desk listening on %s\n", url)
	if demo {
		fmt.Fprintf(stdout, "Demo shop %q: sign in at %s/login as %s with password %s\n", demoShop, url, demoEmail, demoPassword)
	}
	go housekeeping(ctx, store, metrics, log)
	go sweepEvery(ctx, store, sweepInterval, metrics, log)
	notifyDone := make(chan struct{})
	go func() { notifier.Run(ctx); close(notifyDone) }()
	if !notifier.MailConfigured() {
		log.Info("no mail server configured (SMTP_URL): e-mails wait in the outbox")
	}

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	// Let running imports finish for a while; past that, stop them: each rolls back whole and
	// is marked failed, to be run again. Queued ones wait for the next replica or start.
	select {
	case <-importsDone:
	case <-time.After(30 * time.Second):
		log.Warn("stopping imports still running")
		stopImports()
		<-importsDone
	}
	<-notifyDone // the batches in hand are sent and recorded
	return nil
}

// newHTTPServer returns the server with its timeouts, which keep slow or idle clients from
// holding connections (and their goroutines and buffers) open:
//
//   - ReadHeaderTimeout: a request's headers must arrive within 10 s of its first byte; a client
//     dribbling them byte by byte (slowloris) is cut off.
//   - ReadTimeout: the whole request, body included, must arrive within a minute. Every body but
//     an upload is at most 1 MB (a form), so a minute is generous even on a poor mobile line, and
//     a body trickled to hold the connection is cut off.
//   - An upload may be far larger (MAX_UPLOAD_MB, 512 MiB by default): at 1 MiB/s that is eight
//     and a half minutes, so no single deadline fits both a slow honest upload and a trickle.
//     The upload handler therefore moves the deadline itself while the file keeps arriving
//     (handlers.Config.UploadStall: each MiB within a minute of the last), so an upload takes as
//     long as it needs at any pace above about 17 KiB/s and one that stalls is cut off.
//   - WriteTimeout: a response must be written within 10 minutes of its request's headers
//     (the longest is a large CSV export to a slow reader); the upload moves it along too.
//   - IdleTimeout: a kept-alive connection with no request for 2 minutes is closed.
func newHTTPServer(h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      10 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// sessionKey derives the cookie-signing key from SESSION_SECRET, or uses the one kept in the
// database, so that every replica and every restart signs alike.
func sessionKey(ctx context.Context, cfg Config, store *domain.Store) ([]byte, error) {
	if cfg.SessionSecret != "" {
		k := sha256.Sum256([]byte(cfg.SessionSecret))
		return k[:], nil
	}
	return store.SessionKey(ctx)
}

// ensureDemo creates the demo shop unless its owner already exists, and gives a shop without
// imports the demo export, through the same importer a seller's upload goes through.
func ensureDemo(ctx context.Context, store *domain.Store, metrics *handlers.Metrics, log *slog.Logger) error {
	_, _, err := store.CreateSeller(ctx, domain.Signup{ShopName: demoShop, Name: "Demo Owner", Email: demoEmail, Password: demoPassword})
	var verr *domain.ValidationError
	if err != nil && !(errors.As(err, &verr) && verr.Fields["email"] != "") {
		return fmt.Errorf("demo shop: %w", err)
	}
	owner, err := store.FindUserByEmail(ctx, demoEmail)
	if err != nil {
		return fmt.Errorf("demo shop: %w", err)
	}
	if ims, err := store.ListImports(ctx, owner.SellerID, 1); err != nil || len(ims) > 0 {
		return err
	}
	f, err := os.CreateTemp("", "demo-export-*.csv")
	if err != nil {
		return fmt.Errorf("demo data: %w", err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	if err := writeDemoCSV(f, demoOrders, 0, false, time.Now().UTC(), 1); err != nil {
		return fmt.Errorf("demo data: %w", err)
	}
	im, err := importFile(ctx, store, metrics, owner.SellerID, &owner.ID, "demo", f.Name(), "", zone.China)
	if err != nil {
		return fmt.Errorf("demo data: %w", err)
	}
	log.Info("demo data imported", "summary", importSummary(im))
	return demoDisputes(ctx, store, owner, time.Now())
}

// gcPercent is the server's GOGC unless the environment sets one.
const gcPercent = 200

// demoOrders is the size of the demo shop.
const demoOrders = 3000

// housekeeping runs at start and then every minute: it removes ended sessions and old login
// failures, marks as interrupted the imports whose process died (or was killed), and processes
// the tracker deliveries whose processing failed and that no retry has processed since. Once at
// start is not enough: an import's database session outlives its killed process by a few
// seconds (until the server notices, see BeginImport), and a quick restart would miss it.
func housekeeping(ctx context.Context, store *domain.Store, metrics *handlers.Metrics, log *slog.Logger) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		if n, err := store.DeleteExpiredSessions(ctx, handlers.DefaultSessionLimits); err != nil && ctx.Err() == nil {
			log.Warn("housekeeping", "err", err)
		} else if n > 0 {
			log.Info("housekeeping: removed ended sessions", "count", n)
		}
		if n, err := store.MarkInterruptedImports(ctx); err != nil && ctx.Err() == nil {
			log.Warn("housekeeping", "err", err)
		} else if n > 0 {
			log.Warn("imports interrupted by a stopped process are marked so; they can be run again", "count", n)
			metrics.ImportsInterrupted(n)
		}
		if n, err := store.ProcessStaleDeliveries(ctx, 50, metrics); err != nil && ctx.Err() == nil {
			log.Warn("housekeeping: tracker deliveries left pending", "processed", n, "err", err)
		} else if n > 0 {
			log.Info("housekeeping: processed tracker deliveries left pending", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// displayAddr turns a listen address into one a browser can open (":8080" → "localhost:8080").
func displayAddr(a net.Addr) string {
	s := a.String()
	if strings.HasPrefix(s, "[::]:") || strings.HasPrefix(s, "0.0.0.0:") {
		return "localhost" + s[strings.LastIndex(s, ":"):]
	}
	return s
}
