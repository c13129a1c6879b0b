package io.crmbridge.sandbox.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RollingWindowTest {

    @Test
    void allowsUpToTheLimitAndCountsDownRemaining() {
        RollingWindow window = new RollingWindow(3, 10_000);
        assertThat(window.tryAcquire(0).remaining()).isEqualTo(2);
        assertThat(window.tryAcquire(1).remaining()).isEqualTo(1);
        RollingWindow.Decision third = window.tryAcquire(2);
        assertThat(third.allowed()).isTrue();
        assertThat(third.remaining()).isZero();
        assertThat(third.retryAfterMillis()).isZero();
    }

    @Test
    void deniesWhenFullAndSaysWhenTheOldestLeaves() {
        RollingWindow window = new RollingWindow(2, 10_000);
        window.tryAcquire(1_000);
        window.tryAcquire(4_000);
        RollingWindow.Decision denied = window.tryAcquire(5_000);
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.remaining()).isZero();
        assertThat(denied.maxRequests()).isEqualTo(2);
        assertThat(denied.retryAfterMillis()).isEqualTo(6_000);
    }

    @Test
    void rollsRatherThanResetting() {
        RollingWindow window = new RollingWindow(2, 10_000);
        window.tryAcquire(0);
        window.tryAcquire(6_000);
        assertThat(window.tryAcquire(9_999).allowed()).isFalse();
        // the request at 0 has left the window at 10 000, the one at 6 000 is still in it
        assertThat(window.tryAcquire(10_000).allowed()).isTrue();
        assertThat(window.tryAcquire(10_001).allowed()).isFalse();
        assertThat(window.tryAcquire(16_000).allowed()).isTrue();
    }

    @Test
    void deniedRequestsDoNotCount() {
        RollingWindow window = new RollingWindow(1, 1_000);
        window.tryAcquire(0);
        for (int i = 1; i < 1_000; i += 100) {
            assertThat(window.tryAcquire(i).allowed()).isFalse();
        }
        assertThat(window.tryAcquire(1_000).allowed()).isTrue();
    }

    @Test
    void recoversCompletelyAfterAQuietWindow() {
        RollingWindow window = new RollingWindow(5, 1_000);
        for (int i = 0; i < 5; i++) {
            window.tryAcquire(i);
        }
        RollingWindow.Decision later = window.tryAcquire(5_000);
        assertThat(later.allowed()).isTrue();
        assertThat(later.remaining()).isEqualTo(4);
    }

    @Test
    void retryAfterIsNeverZeroWhenDenied() {
        RollingWindow window = new RollingWindow(1, 1_000);
        window.tryAcquire(0);
        assertThat(window.tryAcquire(999).retryAfterMillis()).isEqualTo(1);
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new RollingWindow(0, 1_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RollingWindow(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
