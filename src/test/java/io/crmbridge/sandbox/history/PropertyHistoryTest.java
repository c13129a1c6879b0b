package io.crmbridge.sandbox.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.crmbridge.sandbox.objects.CrmRecord;
import io.crmbridge.sandbox.objects.ObjectType;
import io.crmbridge.sandbox.objects.RecordStore;
import io.crmbridge.sandbox.objects.SandboxClock;
import io.crmbridge.sandbox.seed.SeedGenerator;

/** History without HTTP: the per-property cap, and that seeds and bulk touches store nothing. */
class PropertyHistoryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void keepsAtMostTheCapNewestFirst() {
        SandboxClock clock = new SandboxClock(Clock.fixed(T0, ZoneOffset.UTC));
        PropertyHistory history = new PropertyHistory("app-7", 3);
        RecordStore store = new RecordStore(clock, history);
        CrmRecord r = store.create(ObjectType.CONTACTS, Map.of("email", "cap@x.test", "city", "c0"), true);
        for (int i = 1; i <= 10; i++) {
            clock.setOffset(Duration.ofSeconds(i));
            store.update(ObjectType.CONTACTS, r.id(), Map.of("city", "c" + i));
        }
        CrmRecord now = store.get(ObjectType.CONTACTS, r.id(), false).orElseThrow();
        List<ValueWithTimestamp> city = history.view(now, List.of("city")).get("city");
        assertThat(city).extracting(ValueWithTimestamp::value).containsExactly("c10", "c9", "c8");
        assertThat(city).extracting(ValueWithTimestamp::sourceId).containsOnly("app-7");
        assertThat(history.view(now, List.of("nonexistent"))).isEmpty();
        assertThat(history.view(now, List.of("phone"))).containsEntry("phone", List.of());
    }

    @Test
    void aHundredThousandSeedAndATwelveThousandBulkTouchStoreNoVersions() {
        SandboxClock clock = new SandboxClock(Clock.fixed(T0, ZoneOffset.UTC));
        PropertyHistory history = new PropertyHistory("app", 20);
        RecordStore store = new RecordStore(clock, history);
        long start = System.nanoTime();
        new SeedGenerator(store, clock).seed(ObjectType.CONTACTS, 100_000, new SplittableRandom(1));
        assertThat(store.touch(ObjectType.CONTACTS, 12_000, T0)).isEqualTo(12_000);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(history.storedVersions()).isZero();
        // Derived on read: the seeded value as an IMPORT at creation.
        CrmRecord any = store.list(ObjectType.CONTACTS, 0, 1, false).get(0);
        assertThat(history.view(any, List.of("firstname")).get("firstname")).singleElement()
                .satisfies(v -> assertThat(v.sourceType()).isEqualTo("IMPORT"));
        // 12,000 writes: two new properties store one version each; changing a seeded value also stores the value
        // it replaces (the import), once.
        for (CrmRecord c : store.list(ObjectType.CONTACTS, 0, 12_000, false)) {
            store.update(ObjectType.CONTACTS, c.id(), Map.of("jobtitle", "Bulk", "city", "Leeds"));
        }
        assertThat(history.storedVersions()).isEqualTo(2L * 12_000);
        for (CrmRecord c : store.list(ObjectType.CONTACTS, 0, 1_000, false)) {
            store.update(ObjectType.CONTACTS, c.id(), Map.of("firstname", "Renamed-" + c.id()));
        }
        assertThat(history.storedVersions()).isEqualTo(2L * 12_000 + 2 * 1_000);
        System.out.printf("seed 100,000 + bulk touch 12,000: %d ms; %d versions after 12,000 writes%n", millis,
                history.storedVersions());
    }
}
