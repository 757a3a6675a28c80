package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq" // PostgreSQL driver

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/migrations"
	"github.com/parceldesk/portal/notify"
)

// Config is the portal's configuration: environment variables, overridden by flags.
type Config struct {
	DatabaseURL   string
	Addr          string
	SessionSecret string
	SecureCookies bool
	TrustProxy    bool
	LogLevel      string
	LogFormat     string
	DBWait        time.Duration
	MaxImportRows int64
}

// newFlagSet returns a flag set for a subcommand with the flags every command shares, their
// defaults read from the environment.
func newFlagSet(name string, getenv func(string) string, stderr io.Writer, cfg *Config) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.DatabaseURL, "database-url", getenv("DATABASE_URL"), "PostgreSQL URL (env DATABASE_URL)")
	fs.StringVar(&cfg.LogLevel, "log-level", envOr(getenv, "LOG_LEVEL", "info"), "debug, info, warn or error (env LOG_LEVEL)")
	fs.StringVar(&cfg.LogFormat, "log-format", envOr(getenv, "LOG_FORMAT", "text"), "text or json (env LOG_FORMAT)")
	fs.DurationVar(&cfg.DBWait, "db-wait", envDuration(getenv, "DB_WAIT", 30*time.Second), "how long to wait for the database at start (env DB_WAIT)")
	return fs
}

// importFlags adds the flags of the commands that import (serve and import).
func importFlags(fs *flag.FlagSet, getenv func(string) string, cfg *Config) {
	fs.Int64Var(&cfg.MaxImportRows, "max-import-rows", envInt(getenv, "MAX_IMPORT_ROWS", domain.DefaultMaxImportRows),
		"most data rows one import reads; a longer file fails whole, with a message to split it (env MAX_IMPORT_ROWS)")
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

func envBool(getenv func(string) string, key string) bool {
	b, _ := strconv.ParseBool(getenv(key))
	return b
}

func envInt(getenv func(string) string, key string, def int64) int64 {
	if n, err := strconv.ParseInt(getenv(key), 10, 64); err == nil {
		return n
	}
	return def
}

func envDuration(getenv func(string) string, key string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(getenv(key)); err == nil {
		return d
	}
	return def
}

// notifyFlags adds the flags of the delivery machinery (serve).
func notifyFlags(fs *flag.FlagSet, getenv func(string) string, nc *notify.Config) {
	fs.StringVar(&nc.SMTPURL, "smtp-url", getenv("SMTP_URL"), "mail server: smtp://user:pass@host:587 (STARTTLS) or smtps://user:pass@host:465; empty: e-mails wait in the outbox (env SMTP_URL)")
	fs.StringVar(&nc.MailFrom, "mail-from", getenv("MAIL_FROM"), "sender address of e-mails; the shop's name is the sender's name (env MAIL_FROM)")
	fs.StringVar(&nc.PublicURL, "public-url", getenv("PUBLIC_URL"), "the portal's address as people reach it, for links in e-mails, e.g. https://desk.example.com; default: the listen address (env PUBLIC_URL)")
	fs.BoolVar(&nc.AllowPrivate, "webhook-allow-private", envBool(getenv, "WEBHOOK_ALLOW_PRIVATE"), "let webhook endpoints be on loopback and private addresses, over plain http too: development only (env WEBHOOK_ALLOW_PRIVATE)")
	fs.IntVar(&nc.Workers, "outbox-workers", int(envInt(getenv, "OUTBOX_WORKERS", 2)), "batches of e-mail, and of webhook deliveries, sent at once (env OUTBOX_WORKERS)")
}

// newLogger returns the structured logger for the configured level and format.
func newLogger(cfg Config, w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.LogLevel)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if strings.EqualFold(cfg.LogFormat, "json") {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// poolSize is how many database connections a portal process opens at most; maxImportWorkers is
// the most imports one may run at once, so that pages always keep more than half of them.
const (
	poolSize         = 20
	maxImportWorkers = 8
)

// openStore connects to the database, waiting up to cfg.DBWait for it to come up, applies the
// migrations and returns the store. Every command goes through here, so they all run one schema.
func openStore(ctx context.Context, cfg Config, log *slog.Logger) (*domain.Store, *sqlx.DB, error) {
	if cfg.DatabaseURL == "" {
		return nil, nil, errors.New("DATABASE_URL is not set (or pass --database-url); `make run` starts a local PostgreSQL for you")
	}
	db, err := domain.Open(cfg.DatabaseURL)
	if err != nil {
		return nil, nil, fmt.Errorf("open database: %w", err)
	}
	// Keep as many connections idle as may be open: with fewer, every burst of concurrent
	// requests closes the surplus on return and opens new ones (a PostgreSQL backend each, forked
	// and with cold catalog caches) on the next burst, many a second under make bench-queue.
	db.SetMaxOpenConns(poolSize)
	db.SetMaxIdleConns(poolSize)
	db.SetConnMaxIdleTime(5 * time.Minute)
	deadline := time.Now().Add(cfg.DBWait)
	for {
		err = db.PingContext(ctx)
		if err == nil || time.Now().After(deadline) || ctx.Err() != nil {
			break
		}
		log.Info("waiting for the database", "err", err)
		time.Sleep(time.Second)
	}
	if err != nil {
		return nil, nil, errors.Join(fmt.Errorf("connect to database: %w", err), db.Close())
	}
	if err := migrations.Apply(ctx, db.DB); err != nil {
		return nil, nil, errors.Join(err, db.Close())
	}
	store := domain.NewStore(db)
	if cfg.MaxImportRows > 0 {
		store.MaxImportRows = cfg.MaxImportRows
	}
	store.Log = log
	return store, db, nil
}
