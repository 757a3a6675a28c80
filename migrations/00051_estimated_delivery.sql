-- Estimated delivery (issue 16). Each undelivered shipment carries the window the sweep last
-- estimated for it from the seller's own delivered history (domain/edd.go): p50 and p90 of the
-- time their delivered parcels took from the stage it is in to delivery, anchored at the time it
-- entered that stage. A delivered shipment keeps the last window it was given, so its page can
-- say whether it arrived inside it.
--   edd_stage, edd_from: the stage and its entry time the window was estimated from;
--   edd_basis: which history it came from (country_service, country, shop, default; '' none);
--   edd_deliveries: how many delivered parcels that history had (0 for the product defaults).

-- +goose Up
ALTER TABLE shipments
    ADD COLUMN edd_early      timestamptz,
    ADD COLUMN edd_late       timestamptz,
    ADD COLUMN edd_stage      smallint NOT NULL DEFAULT 0,
    ADD COLUMN edd_from       timestamptz,
    ADD COLUMN edd_basis      text NOT NULL DEFAULT ''
        CHECK (edd_basis IN ('', 'country_service', 'country', 'shop', 'default')),
    ADD COLUMN edd_deliveries int NOT NULL DEFAULT 0;

-- The undelivered shipments whose window is not for their stage as it is now (new, or moved on
-- since the last sweep): what a sweep re-estimates without reading the others.
CREATE INDEX shipments_edd_stale_idx ON shipments (seller_id)
    WHERE stage BETWEEN 1 AND 10 AND stage_entered_at IS NOT NULL
      AND (edd_stage <> stage OR edd_from IS DISTINCT FROM stage_entered_at);

-- What the sweep reads to raise edd_missed (never from the product defaults) without visiting
-- every undelivered shipment.
CREATE INDEX shipments_edd_late_idx ON shipments (seller_id, edd_late) WHERE stage < 11 AND edd_basis <> 'default';

-- The seller's delivered history, summarised per stage: p50 and p90 seconds from entering the
-- stage to delivery, per destination country and service (level country_service), per country
-- (country, service_key ''), and over the shop (shop, both ''). Rebuilt by the sweep when the
-- seller's delivered history grew (edd_refresh; domain.refreshEDD) — reading the events of the
-- delivered shipments is the expensive part, so it is not done every sweep.
CREATE TABLE edd_stats (
    seller_id   bigint NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
    level       text NOT NULL CHECK (level IN ('country_service', 'country', 'shop')),
    stage       smallint NOT NULL CHECK (stage BETWEEN 1 AND 10),
    country     text NOT NULL,
    service_key text NOT NULL,
    deliveries  int NOT NULL,
    p50_s       double precision NOT NULL,
    p90_s       double precision NOT NULL,
    PRIMARY KEY (seller_id, level, stage, country, service_key)
);

-- When edd_stats was last rebuilt for a seller, the count of delivered shipments then and the
-- latest delivery time among them (deliveries after it are found through the stage index).
CREATE TABLE edd_refresh (
    seller_id   bigint PRIMARY KEY REFERENCES sellers (id) ON DELETE CASCADE,
    computed_at timestamptz NOT NULL,
    delivered   bigint NOT NULL,
    latest      timestamptz
);

-- +goose Down
DROP TABLE edd_refresh, edd_stats;
DROP INDEX shipments_edd_late_idx, shipments_edd_stale_idx;
ALTER TABLE shipments DROP COLUMN edd_early, DROP COLUMN edd_late, DROP COLUMN edd_stage, DROP COLUMN edd_from,
    DROP COLUMN edd_basis, DROP COLUMN edd_deliveries;
