-- A seller's queue version: a number that every transaction changing which of the seller's
-- exceptions need action (raised, resolved, snoozed, woken, reopened, bulk changes and their undo)
-- moves on just before it commits. A portal keeps the queue's tab counts of a version and counts
-- again only when the version it reads differs: the counts stay exact, across replicas too, without
-- reading thousands of index entries on every page. No row until the seller's first change.

-- +goose Up
CREATE TABLE queue_versions (
    seller_id bigint PRIMARY KEY REFERENCES sellers (id) ON DELETE CASCADE,
    version bigint NOT NULL
);

-- +goose Down
DROP TABLE queue_versions;
