package migrations_test

import (
	"context"
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/peterldowns/pgtestdb"

	"github.com/parceldesk/portal/domain/dbtest"
	"github.com/parceldesk/portal/domain/tracking"
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

// TestApplyOutOfOrder: branches merge in any order, so a database that has 00001 and 00003 (the
// branch merged first) still gets 00002 when it arrives, instead of refusing to start.
func TestApplyOutOfOrder(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtestdb.New(t, dbtest.Config(t), pgtestdb.NoopMigrator{})
	file := func(table string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("-- +goose Up\nCREATE TABLE " + table + " (id int);\n")}
	}
	first := fstest.MapFS{"00001_a.sql": file("a"), "00003_c.sql": file("c")}
	if err := migrations.ApplyFS(ctx, db, first); err != nil {
		t.Fatalf("first apply: %v", err)
	}
	later := fstest.MapFS{"00001_a.sql": file("a"), "00002_b.sql": file("b"), "00003_c.sql": file("c")}
	if err := migrations.ApplyFS(ctx, db, later); err != nil {
		t.Fatalf("apply with a file numbered below the newest applied: %v", err)
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('a', 'b', 'c')`).Scan(&n); err != nil || n != 3 {
		t.Errorf("tables a, b, c: %d of 3, %v", n, err)
	}
}

// TestServiceKeyBackfill: migration 00045 gives the shipments already there the service key the
// importer gives new ones (tracking.NormalizeService), no-break spaces and all.
func TestServiceKeyBackfill(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtestdb.New(t, dbtest.Config(t), pgtestdb.NoopMigrator{})
	if err := migrations.ApplyUpTo(ctx, db, 44); err != nil {
		t.Fatalf("apply up to 44: %v", err)
	}
	services := []string{"Cainiao\u00a0Super  Economy", " ÉCONOMIE\tPost ", "", "AliExpress Standard Shipping"}
	if _, err := db.ExecContext(ctx, `INSERT INTO sellers (shop_name) VALUES ('Shop')`); err != nil {
		t.Fatal(err)
	}
	for i, svc := range services {
		if _, err := db.ExecContext(ctx, `INSERT INTO shipments (seller_id, order_ref, service)
			SELECT id, $1, $2 FROM sellers`, fmt.Sprint("O-", i), svc); err != nil {
			t.Fatal(err)
		}
	}
	if err := migrations.Apply(ctx, db); err != nil {
		t.Fatalf("apply: %v", err)
	}
	for i, svc := range services {
		var key string
		if err := db.QueryRowContext(ctx, `SELECT service_key FROM shipments WHERE order_ref = $1`, fmt.Sprint("O-", i)).Scan(&key); err != nil {
			t.Fatal(err)
		}
		if want := tracking.NormalizeService(svc); key != want {
			t.Errorf("service %q: key %q, want %q", svc, key, want)
		}
	}
}

// TestStatusNormFinalSigma: migration 00059 gives the events and rules already there the normal
// form the classifier gives a text now (tracking.NormalizeStatus folds the final sigma), so an
// unmapped Greek text imported before groups with the same text imported after.
func TestStatusNormFinalSigma(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtestdb.New(t, dbtest.Config(t), pgtestdb.NoopMigrator{})
	if err := migrations.ApplyUpTo(ctx, db, 58); err != nil {
		t.Fatalf("apply up to 58: %v", err)
	}
	const text = "Προς παράδοση στους παραλήπτες"
	if _, err := db.ExecContext(ctx, `
		WITH s AS (INSERT INTO sellers (shop_name) VALUES ('Shop') RETURNING id),
		     sh AS (INSERT INTO shipments (seller_id, order_ref) SELECT id, 'O-1' FROM s RETURNING seller_id, id),
		     r AS (INSERT INTO status_rules (seller_id, pattern, stage) SELECT id, 'στους παραληπτες', 10 FROM s)
		INSERT INTO events (seller_id, shipment_id, status_text, status_norm, stage)
		SELECT seller_id, id, $1, 'προς παραδοση στους παραληπτες', 0 FROM sh`, text); err != nil {
		t.Fatal(err)
	}
	if err := migrations.Apply(ctx, db); err != nil {
		t.Fatalf("apply: %v", err)
	}
	var norm, pattern string
	if err := db.QueryRowContext(ctx, `SELECT (SELECT status_norm FROM events), (SELECT pattern FROM status_rules)`).Scan(&norm, &pattern); err != nil {
		t.Fatal(err)
	}
	if want := tracking.NormalizeStatus(text); norm != want {
		t.Errorf("status_norm %q, want %q", norm, want)
	}
	if want := tracking.NormalizeStatus("στους παραλήπτες"); pattern != want {
		t.Errorf("pattern %q, want %q", pattern, want)
	}
}
