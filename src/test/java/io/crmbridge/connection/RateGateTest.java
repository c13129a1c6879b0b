package io.crmbridge.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * The gate's leasing, against a permit source that hands out what it is asked for and records it, on a clock that
 * moves only when a test moves it.
 */
class RateGateTest {

    static final class CountingSource implements RateGate.PermitSource {
        final List<Integer> asked = new ArrayList<>();
        int available = Integer.MAX_VALUE;
        Duration paused = Duration.ZERO;

        @Override
        public RateGate.Lease lease(int wanted) {
            asked.add(wanted);
            int granted = Math.min(wanted, available);
            available -= granted;
            return new RateGate.Lease(granted, granted == 0 ? Duration.ofSeconds(3) : Duration.ZERO);
        }

        @Override
        public void pause(Duration duration) {
            paused = duration;
        }
    }

    final CountingSource source = new CountingSource();
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private RateGate gate(int maxLease, Duration leaseValidity) {
        return new RateGate(source, maxLease, leaseValidity, nanos::get);
    }

    @Test
    void leasesGrowWhileTheyRunOutSoABusyReplicaAsksRarely() {
        RateGate gate = gate(64, Duration.ofHours(1));
        for (int i = 0; i < 1000; i++) {
            assertThat(gate.tryAcquire()).isZero();
        }
        assertThat(source.asked).startsWith(1, 2, 4, 8, 16, 32, 64);
        assertThat(source.asked).as("about 1000 / 64 round trips, not 1000").hasSizeLessThan(25);
    }

    @Test
    void anExpiredLeaseIsDroppedAndTheNextIsSizedToWhatWasUsed() {
        RateGate gate = gate(64, Duration.ZERO);
        for (int i = 0; i < 5; i++) {
            assertThat(gate.tryAcquire()).isZero();
        }
        // Leases expire at once: a used-up lease doubles the next, one expiring with a permit left cuts it back to 1.
        assertThat(source.asked).containsExactly(1, 2, 1, 2, 1);
    }

    @Test
    void anEmptyBucketSaysHowLongToWait() {
        source.available = 3;
        RateGate gate = gate(64, Duration.ofHours(1));
        assertThat(gate.tryAcquire()).isZero();
        assertThat(gate.tryAcquire()).isZero();
        assertThat(gate.tryAcquire()).isZero();
        assertThat(gate.tryAcquire()).isEqualTo(Duration.ofSeconds(3).toNanos());
        int asked = source.asked.size();
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(gate.tryAcquire()).as("another caller waits too, for what is left")
                .isEqualTo(Duration.ofMillis(2_500).toNanos());
        assertThat(source.asked).as("without asking the shared bucket again").hasSize(asked);
    }

    @Test
    void a429PausesTheWholeConnectionForRetryAfterHereAndInTheSharedSource() {
        RateGate gate = gate(64, Duration.ofHours(1));
        assertThat(gate.tryAcquire()).isZero();
        gate.pause(Duration.ofSeconds(7));
        assertThat(source.paused).isEqualTo(Duration.ofSeconds(7));
        assertThat(gate.tryAcquire()).as("leased permits are dropped too").isEqualTo(Duration.ofSeconds(7).toNanos());
        nanos.addAndGet(Duration.ofSeconds(7).toNanos());
        assertThat(gate.tryAcquire()).as("and the pause ends when it said").isZero();
    }

    @Test
    void aShorterLaterPauseDoesNotShortenALongerOne() {
        RateGate gate = gate(64, Duration.ofHours(1));
        gate.pause(Duration.ofSeconds(30));
        gate.pause(Duration.ofSeconds(1));
        assertThat(gate.tryAcquire()).isEqualTo(Duration.ofSeconds(30).toNanos());
    }
}
