package io.crmbridge.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.crmbridge.connection.ConnectionsConfig.AuthMode;

class ConnectionAuthTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Hands out tokens valid for 30 s; can be told to reject, and can rotate refresh tokens. */
    static final class FakeEndpoint implements TokenEndpoint {
        final ManualClock clock;
        final AtomicInteger calls = new AtomicInteger();
        final List<String> refreshTokensSeen = new ArrayList<>();
        volatile boolean reject;
        volatile boolean rotate;
        volatile CountDownLatch slow;

        FakeEndpoint(ManualClock clock) {
            this.clock = clock;
        }

        @Override
        public synchronized Grant refresh(String refreshToken) {
            awaitSlow();
            refreshTokensSeen.add(refreshToken);
            if (reject) {
                throw new CredentialsRejected("BAD_REFRESH_TOKEN", null);
            }
            int n = calls.incrementAndGet();
            return new Grant("access-" + n, clock.instant().plusSeconds(30),
                    rotate ? Optional.of("refresh-" + n) : Optional.empty());
        }

        @Override
        public Grant clientCredentials() {
            int n = calls.incrementAndGet();
            return new Grant("cc-" + n, clock.instant().plusSeconds(30), Optional.empty());
        }

        private void awaitSlow() {
            try {
                if (slow != null) {
                    slow.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static final class RecordingListener implements ConnectionAuth.Listener {
        final AtomicInteger refreshed = new AtomicInteger();
        final AtomicInteger reauth = new AtomicInteger();
        final AtomicInteger reauthorized = new AtomicInteger();
        volatile String lastRefreshToken;

        @Override
        public void refreshed(String connection, Instant expiresAt, String refreshToken) {
            refreshed.incrementAndGet();
            lastRefreshToken = refreshToken;
        }

        @Override
        public void needsReauth(String connection, String reason) {
            reauth.incrementAndGet();
        }

        @Override
        public void reauthorized(String connection) {
            reauthorized.incrementAndGet();
        }
    }

    final ManualClock clock = new ManualClock();
    final FakeEndpoint endpoint = new FakeEndpoint(clock);
    final RecordingListener listener = new RecordingListener();
    final InMemoryConnectionState shared = new InMemoryConnectionState();

    ConnectionAuth refreshTokenAuth() {
        return new ConnectionAuth("hubspot", AuthMode.REFRESH_TOKEN, null, "initial-refresh", endpoint,
                Duration.ofSeconds(5), clock, listener, shared, Duration.ZERO);
    }

    @Test
    void refreshesAheadOfExpiryFromTheTokensOwnLifetime() {
        ConnectionAuth auth = refreshTokenAuth();
        assertThat(auth.accessToken()).isEqualTo("access-1");
        clock.now = clock.now.plusSeconds(24);
        assertThat(auth.accessToken()).as("25 s left, skew 5 s: still good").isEqualTo("access-1");
        clock.now = clock.now.plusSeconds(1);
        assertThat(auth.accessToken()).as("within the skew: refreshed before it expires").isEqualTo("access-2");
        assertThat(auth.refreshCount()).isEqualTo(2);
    }

    @Test
    void concurrentCallersShareOneRefresh() throws Exception {
        ConnectionAuth auth = refreshTokenAuth();
        endpoint.slow = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tokens.add(pool.submit(auth::accessToken));
            }
            Thread.yield();
            endpoint.slow.countDown();
            for (Future<String> token : tokens) {
                assertThat(token.get()).isEqualTo("access-1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(endpoint.calls).hasValue(1);
    }

    @Test
    void a401RefreshesOnceAndALateSecond401SharesTheNewToken() {
        ConnectionAuth auth = refreshTokenAuth();
        String first = auth.accessToken();
        assertThat(auth.refreshAfterUnauthorized(first)).isEqualTo("access-2");
        assertThat(auth.refreshAfterUnauthorized(first)).as("another caller's 401 on the old token").isEqualTo("access-2");
        assertThat(endpoint.calls).hasValue(2);
    }

    @Test
    void rejectedRefreshEntersNeedsReauthOnceAndStopsCallingTheEndpoint() {
        ConnectionAuth auth = refreshTokenAuth();
        endpoint.reject = true;
        assertThatThrownBy(auth::accessToken).isInstanceOf(NeedsReauthException.class);
        assertThatThrownBy(auth::accessToken).isInstanceOf(NeedsReauthException.class);
        assertThat(auth.needsReauth()).isTrue();
        assertThat(listener.reauth).hasValue(1);
        assertThat(endpoint.refreshTokensSeen).hasSize(1);
    }

    @Test
    void newCredentialsResumeWithoutARestart() {
        ConnectionAuth auth = refreshTokenAuth();
        endpoint.reject = true;
        assertThatThrownBy(auth::accessToken).isInstanceOf(NeedsReauthException.class);
        endpoint.reject = false;
        auth.reauthorize("operator-refresh");
        assertThat(auth.needsReauth()).isFalse();
        assertThat(auth.accessToken()).isEqualTo("access-1");
        assertThat(endpoint.refreshTokensSeen).containsExactly("initial-refresh", "operator-refresh");
        assertThat(listener.reauthorized).hasValue(1);
    }

    @Test
    void rotatedRefreshTokensAreUsedNextAndReported() {
        ConnectionAuth auth = refreshTokenAuth();
        endpoint.rotate = true;
        auth.accessToken();
        clock.now = clock.now.plusSeconds(60);
        auth.accessToken();
        assertThat(endpoint.refreshTokensSeen).containsExactly("initial-refresh", "refresh-1");
        assertThat(listener.lastRefreshToken).isEqualTo("refresh-2");
    }

    @Test
    void privateAppTokenNeverRefreshesAndA401NeedsReauth() {
        ConnectionAuth auth = new ConnectionAuth("hubspot", AuthMode.PRIVATE_APP, "pat-123", null, null,
                Duration.ofSeconds(5), clock, listener, shared, Duration.ZERO);
        clock.now = clock.now.plus(Duration.ofDays(400));
        assertThat(auth.accessToken()).isEqualTo("pat-123");
        assertThatThrownBy(() -> auth.refreshAfterUnauthorized("pat-123")).isInstanceOf(NeedsReauthException.class);
        assertThat(auth.needsReauth()).isTrue();
    }

    @Test
    void clientCredentialsGrantNeedsNoRefreshToken() {
        ConnectionAuth auth = new ConnectionAuth("hubspot", AuthMode.CLIENT_CREDENTIALS, null, null, endpoint,
                Duration.ofSeconds(5), clock, listener, shared, Duration.ZERO);
        assertThat(auth.accessToken()).isEqualTo("cc-1");
    }
    @Test
    void aSecondReplicaSeesNeedsReauthAndItsEndAndUsesTheOperatorsRefreshToken() {
        ConnectionAuth first = refreshTokenAuth();
        ConnectionAuth second = refreshTokenAuth();
        assertThat(second.accessToken()).isEqualTo("access-1");
        endpoint.reject = true;
        clock.now = clock.now.plusSeconds(60);
        assertThatThrownBy(first::accessToken).isInstanceOf(NeedsReauthException.class);

        assertThat(second.needsReauth()).as("set by the first, seen by the second").isTrue();
        assertThatThrownBy(second::accessToken).isInstanceOf(NeedsReauthException.class);
        assertThat(endpoint.refreshTokensSeen).as("the second does not try the rejected credentials again").hasSize(2);
        assertThat(listener.reauth).as("one alert for both").hasValue(1);

        endpoint.reject = false;
        first.reauthorize("operator-refresh");
        assertThat(second.needsReauth()).isFalse();
        assertThat(second.accessToken()).isEqualTo("access-2");
        assertThat(endpoint.refreshTokensSeen).endsWith("operator-refresh");
    }

    @Test
    void aFailureWithCredentialsOlderThanTheOperatorsDoesNotUndoTheFix() {
        ConnectionAuth first = refreshTokenAuth();
        ConnectionAuth second = refreshTokenAuth();
        first.accessToken();
        second.accessToken();
        first.suspend("403 missing scope");
        first.reauthorize(null);
        // A call the second replica began before the fix, with its old token, fails late.
        second.suspend("403 missing scope (late)");
        assertThat(first.needsReauth()).isFalse();
        assertThat(second.needsReauth()).isFalse();
        assertThat(listener.reauth).hasValue(1);
    }

    @Test
    void aRestartKeepsNeedsReauthInPrivateAppModeUntilNewCredentials() {
        ConnectionAuth before = new ConnectionAuth("hubspot", AuthMode.PRIVATE_APP, "pat-123", null, null,
                Duration.ofSeconds(5), clock, listener, shared, Duration.ZERO);
        assertThatThrownBy(() -> before.refreshAfterUnauthorized("pat-123")).isInstanceOf(NeedsReauthException.class);

        ConnectionAuth restarted = new ConnectionAuth("hubspot", AuthMode.PRIVATE_APP, "pat-123", null, null,
                Duration.ofSeconds(5), clock, listener, shared, Duration.ZERO);
        assertThat(restarted.needsReauth()).isTrue();
        assertThatThrownBy(restarted::accessToken).isInstanceOf(NeedsReauthException.class);
        restarted.reauthorize(null);
        assertThat(restarted.accessToken()).isEqualTo("pat-123");
        assertThat(before.needsReauth()).isFalse();
    }
}
