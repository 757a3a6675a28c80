-- No order left behind: a row whose tracking number does not look like one ("pending", a short
-- internal code) was rejected whole, and its order disappeared from monitoring. The order is now
-- imported without the number; the odd value is kept aside on the shipment, and the import
-- reports the row as a warning with its line, apart from its rejected rows.
--
-- shipments.unrecognised_tracking: the last such value the files gave the order ('' for none),
-- shown on its page. shipments_unrecognised_idx finds the few shipments that have one, for the
-- shipments list's count of orders with no usable tracking number.
-- import_warnings: one line per imported row that had something set aside, keyed like
-- import_rejects; imports.rows_warned counts them.

-- +goose Up
ALTER TABLE shipments ADD COLUMN unrecognised_tracking text NOT NULL DEFAULT '';
CREATE INDEX shipments_unrecognised_idx ON shipments (seller_id, id) WHERE unrecognised_tracking <> '';

ALTER TABLE imports ADD COLUMN rows_warned bigint NOT NULL DEFAULT 0;

CREATE TABLE import_warnings (
    seller_id bigint NOT NULL,
    import_id bigint NOT NULL,
    line      int NOT NULL,
    message   text NOT NULL,
    PRIMARY KEY (seller_id, import_id, line),
    FOREIGN KEY (seller_id, import_id) REFERENCES imports (seller_id, id) ON DELETE CASCADE
);

-- +goose Down
DROP TABLE import_warnings;
ALTER TABLE imports DROP COLUMN rows_warned;
DROP INDEX shipments_unrecognised_idx;
ALTER TABLE shipments DROP COLUMN unrecognised_tracking;
