-- +goose Up
-- The ledger version covers the persons of the records too (issue 7): the
-- titolare and the collaboratori with their names and codici fiscali. The
-- portal then keeps them in memory with the rest of a position's records,
-- and a page whose position it read with the version runs no query for its
-- records at all. Raised by a change of a person's name or codice fiscale
-- (for every position he is titolare or collaboratore of), by any change
-- of members, and by a new titolare. Statement triggers over transition
-- tables, as in 00016.

-- +goose StatementBegin
CREATE FUNCTION ledger_versions_persons_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_versions_raise(ARRAY(
        WITH renamed AS (
            SELECT n.id FROM changed n JOIN gone o ON o.id = n.id
            WHERE (n.codice_fiscale, n.given_name, n.family_name) IS DISTINCT FROM (o.codice_fiscale, o.given_name, o.family_name))
        SELECT p.id FROM positions p WHERE p.titolare_id IN (SELECT id FROM renamed)
        UNION SELECT m.position_id FROM members m WHERE m.person_id IN (SELECT id FROM renamed)));
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER persons_version_update AFTER UPDATE ON persons REFERENCING OLD TABLE AS gone NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_versions_persons_update();

-- +goose StatementBegin
CREATE FUNCTION ledger_versions_members_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_versions_raise(ARRAY(SELECT position_id FROM changed));
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER members_version_insert AFTER INSERT ON members REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_versions_members_insert();

-- +goose StatementBegin
CREATE FUNCTION ledger_versions_members_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_versions_raise(ARRAY(SELECT position_id FROM changed UNION SELECT position_id FROM gone));
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER members_version_update AFTER UPDATE ON members REFERENCING OLD TABLE AS gone NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_versions_members_update();

-- +goose StatementBegin
CREATE FUNCTION ledger_versions_members_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_versions_raise(ARRAY(SELECT position_id FROM changed));
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER members_version_delete AFTER DELETE ON members REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_versions_members_delete();

-- +goose StatementBegin
CREATE FUNCTION ledger_versions_positions_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_versions_raise(ARRAY(
        SELECT n.id FROM changed n JOIN gone o ON o.id = n.id WHERE n.titolare_id IS DISTINCT FROM o.titolare_id));
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER positions_version_update AFTER UPDATE ON positions REFERENCING OLD TABLE AS gone NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_versions_positions_update();

-- +goose Down
DROP TRIGGER positions_version_update ON positions;
DROP FUNCTION ledger_versions_positions_update();
DROP TRIGGER members_version_delete ON members;
DROP FUNCTION ledger_versions_members_delete();
DROP TRIGGER members_version_update ON members;
DROP FUNCTION ledger_versions_members_update();
DROP TRIGGER members_version_insert ON members;
DROP FUNCTION ledger_versions_members_insert();
DROP TRIGGER persons_version_update ON persons;
DROP FUNCTION ledger_versions_persons_update();
