-- +goose Up
-- Line keys begin with the payment date (decision 32): "2027-03-16.HASH.N"
-- instead of "HASH.N". The unique index of line keys then grows where the
-- recent payments are, instead of taking every new key at a random place of
-- the whole index. The keys already stored get their date in front, so a
-- file imported before the upgrade still adds nothing when imported again.
UPDATE payments SET line_key = to_char(paid_on, 'YYYY-MM-DD') || '.' || line_key
WHERE line_key !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}\.';

-- +goose Down
UPDATE payments SET line_key = substr(line_key, 12)
WHERE line_key ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}\.';
