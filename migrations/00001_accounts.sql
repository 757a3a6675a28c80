-- Seller accounts (shops), their team members, invitations, and the infrastructure tables that
-- carry login state. Business tables are keyed (seller_id, id) so that every child row can
-- reference its parent with seller_id included, and the data can later be distributed by seller.

-- +goose Up
CREATE TABLE sellers (
    id         bigserial PRIMARY KEY,
    shop_name  text NOT NULL CHECK (length(shop_name) BETWEEN 1 AND 120),
    -- The zone in which times without an offset in imported files are read: AliExpress exports
    -- use China time.
    timezone   text NOT NULL DEFAULT 'Asia/Shanghai',
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    seller_id     bigint NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
    id            bigserial NOT NULL,
    email         text NOT NULL CHECK (email = lower(email)),
    name          text NOT NULL DEFAULT '',
    password_hash text NOT NULL,
    role          text NOT NULL CHECK (role IN ('owner', 'agent')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_login_at timestamptz,
    PRIMARY KEY (seller_id, id)
);
-- A person signs in with an email alone, so an email belongs to one shop.
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE invitations (
    seller_id   bigint NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
    id          bigserial NOT NULL,
    email       text NOT NULL CHECK (email = lower(email)),
    role        text NOT NULL CHECK (role IN ('owner', 'agent')),
    -- Only a hash of the one-time token is kept: a copy of the database does not hold usable links.
    token_hash  bytea NOT NULL UNIQUE,
    invited_by  bigint NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    revoked_at  timestamptz,
    PRIMARY KEY (seller_id, id),
    FOREIGN KEY (seller_id, invited_by) REFERENCES users (seller_id, id) ON DELETE CASCADE
);

-- Login sessions (gorilla/sessions values, server side). The cookie holds a signed random id;
-- the table holds its SHA-256, so logout and member removal end a session for real.
CREATE TABLE sessions (
    token_hash   bytea PRIMARY KEY,
    seller_id    bigint,
    user_id      bigint,
    data         bytea NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (seller_id, user_id) REFERENCES users (seller_id, id) ON DELETE CASCADE
);
CREATE INDEX sessions_user_idx ON sessions (seller_id, user_id);
CREATE INDEX sessions_last_seen_idx ON sessions (last_seen_at);

-- Failed sign-ins, counted per account and per client address to throttle guessing. Kept in the
-- database so that every web replica sees the same counts.
CREATE TABLE login_failures (
    key          text NOT NULL,
    failed_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key_idx ON login_failures (key, failed_at);

-- Installation-wide settings, such as the generated session key.
CREATE TABLE app_settings (
    key   text PRIMARY KEY,
    value text NOT NULL
);

-- +goose Down
DROP TABLE app_settings, login_failures, sessions, invitations, users, sellers;
