package io.crmbridge.bench;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.crmbridge.testsupport.TestHttp;

/**
 * The CRM sandbox the benchmark runs against, over HTTP (in the test JVM for the quick mode, its own process for the
 * full table): CRM calls served, the rate limit in force.
 */
final class CrmSandbox {

    static final String TOKEN = "sandbox-token";

    private final String base;

    /** {@code base} is the sandbox's root, e.g. {@code http://127.0.0.1:8089/sandbox/hubspot}. */
    CrmSandbox(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    void resetCounters() {
        TestHttp.delete(base + "/_sandbox/counters", Map.of()).expect(200, 204);
    }

    /** CRM API calls served since the last reset (token endpoint and control calls excluded), by status class. */
    Calls calls() {
        JsonNode counters = TestHttp.get(base + "/_sandbox/counters", Map.of()).json(200).path("counters");
        long ok = 0;
        long limited = 0;
        long other = 0;
        for (JsonNode c : counters) {
            if (!c.path("path").asText().contains("/crm/")) {
                continue;
            }
            long n = c.path("count").asLong();
            int status = c.path("status").asInt();
            if (status == 429) {
                limited += n;
            } else if (status < 400 || status == 404 || status == 409) {
                ok += n;
            } else {
                other += n;
            }
        }
        return new Calls(ok, limited, other);
    }

    /** The rolling rate limit per token: {@code maxRequests} per {@code windowMillis}. */
    void rateLimit(int maxRequests, long windowMillis) {
        TestHttp.put(base + "/_sandbox/rate-limit", Map.of(), Map.of("maxRequests", maxRequests, "windowMillis", windowMillis))
                .expect(200);
    }

    void unlimited() {
        rateLimit(10_000_000, 1_000);
    }

    /** Calls served: answered (2xx, and 404/409 a client expects), refused by the rate limit (429), failed. */
    record Calls(long answered, long rateLimited, long failed) {
        Calls minus(Calls before) {
            return new Calls(answered - before.answered, rateLimited - before.rateLimited, failed - before.failed);
        }
    }
}
