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
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 4: access tokens that expire every few seconds during a run of 1,000 writes. Refresh-ahead means no write
 * fails and the CRM answers no 401 after the first (forced) one, and the number of refreshes is what the token
 * lifetime and the skew predict.
 */
@QuarkusTest
class TokenRefreshUnderLoadTest {

    static final int WRITES = 1000;
    /** Writers at once (each refresh-ahead and the forced 401 are shared between them). */
    static final int THREADS = 4;
    static final int LIFETIME_SECONDS = 2;
    /** %test.crmbridge.connections.hubspot.auth.refresh-skew */
    static final int SKEW_SECONDS = 1;
    /**
     * Each create answers after this long, so the run lasts at least WRITES x LATENCY / THREADS = 5 s (2.5 token
     * lifetimes) on any machine; without it a fast machine finished 1,000 writes inside one token's life.
     */
    static final long LATENCY_MILLIS = 20;

    @Inject
    ProducerTemplate producer;

    @Inject
    CrmConnections connections;

    @AfterEach
    void restore() {
        SandboxControl.accessTokenLifetime(1800);
        SandboxControl.clearFaults();
    }

    @Test
    void thousandWritesWithShortLivedTokensAllSucceed() throws Exception {
        SandboxControl.accessTokenLifetime(LIFETIME_SECONDS);
        SandboxControl.latency("POST", "/crm/v3/objects/contacts", LATENCY_MILLIS);
        // Whatever token the connection holds from earlier tests dies now: the first call meets a 401 (the fallback).
        SandboxControl.expireAccessTokens();
        SandboxControl.resetCounters();
        String domain = "refresh-" + UUID.randomUUID() + ".example";
        long refreshesBefore = connections.get("hubspot").auth().refreshCount();

        long started = System.nanoTime();
        List<Future<Object>> writes = Crm.sendConcurrently(producer, "direct:crm-contact-create", WRITES, THREADS,
                i -> Crm.contact("w" + i + "@" + domain));
        for (Future<Object> write : writes) {
            assertThat(write.get()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKey("id");
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(SandboxControl.contactsWithEmailDomain(domain)).isEqualTo(WRITES);
        // Only the token the test expired is ever refused, once per writer that had a request in flight with it.
        assertThat(SandboxControl.served(401)).as("401s").isLessThanOrEqualTo(THREADS);
        long refreshes = connections.get("hubspot").auth().refreshCount() - refreshesBefore;
        double seconds = elapsed.toMillis() / 1000.0;
        // A token serves (lifetime - skew) seconds and is then replaced ahead of expiry; one more for the forced expiry.
        long expectedMax = (long) Math.ceil(seconds / (LIFETIME_SECONDS - SKEW_SECONDS)) + 2;
        long expectedMin = Math.max(2, (long) Math.floor(seconds / LIFETIME_SECONDS));
        assertThat(elapsed).as("the run outlives two tokens")
                .isGreaterThanOrEqualTo(Duration.ofMillis(WRITES * LATENCY_MILLIS / THREADS));
        assertThat(refreshes).as("refreshes in %.1f s", seconds).isBetween(expectedMin, expectedMax);
    }
}
