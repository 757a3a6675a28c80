-- The review queue lists parcels, not exceptions: its counts are of distinct shipments with an
-- exception needing action, in all and per kind. These two indexes give those counts in index
-- order (a distinct scan that stops at the cap), index only — also under a stage filter, which
-- the included shipment_stage answers (select-all's count of a filtered queue read 11,000 heap
-- rows without it); the per-kind one supersedes exceptions_action_kind_idx, which had no shipment
-- to count by.

-- +goose Up
CREATE INDEX exceptions_action_parcel_idx ON exceptions (seller_id, shipment_id) INCLUDE (shipment_stage)
    WHERE state IN ('open', 'investigating');
CREATE INDEX exceptions_action_kind_parcel_idx ON exceptions (seller_id, kind, shipment_id) INCLUDE (shipment_stage)
    WHERE state IN ('open', 'investigating');
DROP INDEX exceptions_action_kind_idx;

-- +goose Down
CREATE INDEX exceptions_action_kind_idx ON exceptions (seller_id, kind) WHERE state IN ('open', 'investigating');
DROP INDEX exceptions_action_kind_parcel_idx;
DROP INDEX exceptions_action_parcel_idx;
