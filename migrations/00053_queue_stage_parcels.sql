-- Select-all's count of a queue filtered by stage (with or without a kind) counts the parcels with
-- an exception needing action in that stage. Read from exceptions_action_kind_parcel_idx it walked
-- every parcel of the kind to keep the stage's (eleven stages: about ten entries read for each
-- one counted); this index starts at the stage, and its included kind keeps a kind filter index
-- only.

-- +goose Up
CREATE INDEX exceptions_action_stage_parcel_idx ON exceptions (seller_id, shipment_stage, shipment_id) INCLUDE (kind)
    WHERE state IN ('open', 'investigating');

-- +goose Down
DROP INDEX exceptions_action_stage_parcel_idx;
