-- Operator alerts (docs/architecture.md, "Operations"): one row per raised alert, de-duplicated per kind and subject while open.
CREATE TABLE operator_alert (
    id          bigserial PRIMARY KEY,
    code        text        NOT NULL,
    subject     text        NOT NULL,
    message     text        NOT NULL,
    raised_at   timestamptz NOT NULL DEFAULT now(),
    cleared_at  timestamptz
);
-- At most one open alert per code and subject: raising it again while open is a no-op.
CREATE UNIQUE INDEX operator_alert_open_idx ON operator_alert (code, subject) WHERE cleared_at IS NULL;
