package io.crmbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import io.crmbridge.testsupport.TestHttp;

/**
 * Rows measured by the other benchmarks of the {@code bench} profile, which run before the table (Surefire, in the
 * same {@code ./mvnw -B -Pbench verify}) and leave their figures as JSON under {@code target/benchmarks/}: the
 * outbound bulk path ({@code bulk-writes.json}) and the inbound drain ({@code inbound-drain.json}, by
 * {@code InboundDrainBenchmark}). A missing file leaves its figures "not measured"; a file older than this run is
 * used and marked with its date.
 */
final class OtherBenchmarks {

    static final Path DIR = Path.of("target", "benchmarks");
    static final Path BULK = DIR.resolve("bulk-writes.json");
    static final Path INBOUND = DIR.resolve("inbound-drain.json");
    private static final String NOT_LANDED = "not measured (no %s: bench/run measures it)";

    private OtherBenchmarks() {
    }

    static void fill(ResultTable table, NaiveIntegration.Result naiveFull, NaiveIntegration.Result naiveSolo,
            Instant runStart) {
        JsonNode bulk = read(BULK);
        String missingBulk = String.format(NOT_LANDED, BULK);
        Double bulkFullCalls = number(bulk, "full_lead", "calls_per_event");
        Double bulkFullRate = number(bulk, "full_lead", "events_per_second");
        Double bulkSoloCalls = number(bulk, "contact_only", "calls_per_event");

        String row = "outbound_full_lead";
        String title = "Outbound, full lead flow (contact, company, deal, 3 associations, note), no rate limit";
        table.figure(row, title, "bulk_events_per_second", "bulk path: events/s", bulkFullRate, "%,.0f /s",
                ResultTable.Target.atLeast(1000, "≥ 1,000 /s"), missingBulk);
        table.figure(row, title, "bulk_calls_per_event", "bulk path: CRM calls/event", bulkFullCalls, "%.3f",
                ResultTable.Target.atMost(0.15, "≤ 0.15"), missingBulk);
        table.figure(row, title, "naive_events_per_second", "naive path: events/s (" + naiveFull.events() + " events)",
                naiveFull.eventsPerSecond(), "%,.0f /s", null, null);
        table.figure(row, title, "naive_calls_per_event", "naive path: CRM calls/event", naiveFull.callsPerEvent(), "%.2f",
                null, null);
        table.figure(row, title, "naive_to_bulk_calls", "naive ÷ bulk calls", ratio(naiveFull.callsPerEvent(), bulkFullCalls),
                "%.0f×", ResultTable.Target.atLeast(20, "≥ 20×"), missingBulk);
        source(table, row, bulk, BULK, runStart);

        row = "outbound_contact_only";
        title = "Outbound, contact-only events";
        table.figure(row, title, "bulk_calls_per_event", "bulk path: CRM calls/event", bulkSoloCalls, "%.3f",
                ResultTable.Target.atMost(0.02, "≤ 0.02"), missingBulk);
        table.figure(row, title, "naive_calls_per_event", "naive path: CRM calls/event (" + naiveSolo.events() + " events)",
                naiveSolo.callsPerEvent(), "%.2f", null, null);
        table.figure(row, title, "naive_to_bulk_calls", "naive ÷ bulk calls", ratio(naiveSolo.callsPerEvent(), bulkSoloCalls),
                "%.0f×", ResultTable.Target.atLeast(20, "≥ 20×"), missingBulk);
        source(table, row, bulk, BULK, runStart);

        JsonNode inbound = read(INBOUND);
        String missingInbound = String.format(NOT_LANDED, INBOUND);
        row = "inbound_drain";
        title = "Inbound drain of changed records to the table sink";
        table.figure(row, title, "records_per_second", "records/s" + (inbound == null ? ""
                : " (" + String.format("%,d", inbound.path("records").asLong()) + " records)"),
                number(inbound, "records_per_second"), "%,.0f /s", ResultTable.Target.atLeast(5000, "≥ 5,000 /s"),
                missingInbound);
        table.figure(row, title, "calls_per_record", "CRM calls/record", number(inbound, "calls_per_record"), "%.4f",
                ResultTable.Target.atMost(0.02, "≤ 0.02"), missingInbound);
        source(table, row, inbound, INBOUND, runStart);
    }

    private static Double ratio(double naive, Double bulk) {
        return bulk == null || bulk == 0 ? null : naive / bulk;
    }

    private static void source(ResultTable table, String row, JsonNode json, Path file, Instant runStart) {
        if (json == null) {
            return;
        }
        try {
            Instant written = Files.getLastModifiedTime(file).toInstant();
            table.note(row, "source", file + (written.isBefore(runStart) ? " (from an earlier run, " + written + ")"
                    : " (this run)"));
        } catch (IOException e) {
            table.note(row, "source", file.toString());
        }
    }

    private static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return TestHttp.JSON.readTree(file.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    private static Double number(JsonNode json, String... path) {
        if (json == null) {
            return null;
        }
        JsonNode node = json;
        for (String p : path) {
            node = node.path(p);
        }
        return node.isNumber() ? node.asDouble() : null;
    }
}
