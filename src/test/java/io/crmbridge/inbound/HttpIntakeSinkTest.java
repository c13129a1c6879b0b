package io.crmbridge.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The http sink: bearer secret, retries, dead letter, and an intake failing in the middle of a page (the page is
 * not committed, as after a crash): the next polls deliver the rest, and nothing is delivered twice.
 */
@QuarkusTest
@TestProfile(HttpIntakeSinkTest.HttpSink.class)
class HttpIntakeSinkTest {

    public static class HttpSink implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            int port = freePort();
            return Map.of("quarkus.http.test-port", Integer.toString(port),
                    "crmbridge.intake.sink", "http",
                    "crmbridge.intake.url", "http://localhost:" + port + "/test-intake",
                    "crmbridge.intake.token", TestIntakeReceiver.TOKEN);
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final String ROUTE = "poll-hubspot-contacts";

    @Inject
    InboundFixture fixture;

    @AfterEach
    void stop() throws Exception {
        fixture.stop(ROUTE);
    }

    @Test
    void anIntakeFailingMidPageDelaysTheRestAndNothingIsDeliveredTwice() throws Exception {
        fixture.reset("contacts");
        fixture.seedContacts(1_000);
        TestIntakeReceiver.reset(500);

        fixture.start(ROUTE);
        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.cursor("contacts") != null
                && fixture.cursor("contacts").lastError() != null
                && fixture.count("SELECT count(*) FROM dead_letter WHERE route_id = ?", "intake-http") > 0);
        var stuck = fixture.cursor("contacts");
        assertThat(TestIntakeReceiver.ACCEPTED).hasSize(499);
        // Two whole pages of 199: a full page delivers the records before its last modification time, which starts
        // the next page; the third page failed at its 102nd record and counts nothing.
        assertThat(stuck.recordsDelivered()).as("only whole pages count").isEqualTo(2 * 199);
        assertThat(stuck.lastSuccessAt()).isNull();

        Instant healed = Instant.now();
        TestIntakeReceiver.poisoned = "";
        await().atMost(Duration.ofSeconds(60)).until(() -> TestIntakeReceiver.ACCEPTED.size() == 1_000
                && InboundPollTest.after(fixture.lastSuccess("contacts"), healed));
        fixture.stop(ROUTE);

        assertThat(TestIntakeReceiver.ACCEPTED.values()).allMatch(n -> n.get() == 1);
        assertThat(TestIntakeReceiver.ACCEPTED.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(1_000);
        TestIntakeReceiver.ORIGINS.forEach((key, origin) -> assertThat(key).startsWith(origin.substring("crm:".length()) + ":"));
        assertThat(fixture.outboxRows("contacts")).as("the table sink is off").isZero();
    }
}
