package io.crmbridge.sandbox.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.crmbridge.sandbox.objects.ObjectType;
import io.crmbridge.sandbox.objects.RecordStore;
import io.crmbridge.sandbox.objects.SandboxClock;

/** Start-up seeding and the scheduled stream of simulated human edits, without Quarkus. */
class HumanEditSimulatorTest {

    private static SeedConfig config(int contacts, int companies, int deals, Duration interval) {
        return new SeedConfig() {
            public int contacts() {
                return contacts;
            }

            public int companies() {
                return companies;
            }

            public int deals() {
                return deals;
            }

            public Duration humanEditInterval() {
                return interval;
            }

            public int humanEditsPerTick() {
                return 2;
            }

            public long randomSeed() {
                return 3;
            }
        };
    }

    @Test
    void seedsAtStartAndEditsOnSchedule() {
        SandboxClock clock = new SandboxClock();
        RecordStore store = new RecordStore(clock);
        HumanEditSimulator simulator = new HumanEditSimulator(config(30, 5, 5, Duration.ofMillis(20)),
                new SeedGenerator(store, clock), store);
        simulator.onStart(null);
        try {
            assertThat(store.count(ObjectType.CONTACTS)).isEqualTo(30);
            assertThat(store.count(ObjectType.COMPANIES)).isEqualTo(5);
            assertThat(store.count(ObjectType.DEALS)).isEqualTo(5);
            long seededUntil = clock.now().toEpochMilli();
            await().atMost(Duration.ofSeconds(10)).until(() -> store.list(ObjectType.CONTACTS, 0, 100, false).stream()
                            .anyMatch(r -> r.updatedAt().toEpochMilli() >= seededUntil && r.property("jobtitle") != null));
        } finally {
            simulator.onStop(null);
        }
    }

    @Test
    void noStreamAndNoDataByDefault() {
        SandboxClock clock = new SandboxClock();
        RecordStore store = new RecordStore(clock);
        HumanEditSimulator simulator = new HumanEditSimulator(config(0, 0, 0, Duration.ZERO),
                new SeedGenerator(store, clock), store);
        simulator.onStart(null);
        assertThat(store.count(ObjectType.CONTACTS)).isZero();
        assertThat(simulator.editRandom()).isEmpty();
        simulator.onStop(null);
    }
}
