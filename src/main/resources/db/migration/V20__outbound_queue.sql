-- Outbound event pipeline: the raw_event queue's lease, the outcome statuses, the effect journal and the
-- per-source signature watch.

-- Which connection an event will write to (paused connections' events are not claimed), the lease of a claim (a
-- killed worker's events return to the queue when it runs out), and the last error seen.
ALTER TABLE raw_event ADD COLUMN connection    text;
ALTER TABLE raw_event ADD COLUMN claimed_until timestamptz;
ALTER TABLE raw_event ADD COLUMN claimed_by    text;
ALTER TABLE raw_event ADD COLUMN last_error    text;
ALTER TABLE raw_event DROP CONSTRAINT raw_event_status_check;
ALTER TABLE raw_event ADD CONSTRAINT raw_event_status_check CHECK (status IN
    ('QUEUED', 'PROCESSING', 'DONE', 'REVIEW', 'DEAD', 'SKIPPED', 'WAITING', 'DUPLICATE', 'REJECTED'));
DROP INDEX raw_event_queue_idx;
CREATE INDEX raw_event_queue_idx ON raw_event (next_attempt_at) WHERE status IN ('QUEUED', 'WAITING');
CREATE INDEX raw_event_lease_idx ON raw_event (claimed_until) WHERE status = 'PROCESSING';

-- What each idempotent effect of an event produced: a replay finds the deal, note or task it already created.
CREATE TABLE effect_result (
    effect_key  text PRIMARY KEY,
    crm_object  text        NOT NULL,
    crm_id      text        NOT NULL,
    event_id    uuid,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Signature checks per source: the current run of failures, so a sender that never signs raises an alert.
CREATE TABLE webhook_auth_watch (
    source           text PRIMARY KEY,
    failing_since    timestamptz,
    failures         bigint      NOT NULL DEFAULT 0,
    last_failure_at  timestamptz,
    last_reason      text,
    last_success_at  timestamptz
);

-- A dead letter whose event later completed (the queue retried it) says so.
ALTER TABLE dead_letter ADD COLUMN resolution text;
