package io.crmbridge.sandbox.metrics;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The answer of {@code GET /sandbox/hubspot/_sandbox/counters}. */
@RegisterForReflection
public record CountersView(long total, List<RequestCount> counters) {

    static CountersView of(List<RequestCount> counters) {
        return new CountersView(counters.stream().mapToLong(RequestCount::count).sum(), counters);
    }
}
