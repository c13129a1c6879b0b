package io.crmbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.crmbridge.testsupport.TestDb;
import io.quarkus.test.junit.QuarkusTest;

/** routes/heartbeat.yaml runs on its timer and writes its last run to PostgreSQL through camel-jdbc. */
@QuarkusTest
class HeartbeatRouteTest {

    @Inject
    DataSource dataSource;

    @Test
    void heartbeatRowAdvances() {
        long first = await().atMost(Duration.ofSeconds(20)).until(this::runs, runs -> runs >= 1);
        long later = await().atMost(Duration.ofSeconds(20)).until(this::runs, runs -> runs > first);
        assertThat(later).isGreaterThan(first);
    }

    private long runs() throws SQLException {
        Object runs = TestDb.scalar(dataSource, "SELECT runs FROM heartbeat WHERE name = 'crm-bridge'");
        return runs == null ? 0L : ((Number) runs).longValue();
    }
}
