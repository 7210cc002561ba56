-- +goose Up
-- Notifications (issue 6): the worker turns each pending row of the events
-- outbox into in-app notifications and deliveries (one per recipient and
-- channel), then sends the deliveries with retries. Preferences say, per
-- person and event kind, which channel to use; the demo's mail catcher keeps
-- what would have been sent by SMTP.
CREATE TABLE notification_settings (
    person_id  INTEGER PRIMARY KEY REFERENCES persons (id),
    lang       TEXT NOT NULL DEFAULT 'it' CHECK (lang IN ('it', 'en')),
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE notification_preferences (
    person_id  INTEGER NOT NULL REFERENCES persons (id),
    event_kind TEXT NOT NULL,
    channel    TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'none')),
    PRIMARY KEY (person_id, event_kind)
);

CREATE TABLE notifications (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events (id),
    person_id   INTEGER NOT NULL REFERENCES persons (id),
    kind        TEXT NOT NULL,
    position_id INTEGER REFERENCES positions (id),
    payload     TEXT NOT NULL DEFAULT '{}',
    created_at  TIMESTAMP NOT NULL,
    read_at     TIMESTAMP,
    UNIQUE (event_id, person_id)
);
CREATE INDEX notifications_person ON notifications (person_id, id);
CREATE INDEX notifications_unread ON notifications (person_id, position_id) WHERE read_at IS NULL;

CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY,
    event_id        INTEGER NOT NULL REFERENCES events (id),
    person_id       INTEGER NOT NULL REFERENCES persons (id),
    channel         TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    address         TEXT NOT NULL,
    subject         TEXT NOT NULL DEFAULT '',
    body_text       TEXT NOT NULL,
    body_html       TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    lease_until     TIMESTAMP,
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL,
    sent_at         TIMESTAMP,
    UNIQUE (event_id, person_id, channel)
);
CREATE INDEX deliveries_due ON deliveries (id, next_attempt_at) WHERE status IN ('pending', 'failed');
CREATE INDEX deliveries_trouble ON deliveries (status, id) WHERE status IN ('failed', 'dead');

CREATE TABLE caught_mail (
    id          INTEGER PRIMARY KEY,
    message_id  TEXT NOT NULL,
    sender      TEXT NOT NULL,
    recipient   TEXT NOT NULL,
    subject     TEXT NOT NULL,
    body_text   TEXT NOT NULL,
    body_html   TEXT NOT NULL DEFAULT '',
    caught_at   TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE caught_mail;
DROP TABLE deliveries;
DROP TABLE notifications;
DROP TABLE notification_preferences;
DROP TABLE notification_settings;
