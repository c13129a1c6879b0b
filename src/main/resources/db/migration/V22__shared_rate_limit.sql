-- A rate limit shared by every replica: one token bucket per connection, in one row. Replicas lease
-- blocks of permits from it with rate_limit_lease (one round trip per block, not per request); a 429 or an exhausted
-- window pauses the whole connection for all of them (rate_limit_pause). Time is the database's clock, so replicas'
-- clocks do not matter.
CREATE TABLE rate_limit_bucket (
    connection   text PRIMARY KEY,
    tokens       double precision NOT NULL,
    refilled_at  timestamptz      NOT NULL,
    paused_until timestamptz      NOT NULL DEFAULT '-infinity'
);

-- Grants up to p_wanted permits, or at least p_at_least of them (none while fewer are there or while paused) and,
-- when none, how many milliseconds to wait for p_at_least. Not handing out crumbs keeps round trips few when replicas
-- together use the whole limit. The row lock serializes replicas; it is held for this statement only.
CREATE FUNCTION rate_limit_lease(p_connection text, p_wanted integer, p_at_least integer, p_capacity double precision,
                                 p_per_second double precision)
    RETURNS TABLE (granted integer, wait_ms bigint)
    LANGUAGE plpgsql AS
$$
DECLARE
    bucket    rate_limit_bucket%ROWTYPE;
    at        timestamptz;
    available double precision;
BEGIN
    INSERT INTO rate_limit_bucket (connection, tokens, refilled_at) VALUES (p_connection, p_capacity, clock_timestamp())
    ON CONFLICT (connection) DO NOTHING;
    SELECT * INTO bucket FROM rate_limit_bucket b WHERE b.connection = p_connection FOR UPDATE;
    at := clock_timestamp();
    IF bucket.paused_until > at THEN
        granted := 0;
        wait_ms := ceil(extract(EPOCH FROM bucket.paused_until - at) * 1000);
        RETURN NEXT;
        RETURN;
    END IF;
    available := least(p_capacity, bucket.tokens + greatest(0, extract(EPOCH FROM at - bucket.refilled_at)) * p_per_second);
    granted := least(p_wanted, floor(available))::integer;
    IF granted < greatest(1, p_at_least) THEN
        granted := 0;
        wait_ms := greatest(1, ceil((greatest(1, p_at_least) - available) / p_per_second * 1000));
    ELSE
        wait_ms := 0;
    END IF;
    UPDATE rate_limit_bucket b SET tokens = available - granted, refilled_at = at WHERE b.connection = p_connection;
    RETURN NEXT;
END
$$;

-- Nobody on the connection gets a permit for p_millis (a 429's Retry-After, or the rest of an exhausted window).
CREATE FUNCTION rate_limit_pause(p_connection text, p_millis bigint)
    RETURNS void
    LANGUAGE sql AS
$$
INSERT INTO rate_limit_bucket AS b (connection, tokens, refilled_at, paused_until)
VALUES (p_connection, 0, clock_timestamp(), clock_timestamp() + p_millis * interval '1 millisecond')
ON CONFLICT (connection) DO UPDATE SET tokens = 0, refilled_at = clock_timestamp(),
    paused_until = greatest(b.paused_until, EXCLUDED.paused_until);
$$;
