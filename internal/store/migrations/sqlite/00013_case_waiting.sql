-- +goose Up
-- Cases: the state "in attesa del contribuente" (attesa) and the columns of
-- the service-level clock. SQLite cannot change a CHECK constraint, so the
-- three case tables are rebuilt inside this transaction: each new table is
-- filled, the old ones are dropped children first (no foreign key is ever
-- left dangling, foreign keys stay on) and the new ones take the old names,
-- which also rewrites the references between them. Indexes are recreated.
-- Times are stored as Go writes them in UTC ("2026-03-02 09:00:00 +0000 UTC"):
-- their first 19 characters are what strftime reads.
CREATE TABLE cases_new (
    id              INTEGER PRIMARY KEY,
    protocol        TEXT NOT NULL UNIQUE,
    position_id     INTEGER NOT NULL REFERENCES positions (id),
    office_code     TEXT NOT NULL REFERENCES offices (code),
    kind            TEXT NOT NULL DEFAULT 'richiesta',
    payload         TEXT NOT NULL DEFAULT '{}',
    topic_code      TEXT NOT NULL REFERENCES case_topics (code),
    subtopic_code   TEXT REFERENCES case_topics (code),
    subject         TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('aperta', 'in_carico', 'attesa', 'chiusa')),
    assignee_id     INTEGER REFERENCES staff (id),
    esito           TEXT NOT NULL DEFAULT '',
    opened_by_kind  TEXT NOT NULL,
    opened_by_id    INTEGER NOT NULL,
    opened_by_label TEXT NOT NULL,
    opened_at       TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    closed_at       TIMESTAMP,
    waiting_since   TIMESTAMP,
    waited_seconds  INTEGER NOT NULL DEFAULT 0,
    last_reply_at   TIMESTAMP,
    clock_start     INTEGER NOT NULL DEFAULT 0,
    clock_stop      INTEGER NOT NULL DEFAULT 0
);
INSERT INTO cases_new (id, protocol, position_id, office_code, kind, payload, topic_code, subtopic_code, subject,
    state, assignee_id, esito, opened_by_kind, opened_by_id, opened_by_label, opened_at, updated_at, closed_at,
    last_reply_at, clock_start, clock_stop)
SELECT id, protocol, position_id, office_code, kind, payload, topic_code, subtopic_code, subject,
    state, assignee_id, esito, opened_by_kind, opened_by_id, opened_by_label, opened_at, updated_at, closed_at,
    COALESCE((SELECT MAX(m.at) FROM case_messages m WHERE m.case_id = cases.id AND m.kind IN ('message', 'reply')), opened_at),
    CAST(strftime('%s', substr(opened_at, 1, 19)) AS INTEGER),
    CASE WHEN closed_at IS NULL THEN 0 ELSE CAST(strftime('%s', substr(closed_at, 1, 19)) AS INTEGER) END
FROM cases;

CREATE TABLE case_messages_new (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases_new (id),
    at           TIMESTAMP NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('message', 'reply', 'note', 'change')),
    author_kind  TEXT NOT NULL,
    author_id    INTEGER NOT NULL,
    author_label TEXT NOT NULL,
    body         TEXT NOT NULL,
    from_state   TEXT NOT NULL DEFAULT '',
    to_state     TEXT NOT NULL DEFAULT '',
    action       TEXT NOT NULL DEFAULT '',
    esito        TEXT NOT NULL DEFAULT ''
);
INSERT INTO case_messages_new SELECT id, case_id, at, kind, author_kind, author_id, author_label, body,
    from_state, to_state, action, esito FROM case_messages;

CREATE TABLE case_attachments_new (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases_new (id),
    message_id INTEGER NOT NULL REFERENCES case_messages_new (id),
    name       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    size       INTEGER NOT NULL
);
INSERT INTO case_attachments_new SELECT id, case_id, message_id, name, sha256, size FROM case_attachments;

DROP TABLE case_attachments;
DROP TABLE case_messages;
DROP TABLE cases;
ALTER TABLE cases_new RENAME TO cases;
ALTER TABLE case_messages_new RENAME TO case_messages;
ALTER TABLE case_attachments_new RENAME TO case_attachments;
CREATE INDEX cases_position ON cases (position_id, updated_at);
CREATE INDEX cases_office ON cases (office_code, state, opened_at);
CREATE INDEX case_messages_case ON case_messages (case_id, id);
CREATE INDEX case_attachments_message ON case_attachments (message_id);

-- +goose Down
-- Back to three states: a case in attesa is in charge again.
CREATE TABLE cases_old (
    id              INTEGER PRIMARY KEY,
    protocol        TEXT NOT NULL UNIQUE,
    position_id     INTEGER NOT NULL REFERENCES positions (id),
    office_code     TEXT NOT NULL REFERENCES offices (code),
    kind            TEXT NOT NULL DEFAULT 'richiesta',
    payload         TEXT NOT NULL DEFAULT '{}',
    topic_code      TEXT NOT NULL REFERENCES case_topics (code),
    subtopic_code   TEXT REFERENCES case_topics (code),
    subject         TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('aperta', 'in_carico', 'chiusa')),
    assignee_id     INTEGER REFERENCES staff (id),
    esito           TEXT NOT NULL DEFAULT '',
    opened_by_kind  TEXT NOT NULL,
    opened_by_id    INTEGER NOT NULL,
    opened_by_label TEXT NOT NULL,
    opened_at       TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    closed_at       TIMESTAMP
);
INSERT INTO cases_old SELECT id, protocol, position_id, office_code, kind, payload, topic_code, subtopic_code, subject,
    CASE state WHEN 'attesa' THEN 'in_carico' ELSE state END, assignee_id, esito, opened_by_kind, opened_by_id,
    opened_by_label, opened_at, updated_at, closed_at FROM cases;
CREATE TABLE case_messages_old (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases_old (id),
    at           TIMESTAMP NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('message', 'reply', 'note', 'change')),
    author_kind  TEXT NOT NULL,
    author_id    INTEGER NOT NULL,
    author_label TEXT NOT NULL,
    body         TEXT NOT NULL,
    from_state   TEXT NOT NULL DEFAULT '',
    to_state     TEXT NOT NULL DEFAULT '',
    action       TEXT NOT NULL DEFAULT '',
    esito        TEXT NOT NULL DEFAULT ''
);
INSERT INTO case_messages_old SELECT * FROM case_messages;
CREATE TABLE case_attachments_old (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases_old (id),
    message_id INTEGER NOT NULL REFERENCES case_messages_old (id),
    name       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    size       INTEGER NOT NULL
);
INSERT INTO case_attachments_old SELECT * FROM case_attachments;
DROP TABLE case_attachments;
DROP TABLE case_messages;
DROP TABLE cases;
ALTER TABLE cases_old RENAME TO cases;
ALTER TABLE case_messages_old RENAME TO case_messages;
ALTER TABLE case_attachments_old RENAME TO case_attachments;
CREATE INDEX cases_position ON cases (position_id, updated_at);
CREATE INDEX cases_office ON cases (office_code, state, opened_at);
CREATE INDEX case_messages_case ON case_messages (case_id, id);
CREATE INDEX case_attachments_message ON case_attachments (message_id);
