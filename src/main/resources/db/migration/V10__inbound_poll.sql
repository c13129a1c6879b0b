-- Inbound polling: what the cursor row counts, and what an origin stamp needs to recognise our own echo.

-- Totals per connection object, added page by page in the same statement that advances the cursor.
ALTER TABLE sync_cursor ADD COLUMN last_page_at       timestamptz;
ALTER TABLE sync_cursor ADD COLUMN records_polled     bigint NOT NULL DEFAULT 0;
ALTER TABLE sync_cursor ADD COLUMN records_delivered  bigint NOT NULL DEFAULT 0;
ALTER TABLE sync_cursor ADD COLUMN duplicates_skipped bigint NOT NULL DEFAULT 0;
ALTER TABLE sync_cursor ADD COLUMN loops_suppressed   bigint NOT NULL DEFAULT 0;

-- The property names the outbound side wrote (the fingerprint covers exactly these), and the CRM's modification
-- time its write produced, when it knows it: an edit after that time is a human's, whatever it changed.
ALTER TABLE origin_stamp ADD COLUMN properties      jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE origin_stamp ADD COLUMN crm_modified_at timestamptz;

-- Each outbox row names the ledger entry written in the same statement.
ALTER TABLE intake_outbox ADD COLUMN ledger_key text;
CREATE INDEX intake_outbox_record_idx ON intake_outbox (connection, object, record_id);
CREATE INDEX intake_outbox_undelivered_idx ON intake_outbox (id) WHERE delivered_at IS NULL;
