package io.crmbridge.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class RateGateTest {

    @Test
    void allowsTheBurstThenAsksToWait() {
        RateGate gate = new RateGate(3, Duration.ofSeconds(10), Clock.systemUTC());
        assertThat(gate.tryAcquire()).isZero();
        assertThat(gate.tryAcquire()).isZero();
        assertThat(gate.tryAcquire()).isZero();
        long wait = gate.tryAcquire();
        assertThat(wait).as("about a third of the period for the next permit")
                .isBetween(Duration.ofSeconds(2).toNanos(), Duration.ofSeconds(4).toNanos());
    }

    @Test
    void a429PausesTheWholeConnectionForRetryAfter() {
        RateGate gate = new RateGate(100, Duration.ofSeconds(10), Clock.systemUTC());
        gate.pause(Duration.ofSeconds(7));
        assertThat(gate.tryAcquire()).isBetween(Duration.ofSeconds(6).toNanos(), Duration.ofSeconds(7).toNanos());
    }

    @Test
    void aShorterLaterPauseDoesNotShortenALongerOne() {
        RateGate gate = new RateGate(100, Duration.ofSeconds(10), Clock.systemUTC());
        gate.pause(Duration.ofSeconds(30));
        gate.pause(Duration.ofSeconds(1));
        assertThat(gate.tryAcquire()).isGreaterThan(Duration.ofSeconds(25).toNanos());
    }
}
