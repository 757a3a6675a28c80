-- A tracker's webhook delivery is imported as the API's batches are (one import per delivery),
-- but it did not come from the seller's own tool: its import's source names the tracker
-- ('aftership', '17track'), so that the imports list and the import's page say where it came from.
-- Those recorded as 'api' before are found by their name ("AfterShip webhook: 3 events").

-- +goose Up
ALTER TABLE imports DROP CONSTRAINT imports_source_check;
ALTER TABLE imports ADD CONSTRAINT imports_source_check CHECK (source IN ('upload', 'cli', 'demo', 'api', 'aftership', '17track'));
UPDATE imports SET source = 'aftership' WHERE source = 'api' AND filename LIKE 'AfterShip webhook: %';
UPDATE imports SET source = '17track' WHERE source = 'api' AND filename LIKE '17TRACK webhook: %';

-- +goose Down
UPDATE imports SET source = 'api' WHERE source IN ('aftership', '17track');
ALTER TABLE imports DROP CONSTRAINT imports_source_check;
ALTER TABLE imports ADD CONSTRAINT imports_source_check CHECK (source IN ('upload', 'cli', 'demo', 'api'));
