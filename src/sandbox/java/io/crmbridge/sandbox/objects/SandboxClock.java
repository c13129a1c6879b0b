package io.crmbridge.sandbox.objects;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The sandbox CRM's own clock: the system clock plus an offset that tests change at run time to simulate a CRM
 * whose clock is ahead of or behind ours.
 */
@ApplicationScoped
public class SandboxClock {

    private final Clock base;
    private final AtomicLong offsetMillis = new AtomicLong();

    public SandboxClock() {
        this(Clock.systemUTC());
    }

    public SandboxClock(Clock base) {
        this.base = base;
    }

    /** Now on the CRM's clock, to the millisecond. */
    public Instant now() {
        return Timestamps.truncate(base.instant().plusMillis(offsetMillis.get()));
    }

    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    public void setOffset(Duration offset) {
        offsetMillis.set(offset.toMillis());
    }
}
