-- Many imports at once: a run is queued in the database and a bounded number run at a time, the
-- rest waiting without holding a connection; any replica may pick up a queued import.
--
-- imports.status gains 'queued' (confirmed by the seller, waiting its turn); queued_at orders the
-- queue; bom completes the stored settings (encoding, delimiter, mapping, date order and zone were
-- already kept), so whichever replica runs the import reads the file as the seller confirmed it.
-- imports_pending_idx finds the queued and running imports, a handful among a shop's history.

-- +goose Up
ALTER TABLE imports DROP CONSTRAINT imports_status_check;
ALTER TABLE imports ADD CONSTRAINT imports_status_check
    CHECK (status IN ('uploaded', 'queued', 'running', 'done', 'failed', 'interrupted'));
ALTER TABLE imports ADD COLUMN queued_at timestamptz;
ALTER TABLE imports ADD COLUMN bom boolean NOT NULL DEFAULT false;
CREATE INDEX imports_pending_idx ON imports (queued_at, seller_id, id) WHERE status IN ('queued', 'running');

-- +goose Down
DROP INDEX imports_pending_idx;
ALTER TABLE imports DROP COLUMN bom;
ALTER TABLE imports DROP COLUMN queued_at;
UPDATE imports SET status = 'uploaded' WHERE status = 'queued';
ALTER TABLE imports DROP CONSTRAINT imports_status_check;
ALTER TABLE imports ADD CONSTRAINT imports_status_check
    CHECK (status IN ('uploaded', 'running', 'done', 'failed', 'interrupted'));
