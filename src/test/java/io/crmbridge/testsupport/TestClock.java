package io.crmbridge.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

/**
 * The application's {@link Clock} in tests (it replaces the system clock bean): the system clock until a test
 * {@link #freeze()}s it, then an instant that moves only when the test {@link #advance(Duration) advances} it, so a
 * test about token lifetimes counts them in steps it chose rather than in whatever the machine's speed makes of
 * them. {@link #release()} goes back to the system clock.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Instant frozen;

    public synchronized void freeze() {
        frozen = Clock.systemUTC().instant();
    }

    public synchronized void advance(Duration step) {
        if (frozen == null) {
            throw new IllegalStateException("advance a frozen clock only");
        }
        frozen = frozen.plus(step);
    }

    public synchronized void release() {
        frozen = null;
    }

    @Override
    public Instant instant() {
        Instant at = frozen;
        return at != null ? at : Clock.systemUTC().instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
