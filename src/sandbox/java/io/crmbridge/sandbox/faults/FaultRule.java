package io.crmbridge.sandbox.faults;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One fault rule. It applies to HubSpot API calls whose path after {@code /sandbox/hubspot} matches
 * {@code pathPattern} (a Java regular expression over the whole path; absent matches every path) and, when given,
 * whose method is {@code method}. For each such request: wait {@code latencyMillis}, then fail it if
 * {@code failNext} is still above zero (counting down), else hang with probability {@code hangRate}, else answer
 * one of {@code statuses} (default 500, 502, 503, chosen at random) with probability {@code errorRate}, else lose
 * the response with probability {@code lostResponseRate}: the request is served (a write commits) and its answer is
 * then replaced as {@code lostResponse} says ({@code "502"}, {@code "drop"}, {@code "hang"}, or several joined by
 * {@code |} to pick one at random; default 502). On a rule that names {@code lostResponse}, {@code failNext} counts
 * lost responses instead of error answers. An injected 429 carries {@code Retry-After: retryAfterSeconds} (default 1;
 * 0 sends none, as a CRM that leaves the wait to the client's default window).
 */
@RegisterForReflection
public record FaultRule(String method, String pathPattern, Double errorRate, List<Integer> statuses, Long latencyMillis,
        Double hangRate, Integer failNext, Double lostResponseRate, String lostResponse, Integer retryAfterSeconds) {

    static final List<Integer> DEFAULT_STATUSES = List.of(500, 502, 503);

    /** A rule without lost responses. */
    public FaultRule(String method, String pathPattern, Double errorRate, List<Integer> statuses, Long latencyMillis,
            Double hangRate, Integer failNext) {
        this(method, pathPattern, errorRate, statuses, latencyMillis, hangRate, failNext, null, null, null);
    }

    /** What an injected 429 says in {@code Retry-After}: seconds, or none when 0. */
    int retryAfter() {
        return retryAfterSeconds == null ? 1 : Math.max(0, retryAfterSeconds);
    }
}
