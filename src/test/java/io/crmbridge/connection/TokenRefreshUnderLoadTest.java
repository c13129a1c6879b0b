package io.crmbridge.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.testsupport.Crm;
import io.crmbridge.testsupport.SandboxControl;
import io.crmbridge.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Access tokens that expire every few seconds during a run of 1,000 writes. Refresh-ahead means no write fails and the
 * CRM answers no 401 after the first (forced) one, and the number of refreshes is what the token lifetime and the skew
 * predict. Time is the application's {@link TestClock}, which the bridge's token handling and the sandbox's token
 * server both read: frozen, and moved on by the test between rounds of writes, so the lifetimes are counted in steps
 * the test chose and not in whatever a machine's speed makes of them.
 */
@QuarkusTest
class TokenRefreshUnderLoadTest {

    static final int WRITES = 1000;
    /** Writers at once (each refresh-ahead and the forced 401 are shared between them). */
    static final int THREADS = 4;
    static final int LIFETIME_SECONDS = 2;
    /** %test.crmbridge.connections.hubspot.auth.refresh-skew */
    static final int SKEW_SECONDS = 1;
    /** Rounds of writes; the clock moves on by one step after each round but the last. */
    static final int ROUNDS = 20;
    /** Half of what a token serves before it is due (lifetime - skew): every second step makes one due. */
    static final Duration STEP = Duration.ofMillis(500);

    @Inject
    ProducerTemplate producer;

    @Inject
    CrmConnections connections;

    @Inject
    TestClock clock;

    @AfterEach
    void restore() {
        clock.release();
        SandboxControl.accessTokenLifetime(1800);
        SandboxControl.clearFaults();
    }

    @Test
    void thousandWritesWithShortLivedTokensAllSucceed() throws Exception {
        clock.freeze();
        SandboxControl.accessTokenLifetime(LIFETIME_SECONDS);
        // Whatever token the connection holds from earlier tests dies now: the first call meets a 401 (the fallback).
        SandboxControl.expireAccessTokens();
        SandboxControl.resetCounters();
        String domain = "refresh-" + UUID.randomUUID() + ".example";
        long refreshesBefore = connections.get("hubspot").auth().refreshCount();

        int perRound = WRITES / ROUNDS;
        for (int round = 0; round < ROUNDS; round++) {
            int first = round * perRound;
            List<Future<Object>> writes = Crm.sendConcurrently(producer, "direct:crm-contact-create", perRound, THREADS,
                    i -> Crm.contact("w" + (first + i) + "@" + domain));
            for (Future<Object> write : writes) {
                assertThat(write.get()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKey("id");
            }
            if (round < ROUNDS - 1) {
                clock.advance(STEP);
            }
        }

        assertThat(SandboxControl.contactsWithEmailDomain(domain)).isEqualTo(WRITES);
        // Only the token the test expired is ever refused, once per writer that had a request in flight with it.
        assertThat(SandboxControl.served(401)).as("401s").isLessThanOrEqualTo(THREADS);
        long refreshes = connections.get("hubspot").auth().refreshCount() - refreshesBefore;
        // One refresh for the forced expiry; then a token serves (lifetime - skew) of the clock's time and is replaced
        // ahead of expiry, not before: 19 steps of 0.5 s make 9 tokens due.
        Duration moved = STEP.multipliedBy(ROUNDS - 1);
        long expected = 1 + moved.toMillis() / Duration.ofSeconds(LIFETIME_SECONDS - SKEW_SECONDS).toMillis();
        assertThat(refreshes).as("refreshes over %s of the clock's time", moved).isEqualTo(expected);
    }
}
