package io.crmbridge.sandbox.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Holds the fault rules and decides, request by request, which fault (if any) applies. Decisions are synchronized,
 * so with a seed the sequence of outcomes for a sequence of requests is repeatable.
 */
@ApplicationScoped
public class FaultInjector {

    private final FaultsConfig config;
    private List<ActiveRule> rules = List.of();
    private Random random = new Random();
    private Long seed;
    private long maxHangMillis;

    public FaultInjector(FaultsConfig config) {
        this.config = config;
        clear();
    }

    /** Replaces the setup; throws {@link IllegalArgumentException} saying what is wrong with it. */
    public synchronized FaultSettings replace(FaultSettings settings) {
        List<ActiveRule> compiled = new ArrayList<>();
        for (FaultRule rule : settings.rules() == null ? List.<FaultRule> of() : settings.rules()) {
            compiled.add(ActiveRule.of(rule));
        }
        if (settings.maxHangMillis() != null && settings.maxHangMillis() < 1) {
            throw new IllegalArgumentException("maxHangMillis must be positive");
        }
        rules = compiled;
        seed = settings.seed();
        random = seed == null ? new Random() : new Random(seed);
        maxHangMillis = settings.maxHangMillis() != null ? settings.maxHangMillis() : config.maxHang().toMillis();
        return settings();
    }

    public synchronized FaultSettings settings() {
        return new FaultSettings(seed, maxHangMillis, rules.stream().map(ActiveRule::view).toList());
    }

    public synchronized void clear() {
        rules = List.of();
        seed = null;
        random = new Random();
        maxHangMillis = config.maxHang().toMillis();
    }

    synchronized long maxHangMillis() {
        return maxHangMillis;
    }

    /** The fault for a request to {@code path} (after /sandbox/hubspot). */
    synchronized Fault decide(String method, String path) {
        for (ActiveRule rule : rules) {
            if (rule.matches(method, path) && !rule.spent()) {
                return rule.decide(random);
            }
        }
        return Fault.NONE;
    }

    /** A rule with its pattern compiled and its failNext counting down. */
    private static final class ActiveRule {
        private final FaultRule rule;
        private final Pattern path;
        private final List<LostResponse> lostModes;
        private int failNext;

        private ActiveRule(FaultRule rule, Pattern path) {
            this.rule = rule;
            this.path = path;
            this.lostModes = LostResponse.parseAll(rule.lostResponse());
            this.failNext = rule.failNext() == null ? 0 : rule.failNext();
        }

        static ActiveRule of(FaultRule rule) {
            requireShare("errorRate", rule.errorRate());
            requireShare("hangRate", rule.hangRate());
            requireShare("lostResponseRate", rule.lostResponseRate());
            if (rule.latencyMillis() != null && rule.latencyMillis() < 0) {
                throw new IllegalArgumentException("latencyMillis must not be negative");
            }
            if (rule.failNext() != null && rule.failNext() < 0) {
                throw new IllegalArgumentException("failNext must not be negative");
            }
            if (rule.statuses() != null && rule.statuses().stream().anyMatch(s -> s == null || s < 400 || s > 599)) {
                throw new IllegalArgumentException("statuses must be 4xx or 5xx codes");
            }
            if (rule.statuses() != null && rule.statuses().isEmpty()) {
                throw new IllegalArgumentException("statuses must not be empty (leave it out for 500, 502, 503)");
            }
            try {
                return new ActiveRule(rule, Pattern.compile(rule.pathPattern() == null ? ".*" : rule.pathPattern()));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("pathPattern is not a regular expression: " + e.getDescription());
            }
        }

        private static void requireShare(String name, Double share) {
            if (share != null && (share < 0 || share > 1)) {
                throw new IllegalArgumentException(name + " must be between 0 and 1");
            }
        }

        /** Only a {@code failNext} count, and it has run out: the rule passes requests on to the next one. */
        boolean spent() {
            return failNext == 0 && rule.failNext() != null && rule.errorRate() == null && rule.hangRate() == null
                    && rule.lostResponseRate() == null && rule.latencyMillis() == null;
        }

        boolean matches(String method, String requestPath) {
            return (rule.method() == null || rule.method().equalsIgnoreCase(method))
                    && path.matcher(requestPath).matches();
        }

        Fault decide(Random random) {
            long latency = rule.latencyMillis() == null ? 0 : rule.latencyMillis();
            List<Integer> statuses = rule.statuses() == null ? FaultRule.DEFAULT_STATUSES : rule.statuses();
            if (failNext > 0) {
                failNext--;
                return rule.lostResponse() != null ? lost(latency, random)
                        : Fault.error(latency, statuses.get(0), rule.retryAfter());
            }
            double roll = random.nextDouble();
            double hang = rule.hangRate() == null ? 0 : rule.hangRate();
            double error = rule.errorRate() == null ? 0 : rule.errorRate();
            double lost = rule.lostResponseRate() == null ? 0 : rule.lostResponseRate();
            if (roll < hang) {
                return new Fault(latency, Fault.Kind.HANG, 0);
            }
            if (roll < hang + error) {
                return Fault.error(latency, statuses.get(random.nextInt(statuses.size())), rule.retryAfter());
            }
            if (roll < hang + error + lost) {
                return lost(latency, random);
            }
            return new Fault(latency, Fault.Kind.NONE, 0);
        }

        private Fault lost(long latency, Random random) {
            LostResponse mode = lostModes.size() == 1 ? lostModes.get(0) : lostModes.get(random.nextInt(lostModes.size()));
            return new Fault(latency, Fault.Kind.LOST_RESPONSE, mode == LostResponse.BAD_GATEWAY ? 502 : 0, mode);
        }

        FaultRule view() {
            return new FaultRule(rule.method(), rule.pathPattern(), rule.errorRate(), rule.statuses(), rule.latencyMillis(),
                    rule.hangRate(), failNext, rule.lostResponseRate(), rule.lostResponse(), rule.retryAfterSeconds());
        }
    }
}
