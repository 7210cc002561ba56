-- +goose Up
-- Ledger versions (issue 7): a counter per position, raised in the same
-- transaction as every change to the rows its ledger pages are computed
-- from (dues, payments, allocations, notices and their items). The portal
-- keeps each position's records in memory under the version it read, so a
-- page reads one row instead of the whole history while nothing changed,
-- and never serves records older than the version. Triggers, not the batch
-- code, raise it: no write path can forget to.
CREATE TABLE ledger_versions (
    position_id INTEGER PRIMARY KEY,
    version     INTEGER NOT NULL
);

-- +goose StatementBegin
CREATE TRIGGER dues_version_insert AFTER INSERT ON dues BEGIN
    INSERT INTO ledger_versions (position_id, version) VALUES (NEW.position_id, 1)
    ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER dues_version_update AFTER UPDATE ON dues BEGIN
    INSERT INTO ledger_versions (position_id, version) VALUES (OLD.position_id, 1), (NEW.position_id, 1)
    ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER dues_version_delete AFTER DELETE ON dues BEGIN
    INSERT INTO ledger_versions (position_id, version) VALUES (OLD.position_id, 1)
    ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER payments_version_insert AFTER INSERT ON payments WHEN NEW.position_id IS NOT NULL BEGIN
    INSERT INTO ledger_versions (position_id, version) VALUES (NEW.position_id, 1)
    ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER payments_version_update AFTER UPDATE ON payments BEGIN
    INSERT INTO ledger_versions (position_id, version)
    SELECT position_id, 1 FROM (SELECT OLD.position_id AS position_id UNION SELECT NEW.position_id)
    WHERE position_id IS NOT NULL
    ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER payments_version_delete AFTER DELETE ON payments WHEN OLD.position_id IS NOT NULL BEGIN
    INSERT INTO ledger_versions (position_id, version) VALUES (OLD.position_id, 1)
    ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd

-- An allocation changes the ledger of the due's position and of the
-- payment's (they differ when one position's payment pays another's due).
-- +goose StatementBegin
CREATE TRIGGER allocations_version_insert AFTER INSERT ON allocations BEGIN
    INSERT INTO ledger_versions (position_id, version)
    SELECT position_id, 1 FROM (SELECT position_id FROM dues WHERE id = NEW.due_id
        UNION SELECT position_id FROM payments WHERE id = NEW.payment_id)
    WHERE position_id IS NOT NULL
    ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER allocations_version_update AFTER UPDATE ON allocations BEGIN
    INSERT INTO ledger_versions (position_id, version)
    SELECT position_id, 1 FROM (SELECT position_id FROM dues WHERE id IN (OLD.due_id, NEW.due_id)
        UNION SELECT position_id FROM payments WHERE id IN (OLD.payment_id, NEW.payment_id))
    WHERE position_id IS NOT NULL
    ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER allocations_version_delete AFTER DELETE ON allocations BEGIN
    INSERT INTO ledger_versions (position_id, version)
    SELECT position_id, 1 FROM (SELECT position_id FROM dues WHERE id = OLD.due_id
        UNION SELECT position_id FROM payments WHERE id = OLD.payment_id)
    WHERE position_id IS NOT NULL
    ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER notices_version_insert AFTER INSERT ON notices BEGIN
    INSERT INTO ledger_versions (position_id, version) VALUES (NEW.position_id, 1)
    ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER notices_version_update AFTER UPDATE ON notices BEGIN
    INSERT INTO ledger_versions (position_id, version) VALUES (OLD.position_id, 1), (NEW.position_id, 1)
    ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER notices_version_delete AFTER DELETE ON notices BEGIN
    INSERT INTO ledger_versions (position_id, version) VALUES (OLD.position_id, 1)
    ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER notice_items_version_insert AFTER INSERT ON notice_items BEGIN
    INSERT INTO ledger_versions (position_id, version)
    SELECT position_id, 1 FROM notices WHERE id = NEW.notice_id
    ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER notice_items_version_update AFTER UPDATE ON notice_items BEGIN
    INSERT INTO ledger_versions (position_id, version)
    SELECT position_id, 1 FROM notices WHERE id IN (OLD.notice_id, NEW.notice_id)
    ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER notice_items_version_delete AFTER DELETE ON notice_items BEGIN
    INSERT INTO ledger_versions (position_id, version)
    SELECT position_id, 1 FROM notices WHERE id = OLD.notice_id
    ON CONFLICT (position_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER notice_items_version_delete;
DROP TRIGGER notice_items_version_update;
DROP TRIGGER notice_items_version_insert;
DROP TRIGGER notices_version_delete;
DROP TRIGGER notices_version_update;
DROP TRIGGER notices_version_insert;
DROP TRIGGER allocations_version_delete;
DROP TRIGGER allocations_version_update;
DROP TRIGGER allocations_version_insert;
DROP TRIGGER payments_version_delete;
DROP TRIGGER payments_version_update;
DROP TRIGGER payments_version_insert;
DROP TRIGGER dues_version_delete;
DROP TRIGGER dues_version_update;
DROP TRIGGER dues_version_insert;
DROP TABLE ledger_versions;
