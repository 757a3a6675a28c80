-- Disputes: the money a seller claims back for a parcel gone wrong, from the supplier, the
-- marketplace, the carrier or a customer's bank, with the evidence that wins it. A dispute hangs
-- off an exception of the same seller (the composite key makes any other link impossible); its
-- files are kept in the database, beside the rest of the seller's data.

-- +goose Up
CREATE TABLE disputes (
    seller_id        bigint NOT NULL,
    id               bigserial NOT NULL,
    exception_id     bigint NOT NULL,
    counterparty     text NOT NULL CHECK (counterparty IN ('supplier', 'marketplace', 'carrier', 'customer_chargeback')),
    reason           text NOT NULL CHECK (reason IN ('not_received', 'damaged', 'not_as_described', 'wrong_item', 'late')),
    status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'responded', 'escalated',
                                                                     'won', 'lost', 'settled', 'withdrawn')),
    amount           numeric(14, 2) NOT NULL CHECK (amount > 0),
    currency         text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount_recovered numeric(14, 2) NOT NULL DEFAULT 0 CHECK (amount_recovered >= 0),
    external_ref     text NOT NULL DEFAULT '',
    opened_at        timestamptz NOT NULL,
    respond_by       timestamptz NOT NULL,
    -- When the dispute entered its status: the start of the next stage's default deadline.
    status_at        timestamptz NOT NULL,
    -- The facts payment processors and marketplaces ask for, filled from the shipment when the
    -- dispute is opened and edited by the seller after.
    ev_carrier       text NOT NULL DEFAULT '',
    ev_tracking      text NOT NULL DEFAULT '',
    ev_ship_date     timestamptz,
    ev_last_scan     text NOT NULL DEFAULT '',
    ev_last_scan_at  timestamptz,
    ev_explanation   text NOT NULL DEFAULT '',
    created_by       bigint,
    created_at       timestamptz NOT NULL,
    version          int NOT NULL DEFAULT 1,
    PRIMARY KEY (seller_id, id),
    FOREIGN KEY (seller_id, exception_id) REFERENCES exceptions (seller_id, id) ON DELETE CASCADE,
    FOREIGN KEY (seller_id, created_by) REFERENCES users (seller_id, id) ON DELETE SET NULL (created_by)
);
CREATE INDEX disputes_exception_idx ON disputes (seller_id, exception_id);
-- The disputes still running, by deadline: the list's top, the queue's and home's due-soon count.
CREATE INDEX disputes_active_idx ON disputes (seller_id, respond_by)
    WHERE status IN ('draft', 'open', 'responded', 'escalated');

-- Evidence files: images and PDFs, their type read from their bytes, with a SHA-256 checksum that
-- shows the file handed to a marketplace is the one uploaded.
CREATE TABLE dispute_evidence (
    seller_id    bigint NOT NULL,
    id           bigserial NOT NULL,
    dispute_id   bigint NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('shipping_documentation', 'customer_communication', 'photo', 'other')),
    filename     text NOT NULL,
    content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf')),
    size_bytes   int NOT NULL CHECK (size_bytes > 0),
    sha256       bytea NOT NULL CHECK (length(sha256) = 32),
    data         bytea NOT NULL,
    description  text NOT NULL DEFAULT '',
    uploaded_by  bigint,
    uploaded_at  timestamptz NOT NULL,
    PRIMARY KEY (seller_id, id),
    FOREIGN KEY (seller_id, dispute_id) REFERENCES disputes (seller_id, id) ON DELETE CASCADE,
    FOREIGN KEY (seller_id, uploaded_by) REFERENCES users (seller_id, id) ON DELETE SET NULL (uploaded_by)
);
CREATE INDEX dispute_evidence_dispute_idx ON dispute_evidence (seller_id, dispute_id, id);

-- Everything that happens to a dispute, append-only, as for exceptions: who (NULL: the system),
-- when, what. Notes are lines with the action 'note'.
CREATE TABLE dispute_history (
    seller_id  bigint NOT NULL,
    id         bigserial NOT NULL,
    dispute_id bigint NOT NULL,
    at         timestamptz NOT NULL,
    actor_id   bigint,
    action     text NOT NULL,
    detail     text NOT NULL DEFAULT '',
    PRIMARY KEY (seller_id, id),
    FOREIGN KEY (seller_id, dispute_id) REFERENCES disputes (seller_id, id) ON DELETE CASCADE,
    FOREIGN KEY (seller_id, actor_id) REFERENCES users (seller_id, id) ON DELETE SET NULL (actor_id)
);
CREATE INDEX dispute_history_dispute_idx ON dispute_history (seller_id, dispute_id, id);

-- +goose Down
DROP TABLE dispute_history, dispute_evidence, disputes;
