-- The sweep reads a stalled shipment's service_key (00045) instead of its service to compare
-- with the untracked list: the stage index carries it instead, so the scan still never visits
-- the table.

-- +goose Up
DROP INDEX shipments_stage_idx;
CREATE INDEX shipments_stage_idx ON shipments (seller_id, stage, stage_entered_at)
    INCLUDE (id, destination_country, service_key, last_signal, order_value);

-- +goose Down
DROP INDEX shipments_stage_idx;
CREATE INDEX shipments_stage_idx ON shipments (seller_id, stage, stage_entered_at)
    INCLUDE (id, destination_country, service, last_signal, order_value);
