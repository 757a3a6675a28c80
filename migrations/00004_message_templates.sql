-- The seller's own wording of the ready customer messages the exception page offers. A row
-- overrides the built-in text (domain.DefaultMessageTemplates) for an exception kind at one
-- stage, or at every stage (stage 0). Absent rows fall back to the built-in text.

-- +goose Up
CREATE TABLE message_templates (
    seller_id  bigint NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
    kind       text NOT NULL,
    stage      smallint NOT NULL DEFAULT 0, -- 0 = any stage
    body       text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (seller_id, kind, stage)
);

-- +goose Down
DROP TABLE message_templates;
