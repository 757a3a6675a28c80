-- Events and order facts sent to the JSON API go through the import pipeline as an import of
-- their own (one per request), so that they are classified, deduplicated, staged and swept
-- exactly as a row of a file is; 'api' marks such imports.

-- +goose Up
ALTER TABLE imports DROP CONSTRAINT imports_source_check;
ALTER TABLE imports ADD CONSTRAINT imports_source_check CHECK (source IN ('upload', 'cli', 'demo', 'api'));

-- +goose Down
DELETE FROM imports WHERE source = 'api';
ALTER TABLE imports DROP CONSTRAINT imports_source_check;
ALTER TABLE imports ADD CONSTRAINT imports_source_check CHECK (source IN ('upload', 'cli', 'demo'));
