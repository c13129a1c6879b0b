package io.crmbridge.sandbox.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The vendor conformance check's verdict, run by the {@code conformance} Maven profile after the outbound and inbound
 * suites of both CRMs have run with {@code -Dvendor-specs=DIR} (docs/testing.md): every HubSpot and Clio request the
 * bridge sent validates against the vendor's published operation, and every answer of the sandbox against the
 * published response. Its name does not end in {@code Test}: the plain test run never runs it.
 */
class VendorConformanceSummary {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theBridgesRequestsAndTheSandboxsAnswersKeepTheVendorsPublishedDocuments() throws IOException {
        List<JsonNode> exchanges = readExchanges();
        Map<String, int[]> perVendor = new TreeMap<>();
        List<String> findings = new ArrayList<>();
        Map<String, Integer> uncovered = new TreeMap<>();
        for (JsonNode exchange : exchanges) {
            String vendor = exchange.path("vendor").asText();
            int[] counts = perVendor.computeIfAbsent(vendor, v -> new int[4]);
            counts[0]++;
            boolean fromBridge = exchange.path("fromBridge").asBoolean();
            if (fromBridge) {
                counts[1]++;
            }
            String call = exchange.path("method").asText() + " " + exchange.path("path").asText() + " -> "
                    + exchange.path("status").asInt();
            if (exchange.path("document").isNull()) {
                uncovered.merge(vendor + " " + exchange.path("method").asText() + " " + exchange.path("path").asText(),
                        1, Integer::sum);
                continue;
            }
            if (fromBridge && !exchange.path("requestErrors").isEmpty()) {
                counts[2]++;
                findings.add("REQUEST  " + vendor + " " + call + " " + firstOf(exchange.path("requestErrors")) + " body "
                        + abbreviate(exchange.path("requestBody").asText()));
            }
            if (!exchange.path("responseErrors").isEmpty()) {
                counts[3]++;
                findings.add("RESPONSE " + vendor + " " + call + " " + firstOf(exchange.path("responseErrors")) + " body "
                        + abbreviate(exchange.path("responseBody").asText()));
            }
        }
        System.out.println("Vendor conformance: exchanges / from the bridge / request violations / response violations");
        perVendor.forEach((vendor, c) -> System.out.printf("  %-8s %6d %6d %6d %6d%n", vendor, c[0], c[1], c[2], c[3]));
        uncovered.forEach((call, n) -> System.out.printf("  not in the vendor's documents (%d): %s%n", n, call));
        findings.stream().limit(200).forEach(f -> System.out.println("  " + f));

        assertThat(perVendor.keySet()).as("both CRMs' suites ran with the check on").contains("hubspot", "clio");
        assertThat(perVendor.values()).as("the bridge's own requests were seen for each CRM")
                .allSatisfy(c -> assertThat(c[1]).isPositive());
        assertThat(findings).as("requests and answers that violate the vendors' published documents").isEmpty();
    }

    private static List<JsonNode> readExchanges() throws IOException {
        assertThat(VendorConformance.OUT_DIR).as("the suites ran with -D%s", VendorConformance.SPECS_PROPERTY)
                .isDirectory();
        List<JsonNode> exchanges = new ArrayList<>();
        try (Stream<Path> files = Files.list(VendorConformance.OUT_DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ndjson")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        exchanges.add(JSON.readTree(line));
                    }
                }
            }
        }
        return exchanges;
    }

    /** The first three findings of one exchange and how many more there are. */
    private static String firstOf(JsonNode errors) {
        List<String> first = new ArrayList<>();
        errors.forEach(e -> first.add(e.asText()));
        int more = first.size() - 3;
        return (more > 0 ? first.subList(0, 3) : first) + (more > 0 ? " and " + more + " more" : "");
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
