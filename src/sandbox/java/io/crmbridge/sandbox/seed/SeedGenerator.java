package io.crmbridge.sandbox.seed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.crmbridge.sandbox.objects.ObjectType;
import io.crmbridge.sandbox.objects.PropertyCatalog;
import io.crmbridge.sandbox.objects.RecordStore;
import io.crmbridge.sandbox.objects.SandboxClock;

/**
 * Creates plausible contacts, companies and deals in bulk, straight into the store (100,000 in well under a
 * second). Modification times are spread over the last 30 days, so a poll has history to walk. Emails and domains
 * are unique across calls.
 */
@ApplicationScoped
public class SeedGenerator {

    static final String[] FIRST = { "Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia",
            "Tim", "Margaret", "John", "Hedy", "Linus", "Sophie" };
    static final String[] LAST = { "Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson",
            "Perlman", "Berners-Lee", "Hamilton", "Backus", "Lamarr", "Torvalds", "Wilson" };
    static final String[] INDUSTRIES = { "COMPUTER_SOFTWARE", "LEGAL_SERVICES", "HOSPITAL_HEALTH_CARE", "RETAIL",
            "CONSTRUCTION", "FINANCIAL_SERVICES" };
    static final String[] CITIES = { "Berlin", "Lisbon", "Austin", "Toronto", "Leeds", "Lyon", "Osaka" };
    private static final int CHUNK = 10_000;
    private static final Duration SPREAD = Duration.ofDays(30);

    private final RecordStore store;
    private final SandboxClock clock;
    private final AtomicLong serial = new AtomicLong();
    private final String run = Long.toString(System.nanoTime() % 1_000_000, 36);

    @Inject
    public SeedGenerator(RecordStore store, SandboxClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Creates {@code count} records of the type; answers how many. */
    public int seed(ObjectType type, int count, SplittableRandom random) {
        Instant now = clock.now();
        int done = 0;
        while (done < count) {
            int n = Math.min(CHUNK, count - done);
            List<RecordStore.NewRecord> chunk = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Instant updated = now.minusMillis(random.nextLong(SPREAD.toMillis()));
                Instant created = updated.minusMillis(random.nextLong(SPREAD.toMillis()));
                chunk.add(new RecordStore.NewRecord(properties(type, serial.incrementAndGet(), random), created,
                        updated));
            }
            store.insertAll(type, chunk);
            done += n;
        }
        return done;
    }

    Map<String, String> properties(ObjectType type, long n, SplittableRandom random) {
        Map<String, String> p = new LinkedHashMap<>();
        String first = pick(FIRST, random);
        String last = pick(LAST, random);
        switch (type) {
            case CONTACTS -> {
                p.put("firstname", first);
                p.put("lastname", last);
                p.put(PropertyCatalog.EMAIL, (first + "." + last + "." + run + "-" + n + "@example.test").toLowerCase());
                p.put("phone", "+1555" + (10_000_000 + n % 10_000_000));
                p.put("lifecyclestage", pick(PropertyCatalog.LIFECYCLE_STAGES.toArray(String[]::new), random));
            }
            case COMPANIES -> {
                p.put("name", last + " " + pick(new String[] { "GmbH", "Ltd", "Inc", "LLP" }, random) + " " + n);
                p.put("domain", last.toLowerCase() + "-" + run + "-" + n + ".example");
                p.put("industry", pick(INDUSTRIES, random));
                p.put("city", pick(CITIES, random));
            }
            case DEALS -> {
                p.put("dealname", last + " renewal " + n);
                p.put("amount", Integer.toString(500 + random.nextInt(50_000)));
                p.put("pipeline", "default");
                p.put("dealstage", pick(PropertyCatalog.DEAL_STAGES.toArray(String[]::new), random));
            }
            default -> throw new IllegalArgumentException("No seed data for " + type.apiName());
        }
        return p;
    }

    static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }
}
