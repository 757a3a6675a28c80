package migrations

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/lib/pq"
	"github.com/pressly/goose/v3"

	"github.com/parceldesk/portal/domain/tracking"
)

// serviceKey is migration 00045, in Go because its values are tracking.NormalizeService's: a
// SQL copy of that function (lower() and \s follow the database's locale) is what made the sweep
// and the timeline disagree on a no-break space. It adds shipments.service_key, the service as
// that function writes it (the importer fills it from then on), and fills it for every shipment
// there is: one UPDATE per seller-independent distinct service name, which are few.
var serviceKey = goose.NewGoMigration(45, &goose.GoFunc{RunTx: func(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `ALTER TABLE shipments ADD COLUMN service_key text NOT NULL DEFAULT ''`); err != nil {
		return fmt.Errorf("add service_key: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT service FROM shipments WHERE service <> ''`)
	if err != nil {
		return fmt.Errorf("services: %w", err)
	}
	var names, keys []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			_ = rows.Close() // the Scan error is the one to report
			return err
		}
		names = append(names, n)
		keys = append(keys, tracking.NormalizeService(n))
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(names) == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `
		UPDATE shipments s SET service_key = k.key
		FROM unnest($1::text[], $2::text[]) AS k (service, key)
		WHERE s.service = k.service`, pq.Array(names), pq.Array(keys)); err != nil {
		return fmt.Errorf("fill service_key: %w", err)
	}
	return nil
}}, &goose.GoFunc{RunTx: func(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `ALTER TABLE shipments DROP COLUMN service_key`)
	return err
}})

// goMigrations are the migrations written in Go, applied with the files in their number's turn.
var goMigrations = []*goose.Migration{serviceKey}
