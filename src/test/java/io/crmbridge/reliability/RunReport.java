package io.crmbridge.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.SerializationFeature;

import io.crmbridge.testsupport.TestHttp;

/**
 * A run's figures, in the order they were taken, and the checks it failed. Printed as it goes and written as JSON to
 * {@code target/benchmarks/<run>.json} ({@code <run>-<size>.json} for the shorter sizes).
 */
final class RunReport {

    private final String run;
    private final String size;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final long started = System.nanoTime();

    RunReport(String run, String size) {
        this.run = run;
        this.size = size;
        figures.put("run", run);
        figures.put("size", size);
        figures.put("startedAt", Instant.now().toString());
    }

    RunReport put(String name, Object value) {
        figures.put(name, value);
        System.out.printf("[%s %s] %s = %s%n", run, size, name, value);
        System.out.flush();
        return this;
    }

    void log(String line) {
        System.out.printf("[%s %s] %s%n", run, size, line);
        System.out.flush();
    }

    /** A check: {@code ok} false records a failure (the run goes on, so every figure is still taken). */
    void check(boolean ok, String what) {
        if (!ok) {
            failures.add(what);
            log("FAILED: " + what);
        }
    }

    boolean passed() {
        return failures.isEmpty();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    Map<String, Object> figures() {
        return figures;
    }

    /** Ends the report: wall time, verdict, printed, and written. Returns the file. */
    Path finish(Path projectRoot) {
        figures.put("wallSeconds", (System.nanoTime() - started) / 1_000_000_000L);
        figures.put("failures", failures);
        figures.put("result", passed() ? "PASS" : "FAIL");
        Path file = projectRoot.resolve("target/benchmarks").resolve(("full".equals(size) ? run : run + "-" + size) + ".json");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, TestHttp.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        log("result " + figures.get("result") + " in " + figures.get("wallSeconds") + " s" + (passed() ? "" : ": " + failures));
        log("written to " + file);
        return file;
    }
}
