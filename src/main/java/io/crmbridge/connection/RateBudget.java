package io.crmbridge.connection;

import java.time.Duration;

/**
 * The shared token bucket that keeps every replica together within {@code requests} per {@code period}, in every
 * window of that length (not only in aligned ones).
 *
 * <p>A bucket of capacity C refilled at r per second grants at most C + r·W in any stretch W. A permit is used
 * within {@code leaseValidity} v of its grant, so the requests sent in any window of length P were granted within
 * P + v: at most C + r·(P + v). With C = the lease size b and r = (requests − b) / (P + v) that is exactly
 * {@code requests}. The price: the sustained rate is (requests − b) / (P + v), e.g. 86% of 100 per 10 s with b = 5
 * and v = 1 s; bigger leases mean fewer database round trips and a lower rate.
 */
public record RateBudget(int leaseSize, double capacity, double perSecond, Duration leaseValidity) {

    public static RateBudget of(ConnectionsConfig.RateLimit limit) {
        int requests = Math.max(1, limit.requests());
        Duration period = limit.period();
        int leaseSize = Math.max(1, Math.min(limit.leaseSize().orElse(requests / 20), requests / 2));
        Duration validity = limit.leaseValidity().orElse(period.dividedBy(10));
        double seconds = (period.toNanos() + validity.toNanos()) / 1e9;
        // A limit of 1 cannot be split into a lease and a refill; it is kept per period plus validity.
        double perSecond = Math.max(1, requests - leaseSize) / seconds;
        return new RateBudget(leaseSize, leaseSize, perSecond, validity);
    }
}
