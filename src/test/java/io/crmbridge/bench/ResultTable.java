package io.crmbridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.SerializationFeature;

import io.crmbridge.testsupport.TestHttp;

/**
 * The one table: rows of figures, each with its target (met / missed) where the project sets one, printed as a
 * Markdown table and written as JSON (one key per row, plus {@code run}: date, machine, mode, settings).
 */
final class ResultTable {

    enum Verdict {
        MET, MISSED, BASELINE, NOT_MEASURED
    }

    /** A target on one figure: at least or at most a bound. */
    record Target(String text, boolean atLeast, double bound) {
        static Target atLeast(double bound, String text) {
            return new Target(text, true, bound);
        }

        static Target atMost(double bound, String text) {
            return new Target(text, false, bound);
        }

        boolean met(double value) {
            return atLeast ? value >= bound : value <= bound;
        }
    }

    record Line(String key, String row, String label, String value, String target, Verdict verdict) {
    }

    /** The rows in the table's fixed order, whatever order they were measured in. */
    static final List<String> ORDER = List.of("outbound_full_lead", "outbound_contact_only", "defaults_burst", "backlog_drain",
            "inbound_drain", "webhook_ingress", "start_and_memory");

    private final Map<String, Object> run = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
    private final List<Line> lines = new ArrayList<>();

    Map<String, Object> run() {
        return run;
    }

    /** A measured figure (or {@code null} with {@code whyMissing}), its unit and format, and its target if any. */
    void figure(String row, String title, String key, String label, Double value, String format, Target target,
            String whyMissing) {
        Map<String, Object> json = rows.computeIfAbsent(row, r -> new LinkedHashMap<>(Map.of("title", title)));
        if (value == null || value.isNaN()) {
            json.put(key, null);
            String reason = whyMissing == null ? "not measured" : whyMissing;
            json.computeIfAbsent("not_measured", k -> new LinkedHashMap<String, Object>());
            @SuppressWarnings("unchecked")
            Map<String, Object> missing = (Map<String, Object>) json.get("not_measured");
            missing.put(key, reason);
            lines.add(new Line(row, title, label, reason, target == null ? "" : target.text(), Verdict.NOT_MEASURED));
            return;
        }
        json.put(key, round(value));
        Verdict verdict = target == null ? Verdict.BASELINE : target.met(value) ? Verdict.MET : Verdict.MISSED;
        if (target != null) {
            json.computeIfAbsent("targets", k -> new LinkedHashMap<String, Object>());
            @SuppressWarnings("unchecked")
            Map<String, Object> targets = (Map<String, Object>) json.get("targets");
            targets.put(key, Map.of("target", target.text(), "met", verdict == Verdict.MET));
        }
        lines.add(new Line(row, title, label, String.format(Locale.ROOT, format, value), target == null ? "" : target.text(),
                verdict));
    }

    /** Free text kept with a row: how it was measured, scaling, where a figure came from. */
    void note(String row, String key, Object value) {
        rows.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(key, value);
    }

    Map<String, Map<String, Object>> rows() {
        return rows;
    }

    List<Line> lines() {
        return lines;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "crm-bridge benchmark, %s mode, %s%n", run.get("mode"), run.get("date")));
        out.append(String.format(Locale.ROOT, "machine: %s%n%n", run.get("machine_text")));
        out.append("| row | figure | value | target | |\n|---|---|---|---|---|\n");
        String previous = null;
        List<Line> ordered = new ArrayList<>(lines);
        ordered.sort(java.util.Comparator.comparingInt(l -> rank(l.key())));
        for (Line l : ordered) {
            String verdict = switch (l.verdict()) {
                case MET -> "met";
                case MISSED -> "**missed**";
                case BASELINE -> "";
                case NOT_MEASURED -> "not measured";
            };
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", l.row().equals(previous) ? "" : l.row(),
                    l.label(), l.value(), l.target(), verdict));
            previous = l.row();
        }
        return out.toString();
    }

    void writeJson(Path file) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("run", run);
        rows.keySet().stream().sorted(java.util.Comparator.comparingInt(ResultTable::rank))
                .forEach(k -> all.put(k, rows.get(k)));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            TestHttp.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int rank(String key) {
        int i = ORDER.indexOf(key);
        return i < 0 ? ORDER.size() : i;
    }

    private static double round(double v) {
        double scale = Math.abs(v) >= 100 ? 10 : Math.abs(v) >= 1 ? 1000 : 100_000;
        return Math.round(v * scale) / scale;
    }
}
