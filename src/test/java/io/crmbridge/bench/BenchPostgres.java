package io.crmbridge.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The benchmark's PostgreSQL: a server of its own (zonky's embedded binaries, durable: {@code fsync},
 * {@code synchronous_commit} and {@code full_page_writes} on, as the bridge runs its embedded one), started by the
 * harness and used by the bridge processes as an external database, one fresh database per phase.
 */
final class BenchPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private BenchPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static BenchPostgres start(Path dataDir) {
        try {
            return new BenchPostgres(EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "300").setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on").start());
        } catch (IOException e) {
            throw new IllegalStateException("benchmark PostgreSQL did not start", e);
        }
    }

    /** Creates an empty database and returns its JDBC URL (user and password {@code postgres}). */
    String createDatabase(String name) {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name.replaceAll("[^a-z0-9_]", ""));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return url(name);
    }

    String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /** Outbound events by status in table {@code raw_event} of a database. */
    Map<String, Long> eventStatuses(String jdbcUrl) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("SELECT status, count(*) FROM raw_event GROUP BY status");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                counts.put(r.getString(1), r.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** The status of one event, or null before it is stored. */
    String eventStatus(String jdbcUrl, String eventId) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("SELECT status FROM raw_event WHERE event_id = CAST(? AS uuid)")) {
            s.setString(1, eventId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // the data directory is thrown away with target/
        }
    }
}
