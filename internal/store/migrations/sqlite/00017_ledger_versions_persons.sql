-- +goose Up
-- The ledger version covers the persons of the records too (issue 7): the
-- titolare and the collaboratori with their names and codici fiscali. The
-- portal then keeps them in memory with the rest of a position's records,
-- and a page whose position it read with the version runs no query for its
-- records at all. Raised by a change of a person's name or codice fiscale
-- (for every position he is titolare or collaboratore of), by any change
-- of members, and by a new titolare.

-- +goose StatementBegin
CREATE TRIGGER persons_version_update AFTER UPDATE OF codice_fiscale, given_name, family_name ON persons BEGIN
    INSERT INTO ledger_versions (position_id, version)
    SELECT position_id, 1 FROM (SELECT id AS position_id FROM positions WHERE titolare_id = NEW.id
        UNION SELECT position_id FROM members WHERE person_id = NEW.id) WHERE true
    ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER members_version_insert AFTER INSERT ON members BEGIN
    INSERT INTO ledger_versions (position_id, version) VALUES (NEW.position_id, 1)
    ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER members_version_update AFTER UPDATE ON members BEGIN
    INSERT INTO ledger_versions (position_id, version)
    SELECT position_id, 1 FROM (SELECT OLD.position_id AS position_id UNION SELECT NEW.position_id) WHERE true
    ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER members_version_delete AFTER DELETE ON members BEGIN
    INSERT INTO ledger_versions (position_id, version) VALUES (OLD.position_id, 1)
    ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER positions_version_update AFTER UPDATE OF titolare_id ON positions BEGIN
    INSERT INTO ledger_versions (position_id, version) VALUES (NEW.id, 1)
    ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER positions_version_update;
DROP TRIGGER members_version_delete;
DROP TRIGGER members_version_update;
DROP TRIGGER members_version_insert;
DROP TRIGGER persons_version_update;
