package io.crmbridge.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RateBudgetTest {

    static RateBudget of(int requests, Duration period, Integer leaseSize, Duration validity) {
        return RateBudget.of(new RateLimitReplicaProcess.Limit(requests, period, Optional.ofNullable(leaseSize),
                Optional.ofNullable(validity)));
    }

    /** The most a bucket grants to usage within one period: capacity + rate x (period + validity). */
    static double worstWindow(RateBudget budget, Duration period) {
        return budget.capacity() + budget.perSecond() * (period.toNanos() + budget.leaseValidity().toNanos()) / 1e9;
    }

    @Test
    void hubspotDefaultsLeaseFiveForOneSecondAndKeepEveryWindowWithinTheLimit() {
        RateBudget budget = of(100, Duration.ofSeconds(10), null, null);
        assertThat(budget.leaseSize()).isEqualTo(5);
        assertThat(budget.leaseValidity()).isEqualTo(Duration.ofSeconds(1));
        assertThat(budget.perSecond()).isCloseTo(95.0 / 11, within(1e-9));
        assertThat(worstWindow(budget, Duration.ofSeconds(10))).isCloseTo(100, within(1e-9));
    }

    @Test
    void aLeaseIsNeverMoreThanHalfTheLimit() {
        RateBudget budget = of(10, Duration.ofSeconds(1), 50, Duration.ofMillis(100));
        assertThat(budget.leaseSize()).isEqualTo(5);
        assertThat(worstWindow(budget, Duration.ofSeconds(1))).isCloseTo(10, within(1e-9));
    }

    @Test
    void smallLimitsStillLeaseOne() {
        RateBudget budget = of(3, Duration.ofSeconds(1), null, null);
        assertThat(budget.leaseSize()).isEqualTo(1);
        assertThat(worstWindow(budget, Duration.ofSeconds(1))).isLessThanOrEqualTo(3.0 + 1e-9);
    }
}
