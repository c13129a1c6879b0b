package io.crmbridge.connection;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A 429 storm slows the connection (it pauses for Retry-After) without losing or duplicating a write. The
 * sandbox allows 5 requests a second while the bridge's own limit is far higher, so the CRM refuses many requests.
 */
@QuarkusTest
class RateLimitStormTest {

    @Inject
    ProducerTemplate producer;

    @AfterEach
    void restore() {
        SandboxControl.resetRateLimit();
    }

    @Test
    void everyWriteLandsOnceDespite429s() throws Exception {
        String domain = "storm-" + UUID.randomUUID() + ".example";
        SandboxControl.resetCounters();
        SandboxControl.rateLimit(5, 1000);

        // 4 writers against 5 calls a second: each 429 pauses the connection until Retry-After, after which all four
        // fit in the window, so no write can lose every one of its redeliveries (with 8 writers a write lost five
        // rounds in a row now and then); the calls beyond the fifth of a second still meet 429s
        List<Future<Object>> writes = Crm.sendConcurrently(producer, "direct:crm-contact-create", 40, 4,
                i -> Crm.contact("s" + i + "@" + domain));
        for (Future<Object> write : writes) {
            assertThat(write.get()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKey("id");
        }
        long refused = SandboxControl.served(429);
        SandboxControl.resetRateLimit();

        assertThat(refused).as("the storm happened").isPositive();
        assertThat(SandboxControl.contactsWithEmailDomain(domain)).as("each write exactly once").isEqualTo(40);
    }
}
