-- Shipments and their tracking events, the imports that bring them, and the seller's own rules
-- for carrier text. Every table is keyed by seller_id first; children reference their parent
-- with seller_id included, so no row can point at another seller's record.

-- +goose Up
CREATE TABLE imports (
    seller_id          bigint NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
    id                 bigserial NOT NULL,
    user_id            bigint,
    source             text NOT NULL CHECK (source IN ('upload', 'cli', 'demo')),
    filename           text NOT NULL,
    size_bytes         bigint NOT NULL DEFAULT 0,
    status             text NOT NULL CHECK (status IN ('uploaded', 'running', 'done', 'failed', 'interrupted')),
    encoding           text NOT NULL DEFAULT '',
    delimiter          text NOT NULL DEFAULT '',
    header             text[] NOT NULL DEFAULT '{}',
    mapping            jsonb NOT NULL DEFAULT '{}',
    date_order         text NOT NULL DEFAULT '',
    timezone           text NOT NULL DEFAULT '',
    rows_estimate      bigint NOT NULL DEFAULT 0,
    rows_read          bigint NOT NULL DEFAULT 0,
    -- Progress is shown by bytes: a file's row count is unknown until it is read (quoted cells
    -- may span lines), its size is known.
    bytes_read         bigint NOT NULL DEFAULT 0,
    shipments_created  bigint NOT NULL DEFAULT 0,
    shipments_updated  bigint NOT NULL DEFAULT 0,
    events_added       bigint NOT NULL DEFAULT 0,
    duplicates_skipped bigint NOT NULL DEFAULT 0,
    rows_rejected      bigint NOT NULL DEFAULT 0,
    error              text NOT NULL DEFAULT '',
    created_at         timestamptz NOT NULL DEFAULT now(),
    started_at         timestamptz,
    finished_at        timestamptz,
    PRIMARY KEY (seller_id, id),
    FOREIGN KEY (seller_id, user_id) REFERENCES users (seller_id, id) ON DELETE SET NULL (user_id)
);

-- An uploaded file, kept in 1 MiB pieces between upload, preview and run, so that any web
-- replica can run it and nothing is held in memory. Removed when the import is done.
CREATE TABLE import_chunks (
    seller_id bigint NOT NULL,
    import_id bigint NOT NULL,
    seq       int NOT NULL,
    data      bytea NOT NULL,
    PRIMARY KEY (seller_id, import_id, seq),
    FOREIGN KEY (seller_id, import_id) REFERENCES imports (seller_id, id) ON DELETE CASCADE
);

-- Rows an import refused: the original fields, for the downloadable report.
CREATE TABLE import_rejects (
    seller_id bigint NOT NULL,
    import_id bigint NOT NULL,
    line      int NOT NULL,
    reason    text NOT NULL,
    fields    text[] NOT NULL,
    PRIMARY KEY (seller_id, import_id, line),
    FOREIGN KEY (seller_id, import_id) REFERENCES imports (seller_id, id) ON DELETE CASCADE
);

CREATE TABLE shipments (
    seller_id                 bigint NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
    id                        bigserial NOT NULL,
    order_ref                 text NOT NULL,
    tracking_number           text NOT NULL DEFAULT '',
    carrier                   text NOT NULL DEFAULT '',
    service                   text NOT NULL DEFAULT '',
    last_mile_tracking_number text NOT NULL DEFAULT '',
    last_mile_carrier         text NOT NULL DEFAULT '',
    destination_country       text NOT NULL DEFAULT '',
    order_date                timestamptz,
    customer_name             text NOT NULL DEFAULT '',
    customer_email            text NOT NULL DEFAULT '',
    product                   text NOT NULL DEFAULT '',
    order_value               numeric(14, 2),
    currency                  text NOT NULL DEFAULT '',
    promised_by               timestamptz,
    protection_ends_at        timestamptz,
    -- Derived from the events by refreshShipments, stored because the queue and the sweep read
    -- them for a million shipments at a time. stage 0: no event with a known stage yet.
    stage                     smallint NOT NULL DEFAULT 0,
    stage_entered_at          timestamptz,
    last_event_at             timestamptz,
    last_status               text NOT NULL DEFAULT '',
    last_signal               text NOT NULL DEFAULT 'none',
    created_at                timestamptz NOT NULL DEFAULT now(),
    updated_at                timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (seller_id, id),
    UNIQUE (seller_id, order_ref)
);
-- The sweep finds stalled shipments by stage and entry time; the columns it then reads are
-- included so that the scan never visits the table.
CREATE INDEX shipments_stage_idx ON shipments (seller_id, stage, stage_entered_at)
    INCLUDE (id, destination_country, service, last_signal, order_value);

-- Every number a shipment has been known by: first mile, last mile, and ones found in event text.
CREATE TABLE tracking_numbers (
    seller_id   bigint NOT NULL,
    number      text NOT NULL,
    shipment_id bigint NOT NULL,
    source      text NOT NULL CHECK (source IN ('first_mile', 'last_mile', 'event_text')),
    PRIMARY KEY (seller_id, number, shipment_id),
    FOREIGN KEY (seller_id, shipment_id) REFERENCES shipments (seller_id, id) ON DELETE CASCADE
);
CREATE INDEX tracking_numbers_shipment_idx ON tracking_numbers (seller_id, shipment_id);

CREATE TABLE events (
    seller_id   bigint NOT NULL,
    id          bigserial NOT NULL,
    shipment_id bigint NOT NULL,
    -- NULL when the file gave a status without a time; such an event still counts for the stage.
    occurred_at timestamptz,
    status_text text NOT NULL,
    -- NormalizeStatus(status_text): how unmapped texts are grouped and seller rules matched.
    status_norm text NOT NULL,
    location    text NOT NULL DEFAULT '',
    stage       smallint NOT NULL CHECK (stage BETWEEN 0 AND 11),
    signal      text NOT NULL DEFAULT 'none',
    import_id   bigint,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (seller_id, id),
    FOREIGN KEY (seller_id, shipment_id) REFERENCES shipments (seller_id, id) ON DELETE CASCADE,
    -- The same event imported twice is stored once.
    CONSTRAINT events_dedupe UNIQUE NULLS NOT DISTINCT (seller_id, shipment_id, occurred_at, status_text, location)
);
CREATE INDEX events_unmapped_idx ON events (seller_id, status_norm) WHERE stage = 0;

-- A seller's own mapping of carrier text, created from the unmapped statuses page. Seller rules
-- win over the built-in ones.
CREATE TABLE status_rules (
    seller_id  bigint NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
    id         bigserial NOT NULL,
    pattern    text NOT NULL,
    stage      smallint NOT NULL CHECK (stage BETWEEN 1 AND 11),
    signal     text NOT NULL DEFAULT 'none',
    created_by bigint,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (seller_id, id),
    UNIQUE (seller_id, pattern)
);

-- Shipping services whose tracking stops once the destination carrier has the parcel (economy
-- services): their stage clock stops after arrival. The seller edits the list; new sellers start
-- with the common ones (domain.DefaultUntrackedServices). Names are stored normalised.
CREATE TABLE untracked_services (
    seller_id bigint NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
    name      text NOT NULL,
    PRIMARY KEY (seller_id, name)
);
INSERT INTO untracked_services (seller_id, name)
SELECT s.id, n FROM sellers s, unnest(ARRAY[
    'cainiao super economy', 'cainiao super economy global', 'cainiao saver', 'cainiao economy mail',
    'yanwen economic air mail', 'sunyou economic air mail', 'china post ordinary small packet plus']) AS n;

-- +goose Down
DROP TABLE untracked_services, status_rules, events, tracking_numbers, shipments, import_rejects, import_chunks, imports;
