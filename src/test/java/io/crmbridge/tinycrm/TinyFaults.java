package io.crmbridge.tinycrm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The tiny CRM's test knobs, in the same shape as the sandbox dialects' ({@code {"seed": .., "rules": [..]}}): per
 * rule a method and a path pattern (over {@code /api/...}), then {@code failNext} (the next n calls fail, or lose
 * their answer with {@code lostResponse} {@code 502|drop}), {@code errorRate} with {@code statuses},
 * {@code latencyMillis} and {@code retryAfterSeconds}. Also a rate limit per window and the answers counted by status.
 */
final class TinyFaults {

    /** What happens to one call. */
    record Fault(long latencyMillis, int status, int retryAfterSeconds, String lost) {

        static final Fault NONE = new Fault(0, 0, 0, null);

        boolean fails() {
            return status > 0 && lost == null;
        }
    }

    private List<Rule> rules = List.of();
    private Random random = new Random();
    private int maxRequests;
    private long windowMillis;
    private final Deque<Long> window = new ArrayDeque<>();
    private final Map<Integer, AtomicLong> served = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    synchronized void replace(Map<String, Object> settings) {
        List<Rule> compiled = new ArrayList<>();
        for (Map<String, Object> rule : (List<Map<String, Object>>) settings.getOrDefault("rules", List.of())) {
            compiled.add(new Rule(rule));
        }
        rules = compiled;
        Object seed = settings.get("seed");
        random = seed == null ? new Random() : new Random(((Number) seed).longValue());
    }

    synchronized void clear() {
        rules = List.of();
        random = new Random();
    }

    synchronized Fault decide(String method, String path) {
        for (Rule rule : rules) {
            if (rule.matches(method, path) && !rule.spent()) {
                return rule.decide(random);
            }
        }
        return Fault.NONE;
    }

    synchronized void rateLimit(int maxRequests, long windowMillis) {
        this.maxRequests = maxRequests;
        this.windowMillis = windowMillis;
        window.clear();
    }

    /** Zero when the call fits the rate limit, else the milliseconds until it would. */
    synchronized long admit() {
        if (maxRequests <= 0) {
            return 0;
        }
        long now = System.currentTimeMillis();
        while (!window.isEmpty() && window.peekFirst() <= now - windowMillis) {
            window.pollFirst();
        }
        if (window.size() >= maxRequests) {
            return Math.max(1, window.peekFirst() + windowMillis - now);
        }
        window.addLast(now);
        return 0;
    }

    void served(int status) {
        served.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    Map<Integer, AtomicLong> served() {
        return served;
    }

    private static final class Rule {
        private final String method;
        private final Pattern path;
        private final Integer failNextSet;
        private int failNext;
        private final String[] lost;
        private final Double errorRate;
        private final List<Integer> statuses;
        private final long latency;
        private final int retryAfter;

        @SuppressWarnings("unchecked")
        Rule(Map<String, Object> rule) {
            method = (String) rule.get("method");
            path = Pattern.compile(rule.get("pathPattern") == null ? ".*" : (String) rule.get("pathPattern"));
            failNextSet = rule.get("failNext") == null ? null : ((Number) rule.get("failNext")).intValue();
            failNext = failNextSet == null ? 0 : failNextSet;
            lost = rule.get("lostResponse") == null ? null : ((String) rule.get("lostResponse")).split("\\|");
            errorRate = rule.get("errorRate") == null ? null : ((Number) rule.get("errorRate")).doubleValue();
            statuses = rule.get("statuses") == null ? List.of(500, 502, 503)
                    : ((List<Number>) rule.get("statuses")).stream().map(Number::intValue).toList();
            latency = rule.get("latencyMillis") == null ? 0 : ((Number) rule.get("latencyMillis")).longValue();
            retryAfter = rule.get("retryAfterSeconds") == null ? 1 : ((Number) rule.get("retryAfterSeconds")).intValue();
        }

        boolean matches(String m, String p) {
            return (method == null || method.equalsIgnoreCase(m)) && path.matcher(p).matches();
        }

        /** Only a failNext count, run out: the rule lets calls through to the next one. */
        boolean spent() {
            return failNextSet != null && failNext == 0 && errorRate == null && latency == 0;
        }

        Fault decide(Random random) {
            if (failNext > 0) {
                failNext--;
                return lost != null ? new Fault(latency, 0, 0, lost[random.nextInt(lost.length)])
                        : new Fault(latency, statuses.get(0), retryAfter, null);
            }
            if (errorRate != null && random.nextDouble() < errorRate) {
                return new Fault(latency, statuses.get(random.nextInt(statuses.size())), retryAfter, null);
            }
            return new Fault(latency, 0, 0, null);
        }
    }
}
