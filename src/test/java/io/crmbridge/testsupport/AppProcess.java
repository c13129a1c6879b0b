package io.crmbridge.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
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
 * A packaged application run as a child JVM ({@code java <jvm args> -jar <jar>}) from the project root, its output
 * appended to a log file: started, waited for until a URL answers 200, killed with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux) or stopped. Benchmarks and reliability runs use it for the bridge and
 * the sandbox as processes of their own. For the benchmark table it also tells the milliseconds from the start of the
 * process to the first 200 ({@link #launch()} then {@link #awaitOk}) and the resident memory ({@link #rssMiB()}).
 */
public final class AppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Path jar;
    private final List<String> jvmArgs;
    private final Map<String, String> env;
    private final Path log;
    private Process process;
    private long startedNanos;
    private boolean killOnClose;
    private int port = -1;

    public AppProcess(Path jar, List<String> jvmArgs, Path log) {
        this(jar, jvmArgs, Map.of(), log);
    }

    /** With environment variables added to this JVM's for the child. */
    public AppProcess(Path jar, List<String> jvmArgs, Map<String, String> env, Path log) {
        this.jar = jar;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.env = Map.copyOf(env);
        this.log = log;
    }

    /** The child listens on 127.0.0.1:{@code port} ({@code quarkus.http.host} and {@code port}); see {@link #url}. */
    public AppProcess listeningOn(int port) {
        this.port = port;
        return this;
    }

    /** A URL of the child, once {@link #listeningOn} named its port. */
    public String url(String path) {
        if (port < 0) {
            throw new IllegalStateException("no port given (listeningOn)");
        }
        return "http://127.0.0.1:" + port + path;
    }

    /** {@link #close()} kills (SIGKILL) instead of stopping: for a run done with the process and its data. */
    public AppProcess killOnClose() {
        this.killOnClose = true;
        return this;
    }

    /** A free loopback port (free when asked; good enough for a child started right after). */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts the JVM (appending to the log) and waits until {@code readyUrl} answers 200. */
    public AppProcess start(String readyUrl, Duration timeout) {
        launch();
        awaitOk(readyUrl, timeout);
        return this;
    }

    /** Starts the JVM (appending to the log) without waiting for it. */
    public AppProcess launch() {
        List<String> command = new ArrayList<>();
        command.add(javaBin());
        command.addAll(jvmArgs);
        if (port >= 0) {
            command.add("-Dquarkus.http.host=127.0.0.1");
            command.add("-Dquarkus.http.port=" + port);
        }
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            startedNanos = System.nanoTime();
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + jar, e);
        }
        return this;
    }

    /**
     * Waits (asking every 20 ms) until {@code url} answers 200; returns the milliseconds from the start of the process
     * to that answer.
     */
    public long awaitOk(String url, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(jar + " exited with " + process.exitValue() + "; log: " + log);
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1_000_000;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(20);
        }
        threadDump();
        throw new IllegalStateException(url + " not answering 200 after " + timeout + "; log (with a thread dump): " + log);
    }

    /** Appends the child's threads to its log (jcmd from this JDK), to see what a start-up that never ends waits for. */
    private void threadDump() {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no dump; the log still says what it can
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed; returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        waitGone();
    }

    /** SIGTERM, then SIGKILL after 30 s. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        waitGone();
    }

    private void waitGone() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Path log() {
        return log;
    }

    /** Resident set size in MiB, from {@code /proc/<pid>/status}; -1 where there is no procfs. */
    public double rssMiB() {
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

    @Override
    public void close() {
        if (killOnClose && process != null) {
            kill();
        } else {
            stop();
        }
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
