-- A bulk change on the queue can be undone for a short while (domain.UndoWindow): what each
-- exception was before the change, and the version the change left it at, so that an exception
-- someone changed since is left as it is.

-- +goose Up
CREATE TABLE bulk_changes (
    seller_id bigint NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
    id        bigserial NOT NULL,
    user_id   bigint NOT NULL,
    action    text NOT NULL CHECK (action IN ('assigned', 'snoozed', 'resolved', 'changed')),
    at        timestamptz NOT NULL,
    undone_at timestamptz,
    PRIMARY KEY (seller_id, id),
    FOREIGN KEY (seller_id, user_id) REFERENCES users (seller_id, id) ON DELETE CASCADE
);
CREATE INDEX bulk_changes_user_idx ON bulk_changes (seller_id, user_id, at DESC);

CREATE TABLE bulk_change_items (
    seller_id     bigint NOT NULL,
    bulk_id       bigint NOT NULL,
    exception_id  bigint NOT NULL,
    -- The version the change left the exception at: undo only touches it while it still has it.
    version       int NOT NULL,
    -- The exception as it was before the change.
    state         text NOT NULL,
    resolution    text,
    waiting_until timestamptz,
    resolved_at   timestamptz,
    assignee_id   bigint,
    PRIMARY KEY (seller_id, bulk_id, exception_id),
    FOREIGN KEY (seller_id, bulk_id) REFERENCES bulk_changes (seller_id, id) ON DELETE CASCADE,
    FOREIGN KEY (seller_id, exception_id) REFERENCES exceptions (seller_id, id) ON DELETE CASCADE,
    FOREIGN KEY (seller_id, assignee_id) REFERENCES users (seller_id, id) ON DELETE SET NULL (assignee_id)
);

-- +goose Down
DROP TABLE bulk_change_items, bulk_changes;
