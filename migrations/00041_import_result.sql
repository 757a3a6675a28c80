-- The import result leads the seller on: what the run found besides its counts, kept on the
-- import so that its page shows the figures of that import, not of the shop as it is later.
--
-- parcels_need_you: the shop's parcels with an open or investigating exception once the sweep
--   after the import ran (what the queue lists by default); NULL until that sweep has counted
--   (and for imports from before this column).
-- rows_empty: records of the file with nothing in them (only empty, blank or ="" cells), skipped
--   and counted, never a shipment.
-- unmapped_statuses, unmapped_rows: the file's distinct status texts that matched no rule, and
--   the rows that carried them.

-- +goose Up
ALTER TABLE imports ADD COLUMN parcels_need_you bigint;
ALTER TABLE imports ADD COLUMN rows_empty bigint NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN unmapped_statuses bigint NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN unmapped_rows bigint NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE imports DROP COLUMN unmapped_rows;
ALTER TABLE imports DROP COLUMN unmapped_statuses;
ALTER TABLE imports DROP COLUMN rows_empty;
ALTER TABLE imports DROP COLUMN parcels_need_you;
