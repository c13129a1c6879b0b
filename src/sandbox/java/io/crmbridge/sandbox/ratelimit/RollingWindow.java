package io.crmbridge.sandbox.ratelimit;

import java.util.ArrayDeque;

/**
 * A rolling window ("TEN_SECONDLY_ROLLING"): a request is allowed when fewer than {@code maxRequests} were allowed in
 * the {@code windowMillis} before it. It keeps the time of each allowed request still inside the window, so memory
 * follows the traffic, not the limit. Denied requests do not count. The caller supplies the clock.
 */
public final class RollingWindow {

    /** The verdict on one request; {@code retryAfterMillis} is 0 when allowed. */
    public record Decision(boolean allowed, int maxRequests, int remaining, long retryAfterMillis) {
    }

    private final int maxRequests;
    private final long windowMillis;
    private final ArrayDeque<Long> allowedAt = new ArrayDeque<>();

    public RollingWindow(int maxRequests, long windowMillis) {
        if (maxRequests < 1 || windowMillis < 1) {
            throw new IllegalArgumentException("maxRequests and windowMillis must be positive");
        }
        this.maxRequests = maxRequests;
        this.windowMillis = windowMillis;
    }

    public synchronized Decision tryAcquire(long nowMillis) {
        forgetBefore(nowMillis - windowMillis);
        if (allowedAt.size() >= maxRequests) {
            long retryAfter = allowedAt.peekFirst() + windowMillis - nowMillis;
            return new Decision(false, maxRequests, 0, Math.max(1, retryAfter));
        }
        allowedAt.addLast(nowMillis);
        return new Decision(true, maxRequests, maxRequests - allowedAt.size(), 0);
    }

    /** Requests at or before {@code horizon} have left the window. */
    private void forgetBefore(long horizon) {
        while (!allowedAt.isEmpty() && allowedAt.peekFirst() <= horizon) {
            allowedAt.pollFirst();
        }
    }
}
