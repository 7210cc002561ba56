-- +goose Up
-- Registry, identities, sessions, delegations and the audit log (issue 2).
CREATE TABLE offices (
    code          TEXT PRIMARY KEY CHECK (length(code) = 4),
    name          TEXT NOT NULL,
    address       TEXT NOT NULL DEFAULT '',
    city          TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    opening_hours TEXT NOT NULL DEFAULT ''
);

CREATE TABLE persons (
    id              INTEGER PRIMARY KEY,
    codice_fiscale  TEXT NOT NULL UNIQUE,
    given_name      TEXT NOT NULL,
    family_name     TEXT NOT NULL,
    sex             TEXT NOT NULL CHECK (sex IN ('M', 'F')),
    birth_date      TEXT NOT NULL,
    birthplace_code TEXT NOT NULL,
    created_at      TIMESTAMP NOT NULL
);

CREATE TABLE positions (
    id                   INTEGER PRIMARY KEY,
    number               TEXT NOT NULL UNIQUE CHECK (length(number) = 8),
    gestione             TEXT NOT NULL,
    titolare_id          INTEGER NOT NULL REFERENCES persons (id),
    office_code          TEXT NOT NULL REFERENCES offices (code),
    activity_start       TEXT NOT NULL,
    activity_end         TEXT,
    status               TEXT NOT NULL,
    activity_description TEXT NOT NULL DEFAULT '',
    ateco_code           TEXT NOT NULL DEFAULT '',
    reduction            TEXT NOT NULL DEFAULT 'none',
    post1996             INTEGER NOT NULL DEFAULT 0,
    created_at           TIMESTAMP NOT NULL
);
CREATE INDEX positions_titolare ON positions (titolare_id);
CREATE INDEX positions_office ON positions (office_code, id);

CREATE TABLE members (
    id           INTEGER PRIMARY KEY,
    position_id  INTEGER NOT NULL REFERENCES positions (id),
    person_id    INTEGER NOT NULL REFERENCES persons (id),
    subject_code INTEGER NOT NULL CHECK (subject_code BETWEEN 11 AND 19),
    kind         TEXT NOT NULL,
    relation     TEXT NOT NULL,
    valid_from   TEXT NOT NULL,
    valid_to     TEXT,
    UNIQUE (position_id, subject_code)
);
CREATE INDEX members_person ON members (person_id);

CREATE TABLE contacts (
    id            INTEGER PRIMARY KEY,
    person_id     INTEGER NOT NULL REFERENCES persons (id),
    email         TEXT NOT NULL DEFAULT '',
    pec           TEXT NOT NULL DEFAULT '',
    mobile        TEXT NOT NULL DEFAULT '',
    street        TEXT NOT NULL DEFAULT '',
    postal_code   TEXT NOT NULL DEFAULT '',
    city          TEXT NOT NULL DEFAULT '',
    province      TEXT NOT NULL DEFAULT '',
    changed_by    TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMP NOT NULL
);
CREATE INDEX contacts_person ON contacts (person_id, id);

CREATE TABLE intermediaries (
    person_id           INTEGER PRIMARY KEY REFERENCES persons (id),
    kind                TEXT NOT NULL,
    registration_number TEXT NOT NULL DEFAULT '',
    firm                TEXT NOT NULL DEFAULT ''
);

CREATE TABLE delegations (
    id              INTEGER PRIMARY KEY,
    position_id     INTEGER NOT NULL REFERENCES positions (id),
    intermediary_id INTEGER NOT NULL REFERENCES persons (id),
    scope           TEXT NOT NULL,
    status          TEXT NOT NULL,
    valid_from      TEXT NOT NULL,
    valid_to        TEXT,
    created_at      TIMESTAMP NOT NULL,
    ended_at        TIMESTAMP
);
CREATE INDEX delegations_intermediary ON delegations (intermediary_id, status);
CREATE INDEX delegations_position ON delegations (position_id);

CREATE TABLE staff (
    id              INTEGER PRIMARY KEY,
    username        TEXT NOT NULL UNIQUE,
    codice_fiscale  TEXT UNIQUE,
    display_name    TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('operator', 'admin')),
    office_code     TEXT REFERENCES offices (code),
    password_hash   TEXT NOT NULL DEFAULT '',
    totp_secret     TEXT NOT NULL DEFAULT '',
    totp_last_step  INTEGER NOT NULL DEFAULT 0,
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP,
    active          INTEGER NOT NULL DEFAULT 1,
    created_at      TIMESTAMP NOT NULL
);

CREATE TABLE sessions (
    token_hash    TEXT PRIMARY KEY,
    person_id     INTEGER REFERENCES persons (id),
    staff_id      INTEGER REFERENCES staff (id),
    data          TEXT NOT NULL DEFAULT '{}',
    created_at    TIMESTAMP NOT NULL,
    last_seen_at  TIMESTAMP NOT NULL,
    expires_at    TIMESTAMP NOT NULL,
    ip            TEXT NOT NULL DEFAULT '',
    user_agent    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_person ON sessions (person_id);
CREATE INDEX sessions_staff ON sessions (staff_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY,
    at            TIMESTAMP NOT NULL,
    actor_kind    TEXT NOT NULL,
    actor_id      INTEGER NOT NULL,
    actor_label   TEXT NOT NULL,
    acting_as     TEXT NOT NULL,
    position_id   INTEGER REFERENCES positions (id),
    action        TEXT NOT NULL,
    detail        TEXT NOT NULL DEFAULT '',
    ip            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_position ON audit_log (position_id, id);
CREATE INDEX audit_actor ON audit_log (actor_kind, actor_id, id);
CREATE INDEX audit_at ON audit_log (at);

-- The audit log is append-only.
-- +goose StatementBegin
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
-- +goose StatementEnd

CREATE TABLE seed_runs (
    name       TEXT PRIMARY KEY,
    done_at    TIMESTAMP NOT NULL,
    detail     TEXT NOT NULL DEFAULT ''
);

-- +goose Down
DROP TABLE seed_runs;
DROP TABLE audit_log;
DROP TABLE sessions;
DROP TABLE staff;
DROP TABLE delegations;
DROP TABLE intermediaries;
DROP TABLE contacts;
DROP TABLE members;
DROP TABLE positions;
DROP TABLE persons;
DROP TABLE offices;
