package io.crmbridge.outbound.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * What wakes the dispatcher: an event stored after its mark. An idle dispatcher is woken by the next arrival instead of
 * its next poll; a claim behind a burst keeps waiting while the burst arrives and stops as soon as it is over.
 */
class QueueArrivalsTest {

    @Test
    void anEventStoredAfterTheMarkIsSeenEvenBeforeTheWaitBegins() throws Exception {
        QueueArrivals arrivals = new QueueArrivals();
        long mark = arrivals.mark();
        arrivals.stored();
        assertThat(arrivals.awaitAfter(mark, 0)).isTrue();
        assertThat(arrivals.awaitAfter(arrivals.mark(), 0)).as("nothing stored after the new mark").isFalse();
    }

    @Test
    void anIdleWaitEndsWithTheNextArrivalNotItsTimeout() throws Exception {
        QueueArrivals arrivals = new QueueArrivals();
        long mark = arrivals.mark();
        // a wait far longer than this test may take: only the arrival can end it in time
        CompletableFuture<Boolean> woken = CompletableFuture.supplyAsync(() -> {
            try {
                return arrivals.awaitAfter(mark, 600_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        arrivals.stored();
        assertThat(woken.get(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFillWaitsNotAtAllWhenNoEventArrivedWithinTheQuietTime() throws Exception {
        QueueArrivals arrivals = new QueueArrivals();
        // the last event came before the quiet time (none at all here): the burst is over, a long maximum is not waited
        long more = CompletableFuture.supplyAsync(() -> {
            try {
                return arrivals.awaitMore(arrivals.mark(), 100, 0, 600_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(more).isZero();
    }

    @Test
    void aFillEndsAsSoonAsTheEventsItWantsArrived() throws Exception {
        QueueArrivals arrivals = new QueueArrivals();
        long mark = arrivals.mark();
        arrivals.stored();
        // the burst is arriving (the last event just came) and a quiet time and maximum far above this test's time
        CompletableFuture<Long> more = CompletableFuture.supplyAsync(() -> {
            try {
                return arrivals.awaitMore(mark, 3, 600_000, 600_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        arrivals.stored();
        arrivals.stored();
        assertThat(more.get(60, TimeUnit.SECONDS)).isEqualTo(3);
    }
}
