package io.crmbridge.inbound;

import static io.crmbridge.testsupport.SandboxControl.control;

import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;

import io.crmbridge.testsupport.TestDb;


/** Test helper: sandbox data, the poll routes, and what reached the intake_outbox table. */
@ApplicationScoped
public class InboundFixture {

    @Inject
    DataSource dataSource;

    @Inject
    CamelContext camel;

    @Inject
    SyncCursors cursors;

    /** An empty sandbox, no cursor and no outbox rows for the object: the next poll reads from the beginning. */
    public void reset(String object) {
        control().delete("/objects").then().statusCode(204);
        control().delete("/faults").then().statusCode(200);
        sql("DELETE FROM sync_cursor WHERE connection = 'hubspot' AND object = ?", object);
        sql("DELETE FROM intake_outbox WHERE connection = 'hubspot' AND object = ?", object);
    }

    public void seedContacts(int count) {
        control().body(Map.of("contacts", count)).post("/seed").then().statusCode(200);
    }

    /** Sets the modification time of the first {@code count} contacts (lowest ids) to {@code at}. */
    public void bulkTouchContacts(int count, Instant at) {
        control().body(Map.of("objectType", "contacts", "count", count, "timestamp", at.toString()))
                .post("/bulk-touch").then().statusCode(200);
    }

    /** A contact inserted at the CRM's clock; answers its id. */
    public String insertContact(String email) {
        return control().body(Map.of("properties", Map.of("email", email, "firstname", "Test")))
                .post("/objects/contacts").then().statusCode(201).extract().path("id");
    }

    public void humanEdit(String id, Map<String, Object> properties) {
        control().body(Map.of("objectType", "contacts", "id", id, "properties", properties))
                .post("/human-edit").then().statusCode(200);
    }

    public void clockOffset(long seconds) {
        control().body(Map.of("offsetSeconds", seconds)).put("/clock").then().statusCode(200);
    }

    /** Every search of the object answers slower by {@code millis}. */
    public void slowSearches(long millis) {
        faults(Map.of("pathPattern", ".*/search", "latencyMillis", millis));
    }

    /** Every search of the object fails with 503. */
    public void failSearches() {
        faults(Map.of("pathPattern", ".*/search", "errorRate", 1.0, "statuses", java.util.List.of(503)));
    }

    public void clearFaults() {
        control().delete("/faults").then().statusCode(200);
    }

    private void faults(Map<String, Object> rule) {
        control().body(Map.of("rules", java.util.List.of(rule))).put("/faults")
                .then().statusCode(200);
    }

    public void start(String routeId) throws Exception {
        camel.getRouteController().startRoute(routeId);
    }

    public void stop(String routeId) throws Exception {
        if (camel.getRouteController().getRouteStatus(routeId) != ServiceStatus.Stopped) {
            camel.getRouteController().stopRoute(routeId, 60, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Outbox rows per record id of the object. */
    public Map<String, Integer> outboxCounts(String object) {
        return counts("SELECT record_id, count(*) FROM intake_outbox WHERE connection = 'hubspot' AND object = ?"
                + " GROUP BY record_id", object);
    }

    /** Outbox rows per (record id, version) of the object. */
    public Map<String, Integer> outboxVersionCounts(String object) {
        return counts("SELECT record_id || '@' || version, count(*) FROM intake_outbox WHERE connection = 'hubspot'"
                + " AND object = ? GROUP BY record_id, version", object);
    }

    public int outboxRows(String object) {
        return outboxCounts(object).values().stream().mapToInt(Integer::intValue).sum();
    }

    public SyncCursors.Row cursor(String object) {
        return cursors.find("hubspot", object).orElse(null);
    }

    /** Operator cursor reset: the next poll reads the object from the beginning. */
    public void resetCursor(String object) {
        cursors.reset("hubspot", object);
    }

    public Instant lastSuccess(String object) {
        SyncCursors.Row row = cursor(object);
        return row == null ? null : row.lastSuccessAt();
    }

    private Map<String, Integer> counts(String sql, String param) {
        return TestDb.counts(dataSource, sql, param);
    }

    public int count(String sql, String param) {
        return TestDb.count(dataSource, sql, param);
    }

    /** Seconds from {@code from} to the time a one-column query answers, the query's {@code ?} bound to {@code param}. */
    public double secondsBetween(Instant from, String timeQuery, String param) {
        return ((Number) TestDb.scalar(dataSource, "SELECT extract(epoch FROM (" + timeQuery + ") - CAST(? AS timestamptz))",
                param, from.toString())).doubleValue();
    }

    public void sql(String sql, String param) {
        TestDb.update(dataSource, sql, param);
    }
}
