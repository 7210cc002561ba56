-- +goose Up
-- The ledger (issue 3): dues, payments, allocations, incomes, notices,
-- documents and the event outbox. Money is in integer cents. Rows are
-- append-only but for the markers noted; every batch writes with a unique
-- natural key so that running it again adds nothing.

CREATE TABLE dues (
    id                  INTEGER PRIMARY KEY,
    natural_key         TEXT NOT NULL UNIQUE,
    position_id         INTEGER NOT NULL REFERENCES positions (id),
    person_id           INTEGER NOT NULL REFERENCES persons (id),
    subject_code        INTEGER NOT NULL,
    year                INTEGER NOT NULL,
    kind                TEXT NOT NULL,
    causale             TEXT NOT NULL,
    period_from         TEXT NOT NULL,
    period_to           TEXT NOT NULL,
    due_date            TEXT NOT NULL,
    amount              INTEGER NOT NULL,
    maternity           INTEGER NOT NULL DEFAULT 0,
    codeline            TEXT NOT NULL DEFAULT '',
    parent_id           INTEGER REFERENCES dues (id),
    reason              TEXT NOT NULL DEFAULT '',
    settlement_eligible INTEGER NOT NULL DEFAULT 0,
    created_at          TIMESTAMP NOT NULL
);
CREATE INDEX dues_position ON dues (position_id, year);
CREATE INDEX dues_person ON dues (person_id, year, kind);
CREATE INDEX dues_codeline ON dues (codeline) WHERE codeline <> '';
CREATE INDEX dues_parent ON dues (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX dues_due_date ON dues (due_date, kind);

CREATE TABLE payments (
    id            INTEGER PRIMARY KEY,
    line_key      TEXT NOT NULL UNIQUE,
    paid_on       TEXT NOT NULL,
    codice_fiscale TEXT NOT NULL,
    person_id     INTEGER REFERENCES persons (id),
    position_id   INTEGER REFERENCES positions (id),
    codice_sede   TEXT NOT NULL,
    causale       TEXT NOT NULL,
    codice_inps   TEXT NOT NULL,
    period_from   TEXT NOT NULL,
    period_to     TEXT NOT NULL,
    debit         INTEGER NOT NULL,
    credit        INTEGER NOT NULL,
    source        TEXT NOT NULL DEFAULT '',
    source_line   INTEGER NOT NULL DEFAULT 0,
    reconciled_at TIMESTAMP,
    created_at    TIMESTAMP NOT NULL
);
CREATE INDEX payments_position ON payments (position_id, paid_on);
CREATE INDEX payments_person ON payments (person_id, causale);
CREATE INDEX payments_unreconciled ON payments (id) WHERE reconciled_at IS NULL;

CREATE TABLE allocations (
    id         INTEGER PRIMARY KEY,
    payment_id INTEGER NOT NULL REFERENCES payments (id),
    due_id     INTEGER NOT NULL REFERENCES dues (id),
    amount     INTEGER NOT NULL CHECK (amount > 0),
    method     TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (payment_id, due_id)
);
CREATE INDEX allocations_due ON allocations (due_id);

CREATE TABLE incomes (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES persons (id),
    year        INTEGER NOT NULL,
    income      INTEGER NOT NULL,
    forfettario INTEGER NOT NULL DEFAULT 0,
    source      TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL,
    UNIQUE (person_id, year)
);

CREATE TABLE notices (
    id          INTEGER PRIMARY KEY,
    natural_key TEXT NOT NULL UNIQUE,
    position_id INTEGER NOT NULL REFERENCES positions (id),
    kind        TEXT NOT NULL,
    number      TEXT NOT NULL UNIQUE,
    issued_on   TEXT NOT NULL,
    deadline    TEXT NOT NULL,
    capital     INTEGER NOT NULL,
    sanctions   INTEGER NOT NULL,
    interest    INTEGER NOT NULL DEFAULT 0,
    parent_id   INTEGER REFERENCES notices (id),
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX notices_position ON notices (position_id, issued_on);

CREATE TABLE notice_items (
    notice_id INTEGER NOT NULL REFERENCES notices (id),
    due_id    INTEGER NOT NULL REFERENCES dues (id),
    capital   INTEGER NOT NULL,
    sanction  INTEGER NOT NULL,
    PRIMARY KEY (notice_id, due_id)
);
CREATE INDEX notice_items_due ON notice_items (due_id);

CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    natural_key TEXT NOT NULL UNIQUE,
    position_id INTEGER NOT NULL REFERENCES positions (id),
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    ref_id      INTEGER NOT NULL DEFAULT 0,
    issued_on   TEXT NOT NULL,
    read_at     TIMESTAMP,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX documents_position ON documents (position_id, issued_on);

CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    natural_key  TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    position_id  INTEGER REFERENCES positions (id),
    ref_id       INTEGER NOT NULL DEFAULT 0,
    payload      TEXT NOT NULL DEFAULT '{}',
    created_at   TIMESTAMP NOT NULL,
    processed_at TIMESTAMP
);
CREATE INDEX events_pending ON events (id) WHERE processed_at IS NULL;

-- +goose Down
DROP TABLE events;
DROP TABLE documents;
DROP TABLE notice_items;
DROP TABLE notices;
DROP TABLE incomes;
DROP TABLE allocations;
DROP TABLE payments;
DROP TABLE dues;
