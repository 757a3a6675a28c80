-- The stage clock's settings (thresholds, peak periods, warning period) and the exceptions it
-- raises, with their append-only history.

-- +goose Up
ALTER TABLE sellers ADD COLUMN protection_warning_days int NOT NULL DEFAULT 5
    CHECK (protection_warning_days BETWEEN 1 AND 60);

-- A seller's own maximum time in a stage; country '' is the seller's default for the stage, a
-- country code overrides it for shipments to that country. Absent rows fall back to
-- domain.DefaultThresholds.
CREATE TABLE stage_thresholds (
    seller_id bigint NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
    stage     smallint NOT NULL CHECK (stage BETWEEN 1 AND 10),
    country   text NOT NULL DEFAULT '' CHECK (country = '' OR country ~ '^[A-Z]{2}$'),
    max_hours int NOT NULL CHECK (max_hours BETWEEN 1 AND 24 * 365),
    PRIMARY KEY (seller_id, stage, country)
);

-- Periods when origin work stops. Time inside one does not count toward the thresholds of stages
-- 1–6. A seller's own periods, and the built-in ones every seller shares (reference data, not a
-- seller's: Chinese New Year — factories close about a week before and pick up about two weeks
-- after — and Golden Week, in China time).
CREATE TABLE peak_periods (
    seller_id bigint NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
    id        bigserial NOT NULL,
    name      text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    starts_at timestamptz NOT NULL,
    ends_at   timestamptz NOT NULL CHECK (ends_at > starts_at),
    PRIMARY KEY (seller_id, id)
);
CREATE TABLE builtin_peak_periods (
    name      text NOT NULL,
    starts_at timestamptz NOT NULL,
    ends_at   timestamptz NOT NULL CHECK (ends_at > starts_at),
    PRIMARY KEY (starts_at)
);
INSERT INTO builtin_peak_periods (name, starts_at, ends_at) VALUES
    ('Chinese New Year 2025', '2025-01-22 00:00+08', '2025-02-12 00:00+08'),
    ('Golden Week 2025',      '2025-10-01 00:00+08', '2025-10-08 00:00+08'),
    ('Chinese New Year 2026', '2026-02-10 00:00+08', '2026-03-03 00:00+08'),
    ('Golden Week 2026',      '2026-10-01 00:00+08', '2026-10-08 00:00+08'),
    ('Chinese New Year 2027', '2027-01-30 00:00+08', '2027-02-20 00:00+08'),
    ('Golden Week 2027',      '2027-10-01 00:00+08', '2027-10-08 00:00+08'),
    ('Chinese New Year 2028', '2028-01-19 00:00+08', '2028-02-09 00:00+08'),
    ('Golden Week 2028',      '2028-10-01 00:00+08', '2028-10-08 00:00+08'),
    ('Chinese New Year 2029', '2029-02-06 00:00+08', '2029-02-27 00:00+08'),
    ('Golden Week 2029',      '2029-10-01 00:00+08', '2029-10-08 00:00+08'),
    ('Chinese New Year 2030', '2030-01-27 00:00+08', '2030-02-17 00:00+08'),
    ('Golden Week 2030',      '2030-10-01 00:00+08', '2030-10-08 00:00+08');

CREATE TABLE exceptions (
    seller_id     bigint NOT NULL,
    id            bigserial NOT NULL,
    shipment_id   bigint NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('stalled', 'delivery_issue', 'late', 'protection_expiring', 'not_received')),
    state         text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'investigating', 'waiting', 'resolved')),
    resolution    text CHECK (resolution IN ('recovered', 'delivered', 'reshipped', 'refunded', 'dispute_won',
                                             'dispute_lost', 'false_alarm', 'cancelled')),
    -- What raised it: the stage and signal of the shipment then, and for deadlines the date.
    stage         smallint NOT NULL DEFAULT 0,
    signal        text NOT NULL DEFAULT 'none',
    due_at        timestamptz,
    -- Orders the queue: higher needs action first (see domain.Severity).
    severity      double precision NOT NULL DEFAULT 0,
    assignee_id   bigint,
    waiting_until timestamptz,
    opened_at     timestamptz NOT NULL,
    resolved_at   timestamptz,
    version       int NOT NULL DEFAULT 1,
    PRIMARY KEY (seller_id, id),
    FOREIGN KEY (seller_id, shipment_id) REFERENCES shipments (seller_id, id) ON DELETE CASCADE,
    FOREIGN KEY (seller_id, assignee_id) REFERENCES users (seller_id, id) ON DELETE SET NULL (assignee_id),
    CHECK ((state = 'resolved') = (resolution IS NOT NULL)),
    CHECK (state <> 'waiting' OR waiting_until IS NOT NULL)
);
-- At most one unresolved exception per shipment and kind, enforced by the database.
CREATE UNIQUE INDEX exceptions_one_open ON exceptions (seller_id, shipment_id, kind) WHERE state <> 'resolved';
CREATE INDEX exceptions_queue_idx ON exceptions (seller_id, severity DESC, id DESC) WHERE state <> 'resolved';

-- What the sweep looks for among a million shipments without reading them all.
CREATE INDEX shipments_issue_idx ON shipments (seller_id)
    WHERE stage < 11 AND last_signal IN ('attempt_failed', 'pickup_available', 'address_issue', 'customs_hold',
                                         'returned', 'damaged_lost', 'rollback');
CREATE INDEX shipments_promised_idx ON shipments (seller_id, promised_by) WHERE stage < 11;
CREATE INDEX shipments_protection_idx ON shipments (seller_id, protection_ends_at) WHERE stage < 11;

-- Everything that happens to an exception, append-only: who (NULL: the system's sweep), when, what.
CREATE TABLE exception_history (
    seller_id    bigint NOT NULL,
    id           bigserial NOT NULL,
    exception_id bigint NOT NULL,
    at           timestamptz NOT NULL,
    actor_id     bigint,
    action       text NOT NULL,
    detail       text NOT NULL DEFAULT '',
    PRIMARY KEY (seller_id, id),
    FOREIGN KEY (seller_id, exception_id) REFERENCES exceptions (seller_id, id) ON DELETE CASCADE,
    FOREIGN KEY (seller_id, actor_id) REFERENCES users (seller_id, id) ON DELETE SET NULL (actor_id)
);
CREATE INDEX exception_history_exception_idx ON exception_history (seller_id, exception_id, id);

-- +goose Down
DROP TABLE exception_history, exceptions, builtin_peak_periods, peak_periods, stage_thresholds;
ALTER TABLE sellers DROP COLUMN protection_warning_days;
