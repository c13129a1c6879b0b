package io.crmbridge.sandbox.seed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.crmbridge.sandbox.history.HumanUsers;
import io.crmbridge.sandbox.history.WriteSource;
import io.crmbridge.sandbox.objects.CrmRecord;
import io.crmbridge.sandbox.objects.ObjectType;
import io.crmbridge.sandbox.objects.PropertyCatalog;
import io.crmbridge.sandbox.objects.RecordStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * At start-up, creates the configured seed data; then, if an interval is set, edits random existing contacts,
 * companies and deals the way a person in the CRM would, so a poll always has something new to find.
 */
@ApplicationScoped
public class HumanEditSimulator {

    private static final Logger LOG = Logger.getLogger(HumanEditSimulator.class);
    private static final List<ObjectType> EDITABLE = List.of(ObjectType.CONTACTS, ObjectType.COMPANIES,
            ObjectType.DEALS);

    private final SeedConfig config;
    private final SeedGenerator generator;
    private final RecordStore store;
    private final HumanUsers users;
    private final SplittableRandom random;
    private ScheduledExecutorService scheduler;

    public HumanEditSimulator(SeedConfig config, SeedGenerator generator, RecordStore store) {
        this(config, generator, store, null);
    }

    /** Edits are made as {@code CRM_UI} by a random active owner's user ({@code users} null: user 0). */
    @Inject
    public HumanEditSimulator(SeedConfig config, SeedGenerator generator, RecordStore store, HumanUsers users) {
        this.config = config;
        this.generator = generator;
        this.store = store;
        this.users = users;
        this.random = new SplittableRandom(config.randomSeed());
    }

    void onStart(@Observes StartupEvent event) {
        int contacts = generator.seed(ObjectType.CONTACTS, config.contacts(), random);
        int companies = generator.seed(ObjectType.COMPANIES, config.companies(), random);
        int deals = generator.seed(ObjectType.DEALS, config.deals(), random);
        if (contacts + companies + deals > 0) {
            LOG.infof("Sandbox seeded: %d contacts, %d companies, %d deals", contacts, companies, deals);
        }
        long millis = config.humanEditInterval().toMillis();
        if (millis > 0) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "sandbox-human-edits"));
            scheduler.scheduleAtFixedRate(this::tick, millis, millis, TimeUnit.MILLISECONDS);
            LOG.infof("Sandbox human edits every %d ms", millis);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    void tick() {
        try {
            for (int i = 0; i < config.humanEditsPerTick(); i++) {
                editRandom();
            }
        } catch (RuntimeException e) {
            LOG.warn("Simulated human edit failed", e);
        }
    }

    /** Edits one random record of a random editable type that has records; empty if the store has none. */
    public synchronized Optional<CrmRecord> editRandom() {
        ObjectType type = EDITABLE.get(random.nextInt(EDITABLE.size()));
        for (int i = 0; i < EDITABLE.size(); i++) {
            ObjectType t = EDITABLE.get((EDITABLE.indexOf(type) + i) % EDITABLE.size());
            Optional<CrmRecord> target = store.random(t, random::nextLong);
            if (target.isPresent()) {
                WriteSource person = users == null ? WriteSource.crmUi(0) : users.random(random);
                Map<String, String> change = change(t);
                return WriteSource.run(person, () -> store.update(t, target.get().id(), change));
            }
        }
        return Optional.empty();
    }

    private Map<String, String> change(ObjectType type) {
        Map<String, String> p = new LinkedHashMap<>();
        switch (type) {
            case CONTACTS -> {
                p.put("jobtitle", SeedGenerator.pick(new String[] { "CTO", "Paralegal", "Office manager", "Founder" },
                        random));
                p.put("lifecyclestage", SeedGenerator.pick(PropertyCatalog.LIFECYCLE_STAGES.toArray(String[]::new),
                        random));
            }
            case COMPANIES -> p.put("city", SeedGenerator.pick(SeedGenerator.CITIES, random));
            default -> p.put("amount", Integer.toString(500 + random.nextInt(50_000)));
        }
        return p;
    }
}
