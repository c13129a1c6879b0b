package io.crmbridge.crm.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** How calls are grouped: by size, by window, by everyone waiting, and never one upsert key twice in a batch. */
class CallBatcherTest {

    private final List<List<String>> sent = new CopyOnWriteArrayList<>();

    private CallBatcher batcher(int maxSize, long windowMillis) {
        return new CallBatcher(maxSize, windowMillis, (group, calls) -> {
            List<String> keys = new ArrayList<>();
            calls.forEach(c -> keys.addAll(c.keys));
            sent.add(keys);
            calls.forEach(c -> c.answer.complete(new PendingCall.Share(200, Map.of())));
        });
    }

    @Test
    void announcedCallersBeyondTheWorkersAreNotWaitedFor() throws Exception {
        List<List<String>> sentHere = new CopyOnWriteArrayList<>();
        // a window of a minute: only "everyone in flight is waiting" can send the group within the test
        CallBatcher batcher = new CallBatcher(100, 60_000, 60_000, 2, (group, calls) -> {
            List<String> keys = new ArrayList<>();
            calls.forEach(c -> keys.addAll(c.keys));
            sentHere.add(keys);
            calls.forEach(c -> c.answer.complete(new PendingCall.Share(200, Map.of())));
        });
        batcher.enter(20); // a claim of 20 events, but only 2 workers
        PendingCall a = call("a");
        PendingCall b = call("b");
        batcher.submit(upserts(), a);
        assertThat(sentHere).isEmpty();
        batcher.submit(upserts(), b);
        a.answer.get(5, TimeUnit.SECONDS);
        assertThat(sentHere).containsExactly(List.of("a", "b"));
    }

    private static CallGroup upserts() {
        return new CallGroup("hubspot", CallGroup.Operation.UPSERT, "companies", "crmbridge_key", null, List.of());
    }

    private static PendingCall call(String key) {
        return new PendingCall(List.of(key), Map.of());
    }

    @Test
    void aFullGroupGoesAtOnceAndTheRestAfterItsWindow() throws Exception {
        CallBatcher batcher = batcher(3, 200);
        batcher.enter(10);
        List<PendingCall> calls = new ArrayList<>();
        for (String key : List.of("a", "b", "c", "d")) {
            PendingCall c = call(key);
            calls.add(c);
            batcher.submit(upserts(), c);
        }
        calls.get(0).answer.get(5, TimeUnit.SECONDS);
        assertThat(sent).containsExactly(List.of("a", "b", "c"));
        calls.get(3).answer.get(5, TimeUnit.SECONDS);
        assertThat(sent).containsExactly(List.of("a", "b", "c"), List.of("d"));
    }

    @Test
    void oneUpsertKeyIsNeverTwiceInOneBatch() throws Exception {
        CallBatcher batcher = batcher(10, 100);
        batcher.enter(10);
        PendingCall first = call("acme.example");
        PendingCall second = call("acme.example");
        batcher.submit(upserts(), first);
        batcher.submit(upserts(), second);
        first.answer.get(5, TimeUnit.SECONDS);
        second.answer.get(5, TimeUnit.SECONDS);
        assertThat(sent).containsExactly(List.of("acme.example"), List.of("acme.example"));
    }

    @Test
    void whenEveryCallerInFlightWaitsTheGroupsGoWithoutTheirWindow() throws Exception {
        CallBatcher batcher = batcher(100, 60_000);
        batcher.enter(2);
        PendingCall a = call("a");
        batcher.submit(upserts(), a);
        assertThat(a.answer).isNotDone();
        PendingCall b = call("b");
        batcher.submit(upserts(), b);
        a.answer.get(5, TimeUnit.SECONDS);
        b.answer.get(5, TimeUnit.SECONDS);
        assertThat(sent).containsExactly(List.of("a", "b"));
    }

    @Test
    void aCallerParkedOnAKeyLockIsNotWaitedFor() throws Exception {
        // four workers on four events of one company: one holds the key, the others wait for it and submit nothing
        CallBatcher batcher = batcher(100, 60_000);
        batcher.enter(4);
        batcher.park();
        batcher.park();
        PendingCall a = call("a");
        batcher.submit(upserts(), a);
        assertThat(a.answer).as("one caller besides it may still submit").isNotDone();
        batcher.park(); // the last one besides a parks: a's group goes without its window
        a.answer.get(5, TimeUnit.SECONDS);
        assertThat(sent).containsExactly(List.of("a"));
    }

    @Test
    void aCallerLeavingReleasesTheOthers() throws Exception {
        CallBatcher batcher = batcher(100, 60_000);
        batcher.enter(2);
        PendingCall a = call("a");
        batcher.submit(upserts(), a);
        assertThat(a.answer).isNotDone();
        batcher.leave(1);
        a.answer.get(5, TimeUnit.SECONDS);
        assertThat(sent).containsExactly(List.of("a"));
    }

    @Test
    void anAssociationIsOneInputNotTwo() throws Exception {
        CallBatcher batcher = batcher(2, 60_000);
        batcher.enter(10);
        CallGroup associations = new CallGroup("hubspot", CallGroup.Operation.ASSOCIATE, "contacts", null, "companies",
                List.of());
        PendingCall a = new PendingCall(List.of("1", "2"), null);
        PendingCall b = new PendingCall(List.of("3", "4"), null);
        batcher.submit(associations, a);
        batcher.submit(associations, b);
        a.answer.get(5, TimeUnit.SECONDS);
        b.answer.get(5, TimeUnit.SECONDS);
        assertThat(sent).containsExactly(List.of("1", "2", "3", "4"));
    }

    @Test
    void aLoneCallGoesAtOnce() throws Exception {
        CallBatcher batcher = batcher(100, 60_000);
        PendingCall a = call("a");
        batcher.submit(upserts(), a);
        a.answer.get(5, TimeUnit.SECONDS);
        assertThat(sent).containsExactly(List.of("a"));
    }
}
