-- +goose Up
-- Cases: the state "in attesa del contribuente" (attesa) and the columns of
-- the service-level clock: when the current wait began, the seconds of the
-- pauses before it (waits and time closed), the last message of either
-- side, and the clock's start (opening plus pauses) and stop (start of the
-- wait or closing; 0 while it runs) in Unix seconds, to sort by the clock.
ALTER TABLE cases DROP CONSTRAINT cases_state_check;
ALTER TABLE cases ADD CONSTRAINT cases_state_check CHECK (state IN ('aperta', 'in_carico', 'attesa', 'chiusa'));
ALTER TABLE cases ADD COLUMN waiting_since TIMESTAMPTZ;
ALTER TABLE cases ADD COLUMN waited_seconds BIGINT NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN last_reply_at TIMESTAMPTZ;
ALTER TABLE cases ADD COLUMN clock_start BIGINT NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN clock_stop BIGINT NOT NULL DEFAULT 0;
UPDATE cases SET
    last_reply_at = COALESCE((SELECT MAX(m.at) FROM case_messages m WHERE m.case_id = cases.id AND m.kind IN ('message', 'reply')), opened_at),
    clock_start = EXTRACT(EPOCH FROM opened_at)::BIGINT,
    clock_stop = COALESCE(EXTRACT(EPOCH FROM closed_at)::BIGINT, 0);

-- +goose Down
UPDATE cases SET state = 'in_carico' WHERE state = 'attesa';
ALTER TABLE cases DROP COLUMN clock_stop;
ALTER TABLE cases DROP COLUMN clock_start;
ALTER TABLE cases DROP COLUMN last_reply_at;
ALTER TABLE cases DROP COLUMN waited_seconds;
ALTER TABLE cases DROP COLUMN waiting_since;
ALTER TABLE cases DROP CONSTRAINT cases_state_check;
ALTER TABLE cases ADD CONSTRAINT cases_state_check CHECK (state IN ('aperta', 'in_carico', 'chiusa'));
