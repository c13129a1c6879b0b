package io.crmbridge.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL server per JVM, started from the binaries that ship as a Maven artifact.
 *
 * <p>PostgreSQL refuses to run as root. Zonky's launcher handles that on Linux by running initdb, pg_ctl and the
 * postmaster inside a user namespace ({@code unshare -U}, util-linux) where the process is not uid 0, so the server
 * works unchanged on the root-only build machines and as an ordinary user elsewhere.
 *
 * <p>The data directory is kept between runs unless {@code clean} is set (tests), so a restarted application finds
 * its queue, ledger and cursors where it left them.
 */
public final class EmbeddedPostgresServer {

    static final String USER = "postgres";
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    private static EmbeddedPostgresServer instance;

    /**
     * Where and how the server runs. {@code durable} keeps PostgreSQL's own defaults ({@code fsync=on},
     * {@code synchronous_commit=on}) instead of zonky's test settings ({@code -F}, {@code synchronous_commit=off}),
     * under which an acknowledged event can be lost when the server dies; tests may turn it off for speed.
     */
    public record Settings(String dataDir, boolean clean, int port, boolean durable) {
    }

    private final EmbeddedPostgres postgres;
    private final DataDirLock lock;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, DataDirLock lock) {
        this.postgres = postgres;
        this.lock = lock;
    }

    /**
     * The server for these settings, started on the first call in this JVM. Quarkus tests restart the application in a
     * new class loader (for another test profile), where this class's statics start empty: the running server's URL
     * is therefore also kept in a JVM-wide system property per data directory, and reused.
     */
    static synchronized String startOnce(Settings settings) {
        String runningKey = "crmbridge.embedded-postgres.running." + Path.of(settings.dataDir()).toAbsolutePath();
        String running = System.getProperty(runningKey);
        if (running != null) {
            return running;
        }
        if (instance == null) {
            instance = start(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "embedded-postgres-stop"));
        }
        System.setProperty(runningKey, instance.jdbcUrl());
        return instance.jdbcUrl();
    }

    static EmbeddedPostgresServer start(Settings settings) {
        Path dataDir = Path.of(settings.dataDir()).toAbsolutePath();
        DataDirLock lock = null;
        try {
            Files.createDirectories(dataDir.getParent());
            // Refuses (throws) while another live process owns the directory; only then is a running postmaster
            // an orphan that may be stopped.
            lock = DataDirLock.acquire(dataDir);
            stopOrphanedServer(dataDir);
            if (settings.clean()) {
                deleteRecursively(dataDir);
            }
            long started = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(settings.clean())
                    .setPort(settings.port())
                    .setServerConfig("max_connections", "200");
            if (settings.durable()) {
                // zonky passes -F (fsync off) first; a later -c fsync=on wins. Commits wait for the WAL flush.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            EmbeddedPostgres postgres = builder.start();
            LOG.infof("Embedded PostgreSQL started on port %d with data in %s (%s, %d ms)", postgres.getPort(), dataDir,
                    settings.durable() ? "durable: fsync on" : "NOT durable: fsync off", (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedPostgresServer(postgres, lock);
        } catch (IOException | RuntimeException e) {
            if (lock != null) {
                lock.release();
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start (data directory " + dataDir + ")", io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * A previous run killed without a chance to stop its server (kill -9, a crashed test JVM) leaves the postmaster
     * running on the data directory, and a new one then refuses to start. Stop it first. Only called while holding
     * the {@link DataDirLock}: the process that started that postmaster is gone, so it is an orphan.
     */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        if (!firstLine.matches("\\d+")) {
            return;
        }
        var orphan = ProcessHandle.of(Long.parseLong(firstLine)).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isPresent()) {
            LOG.warnf("Stopping an embedded PostgreSQL left running by an earlier process (pid %s) on %s", firstLine, dataDir);
            orphan.get().destroy();
            try {
                orphan.get().onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                orphan.get().destroyForcibly();
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
    }

    void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        } finally {
            lock.release();
        }
    }
}
