-- The exception kind edd_missed (issue 16): the estimated delivery window's late end (p90)
-- passed and the parcel is not delivered, with no promised date covering it.

-- +goose Up
ALTER TABLE exceptions DROP CONSTRAINT exceptions_kind_check;
ALTER TABLE exceptions ADD CONSTRAINT exceptions_kind_check
    CHECK (kind IN ('stalled', 'delivery_issue', 'late', 'protection_expiring', 'not_received', 'edd_missed'));

-- +goose Down
DELETE FROM exceptions WHERE kind = 'edd_missed';
ALTER TABLE exceptions DROP CONSTRAINT exceptions_kind_check;
ALTER TABLE exceptions ADD CONSTRAINT exceptions_kind_check
    CHECK (kind IN ('stalled', 'delivery_issue', 'late', 'protection_expiring', 'not_received'));
