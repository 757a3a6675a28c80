-- A member's saved views of the review queue ("DE customs": country DE, stage import customs):
-- a name and the queue's filter as a query string, per member.

-- +goose Up
CREATE TABLE saved_views (
    seller_id  bigint NOT NULL,
    id         bigserial NOT NULL,
    user_id    bigint NOT NULL,
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
    query      text NOT NULL CHECK (length(query) <= 1000),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (seller_id, id),
    UNIQUE (seller_id, user_id, name),
    FOREIGN KEY (seller_id, user_id) REFERENCES users (seller_id, id) ON DELETE CASCADE
);

-- +goose Down
DROP TABLE saved_views;
