package io.crmbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.testsupport.TestDb;
import io.quarkus.test.junit.QuarkusTest;

/** The ledger with the advisory lock: concurrent and repeated deliveries of one key cause one effect. */
@QuarkusTest
class LedgerIdempotencyTest {

    static final Map<String, AtomicInteger> EFFECTS = new ConcurrentHashMap<>();

    /** A route shaped like the real ones: lock the key, idempotent consumer (not eager), the effect. */
    @ApplicationScoped
    static class LedgerTestRoute extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:test-ledger").routeId("test-ledger")
                    .bean("keyLocks", "lock")
                    .idempotentConsumer(header(ExchangeKeys.LEDGER_KEY)).idempotentRepository("outboundLedger").eager(false)
                    .process(e -> {
                        Thread.sleep(20);
                        EFFECTS.computeIfAbsent(e.getMessage().getHeader(ExchangeKeys.LEDGER_KEY, String.class),
                                k -> new AtomicInteger()).incrementAndGet();
                    })
                    .end();
        }
    }

    @Inject
    ProducerTemplate producer;

    @Inject
    DataSource dataSource;

    @Test
    void concurrentDeliveriesOfOneKeyHaveOneEffect() throws Exception {
        String key = "test:" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sends.add(pool.submit(() -> producer.sendBodyAndHeader("direct:test-ledger", "x", ExchangeKeys.LEDGER_KEY, key)));
            }
            for (Future<?> send : sends) {
                send.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(EFFECTS.get(key)).hasValue(1);
        assertThat(ledgerRows(key)).isEqualTo(1);
    }

    @Test
    void ledgerKeysAreAddedOnceAndNeverRemoved() {
        String key = "test:" + UUID.randomUUID();
        JdbcLedger ledger = new JdbcLedger(dataSource, "outbound");
        assertThat(ledger.contains(key)).isFalse();
        assertThat(ledger.add(key)).isTrue();
        assertThat(ledger.add(key)).as("second add of the same key").isFalse();
        assertThat(ledger.remove(key)).as("append-only").isFalse();
        assertThat(ledger.contains(key)).isTrue();
    }

    private int ledgerRows(String key) throws Exception {
        return TestDb.count(dataSource, "SELECT count(*) FROM ledger WHERE ledger_key = ?", key);
    }
}
