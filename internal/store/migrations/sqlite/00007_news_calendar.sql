-- +goose Up
-- News and calendar feeds (issue 4): the circolari, messaggi and notizie the
-- administrators publish, and the secret iCal feed of each person's
-- deadlines (only the SHA-256 of its token is stored).

CREATE TABLE news (
    id          INTEGER PRIMARY KEY,
    natural_key TEXT UNIQUE,            -- demo items: the seed writes each once
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,          -- Markdown
    news_date   TEXT NOT NULL,
    gestione    TEXT NOT NULL CHECK (gestione IN ('AR', 'CO', 'ALL')),
    kind        TEXT NOT NULL CHECK (kind IN ('circolare', 'messaggio', 'notizia')),
    published   INTEGER NOT NULL DEFAULT 0,
    updated_by  TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX news_published ON news (published, news_date DESC, id DESC);
CREATE INDEX news_date ON news (news_date DESC, id DESC);

CREATE TABLE calendar_feeds (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES persons (id),
    token_hash   TEXT NOT NULL UNIQUE,
    lang         TEXT NOT NULL DEFAULT 'it',
    created_at   TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at   TIMESTAMP
);
CREATE INDEX calendar_feeds_person ON calendar_feeds (person_id, id);
-- At most one feed of a person is in force.
CREATE UNIQUE INDEX calendar_feeds_active ON calendar_feeds (person_id) WHERE revoked_at IS NULL;

-- +goose Down
DROP TABLE calendar_feeds;
DROP TABLE news;
