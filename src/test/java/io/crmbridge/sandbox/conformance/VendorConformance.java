package io.crmbridge.sandbox.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The vendor conformance check's recorder: when the run names the vendors' documents ({@code -Dvendor-specs=DIR}),
 * every request that reaches the sandbox's HubSpot or Clio API is judged, with the sandbox's answer, against the
 * vendor's published operation, and one line per exchange is appended to
 * {@code target/vendor-conformance/exchanges-<run>.ndjson}. {@link VendorConformanceSummary} reads those lines when the
 * suites are done. Without the property it does nothing.
 */
@ApplicationScoped
public class VendorConformance {

    public static final String SPECS_PROPERTY = "vendor-specs";
    static final Path OUT_DIR = Path.of("target", "vendor-conformance");
    private static final Logger LOG = Logger.getLogger(VendorConformance.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VendorDocuments documents;
    private final Path out;
    private final ExecutorService judging = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "vendor-conformance");
        thread.setDaemon(true);
        return thread;
    });

    VendorConformance() {
        String dir = System.getProperty(SPECS_PROPERTY);
        this.documents = dir == null || dir.isBlank() ? null : VendorDocuments.read(Path.of(dir));
        this.out = OUT_DIR.resolve("exchanges-" + UUID.randomUUID() + ".ndjson");
    }

    /** Reads the documents at start-up (seconds for Clio's), not on the first request's event-loop thread. */
    void start(@Observes StartupEvent event) {
        if (documents != null) {
            LOG.infof("Vendor conformance check on: every HubSpot and Clio exchange is judged, lines in %s", out);
        }
    }

    public boolean active() {
        return documents != null;
    }

    /** Whether a request to this sandbox path is judged: the check is on and the path is HubSpot's or Clio's API. */
    public boolean watches(String sandboxPath) {
        return documents != null && VendorExchange.vendorOf(sandboxPath) != null;
    }

    /**
     * Judges one exchange and appends its line, on the check's own thread: the answer is already on its way, and a
     * first look into Clio's document takes seconds that must not hold the sandbox's event loop.
     */
    void record(VendorExchange exchange) {
        if (documents != null) {
            judging.execute(() -> judge(exchange));
        }
    }

    /** Lets every exchange recorded so far be judged before the application stops. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        judging.shutdown();
        if (!judging.awaitTermination(2, TimeUnit.MINUTES)) {
            LOG.error("Vendor conformance check: exchanges still unjudged at shutdown");
        }
    }

    private void judge(VendorExchange exchange) {
        try {
            VendorDocuments.Verdict verdict = documents.judge(exchange);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("vendor", exchange.vendor());
            line.put("method", exchange.method());
            line.put("path", exchange.vendorPath());
            line.put("query", exchange.query());
            line.put("status", exchange.status());
            line.put("fromBridge", exchange.fromBridge());
            line.put("document", verdict.document());
            line.put("requestErrors", verdict.requestErrors());
            line.put("responseErrors", verdict.responseErrors());
            if (!verdict.requestErrors().isEmpty()) {
                line.put("requestBody", exchange.requestBody());
            }
            if (!verdict.responseErrors().isEmpty()) {
                line.put("responseBody", exchange.responseBody());
            }
            append(JSON.writeValueAsString(line));
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Vendor conformance check failed on %s %s", exchange.method(), exchange.sandboxPath());
        }
    }

    private synchronized void append(String line) {
        try {
            Files.createDirectories(OUT_DIR);
            Files.writeString(out, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
