-- +goose Up
-- Notices (issue 3, collection): gapless notice numbers per series and
-- year, the settlement eligibility a notice records for each item, and the
-- indexes the notices batch and the read models query by.

CREATE TABLE notice_counters (
    series TEXT NOT NULL,
    year   INTEGER NOT NULL,
    last   INTEGER NOT NULL,
    PRIMARY KEY (series, year)
);

ALTER TABLE notice_items ADD COLUMN settlement_eligible INTEGER NOT NULL DEFAULT 0;

CREATE INDEX notices_parent ON notices (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX notices_kind_deadline ON notices (kind, deadline);

-- +goose Down
DROP INDEX notices_kind_deadline;
DROP INDEX notices_parent;
ALTER TABLE notice_items DROP COLUMN settlement_eligible;
DROP TABLE notice_counters;
