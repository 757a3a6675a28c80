package domain

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// The PostgreSQL advisory locks the portal takes, all transaction-scoped (pg_advisory_xact_lock:
// they go with the transaction, also when its process dies), named here and nowhere else
// (TestOneHomeForEachRule). A transaction that takes more than one takes them in this order, so
// two transactions never wait for each other:
//
//  1. import-run:<seller>:<import> (importRunLockSQL), held by an import for its whole
//     transaction: how a restart tells a running import from an interrupted one;
//  2. import-merge:<seller> (lockImportMerge): one writer of a seller's events and shipments at
//     a time — an import's merge, a re-classification by a new status rule;
//  3. sweep:<seller> (sweepLockSQL; lockStageWriters, Store.sweep): one sweep of a seller at a
//     time, and no shipment's stage written while one runs (the sweep would raise an exception
//     at the stage it read). An import takes it after the merge lock, and a sweep never takes
//     the merge lock.
//
// login-throttle:<key> (loginThrottleLockSQL) stands apart: taken alone, per counter, in key
// order; so does api-tokens:<seller> (apiTokensLockSQL), taken alone while a token is created.
//
// Tests that hold a lock take it by these constants (export_test.go); scripts/bench-queue.sh and
// scripts/bench-outbox.sh, which cannot, hold sweep:1 from psql by its name written out.

// importRunLockSQL is the lock an import holds for the life of its transaction, over a row of
// imports (seller_id, id).
const importRunLockSQL = `hashtextextended('import-run:' || seller_id || ':' || id, 0)`

// importMergeLockSQL is the seller's merge lock; $1 is the seller.
const importMergeLockSQL = `hashtextextended('import-merge:' || $1, 0)`

// sweepLockSQL is the seller's sweep lock; $1 is the seller.
const sweepLockSQL = `hashtextextended('sweep:' || $1::text, 0)`

// apiTokensLockSQL is the seller's API-token lock; $1 is the seller. Two owners creating tokens
// at once must not pass the limit together.
const apiTokensLockSQL = `hashtextextended('api-tokens:' || $1, 0)`

// loginThrottleLockSQL is a login counter's lock, over a column key.
const loginThrottleLockSQL = `hashtextextended('login-throttle:' || key, 0)`

// lockImportMerge takes the seller's merge lock (2) for the rest of the transaction: imports of
// the same seller merge one at a time, since concurrent upserts of overlapping orders would
// deadlock or interleave, and whatever else rewrites events and shipments waits for them.
func lockImportMerge(ctx context.Context, tx *sqlx.Tx, seller SellerID) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(`+importMergeLockSQL+`)`, seller)
	return err
}

// lockStageWriters takes the seller's sweep lock (3) for the rest of the transaction, before a
// shipment's stage is written: a sweep raising an exception at the stage it read, while this
// transaction moved the shipment unseen, would leave the exception at the old stage. The sweep
// waits for this transaction instead, and this for a running sweep.
func lockStageWriters(ctx context.Context, tx *sqlx.Tx, seller SellerID) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(`+sweepLockSQL+`)`, seller)
	return err
}
