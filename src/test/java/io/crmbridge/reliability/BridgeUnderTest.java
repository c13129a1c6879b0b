package io.crmbridge.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crmbridge.testsupport.AppProcess;
import io.crmbridge.testsupport.TestHttp;

/**
 * The bridge as its own process: the packaged application (production profile) on a durable embedded PostgreSQL
 * under {@code workDir}, writing to a sandbox. Killed with SIGKILL and started again on the same data directory, with
 * the same instance id (so a restart takes back its own claims at once). The runner reads its database directly
 * (the embedded server listens on a fixed port) and calls its admin API.
 */
final class BridgeUnderTest implements AutoCloseable {

    static final String WEBFORM_SECRET = "reliability-webform-secret";
    static final String PAYMENTS_SECRET = "reliability-payments-secret";
    static final String BOOKINGS_SECRET = "reliability-bookings-secret";
    static final String ADMIN_TOKEN = "reliability-admin-token";
    static final List<String> UNFINISHED = List.of("QUEUED", "PROCESSING", "WAITING");

    private final Path jar;
    private final Path workDir;
    private final int httpPort = AppProcess.freePort();
    private final int pgPort = AppProcess.freePort();
    private final Map<String, String> settings;
    private AppProcess process;
    private int starts;

    /** {@code settings}: configuration on top of the run's defaults (system properties of the child JVM). */
    BridgeUnderTest(Path jar, Path workDir, SandboxUnderTest sandbox, Map<String, String> settings) {
        this.jar = jar;
        this.workDir = workDir;
        Map<String, String> all = new LinkedHashMap<>();
        all.put("quarkus.http.host", "127.0.0.1");
        all.put("quarkus.http.port", Integer.toString(httpPort));
        all.put("crmbridge.embedded-postgres.data-dir", workDir.resolve("bridge-postgres").toString());
        all.put("crmbridge.embedded-postgres.port", Integer.toString(pgPort));
        all.put("crmbridge.embedded-postgres.durable", "true");
        all.put("crmbridge.connections.hubspot.base-url", sandbox.crmUrl());
        all.put("crmbridge.connections.hubspot.rate-limit.requests", "1000000");
        all.put("crmbridge.connections.hubspot.rate-limit.period", "1s");
        all.put("crmbridge.connections.hubspot.poll.interval", "1s");
        all.put("crmbridge.connections.hubspot.poll.settle-delay", "1s");
        all.put("crmbridge.connections.hubspot.poll.page-size", "200");
        all.put("crmbridge.leader-election.file-root", workDir.resolve("cluster").toString());
        all.put("crmbridge.leader-election.file-acquire-interval", "1s");
        all.put("crmbridge.dispatch.instance-id", "reliability-bridge");
        all.put("crmbridge.admin.token", ADMIN_TOKEN);
        all.put("crmbridge.sources.webform.auth.secret", WEBFORM_SECRET);
        all.put("crmbridge.sources.payments.auth.secret", PAYMENTS_SECRET);
        all.put("crmbridge.sources.bookings.auth.secret", BOOKINGS_SECRET);
        all.putAll(settings);
        this.settings = all;
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    int port() {
        return httpPort;
    }

    /** Starts on a fresh data directory. */
    BridgeUnderTest startFresh() {
        deleteRecursively(workDir.resolve("bridge-postgres"));
        deleteRecursively(workDir.resolve("cluster"));
        return start();
    }

    /** Starts (again) on the data directory as it is, and waits for readiness. */
    BridgeUnderTest start() {
        List<String> args = new ArrayList<>();
        args.add("-Xmx1g");
        settings.forEach((k, v) -> args.add("-D" + k + "=" + v));
        process = new AppProcess(jar, args, workDir.resolve("bridge.log"));
        process.start(url() + "/q/health/ready", Duration.ofMinutes(3));
        starts++;
        return this;
    }

    /** SIGKILL. */
    void kill() {
        process.kill();
    }

    boolean alive() {
        return process != null && process.alive();
    }

    int starts() {
        return starts;
    }

    Path log() {
        return workDir.resolve("bridge.log");
    }

    TestHttp.Answer admin(String method, String path) {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + ADMIN_TOKEN);
        return "POST".equals(method) ? TestHttp.post(url() + path, auth, "{}") : TestHttp.get(url() + path, auth);
    }

    /** Provisions the bridge's CRM properties (idempotent) and checks they are in place. */
    void provision() {
        TestHttp.Answer a = admin("POST", "/admin/connections/hubspot/provision").expectOk("provision");
        if (!"PROVISIONED".equals(a.json().path("status").asText())) {
            throw new IllegalStateException("provisioning: " + a.body());
        }
    }

    // --- its database ------------------------------------------------------------------------------------------

    List<Map<String, Object>> query(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", "postgres",
                "postgres"); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    long count(String sql, Object... params) {
        return ((Number) query(sql, params).get(0).values().iterator().next()).longValue();
    }

    /** Events of these ids by status (ids with no row are counted as "MISSING"). */
    Map<String, Long> statuses(List<String> eventIds) {
        Map<String, Long> out = new LinkedHashMap<>();
        long found = 0;
        for (Map<String, Object> row : query("SELECT status, count(*) AS n FROM raw_event WHERE event_id = ANY (CAST(? AS uuid[])) "
                + "GROUP BY status ORDER BY status", (Object) eventIds.toArray(String[]::new))) {
            long n = ((Number) row.get("n")).longValue();
            out.put((String) row.get("status"), n);
            found += n;
        }
        if (found < eventIds.size()) {
            out.put("MISSING", eventIds.size() - found);
        }
        return out;
    }

    long unfinished(List<String> eventIds) {
        Map<String, Long> s = statuses(eventIds);
        return UNFINISHED.stream().mapToLong(k -> s.getOrDefault(k, 0L)).sum();
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop();
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
