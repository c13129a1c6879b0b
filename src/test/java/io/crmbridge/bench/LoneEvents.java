package io.crmbridge.bench;

import java.util.ArrayList;
import java.util.List;

import io.crmbridge.testsupport.AppProcess;
import io.crmbridge.testsupport.TestHttp;

/**
 * A lone event's latency on an idle CRM: one lead event posted when nothing else is queued or in flight, and the time
 * from its 202 until it is {@code DONE} (its records written), its status read every 5 ms. Repeated {@code count}
 * times, a second apart, so each finds the bridge idle.
 */
final class LoneEvents {

    private LoneEvents() {
    }

    /** The latencies in seconds, in the order measured; NaN for one not DONE within {@code capMillis}. */
    static List<Double> run(AppProcess bridge, BenchPostgres db, String jdbcUrl, String run, int count, long capMillis) {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AppProcess.pause(1000);
            String body = LeadEvents.lead("lone-" + run + "-" + i);
            String id = TestHttp.post(bridge.url("/events/webform"), TestHttp.bearer(LeadEvents.SOURCE_SECRET), body)
                    .json(202).path("eventId").asText();
            long accepted = System.nanoTime();
            long deadline = accepted + capMillis * 1_000_000;
            String status = db.eventStatus(jdbcUrl, id);
            while (!"DONE".equals(status) && !BacklogDrain.FINAL.contains(String.valueOf(status))
                    && System.nanoTime() < deadline) {
                AppProcess.pause(5);
                status = db.eventStatus(jdbcUrl, id);
            }
            seconds.add("DONE".equals(status) ? (System.nanoTime() - accepted) / 1e9 : Double.NaN);
        }
        return seconds;
    }
}
