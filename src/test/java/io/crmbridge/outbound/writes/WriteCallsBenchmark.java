package io.crmbridge.outbound.writes;

import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.lead;
import static io.crmbridge.outbound.OutboundTestSupport.postWebform;
import static io.crmbridge.outbound.OutboundTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.crmbridge.testsupport.SandboxControl;
import io.quarkus.test.junit.QuarkusTest;

/**
 * CRM calls per outbound event, counted by the sandbox (a benchmark, not part of the suite: its name matches no
 * Surefire pattern). Run it with
 * {@code ./mvnw -B test -Dtest=WriteCallsBenchmark -Dwrite-calls.events=200}; it prints, for a burst of lead
 * events with a company (full flow: contact, company, deal, three associations, note) and a burst without a company,
 * the calls per event and the calls by method and path.
 */
@QuarkusTest
class WriteCallsBenchmark {

    static final int EVENTS = Integer.getInteger("write-calls.events", 200);

    @Inject
    DataSource dataSource;

    @Test
    void callsPerLeadEvent() {
        SandboxControl.clearFaults();
        SandboxControl.resetSearchIndexLag();
        given().post("/admin/connections/hubspot/provision").then().statusCode(200);
        String run = UUID.randomUUID().toString().substring(0, 6);
        measure("full lead (contact, company, deal, 3 associations, note)", i -> lead("bench-" + run + "-" + i,
                "bench-" + run + "-" + i + "@example.org", "Bench " + i, "Bench Co " + i, "bench-" + run + "-" + i + ".example"));
        measure("lead without a company (contact, deal, association, note)", i -> lead("solo-" + run + "-" + i,
                "solo-" + run + "-" + i + "@example.org", "Solo " + i, "", "").replace("\"company\": \"\", \"website\": \"\",", ""));
    }

    private void measure(String what, java.util.function.IntFunction<String> body) {
        SandboxControl.resetCounters();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            ids.add(postWebform(body.apply(i)).then().statusCode(202).extract().path("eventId"));
        }
        awaitFinal(dataSource, ids, Duration.ofMinutes(15));
        assertThat(ids.stream().map(id -> status(dataSource, id))).containsOnly("DONE");
        List<Map<String, Object>> counters = SandboxControl.control().get("/counters").then().statusCode(200)
                .extract().jsonPath().getList("counters");
        Map<String, Long> byPath = new TreeMap<>();
        long total = 0;
        for (Map<String, Object> c : counters) {
            String path = String.valueOf(c.get("path"));
            if (!path.contains("/crm/")) {
                continue;
            }
            long n = ((Number) c.get("count")).longValue();
            byPath.merge(c.get("method") + " " + path, n, Long::sum);
            total += n;
        }
        System.out.printf("%n== %s: %d events, %d CRM calls, %.2f calls per event%n", what, EVENTS, total,
                (double) total / EVENTS);
        byPath.forEach((path, n) -> System.out.printf("   %6.2f  %s%n", (double) n / EVENTS, path));
    }

    private static io.restassured.specification.RequestSpecification given() {
        return io.restassured.RestAssured.given().header("Authorization", "Bearer test-admin-token");
    }
}
