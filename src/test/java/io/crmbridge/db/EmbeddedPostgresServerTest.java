package io.crmbridge.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server starts as whichever user runs the build (root included) and keeps its data across restarts. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesARestart() throws Exception {
        var settings = new EmbeddedPostgresServer.Settings(dir.resolve("pg").toString(), false, 0);

        EmbeddedPostgresServer first = EmbeddedPostgresServer.start(settings);
        try (Connection c = DriverManager.getConnection(first.jdbcUrl()); Statement s = c.createStatement()) {
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
}
