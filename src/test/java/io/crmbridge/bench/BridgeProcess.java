package io.crmbridge.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged application run as a child JVM from the project root (it reads {@code routes/} and the top-level
 * {@code application.properties} from there), output to a log file. Measures what the benchmark table needs of a
 * process: the time from {@link ProcessBuilder#start()} to the first {@code 200} of a readiness URL (polled every
 * 20 ms), and its resident memory ({@code VmRSS} in {@code /proc/<pid>/status}).
 */
final class BridgeProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;
    private final long startedNanos;
    private long readyMillis = -1;

    private BridgeProcess(Process process, Path log, int port, long startedNanos) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.startedNanos = startedNanos;
    }

    static BridgeProcess start(Path jar, List<String> jvmArgs, Map<String, String> env, int port, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            long started = System.nanoTime();
            return new BridgeProcess(builder.start(), log, port, started);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + jar, e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Waits for {@code path} to answer 200 and returns the milliseconds from process start to that answer. */
    long awaitReady(String path, Duration timeout) {
        long deadline = startedNanos + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("application exited with " + process.exitValue() + "; log: " + log);
            }
            try {
                if (Http.CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    readyMillis = (System.nanoTime() - startedNanos) / 1_000_000;
                    return readyMillis;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(20);
        }
        throw new IllegalStateException(url(path) + " not 200 after " + timeout + "; log: " + log);
    }

    /** Resident set size in MiB, from {@code /proc/<pid>/status}; -1 where there is no procfs. */
    double rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * SIGKILL: the benchmark is done with the process and its database is the harness's, so nothing is waited for
     * (a graceful stop waits up to 45 s for in-flight exchanges).
     */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
