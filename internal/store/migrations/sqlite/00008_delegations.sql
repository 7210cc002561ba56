-- +goose Up
-- The delegation lifecycle (issue 5): invitations the intermediary accepts
-- or rejects, who created a delegation and how (portal or paper, with the
-- scanned document), why it ended, and the history of every state change.
-- Rows written before this migration keep their status ('active',
-- 'revoked', 'expired') and count as created on the portal.
ALTER TABLE delegations ADD COLUMN origin TEXT NOT NULL DEFAULT 'portal';
ALTER TABLE delegations ADD COLUMN created_by_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE delegations ADD COLUMN created_by_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE delegations ADD COLUMN created_by_label TEXT NOT NULL DEFAULT '';
ALTER TABLE delegations ADD COLUMN invite_expires_on TEXT;
ALTER TABLE delegations ADD COLUMN end_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE delegations ADD COLUMN document_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE delegations ADD COLUMN document_name TEXT NOT NULL DEFAULT '';
ALTER TABLE delegations ADD COLUMN document_type TEXT NOT NULL DEFAULT '';
ALTER TABLE delegations ADD COLUMN document_size INTEGER NOT NULL DEFAULT 0;

-- At most one open (pending or active) delegation per position and intermediary.
CREATE UNIQUE INDEX delegations_open ON delegations (position_id, intermediary_id)
    WHERE status IN ('pending', 'active');

-- +goose StatementBegin
CREATE TRIGGER delegations_status_insert BEFORE INSERT ON delegations
WHEN NEW.status NOT IN ('pending', 'active', 'rejected', 'expired', 'revoked', 'renounced')
BEGIN SELECT RAISE(ABORT, 'delegations: unknown status'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER delegations_status_update BEFORE UPDATE OF status ON delegations
WHEN NEW.status NOT IN ('pending', 'active', 'rejected', 'expired', 'revoked', 'renounced')
BEGIN SELECT RAISE(ABORT, 'delegations: unknown status'); END;
-- +goose StatementEnd

CREATE TABLE delegation_history (
    id            INTEGER PRIMARY KEY,
    delegation_id INTEGER NOT NULL REFERENCES delegations (id),
    at            TIMESTAMP NOT NULL,
    from_status   TEXT NOT NULL DEFAULT '',
    to_status     TEXT NOT NULL,
    actor_kind    TEXT NOT NULL,
    actor_id      INTEGER NOT NULL DEFAULT 0,
    actor_label   TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX delegation_history_delegation ON delegation_history (delegation_id, id);

-- +goose Down
DROP TABLE delegation_history;
DROP TRIGGER delegations_status_update;
DROP TRIGGER delegations_status_insert;
DROP INDEX delegations_open;
ALTER TABLE delegations DROP COLUMN document_size;
ALTER TABLE delegations DROP COLUMN document_type;
ALTER TABLE delegations DROP COLUMN document_name;
ALTER TABLE delegations DROP COLUMN document_sha256;
ALTER TABLE delegations DROP COLUMN end_reason;
ALTER TABLE delegations DROP COLUMN invite_expires_on;
ALTER TABLE delegations DROP COLUMN created_by_label;
ALTER TABLE delegations DROP COLUMN created_by_id;
ALTER TABLE delegations DROP COLUMN created_by_kind;
ALTER TABLE delegations DROP COLUMN origin;
