package migrations

import (
	"context"
	"database/sql"
	"io/fs"
)

// ApplyFS applies the migrations of fsys (and none written in Go), for tests.
func ApplyFS(ctx context.Context, db *sql.DB, fsys fs.FS) error { return apply(ctx, db, fsys) }

// ApplyUpTo applies the portal's migrations up to and including version, for tests of a
// migration's effect on rows that were there before it.
func ApplyUpTo(ctx context.Context, db *sql.DB, version int64) error {
	p, err := newProvider(db, FS, goMigrations...)
	if err != nil {
		return err
	}
	_, err = p.UpTo(ctx, version)
	return err
}
