-- crm-bridge storage (docs/architecture.md, "Stores and tables"). One migration per change; never edit a released one's SQL.

-- Pushed events as received: the durable queue and the evidence. The body is kept byte for byte,
-- including malformed JSON from an authenticated source.
CREATE TABLE raw_event (
    event_id        uuid PRIMARY KEY,
    source          text        NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    content_type    text,
    headers         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    body            bytea       NOT NULL,
    status          text        NOT NULL DEFAULT 'QUEUED'
                    CHECK (status IN ('QUEUED', 'PROCESSING', 'DONE', 'REVIEW', 'DEAD', 'SKIPPED', 'WAITING')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX raw_event_queue_idx ON raw_event (next_attempt_at) WHERE status = 'QUEUED';

-- Append-only record of effects that have happened. The primary key makes a second insert of the
-- same key a no-op (INSERT ... ON CONFLICT DO NOTHING), unlike Camel's stock table.
CREATE TABLE ledger (
    ledger_key   text PRIMARY KEY,
    scope        text        NOT NULL,
    event_id     uuid,
    processed_at timestamptz NOT NULL DEFAULT now()
);

-- Poll watermark per connection object: the highest (modification time, record id) pair processed.
CREATE TABLE sync_cursor (
    connection      text NOT NULL,
    object          text NOT NULL,
    modified_at     timestamptz,
    record_id       text,
    last_success_at timestamptz,
    last_attempt_at timestamptz,
    last_error      text,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (connection, object)
);

-- What the outbound side last wrote to a CRM record (docs/architecture.md, "Loop guard").
CREATE TABLE origin_stamp (
    connection  text NOT NULL,
    object      text NOT NULL,
    crm_id      text NOT NULL,
    fingerprint text NOT NULL,
    event_id    uuid,
    written_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (connection, object, crm_id)
);

-- Everything known about one event, from normalized payload to final status.
CREATE TABLE event_trace (
    event_id     uuid PRIMARY KEY,
    source       text,
    normalized   jsonb,
    validation   jsonb,
    decisions    jsonb       NOT NULL DEFAULT '[]'::jsonb,
    crm_ids      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    responses    jsonb       NOT NULL DEFAULT '[]'::jsonb,
    attempts     integer     NOT NULL DEFAULT 0,
    final_status text,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE dead_letter (
    id            bigserial PRIMARY KEY,
    event_id      uuid,
    route_id      text,
    endpoint      text,
    payload       text,
    headers       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    error_class   text,
    error_message text,
    attempts      integer     NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    replayed_at   timestamptz,
    replay_count  integer     NOT NULL DEFAULT 0
);

CREATE TABLE review_item (
    id          bigserial PRIMARY KEY,
    event_id    uuid,
    reason_code text        NOT NULL,
    reason      text        NOT NULL,
    payload     text,
    status      text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED', 'REPLAYED')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    resolved_at timestamptz,
    resolution  text
);
CREATE INDEX review_item_open_idx ON review_item (created_at) WHERE status = 'OPEN';

-- Token and health state per connection; the refresh token is kept where the provider rotates it.
CREATE TABLE connection_state (
    connection              text PRIMARY KEY,
    state                   text        NOT NULL DEFAULT 'ACTIVE' CHECK (state IN ('ACTIVE', 'NEEDS_REAUTH', 'PAUSED')),
    reason                  text,
    access_token_expires_at timestamptz,
    refresh_token           text,
    refresh_count           bigint      NOT NULL DEFAULT 0,
    updated_at              timestamptz NOT NULL DEFAULT now()
);

-- Inbound records handed to the intake when the sink is the table rather than HTTP.
CREATE TABLE intake_outbox (
    id           bigserial PRIMARY KEY,
    origin       text        NOT NULL,
    connection   text        NOT NULL,
    object       text        NOT NULL,
    record_id    text        NOT NULL,
    version      text        NOT NULL,
    payload      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    delivered_at timestamptz
);

-- Last run of each timer route that proves the application is alive and routes are loaded.
CREATE TABLE heartbeat (
    name        text PRIMARY KEY,
    last_run_at timestamptz NOT NULL,
    runs        bigint      NOT NULL DEFAULT 1
);
