-- Telling people (issue 15): an outbox of e-mails and webhook deliveries written in the same
-- transaction as the change that caused each, the sellers' webhook endpoints, each team member's
-- digest and alert preferences, the buyer message rules per template, and the buyer messages
-- suggested or sent per shipment. Every table is keyed by seller_id first.

-- +goose Up
ALTER TABLE sellers ADD COLUMN buyer_mail_paused boolean NOT NULL DEFAULT false;

-- A seller's webhook endpoints. The secret signs every delivery (HMAC-SHA256); it is shown to the
-- seller once, when the endpoint is added, and kept here in full because signing needs it.
CREATE TABLE webhook_endpoints (
    seller_id       bigint NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
    id              bigserial NOT NULL,
    url             text NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    events          text[] NOT NULL,
    secret          text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    -- Since when every delivery has failed (NULL after a success); 24 hours of that disables it.
    failing_since   timestamptz,
    disabled_at     timestamptz,
    disabled_reason text NOT NULL DEFAULT '',
    PRIMARY KEY (seller_id, id)
);

-- One message to deliver: an e-mail (its content as JSON, rendered when sent) or a webhook
-- delivery (the exact JSON body that is signed). idempotency_key names the message: writing it
-- twice keeps the first, and a retry sends the same message under the same key.
-- Status: pending (due at next_attempt_at) → sent | failed (gave up); held while the seller has
-- paused buyer mail.
CREATE TABLE outbox (
    seller_id       bigint NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
    id              bigserial NOT NULL,
    idempotency_key text NOT NULL,
    channel         text NOT NULL CHECK (channel IN ('email', 'webhook')),
    purpose         text NOT NULL CHECK (purpose IN ('buyer', 'digest', 'alert', 'webhook')),
    recipient       text NOT NULL DEFAULT '',
    endpoint_id     bigint,
    event_type      text NOT NULL DEFAULT '',
    subject         text NOT NULL DEFAULT '',
    body            text NOT NULL,
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'held', 'sent', 'failed')),
    attempts        int NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    -- Retries stop 24 hours after the first try (not after the writing: a message held while
    -- buyer mail was paused gets its full day once it is let go).
    first_tried_at  timestamptz,
    last_error      text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    PRIMARY KEY (seller_id, id),
    UNIQUE (seller_id, idempotency_key),
    FOREIGN KEY (seller_id, endpoint_id) REFERENCES webhook_endpoints (seller_id, id) ON DELETE CASCADE,
    CHECK ((channel = 'webhook') = (endpoint_id IS NOT NULL))
);
-- What the workers claim: due rows of a channel, across sellers (like the interrupted-imports
-- sweep, a statement of the delivery machinery, not of one seller's request).
CREATE INDEX outbox_due_idx ON outbox (channel, next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbox_endpoint_idx ON outbox (seller_id, endpoint_id, id) WHERE endpoint_id IS NOT NULL;

-- Every try of every message: the delivery log of an endpoint, and why an e-mail waits.
CREATE TABLE outbox_attempts (
    seller_id     bigint NOT NULL,
    outbox_id     bigint NOT NULL,
    attempt       int NOT NULL,
    at            timestamptz NOT NULL,
    ok            boolean NOT NULL,
    response_code int,
    error         text NOT NULL DEFAULT '',
    duration_ms   int NOT NULL,
    PRIMARY KEY (seller_id, outbox_id, attempt),
    FOREIGN KEY (seller_id, outbox_id) REFERENCES outbox (seller_id, id) ON DELETE CASCADE
);

-- What each team member wants to hear: a daily digest at a local hour, immediate alerts for some
-- exception kinds. last_digest_on is the member's local date of the last digest considered (sent,
-- or found empty), so that a day's digest goes once however often the scheduler looks.
CREATE TABLE notification_prefs (
    seller_id      bigint NOT NULL,
    user_id        bigint NOT NULL,
    digest_enabled boolean NOT NULL DEFAULT false,
    digest_hour    smallint NOT NULL DEFAULT 8 CHECK (digest_hour BETWEEN 0 AND 23),
    timezone       text NOT NULL DEFAULT 'UTC',
    alert_kinds    text[] NOT NULL DEFAULT '{}',
    last_digest_at timestamptz,
    last_digest_on date,
    PRIMARY KEY (seller_id, user_id),
    FOREIGN KEY (seller_id, user_id) REFERENCES users (seller_id, id) ON DELETE CASCADE
);
CREATE INDEX notification_prefs_digest_idx ON notification_prefs (digest_hour) WHERE digest_enabled;

-- Per message template (message_templates' key: kind and stage, 0 = any stage): off, suggest
-- (offered on the shipment page for a person to send) or auto (sent), and on which trigger.
CREATE TABLE message_rules (
    seller_id bigint NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
    kind      text NOT NULL,
    stage     smallint NOT NULL DEFAULT 0,
    mode      text NOT NULL CHECK (mode IN ('off', 'suggest', 'auto')),
    trigger   text NOT NULL CHECK (trigger IN ('departed_origin', 'import_customs', 'stalled', 'delivery_issue')),
    PRIMARY KEY (seller_id, kind, stage)
);

-- The buyer messages of each shipment, at most one per trigger and template (the unique key):
-- suggested (waiting for a person), queued (in the outbox), or dismissed.
CREATE TABLE buyer_messages (
    seller_id   bigint NOT NULL,
    id          bigserial NOT NULL,
    shipment_id bigint NOT NULL,
    trigger     text NOT NULL,
    kind        text NOT NULL,
    stage       smallint NOT NULL,
    recipient   text NOT NULL,
    subject     text NOT NULL,
    body        text NOT NULL,
    status      text NOT NULL CHECK (status IN ('suggested', 'queued', 'dismissed')),
    outbox_id   bigint,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (seller_id, id),
    UNIQUE (seller_id, shipment_id, trigger, kind, stage),
    FOREIGN KEY (seller_id, shipment_id) REFERENCES shipments (seller_id, id) ON DELETE CASCADE,
    FOREIGN KEY (seller_id, outbox_id) REFERENCES outbox (seller_id, id) ON DELETE SET NULL (outbox_id)
);

-- The exceptions a sweep raised or resolved at its moment, found for the notifications written in
-- the same transaction (and a digest's new exceptions of the day) without reading them all.
CREATE INDEX exceptions_opened_idx ON exceptions (seller_id, opened_at);
CREATE INDEX exceptions_resolved_idx ON exceptions (seller_id, resolved_at) WHERE state = 'resolved';

-- +goose Down
DROP INDEX exceptions_resolved_idx;
DROP INDEX exceptions_opened_idx;
DROP TABLE buyer_messages, message_rules, notification_prefs, outbox_attempts, outbox, webhook_endpoints;
ALTER TABLE sellers DROP COLUMN buyer_mail_paused;
