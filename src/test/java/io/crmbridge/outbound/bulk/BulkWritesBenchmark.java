package io.crmbridge.outbound.bulk;

import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.lead;
import static io.crmbridge.outbound.OutboundTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.crmbridge.outbound.OutboundTestSupport;
import io.crmbridge.testsupport.SandboxControl;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The bulk path's cost and speed (a benchmark, not part of the suite: its name matches no Surefire pattern). Run it
 * with {@code ./mvnw -B test -Dtest=BulkWritesBenchmark -Dbulk-writes.events=1000}: a backlog of N full lead events
 * (contact, company, deal, three associations, note; each its own company) and one of N contact-only events are
 * queued while dispatch is stopped, then dispatched; it prints CRM calls per event (counted by the sandbox, by method
 * and path) and events per second from the start of dispatch to the last final status.
 */
@QuarkusTest
@TestProfile(BulkProfile.class)
class BulkWritesBenchmark {

    static final int EVENTS = Integer.getInteger("bulk-writes.events", 1000);

    @Inject
    DataSource dataSource;

    @Inject
    CamelContext camel;

    @Test
    void bulkBursts() throws Exception {
        SandboxControl.clearFaults();
        SandboxControl.resetSearchIndexLag();
        io.restassured.RestAssured.given().header("Authorization", "Bearer test-admin-token")
                .post("/admin/connections/hubspot/provision").then().statusCode(200);
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> leads = new ArrayList<>();
        List<String> news = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            leads.add(lead("bench-" + run + "-" + i, "bench-" + run + "-" + i + "@example.org", "Bench " + i,
                    "Bench Co " + i, "bench-" + run + "-" + i + ".example"));
            news.add("""
                    {"id": "bnews-%s-%d", "email": "bnews-%s-%d@example.org", "name": "News %d", "consent": true}"""
                    .formatted(run, i, run, i, i));
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("events", EVENTS);
        figures.put("full_lead", measure("full lead", leads, OutboundTestSupport::acceptWebform));
        figures.put("contact_only", measure("contact-only", news, BulkWritesTest::acceptNewsletter));
        // for the benchmark table (io.crmbridge.bench.OtherBenchmarks)
        Path out = Path.of("target", "benchmarks", "bulk-writes.json");
        Files.createDirectories(out.getParent());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), figures);
    }

    private Map<String, Object> measure(String what, List<String> bodies, Function<String, String> poster) throws Exception {
        SandboxControl.resetCounters();
        camel.getRouteController().stopRoute("event-dispatch");
        List<String> ids = BulkWritesTest.post(bodies, poster);
        long start = System.nanoTime();
        camel.getRouteController().startRoute("event-dispatch");
        awaitFinal(dataSource, ids, Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(ids.stream().map(id -> status(dataSource, id))).containsOnly("DONE");
        long calls = BulkWritesTest.crmCalls(what, bodies.size());
        System.out.printf("   %.1f events/s (%d events in %.1f s, dispatch to last final status)%n",
                bodies.size() / seconds, bodies.size(), seconds);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("events", bodies.size());
        figures.put("crm_calls", calls);
        figures.put("calls_per_event", (double) calls / bodies.size());
        figures.put("seconds", seconds);
        figures.put("events_per_second", bodies.size() / seconds);
        return figures;
    }
}
