-- events and tracking_numbers (seller_id, shipment_id) must name a shipment of the same seller,
-- so that no row can point at another seller's shipment. The foreign keys that guaranteed it
-- checked every inserted row on its own (one lookup of shipments per row): importing a million
-- events spent about 4 s of CPU on it, half of the events insert, and the tracking numbers
-- another half of theirs. These triggers keep the same guarantee once per statement, set-based:
--   - inserting rows: every shipment the new rows name must exist for their seller, and is
--     locked as a foreign key locks it (FOR KEY SHARE), so that it cannot be deleted or re-keyed
--     until the transaction ends; otherwise the statement fails with foreign_key_violation;
--   - a row never moves to another shipment or seller (its seller_id and shipment_id are not
--     updated), and a shipment's key (seller_id, id) never changes;
--   - deleting shipments deletes their events and tracking numbers, as ON DELETE CASCADE did;
--     shipments cannot be truncated while events or tracking numbers remain
--     (TRUNCATE shipments, events, tracking_numbers).

-- +goose Up
ALTER TABLE events DROP CONSTRAINT events_seller_id_shipment_id_fkey;
ALTER TABLE tracking_numbers DROP CONSTRAINT tracking_numbers_seller_id_shipment_id_fkey;

-- +goose StatementBegin
CREATE FUNCTION check_shipment_refs() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    named  bigint;
    locked bigint;
BEGIN
    SELECT count(*) INTO named FROM (SELECT DISTINCT seller_id, shipment_id FROM new_rows) n;
    -- Counted after locking: a shipment deleted meanwhile by another transaction is not locked.
    SELECT count(*) INTO locked FROM (
        SELECT FROM shipments s
        WHERE (s.seller_id, s.id) IN (SELECT seller_id, shipment_id FROM new_rows)
        FOR KEY SHARE OF s) l;
    IF locked <> named THEN
        RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%_shipment"', TG_TABLE_NAME, TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = 'A row names a shipment that its seller does not have.';
    END IF;
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER events_shipment AFTER INSERT ON events
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION check_shipment_refs();
CREATE TRIGGER tracking_numbers_shipment AFTER INSERT ON tracking_numbers
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION check_shipment_refs();

-- +goose StatementBegin
CREATE FUNCTION refuse_key_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the key of a row of "%" cannot change', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
END
$$;
-- +goose StatementEnd
CREATE TRIGGER events_shipment_fixed BEFORE UPDATE OF seller_id, shipment_id ON events FOR EACH ROW
    WHEN (OLD.seller_id IS DISTINCT FROM NEW.seller_id OR OLD.shipment_id IS DISTINCT FROM NEW.shipment_id)
    EXECUTE FUNCTION refuse_key_change();
CREATE TRIGGER tracking_numbers_shipment_fixed BEFORE UPDATE OF seller_id, shipment_id ON tracking_numbers FOR EACH ROW
    WHEN (OLD.seller_id IS DISTINCT FROM NEW.seller_id OR OLD.shipment_id IS DISTINCT FROM NEW.shipment_id)
    EXECUTE FUNCTION refuse_key_change();
CREATE TRIGGER shipments_key_fixed BEFORE UPDATE OF seller_id, id ON shipments FOR EACH ROW
    WHEN (OLD.seller_id IS DISTINCT FROM NEW.seller_id OR OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION refuse_key_change();

-- +goose StatementBegin
CREATE FUNCTION shipments_delete_refs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM events e USING old_shipments o WHERE e.seller_id = o.seller_id AND e.shipment_id = o.id;
    DELETE FROM tracking_numbers t USING old_shipments o WHERE t.seller_id = o.seller_id AND t.shipment_id = o.id;
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER shipments_delete_refs AFTER DELETE ON shipments
    REFERENCING OLD TABLE AS old_shipments FOR EACH STATEMENT EXECUTE FUNCTION shipments_delete_refs();

-- +goose StatementBegin
CREATE FUNCTION shipments_truncate_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM events) OR EXISTS (SELECT FROM tracking_numbers) THEN
        RAISE EXCEPTION 'cannot truncate shipments without truncating events and tracking_numbers'
            USING ERRCODE = 'feature_not_supported';
    END IF;
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER shipments_truncate_check AFTER TRUNCATE ON shipments
    FOR EACH STATEMENT EXECUTE FUNCTION shipments_truncate_check();

-- +goose Down
DROP TRIGGER shipments_truncate_check ON shipments;
DROP TRIGGER shipments_delete_refs ON shipments;
DROP TRIGGER shipments_key_fixed ON shipments;
DROP TRIGGER tracking_numbers_shipment_fixed ON tracking_numbers;
DROP TRIGGER events_shipment_fixed ON events;
DROP TRIGGER tracking_numbers_shipment ON tracking_numbers;
DROP TRIGGER events_shipment ON events;
DROP FUNCTION shipments_truncate_check(), shipments_delete_refs(), refuse_key_change(), check_shipment_refs();
ALTER TABLE events ADD CONSTRAINT events_seller_id_shipment_id_fkey
    FOREIGN KEY (seller_id, shipment_id) REFERENCES shipments (seller_id, id) ON DELETE CASCADE;
ALTER TABLE tracking_numbers ADD CONSTRAINT tracking_numbers_seller_id_shipment_id_fkey
    FOREIGN KEY (seller_id, shipment_id) REFERENCES shipments (seller_id, id) ON DELETE CASCADE;
