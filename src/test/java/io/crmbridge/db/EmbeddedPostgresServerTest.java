package io.crmbridge.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server starts as whichever user runs the build (root included), keeps its data across restarts, is
 * durable when it is the store, and refuses a second owner of its data directory instead of stopping the first.
 */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dir;

    @Test
    void theTestServerDoesNotFlushEveryCommitAndItsDataSurvivesARestart() throws Exception {
        var settings = new EmbeddedPostgresServer.Settings(dir.resolve("pg").toString(), false, 0, false);

        EmbeddedPostgresServer first = EmbeddedPostgresServer.start(settings);
        try (Connection c = DriverManager.getConnection(first.jdbcUrl()); Statement s = c.createStatement()) {
            assertThat(setting(first, "fsync")).isEqualTo("off");
            assertThat(setting(first, "synchronous_commit")).isEqualTo("off");
            s.execute("CREATE TABLE kept (v text)");
            s.execute("INSERT INTO kept VALUES ('still here')");
        } finally {
            first.close();
        }

        EmbeddedPostgresServer second = EmbeddedPostgresServer.start(settings);
        try (Connection c = DriverManager.getConnection(second.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        } finally {
            second.close();
        }
    }

    /** One durable server (each start is an initdb and a server start: seconds on a busy machine) shows both. */
    @Test
    void theDurableServerFlushesEveryCommitAndASecondServerOnItsDataDirectoryRefusesToStart() throws Exception {
        var settings = new EmbeddedPostgresServer.Settings(dir.resolve("shared").toString(), false, 0, true);
        EmbeddedPostgresServer first = EmbeddedPostgresServer.start(settings);
        try {
            assertThat(setting(first, "fsync")).isEqualTo("on");
            assertThat(setting(first, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(first, "full_page_writes")).isEqualTo("on");
            try (Connection c = DriverManager.getConnection(first.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE owner (v text)");
                s.execute("INSERT INTO owner VALUES ('first')");
            }
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(settings))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another running crm-bridge")
                    .hasMessageContaining(dir.resolve("shared").toString());
            try (Connection c = DriverManager.getConnection(first.jdbcUrl());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT v FROM owner")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("first");
            }
        } finally {
            first.close();
        }
        // once the owner stopped, the directory is free again
        EmbeddedPostgresServer next = EmbeddedPostgresServer.start(settings);
        next.close();
    }

    private static String setting(EmbeddedPostgresServer server, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
