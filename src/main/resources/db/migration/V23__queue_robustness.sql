-- The outbound queue under faults, hostile input and crashes.

-- Per-key locks as leases (io.crmbridge.ledger.KeyLeases): held by a process run and an exchange, renewed while the
-- work goes on, and expired when the holder dies. No pooled connection or session holds them.
CREATE TABLE key_lease (
    lock_key    text PRIMARY KEY,
    holder      text        NOT NULL,
    exchange_id text        NOT NULL,
    acquired_at timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);

-- A dead event's one dead_letter row keeps the CRM request as sent next to the raw event (payload).
ALTER TABLE dead_letter ADD COLUMN crm_request text;

-- Backlog metrics read the queue by status and age.
CREATE INDEX raw_event_status_updated_idx ON raw_event (status, updated_at);
