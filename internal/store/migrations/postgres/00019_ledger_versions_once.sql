-- +goose Up
-- A position's ledger version is raised once per transaction (issue 7),
-- not once per statement: a payments import chunk inserts payments, then
-- allocations, then sanctions, and each of those statements used to write
-- a new row version of the same positions' counters. The first raise of a
-- transaction writes the row, so its xmin is the transaction's own id;
-- later raises in the same transaction find it and leave it. Readers see
-- nothing of the transaction before it commits, so one raise per
-- transaction tells them everything changed. A raise inside a
-- subtransaction writes a row whose xmin is the subtransaction's id: the
-- next raise then raises again, which is harmless.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION ledger_versions_raise(ids BIGINT[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO ledger_versions AS v (position_id, version)
    SELECT DISTINCT id, 1 FROM unnest(ids) AS id WHERE id IS NOT NULL ORDER BY 1
    ON CONFLICT (position_id) DO UPDATE SET version = v.version + 1
    WHERE v.xmin <> pg_current_xact_id()::xid
$$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION ledger_versions_raise(ids BIGINT[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO ledger_versions AS v (position_id, version)
    SELECT DISTINCT id, 1 FROM unnest(ids) AS id WHERE id IS NOT NULL ORDER BY 1
    ON CONFLICT (position_id) DO UPDATE SET version = v.version + 1
$$;
-- +goose StatementEnd
