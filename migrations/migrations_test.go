package migrations_test

import (
	"context"
	"testing"

	"github.com/peterldowns/pgtestdb"

	"github.com/parceldesk/portal/domain/dbtest"
	"github.com/parceldesk/portal/migrations"
)

// TestApplyTwice: migrating an empty database works, and migrating it again changes nothing.
func TestApplyTwice(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtestdb.New(t, dbtest.Config(t), pgtestdb.NoopMigrator{})
	if err := migrations.Apply(ctx, db); err != nil {
		t.Fatalf("first apply: %v", err)
	}
	schema := func() (version int64, tables int) {
		if err := db.QueryRowContext(ctx, `SELECT max(version_id) FROM goose_db_version`).Scan(&version); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`).Scan(&tables); err != nil {
			t.Fatal(err)
		}
		return version, tables
	}
	v1, n1 := schema()
	if err := migrations.Apply(ctx, db); err != nil {
		t.Fatalf("second apply: %v", err)
	}
	v2, n2 := schema()
	if v1 != v2 || n1 != n2 || v1 == 0 {
		t.Errorf("second apply changed the schema: version %d→%d, tables %d→%d", v1, v2, n1, n2)
	}
}
