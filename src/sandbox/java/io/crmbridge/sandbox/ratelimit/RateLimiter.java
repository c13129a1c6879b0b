package io.crmbridge.sandbox.ratelimit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * One rolling window per token plus a daily count per token (reported in headers, reset at midnight UTC). Changing
 * the settings starts every window afresh.
 */
@ApplicationScoped
public class RateLimiter {

    /** The verdict on one request with everything the response headers report. */
    public record Verdict(RollingWindow.Decision window, long windowMillis, long dailyMax, long dailyRemaining) {
    }

    private final RateLimitConfig config;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, RollingWindow> windows = new ConcurrentHashMap<>();
    private final Map<String, DailyCount> daily = new ConcurrentHashMap<>();
    private volatile RateLimitSettings settings;

    public RateLimiter(RateLimitConfig config) {
        this.config = config;
        this.settings = RateLimitSettings.of(config);
    }

    public Verdict acquire(String token) {
        RateLimitSettings current = settings;
        long now = clock.millis();
        RollingWindow window = windows.computeIfAbsent(token,
                t -> new RollingWindow(current.maxRequests(), current.windowMillis()));
        RollingWindow.Decision decision = window.tryAcquire(now);
        long usedToday = decision.allowed()
                ? daily.computeIfAbsent(token, t -> new DailyCount()).increment(today())
                : daily.computeIfAbsent(token, t -> new DailyCount()).current(today());
        return new Verdict(decision, current.windowMillis(), current.dailyMax(), Math.max(0, current.dailyMax() - usedToday));
    }

    public RateLimitSettings settings() {
        return settings;
    }

    public synchronized RateLimitSettings change(RateLimitSettings change) {
        settings = settings.merge(change);
        windows.clear();
        return settings;
    }

    /** The configured settings and empty windows and daily counts. */
    public synchronized RateLimitSettings reset() {
        settings = RateLimitSettings.of(config);
        windows.clear();
        daily.clear();
        return settings;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static final class DailyCount {
        private LocalDate day;
        private long count;

        synchronized long increment(LocalDate today) {
            current(today);
            return ++count;
        }

        synchronized long current(LocalDate today) {
            if (!today.equals(day)) {
                day = today;
                count = 0;
            }
            return count;
        }
    }
}
