-- The queue's tab counts (unresolved exceptions per kind) and its kind filter: both read this
-- index only, instead of every unresolved exception of the seller (bench-queue: the counts were
-- 40 ms of every queue request at 100,000 open exceptions).

-- +goose Up
CREATE INDEX exceptions_open_kind_idx ON exceptions (seller_id, kind, severity DESC, id DESC) WHERE state <> 'resolved';

-- +goose Down
DROP INDEX exceptions_open_kind_idx;
