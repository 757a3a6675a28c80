// Package migrations holds the numbered SQL files that build the schema, embedded into the
// binary, and applies them at start.
package migrations

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// FS holds the migration files. Files are forward-only: once merged, a file is never edited.
//
//go:embed *.sql
var FS embed.FS

// GoFS holds the source of the migrations written in Go (goMigrations), so that what depends on
// the whole schema code, such as the test databases' template, can hash it with FS.
//
//go:embed 0*.go
var GoFS embed.FS

// Apply brings the database up to the newest migration, one transaction per file. A PostgreSQL
// advisory lock held for the whole run makes replicas that start together migrate once. Branches
// number their files apart and merge in any order, so a file numbered below the newest applied
// one is applied too, rather than refused (merged files are never renumbered).
func Apply(ctx context.Context, db *sql.DB) error {
	return apply(ctx, db, FS, goMigrations...)
}

func apply(ctx context.Context, db *sql.DB, fsys fs.FS, gos ...*goose.Migration) error {
	p, err := newProvider(db, fsys, gos...)
	if err != nil {
		return err
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

func newProvider(db *sql.DB, fsys fs.FS, gos ...*goose.Migration) (*goose.Provider, error) {
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return nil, fmt.Errorf("migrate: locker: %w", err)
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db, fsys, goose.WithSessionLocker(locker), goose.WithAllowOutofOrder(true),
		goose.WithGoMigrations(gos...))
	if err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	return p, nil
}
