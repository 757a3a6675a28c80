-- Deleting an exception (a seller's data going) cascades to the undo items that name it: without
-- an index on them it scans every item row.

-- +goose Up
CREATE INDEX bulk_change_items_exception_idx ON bulk_change_items (seller_id, exception_id);

-- +goose Down
DROP INDEX bulk_change_items_exception_idx;
