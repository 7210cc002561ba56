-- +goose Up
-- Personal access tokens of the JSON API (issue 5): only the SHA-256 of a
-- token is stored, so it is shown once, when created.
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES persons (id),
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    scope        TEXT NOT NULL CHECK (scope IN ('read', 'write')),
    expires_on   TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at   TIMESTAMP
);
CREATE INDEX api_tokens_person ON api_tokens (person_id, id);

-- +goose Down
DROP TABLE api_tokens;
