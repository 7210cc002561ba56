-- +goose Up
-- PostgreSQL partitions dues and payments by year (migration 00015 there):
-- its foreign keys to them carry the partition key. SQLite keeps one table
-- each and its one-column foreign keys, but gets the same columns, filled
-- the same way, so that the code writes the same rows on both.
ALTER TABLE allocations ADD COLUMN due_year INTEGER NOT NULL DEFAULT 0;
ALTER TABLE allocations ADD COLUMN payment_paid_on DATE NOT NULL DEFAULT '';
ALTER TABLE notice_items ADD COLUMN due_year INTEGER NOT NULL DEFAULT 0;
UPDATE allocations SET due_year = (SELECT d.year FROM dues d WHERE d.id = allocations.due_id),
    payment_paid_on = (SELECT p.paid_on FROM payments p WHERE p.id = allocations.payment_id);
UPDATE notice_items SET due_year = (SELECT d.year FROM dues d WHERE d.id = notice_items.due_id);

-- +goose Down
ALTER TABLE notice_items DROP COLUMN due_year;
ALTER TABLE allocations DROP COLUMN payment_paid_on;
ALTER TABLE allocations DROP COLUMN due_year;
