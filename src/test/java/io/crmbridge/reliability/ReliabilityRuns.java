package io.crmbridge.reliability;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reliability commands (README, "Operations → Reliability runs"): {@code ./mvnw -B verify -Dreliability=<run>
 * [-Dreliability.size=<size>]}, where run is {@code crash}, {@code fault} or {@code hostile} and size {@code full}
 * (the default), {@code quick} or, for the crash run, {@code lost-answers}. The {@code reliability} profile packages the
 * application with the sandbox inside (under {@code target/reliability}, without running the tests) and calls this
 * with that jar: the sandbox and the bridge then run from it as two processes of their own. Prints the figures as it
 * goes, writes them to {@code target/benchmarks/<run>.json}, and exits 1 when a check failed.
 */
public final class ReliabilityRuns {

    private ReliabilityRuns() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ReliabilityRuns crash|fault|hostile <jar with the sandbox> [size]");
        }
        String run = args[0];
        Path jar = Path.of(args[1]).toAbsolutePath();
        String size = args.length > 2 && !args[2].isBlank() ? args[2] : "full";
        Path root = Path.of("").toAbsolutePath();
        Path workDir = root.resolve("target/reliability-runs").resolve(run + "-" + size);
        Files.createDirectories(workDir);
        RunReport report;
        try (SandboxUnderTest sandbox = SandboxUnderTest.process(jar, workDir)) {
            report = run(run, size, sandbox, jar, workDir);
        }
        report.finish(root);
        System.exit(report.passed() ? 0 : 1);
    }

    /** A setting of the run: a system property; unset or blank (an empty Maven property) is the size's default. */
    static int intProp(String name, int fallback) {
        String v = System.getProperty(name, "").trim();
        return v.isEmpty() ? fallback : Integer.parseInt(v);
    }

    static long longProp(String name, long fallback) {
        String v = System.getProperty(name, "").trim();
        return v.isEmpty() ? fallback : Long.parseLong(v);
    }

    static double doubleProp(String name, double fallback) {
        String v = System.getProperty(name, "").trim();
        return v.isEmpty() ? fallback : Double.parseDouble(v);
    }

    static RunReport run(String run, String size, SandboxUnderTest sandbox, Path bridgeJar, Path workDir) throws Exception {
        return switch (run) {
            case "crash" -> new CrashRun(CrashRun.Params.of(size), sandbox, bridgeJar, workDir).run();
            case "fault" -> new FaultRun(FaultRun.Params.of(size), sandbox, bridgeJar, workDir).run();
            case "hostile" -> new HostileRun(HostileRun.Params.of(size), sandbox, bridgeJar, workDir).run();
            default -> throw new IllegalArgumentException("run: crash, fault or hostile, not " + run);
        };
    }
}
