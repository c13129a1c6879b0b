package io.crmbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import io.crmbridge.testsupport.TestHttp;

/**
 * The benchmark table's quick mode in CI (failsafe, after {@code package}): the harness with small counts, the CRM
 * sandbox of this test's application, and the production package {@code target/quarkus-app} as the bridge process.
 * Checks that {@code target/benchmarks/results-quick.json} is written with every row, and what any run must show
 * whatever the speed: the naive path's calls per event, the bridge's answers and its drained events. Speeds are
 * printed, never asserted.
 */
@QuarkusTest
class BenchmarkQuickIT {

    /** The run leaves the sandbox at 100 requests per 10 s: back to this application's configured limit. */
    @AfterEach
    void restoreRateLimit() {
        RestAssured.given().delete("/sandbox/hubspot/_sandbox/rate-limit").then().statusCode(200);
    }

    @Test
    void quickTableWritesEveryRow() throws Exception {
        System.setProperty("bench.quick", "true");
        // This application's own connection provisions its CRM properties at start-up: let it finish, so the
        // sandbox's counters hold the benchmark's calls only.
        RestAssured.given().header("Authorization", "Bearer test-admin-token")
                .post("/admin/connections/hubspot/provision").then().statusCode(200);
        CrmSandbox crm = new CrmSandbox("http://localhost:" + RestAssured.port + "/sandbox/hubspot");
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        ResultTable table = new BenchmarkRun(crm, jar, BenchmarkRun.workDir(Path.of("target")),
                BenchmarkRun.Sizes.fromSystemProperties()).run();
        BenchmarkTable.report(table, BenchmarkTable.QUICK_RESULTS);

        JsonNode json = TestHttp.JSON.readTree(BenchmarkTable.QUICK_RESULTS.toFile());
        assertThat(json.path("run").path("mode").asText()).isEqualTo("quick");
        assertThat(json.path("run").path("cores").asInt()).isPositive();
        for (String row : ResultTable.ORDER) {
            assertThat(json.has(row)).as(row).isTrue();
        }
        // The naive workflow spends one call per step: 9 per full lead, 2 per contact-only event.
        assertThat(json.path("outbound_full_lead").path("naive_calls_per_event").asDouble()).isEqualTo(9.0);
        assertThat(json.path("outbound_contact_only").path("naive_calls_per_event").asDouble()).isEqualTo(2.0);
        JsonNode ingress = json.path("webhook_ingress");
        // Every sender's requests are answered, all with 202 (each of the 200 sends at least one).
        assertThat(ingress.path("sent_all").asLong()).isGreaterThanOrEqualTo(200);
        assertThat(ingress.path("accepted_all").asLong()).isEqualTo(ingress.path("sent_all").asLong());
        assertThat(ingress.path("errors").asLong()).isZero();
        assertThat(json.path("start_and_memory").path("ready_seconds_external_db").asDouble()).isPositive();
        assertThat(json.path("start_and_memory").path("rss_idle_mib").asDouble()).isPositive();
        JsonNode burst = json.path("defaults_burst");
        // The burst and the lone events on the shipped defaults: every one written.
        assertThat(burst.path("finished_events").asLong()).isEqualTo(burst.path("measured_events").asLong());
        assertThat(burst.path("statuses").path("DONE").asLong()).isEqualTo(burst.path("measured_events").asLong());
        assertThat(burst.path("lone_event_max_seconds").isNumber()).as("every lone event DONE").isTrue();
        JsonNode drain = json.path("backlog_drain");
        // The quick drain's cap is a safety bound far above its few events' time: all of them are written.
        assertThat(drain.path("finished_events").asLong()).isEqualTo(drain.path("measured_events").asLong());
        assertThat(drain.path("statuses").path("DONE").asLong()).isEqualTo(drain.path("measured_events").asLong());
    }
}
