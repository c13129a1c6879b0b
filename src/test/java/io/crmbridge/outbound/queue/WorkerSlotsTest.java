package io.crmbridge.outbound.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The events in hand, per claim: what the dispatcher may still claim and whose leases are renewed. */
class WorkerSlotsTest {

    private static ClaimedEvent claim(String id, long claim) {
        return new ClaimedEvent(id, "webform", "hubspot", new byte[0], 0, claim);
    }

    @Test
    void aClaimsReleaseFreesItsSlotOnceAndOnlyItsOwn() throws Exception {
        WorkerSlots slots = new WorkerSlots(2);
        slots.taken(List.of(claim("a", 1), claim("b", 2)));
        assertThat(slots.awaitFree(1, 0)).isZero();

        slots.release(claim("a", 1));
        slots.release(claim("a", 1)); // the worker's finally and the claim's end both let go
        assertThat(slots.awaitFree(1, 0)).isEqualTo(1);
        assertThat(slots.snapshot()).containsExactly("b");
    }

    @Test
    void anEventClaimedAgainBeforeItsFirstWorkerLetGoKeepsTheNewClaimInHandAndRenewed() {
        WorkerSlots slots = new WorkerSlots(4);
        ClaimedEvent first = claim("e", 1);
        slots.taken(List.of(first));
        // the first worker put the event back to the queue (a busy key, a 429 pause) and the dispatcher took it again
        ClaimedEvent second = claim("e", 2);
        slots.taken(List.of(second));

        // the first worker's release comes after: the second claim's lease must still be renewed
        slots.release(first.begun(1));
        assertThat(slots.snapshot()).containsExactly("e");
        assertThat(slots.size()).isEqualTo(1);

        slots.release(second.begun(2));
        assertThat(slots.snapshot()).isEmpty();
    }
}
