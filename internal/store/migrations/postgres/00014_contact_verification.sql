-- +goose Up
-- Verified contact data (issue 6): notifications go only to verified e-mail
-- addresses and mobile numbers. The flags are per version of the recapiti;
-- the versions already stored (registration, seed, demo) count as verified.
-- A change made on the recapiti page stores the new e-mail or mobile
-- unverified, and the worker sends it a one-time code whose hash is kept
-- here, one per person and channel, until it is used or replaced.
ALTER TABLE contacts ADD COLUMN email_verified INTEGER NOT NULL DEFAULT 1;
ALTER TABLE contacts ADD COLUMN mobile_verified INTEGER NOT NULL DEFAULT 1;

CREATE TABLE contact_codes (
    person_id  BIGINT NOT NULL REFERENCES persons (id),
    channel    TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    address    TEXT NOT NULL,
    code_hash  TEXT NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person_id, channel)
);

-- +goose Down
DROP TABLE contact_codes;
ALTER TABLE contacts DROP COLUMN mobile_verified;
ALTER TABLE contacts DROP COLUMN email_verified;
