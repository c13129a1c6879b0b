package io.crmbridge.sandbox.metrics;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

/** How many HubSpot API calls the sandbox served, by method, path template and status. */
@ApplicationScoped
public class RequestCounters {

    /** The status recorded for a request the sandbox never answered (a hang fault that ended in a closed connection). */
    public static final int NO_ANSWER = 0;

    private final Map<RequestCount.Key, LongAdder> counts = new ConcurrentHashMap<>();

    public void record(String method, String path, int status) {
        counts.computeIfAbsent(new RequestCount.Key(method, path, status), k -> new LongAdder()).increment();
    }

    public List<RequestCount> snapshot() {
        return counts.entrySet().stream()
                .map(e -> new RequestCount(e.getKey().method(), e.getKey().path(), e.getKey().status(), e.getValue().sum()))
                .filter(c -> c.count() > 0)
                .sorted(Comparator.comparing(RequestCount::path).thenComparing(RequestCount::method)
                        .thenComparingInt(RequestCount::status))
                .toList();
    }

    public void reset() {
        counts.clear();
    }
}
