-- +goose Up
-- Nothing on SQLite: the PostgreSQL migration of the same number makes a
-- transaction raise a position's ledger version once. SQLite's row
-- triggers raise it once per row written; one writer at a time holds the
-- database, so the extra raises cost a few microseconds and no contention.
SELECT 1;

-- +goose Down
SELECT 1;
