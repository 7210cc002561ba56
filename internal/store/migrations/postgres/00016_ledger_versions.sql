-- +goose Up
-- Ledger versions (issue 7): a counter per position, raised in the same
-- transaction as every change to the rows its ledger pages are computed
-- from (dues, payments, allocations, notices and their items). The portal
-- keeps each position's records in memory under the version it read, so a
-- page reads one row instead of the whole history while nothing changed,
-- and never serves records older than the version. Triggers, not the batch
-- code, raise it: no write path can forget to. They run once per statement,
-- over its transition table, and take the rows' locks in position order so
-- that two batches never deadlock on them. The functions that look up the
-- positions of allocations and notice items join the transition table with
-- dues, payments or notices by key: hash and merge joins are off inside
-- them, or the planner hashes the whole payments table (millions of rows)
-- for every statement of the payments import.
CREATE TABLE ledger_versions (
    position_id BIGINT PRIMARY KEY,
    version     BIGINT NOT NULL
);

-- +goose StatementBegin
CREATE FUNCTION ledger_versions_raise(ids BIGINT[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO ledger_versions AS v (position_id, version)
    SELECT DISTINCT id, 1 FROM unnest(ids) AS id WHERE id IS NOT NULL ORDER BY 1
    ON CONFLICT (position_id) DO UPDATE SET version = v.version + 1
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION ledger_versions_dues_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_versions_raise(ARRAY(SELECT position_id FROM changed));
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER dues_version_insert AFTER INSERT ON dues REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_versions_dues_insert();

-- +goose StatementBegin
CREATE FUNCTION ledger_versions_dues_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_versions_raise(ARRAY(SELECT position_id FROM changed UNION SELECT position_id FROM gone));
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER dues_version_update AFTER UPDATE ON dues REFERENCING OLD TABLE AS gone NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_versions_dues_update();

-- +goose StatementBegin
CREATE FUNCTION ledger_versions_dues_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_versions_raise(ARRAY(SELECT position_id FROM changed));
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER dues_version_delete AFTER DELETE ON dues REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_versions_dues_delete();

-- +goose StatementBegin
CREATE FUNCTION ledger_versions_payments_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_versions_raise(ARRAY(SELECT position_id FROM changed));
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER payments_version_insert AFTER INSERT ON payments REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_versions_payments_insert();

-- +goose StatementBegin
CREATE FUNCTION ledger_versions_payments_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_versions_raise(ARRAY(SELECT position_id FROM changed UNION SELECT position_id FROM gone));
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER payments_version_update AFTER UPDATE ON payments REFERENCING OLD TABLE AS gone NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_versions_payments_update();

-- +goose StatementBegin
CREATE FUNCTION ledger_versions_payments_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_versions_raise(ARRAY(SELECT position_id FROM changed));
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER payments_version_delete AFTER DELETE ON payments REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_versions_payments_delete();

-- +goose StatementBegin
CREATE FUNCTION ledger_versions_notices_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_versions_raise(ARRAY(SELECT position_id FROM changed));
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER notices_version_insert AFTER INSERT ON notices REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_versions_notices_insert();

-- +goose StatementBegin
CREATE FUNCTION ledger_versions_notices_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_versions_raise(ARRAY(SELECT position_id FROM changed UNION SELECT position_id FROM gone));
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER notices_version_update AFTER UPDATE ON notices REFERENCING OLD TABLE AS gone NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_versions_notices_update();

-- +goose StatementBegin
CREATE FUNCTION ledger_versions_notices_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_versions_raise(ARRAY(SELECT position_id FROM changed));
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER notices_version_delete AFTER DELETE ON notices REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_versions_notices_delete();

-- +goose StatementBegin
CREATE FUNCTION ledger_versions_allocations_insert() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    PERFORM ledger_versions_raise(ARRAY(SELECT d.position_id FROM changed c JOIN dues d ON d.id = c.due_id AND d.year = c.due_year UNION SELECT p.position_id FROM changed c JOIN payments p ON p.id = c.payment_id AND p.paid_on = c.payment_paid_on));
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER allocations_version_insert AFTER INSERT ON allocations REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_versions_allocations_insert();

-- +goose StatementBegin
CREATE FUNCTION ledger_versions_allocations_update() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    PERFORM ledger_versions_raise(ARRAY(SELECT d.position_id FROM changed c JOIN dues d ON d.id = c.due_id AND d.year = c.due_year UNION SELECT p.position_id FROM changed c JOIN payments p ON p.id = c.payment_id AND p.paid_on = c.payment_paid_on UNION SELECT d.position_id FROM gone c JOIN dues d ON d.id = c.due_id AND d.year = c.due_year UNION SELECT p.position_id FROM gone c JOIN payments p ON p.id = c.payment_id AND p.paid_on = c.payment_paid_on));
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER allocations_version_update AFTER UPDATE ON allocations REFERENCING OLD TABLE AS gone NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_versions_allocations_update();

-- +goose StatementBegin
CREATE FUNCTION ledger_versions_allocations_delete() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    PERFORM ledger_versions_raise(ARRAY(SELECT d.position_id FROM changed c JOIN dues d ON d.id = c.due_id AND d.year = c.due_year UNION SELECT p.position_id FROM changed c JOIN payments p ON p.id = c.payment_id AND p.paid_on = c.payment_paid_on));
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER allocations_version_delete AFTER DELETE ON allocations REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_versions_allocations_delete();

-- +goose StatementBegin
CREATE FUNCTION ledger_versions_notice_items_insert() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    PERFORM ledger_versions_raise(ARRAY(SELECT n.position_id FROM changed c JOIN notices n ON n.id = c.notice_id));
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER notice_items_version_insert AFTER INSERT ON notice_items REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_versions_notice_items_insert();

-- +goose StatementBegin
CREATE FUNCTION ledger_versions_notice_items_update() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    PERFORM ledger_versions_raise(ARRAY(SELECT n.position_id FROM changed c JOIN notices n ON n.id = c.notice_id UNION SELECT n.position_id FROM gone c JOIN notices n ON n.id = c.notice_id));
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER notice_items_version_update AFTER UPDATE ON notice_items REFERENCING OLD TABLE AS gone NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_versions_notice_items_update();

-- +goose StatementBegin
CREATE FUNCTION ledger_versions_notice_items_delete() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    PERFORM ledger_versions_raise(ARRAY(SELECT n.position_id FROM changed c JOIN notices n ON n.id = c.notice_id));
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER notice_items_version_delete AFTER DELETE ON notice_items REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_versions_notice_items_delete();

-- +goose Down
DROP TRIGGER notice_items_version_delete ON notice_items;
DROP FUNCTION ledger_versions_notice_items_delete();
DROP TRIGGER notice_items_version_update ON notice_items;
DROP FUNCTION ledger_versions_notice_items_update();
DROP TRIGGER notice_items_version_insert ON notice_items;
DROP FUNCTION ledger_versions_notice_items_insert();
DROP TRIGGER allocations_version_delete ON allocations;
DROP FUNCTION ledger_versions_allocations_delete();
DROP TRIGGER allocations_version_update ON allocations;
DROP FUNCTION ledger_versions_allocations_update();
DROP TRIGGER allocations_version_insert ON allocations;
DROP FUNCTION ledger_versions_allocations_insert();
DROP TRIGGER notices_version_delete ON notices;
DROP FUNCTION ledger_versions_notices_delete();
DROP TRIGGER notices_version_update ON notices;
DROP FUNCTION ledger_versions_notices_update();
DROP TRIGGER notices_version_insert ON notices;
DROP FUNCTION ledger_versions_notices_insert();
DROP TRIGGER payments_version_delete ON payments;
DROP FUNCTION ledger_versions_payments_delete();
DROP TRIGGER payments_version_update ON payments;
DROP FUNCTION ledger_versions_payments_update();
DROP TRIGGER payments_version_insert ON payments;
DROP FUNCTION ledger_versions_payments_insert();
DROP TRIGGER dues_version_delete ON dues;
DROP FUNCTION ledger_versions_dues_delete();
DROP TRIGGER dues_version_update ON dues;
DROP FUNCTION ledger_versions_dues_update();
DROP TRIGGER dues_version_insert ON dues;
DROP FUNCTION ledger_versions_dues_insert();
DROP FUNCTION ledger_versions_raise(BIGINT[]);
DROP TABLE ledger_versions;
