package io.crmbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The CI versions of the reliability runs (after {@code package}, in every {@code verify}): the production application
 * ({@code target/quarkus-app}) runs as its own process on a durable embedded PostgreSQL and is SIGKILLed for real;
 * the CRM sandbox is this test JVM's (a {@code @QuarkusTest} application serves it), so no second build is needed.
 * CI sizes (size {@code ci}): crash (1 kill as soon as events are in flight, 40 lead events, 60 inbound records),
 * then one event in flight at a SIGKILL on the same bridge; fault (12 events), then hostile (400 requests) on one
 * bridge. {@code -Dreliability.ci=false} skips them; the full sizes are the README's reliability commands.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisabledIfSystemProperty(named = "reliability.ci", matches = "false", disabledReason = "-Dreliability.ci=false")
class ReliabilityRunsIT {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path BRIDGE_JAR = ROOT.resolve("target/quarkus-app/quarkus-run.jar");

    /** The crash run's bridge, killed once more by the kill mid-event. */
    static BridgeUnderTest crashBridge;
    /** The fault run's bridge (its fast retries and 3 s CRM timeout), then the hostile run's. */
    static BridgeUnderTest faultBridge;

    SandboxUnderTest sandbox;

    /** This JVM's application, serving the sandbox (RestAssured knows its port once a test runs). */
    @BeforeEach
    void sandbox() {
        sandbox = SandboxUnderTest.at("http://localhost:" + RestAssured.port);
    }

    @AfterEach
    void reset() {
        sandbox.reset();
    }

    @AfterAll
    static void stopBridges() {
        for (BridgeUnderTest bridge : new BridgeUnderTest[] {crashBridge, faultBridge}) {
            if (bridge != null) {
                bridge.close();
            }
        }
    }

    private static Path workDir(String name) {
        return ROOT.resolve("target/reliability-runs").resolve(name + "-ci");
    }

    private static void assertPassed(RunReport report) {
        report.finish(ROOT);
        assertThat(report.failures()).as("failed checks of the %s run", report.figures().get("run")).isEmpty();
    }

    /** A bridge started on a fresh data directory, its start-up time printed. */
    private BridgeUnderTest started(String name, Map<String, String> settings) {
        long start = System.nanoTime();
        BridgeUnderTest bridge = new BridgeUnderTest(BRIDGE_JAR, workDir(name), sandbox, settings).startFresh();
        System.out.printf("[reliability ci] %s bridge ready in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
        return bridge;
    }

    private static void printSeconds(String what, long startNanos) {
        System.out.printf("[reliability ci] %s: %.1f s%n", what, (System.nanoTime() - startNanos) / 1e9);
    }

    @Test
    @Order(1)
    void crashRunLosesAndDuplicatesNothing() throws Exception {
        long start = System.nanoTime();
        crashBridge = started("crash", Map.of());
        RunReport report = new CrashRun(CrashRun.Params.of("ci"), sandbox, BRIDGE_JAR, workDir("crash")).run(crashBridge);
        printSeconds("crash run", start);
        assertPassed(report);
        assertThat(report.figures()).containsEntry("lost", 0L).containsEntry("duplicated", 0L).containsEntry("kills", 1)
                .containsEntry("killsWithWorkInFlight", 1L);
    }

    @Test
    @Order(3)
    void faultRunEndsEveryEventDoneOrExplainedAndReplayDrainsTheDeadLetters() throws Exception {
        long start = System.nanoTime();
        faultBridge = started("fault", FaultRun.SETTINGS);
        RunReport report = new FaultRun(FaultRun.Params.of("ci"), sandbox, BRIDGE_JAR, workDir("fault")).run(faultBridge);
        printSeconds("fault run", start);
        assertPassed(report);
        assertThat(report.figures()).containsEntry("openDeadLettersAfterReplay", 0L).containsEntry("duplicates", 0L);
    }

    @Test
    @Order(4)
    void hostileRunIsAnswered202Or4xxAndEveryAcceptedEventFinishes() throws Exception {
        long start = System.nanoTime();
        if (faultBridge == null || !faultBridge.alive()) {
            faultBridge = started("fault", FaultRun.SETTINGS);
        }
        RunReport report = new HostileRun(HostileRun.Params.of("ci"), sandbox, BRIDGE_JAR, workDir("fault")).run(faultBridge);
        printSeconds("hostile run (on the fault run's bridge)", start);
        assertPassed(report);
        assertThat(report.figures()).containsEntry("answersNeither202Nor4xx", 0L).containsEntry("unfinished", 0L);
    }

    /**
     * A worker killed mid-event (SIGKILL of the bridge while the event's contact write hangs in
     * the CRM) and started again: the event finishes within 30 s of the restart, written once.
     */
    @Test
    @Order(2)
    void anEventInFlightAtASigkillFinishesWithin30sOfTheRestart() {
        long start = System.nanoTime();
        sandbox.reset();
        if (crashBridge == null || !crashBridge.alive()) {
            crashBridge = started("crash", Map.of());
        }
        BridgeUnderTest bridge = crashBridge;
        try {
            bridge.provision();
            // every contact write hangs: the event is held in the middle of its CRM writes
            sandbox.control("PUT", "/faults", Map.of("rules", List.of(Map.of("method", "POST",
                    "pathPattern", "/crm/v3/objects/contacts/batch/upsert", "latencyMillis", 60_000)))).expectOk("latency");
            sandbox.control("DELETE", "/counters", null);
            LeadTraffic traffic = new LeadTraffic("kill" + Long.toString(System.currentTimeMillis() % 1_000_000, 36), 1);
            try {
                traffic.postAll(bridge::url, 1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            String eventId = traffic.accepted.get(0);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> bridge.statuses(List.of(eventId)).containsKey("PROCESSING")
                            && crmCallsAnswered() > 0);

            bridge.kill();
            assertThat(bridge.alive()).isFalse();
            sandbox.control("DELETE", "/faults", null).expectOk("clear faults");
            bridge.start();
            Instant ready = Instant.now();

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> bridge.statuses(List.of(eventId)).containsKey("DONE"));
            System.out.printf("kill mid-event: DONE %d ms after the restarted bridge was ready%n",
                    Duration.between(ready, Instant.now()).toMillis());
            Map<String, Object> crm = new CrmAudit(sandbox).leads(traffic, Map.of(traffic.email(0), 1L));
            assertThat(crm).containsEntry("duplicates", 0L).containsEntry("missingContacts", 0L)
                    .containsEntry("missingNotes", 0L).containsEntry("dealsWithWrongLinks", 0L);
        } finally {
            sandbox.reset();
            printSeconds("kill mid-event (on the crash run's bridge)", start);
        }
    }

    /** CRM calls the sandbox has answered since its counters were cleared: the event's work has begun. */
    private long crmCallsAnswered() {
        return sandbox.control("GET", "/counters", null).json().path("total").asLong();
    }
}
