-- Tracker webhooks in: AfterShip and 17TRACK push a shop's tracking updates to the portal.
--
-- tracker_hooks: one row per shop and tracker, made when an owner pastes the tracker's webhook
--   secret. path_key is the unguessable part of the hook's URL (/hooks/<tracker>/<path_key>): a
--   tracker cannot send our bearer token, so the key names the shop and the signature, made
--   with secret, proves the sender. The secret is kept as it is, since checking a signature
--   needs it (it is the tracker's, not a password of ours).
-- tracker_deliveries: every signed delivery, its raw body as received, kept before anything is
--   done with it so that the answer is quick and nothing is lost if processing fails (the
--   tracker's retry processes it again). payload_hash makes a replay of the same body a no-op.
--   state: pending (stored, not yet processed), processed (its events went through the import
--   pipeline as import import_id), unmatched (no shipment of the shop has its tracking number
--   or order reference; kept and listed, not refused, or the tracker would retry for days),
--   ignored (nothing to import: an event type without checkpoints, a body that is not the
--   tracker's format); note says why. claimed_at: when a request began to process it, so that
--   two requests with the same body (a tracker's retry racing its first try) process it once;
--   a claim older than a few minutes is a crashed request's, and lapses.

-- +goose Up
CREATE TABLE tracker_hooks (
    seller_id  bigint NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
    tracker    text NOT NULL CHECK (tracker IN ('aftership', '17track')),
    path_key   text NOT NULL UNIQUE,
    secret     text NOT NULL CHECK (length(secret) BETWEEN 1 AND 200),
    updated_by bigint,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (seller_id, tracker),
    FOREIGN KEY (seller_id, updated_by) REFERENCES users (seller_id, id) ON DELETE SET NULL (updated_by)
);

CREATE TABLE tracker_deliveries (
    seller_id       bigint NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
    id              bigserial NOT NULL,
    tracker         text NOT NULL CHECK (tracker IN ('aftership', '17track')),
    payload_hash    bytea NOT NULL,
    payload         bytea NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    state           text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'processed', 'unmatched', 'ignored')),
    tracking_number text NOT NULL DEFAULT '',
    order_ref       text NOT NULL DEFAULT '',
    events          integer NOT NULL DEFAULT 0,
    import_id       bigint,
    processed_at    timestamptz,
    claimed_at      timestamptz,
    note            text NOT NULL DEFAULT '',
    PRIMARY KEY (seller_id, id),
    UNIQUE (seller_id, tracker, payload_hash),
    FOREIGN KEY (seller_id, import_id) REFERENCES imports (seller_id, id) ON DELETE SET NULL (import_id)
);
CREATE INDEX tracker_deliveries_state_idx ON tracker_deliveries (seller_id, state, id);
-- The housekeeping's look for deliveries left pending, across shops.
CREATE INDEX tracker_deliveries_pending_idx ON tracker_deliveries (received_at) WHERE state = 'pending';

-- +goose Down
DROP TABLE tracker_deliveries, tracker_hooks;
