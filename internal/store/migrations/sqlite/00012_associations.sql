-- +goose Up
-- Associations (deleghe indirette, issue 5 item 2): an intermediary of kind
-- 'associazione' registers delegations for its members' positions (origin
-- 'association', with the signed mandate), has staff, and assigns its
-- delegations to them. A staff member acts under an assigned delegation
-- while neither his membership nor the assignment is removed. Rows are
-- never deleted: removed_at ends them, so the history stays.
CREATE TABLE association_staff (
    id             INTEGER PRIMARY KEY,
    association_id INTEGER NOT NULL REFERENCES intermediaries (person_id),
    person_id      INTEGER NOT NULL REFERENCES persons (id),
    added_at       TIMESTAMP NOT NULL,
    added_by       INTEGER NOT NULL REFERENCES persons (id),
    removed_at     TIMESTAMP
);
-- One current membership per person and association.
CREATE UNIQUE INDEX association_staff_current ON association_staff (association_id, person_id)
    WHERE removed_at IS NULL;
CREATE INDEX association_staff_person ON association_staff (person_id, removed_at);

CREATE TABLE association_assignments (
    id            INTEGER PRIMARY KEY,
    delegation_id INTEGER NOT NULL REFERENCES delegations (id),
    staff_id      INTEGER NOT NULL REFERENCES association_staff (id),
    assigned_at   TIMESTAMP NOT NULL,
    removed_at    TIMESTAMP
);
-- One current assignment per delegation and staff membership.
CREATE UNIQUE INDEX association_assignments_current ON association_assignments (delegation_id, staff_id)
    WHERE removed_at IS NULL;
CREATE INDEX association_assignments_staff ON association_assignments (staff_id, removed_at);

-- +goose Down
DROP TABLE association_assignments;
DROP TABLE association_staff;
