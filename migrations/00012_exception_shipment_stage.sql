-- The queue's stage filter is on the shipment's current stage. Read through the join, a filtered
-- page looked up every candidate's shipment to find the few at that stage (bench-queue, kind and
-- stage: ~560 shipment lookups for 50 rows, 3.9 ms of database time per page against 2.2 ms for
-- the first page). Each exception now carries its shipment's current stage, kept equal to
-- shipments.stage by its writers: the sweep when it raises (and RaiseNotReceived), and
-- refreshShipments, the one writer of a shipment's stage, for every exception of a shipment whose
-- stage it changes. (exceptions.stage stays what it was: the stage that raised it.)
-- No default: a writer that forgets the column fails.
-- exceptions_shipment_idx finds a shipment's exceptions, resolved ones too, for that refresh.

-- +goose Up
ALTER TABLE exceptions ADD COLUMN shipment_stage smallint NOT NULL DEFAULT 0;
UPDATE exceptions e SET shipment_stage = s.stage FROM shipments s WHERE s.seller_id = e.seller_id AND s.id = e.shipment_id;
ALTER TABLE exceptions ALTER COLUMN shipment_stage DROP DEFAULT;
CREATE INDEX exceptions_open_stage_idx ON exceptions (seller_id, shipment_stage, severity DESC, id DESC) WHERE state <> 'resolved';
CREATE INDEX exceptions_shipment_idx ON exceptions (seller_id, shipment_id);

-- +goose Down
DROP INDEX exceptions_shipment_idx;
DROP INDEX exceptions_open_stage_idx;
ALTER TABLE exceptions DROP COLUMN shipment_stage;
