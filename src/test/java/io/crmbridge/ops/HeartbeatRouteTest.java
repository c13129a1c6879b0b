package io.crmbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

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
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT runs FROM heartbeat WHERE name = 'crm-bridge'")) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }
}
