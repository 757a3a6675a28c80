-- API tokens: a shop's owners create named tokens for their tools; a request with
-- "Authorization: Bearer <token>" acts for the shop without a session or CSRF token.
--
-- token_hash: SHA-256 of the token, which is shown once and never stored, so a copy of the
--   database holds no usable token. Unique over all shops: the token alone names its shop.
-- prefix: the token's first characters, shown beside its name so the owner can tell which one a
--   tool uses; not enough to use it.
-- rate_tat: the rate limiter's state (GCRA's theoretical arrival time), kept here so that every
--   replica of the portal counts the same requests against the same limit.
-- last_used_at: shown on the settings page, so an owner can see which tokens are still in use.

-- +goose Up
CREATE TABLE api_tokens (
    seller_id    bigint NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
    id           bigserial NOT NULL,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    prefix       text NOT NULL,
    token_hash   bytea NOT NULL UNIQUE,
    created_by   bigint,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    rate_tat     timestamptz NOT NULL DEFAULT '-infinity',
    PRIMARY KEY (seller_id, id),
    FOREIGN KEY (seller_id, created_by) REFERENCES users (seller_id, id) ON DELETE SET NULL (created_by)
);

-- +goose Down
DROP TABLE api_tokens;
