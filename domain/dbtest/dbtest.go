// Package dbtest gives each test its own fresh, migrated PostgreSQL database: the migrations run
// once into a template database, and every test gets a cheap clone of it (CREATE DATABASE …
// TEMPLATE), so tests may run in parallel and never see each other's rows.
package dbtest

import (
	"context"
	"database/sql"
	"net/url"
	"os"
	"testing"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq" // the PostgreSQL driver the portal uses
	"github.com/peterldowns/pgtestdb"
	"github.com/peterldowns/pgtestdb/migrators/common"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/migrations"
)

// DefaultURL is the server tests use when TEST_DATABASE_URL is unset: the local one that
// `make test` starts or finds.
const DefaultURL = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"

// ServerURL returns the URL of the PostgreSQL server tests create their databases on.
func ServerURL() string {
	if u := os.Getenv("TEST_DATABASE_URL"); u != "" {
		return u
	}
	return DefaultURL
}

// migrator builds the template with the portal's own migrations.Apply, so tests run exactly the
// schema code path that `portal serve` runs.
type migrator struct{}

func (migrator) Hash() (string, error) {
	h := common.NewRecursiveHash()
	if err := h.AddDirs(migrations.FS, "*.sql", "."); err != nil {
		return "", err
	}
	if err := h.AddDirs(migrations.GoFS, "*.go", "."); err != nil {
		return "", err
	}
	return h.String(), nil
}

func (migrator) Migrate(ctx context.Context, db *sql.DB, _ pgtestdb.Config) error {
	return migrations.Apply(ctx, db)
}

// Config returns the pgtestdb configuration for the test server.
func Config(t testing.TB) pgtestdb.Config {
	t.Helper()
	u, err := url.Parse(ServerURL())
	if err != nil {
		t.Fatalf("TEST_DATABASE_URL: %v", err)
	}
	pass, _ := u.User.Password()
	port := u.Port()
	if port == "" {
		port = "5432"
	}
	return pgtestdb.Config{
		DriverName: "postgres",
		Host:       u.Hostname(),
		Port:       port,
		User:       u.User.Username(),
		Password:   pass,
		Database:   "postgres",
		Options:    "sslmode=disable",
	}
}

// NewURL creates a fresh migrated database for the test and returns its connection URL; the
// database is dropped when the test ends.
func NewURL(t testing.TB) string {
	t.Helper()
	return pgtestdb.Custom(t, Config(t), migrator{}).URL()
}

// NewDB returns a connection pool to a fresh migrated database for the test.
func NewDB(t testing.TB) *sqlx.DB {
	t.Helper()
	db, err := domain.Open(NewURL(t))
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// NewStore returns a Store over a fresh database, with cheap password hashing.
func NewStore(t testing.TB) *domain.Store {
	t.Helper()
	s := domain.NewStore(NewDB(t))
	s.PasswordCost = 4
	return s
}
