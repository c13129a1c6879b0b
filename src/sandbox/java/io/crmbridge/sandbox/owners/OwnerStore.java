package io.crmbridge.sandbox.owners;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/** The account's owners (users who can own CRM records), seeded with three active owners and one archived. */
@ApplicationScoped
public class OwnerStore {

    static final long FIRST_ID = 61_000_001L;
    static final int FIRST_USER_ID = 9_000_001;
    private static final String SEEDED_AT = "2025-01-15T09:00:00.000Z";

    private final NavigableMap<Long, Owner> owners = new ConcurrentSkipListMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    OwnerStore() {
        reset();
    }

    /** Back to the seed owners only. */
    public synchronized void reset() {
        owners.clear();
        sequence.set(0);
        Owner.Team sales = new Owner.Team("178588", "Sales EMEA", true);
        Owner.Team support = new Owner.Team("178590", "Customer Success", true);
        seed("alice.owner@crm-bridge.example", "Alice", "Andersson", List.of(sales));
        seed("bob.owner@crm-bridge.example", "Bob", "Brennan", List.of(sales));
        seed("carol.owner@crm-bridge.example", "Carol", "Chen", List.of(support));
        Owner dave = seed("dave.former@crm-bridge.example", "Dave", "Departed", List.of(support));
        owners.put(dave.numericId(), dave.archive("2025-06-30T17:00:00.000Z"));
    }

    private Owner seed(String email, String firstName, String lastName, List<Owner.Team> teams) {
        return add(email, firstName, lastName, teams, SEEDED_AT);
    }

    public Owner add(NewOwner owner) {
        return add(owner.email(), owner.firstName(), owner.lastName(),
                owner.teams() == null ? List.of() : owner.teams(), now());
    }

    private Owner add(String email, String firstName, String lastName, List<Owner.Team> teams, String at) {
        int n = sequence.getAndIncrement();
        int userId = FIRST_USER_ID + n;
        Owner owner = new Owner(String.valueOf(FIRST_ID + n), email, "PERSON", firstName, lastName, userId, userId, at, at,
                false, List.copyOf(teams));
        owners.put(owner.numericId(), owner);
        return owner;
    }

    public Optional<Owner> archive(long id) {
        return Optional.ofNullable(owners.computeIfPresent(id, (k, o) -> o.archived() ? o : o.archive(now())));
    }

    /** Owners in id order, archived or active ones only, optionally one email, after the id cursor. */
    List<Owner> list(boolean archived, String email, long afterId) {
        return owners.tailMap(afterId, false).values().stream()
                .filter(o -> o.archived() == archived)
                .filter(o -> email == null || email.equalsIgnoreCase(o.email()))
                .toList();
    }

    public List<Owner> all() {
        return List.copyOf(owners.values());
    }

    Optional<Owner> byId(long id, boolean archived) {
        return Optional.ofNullable(owners.get(id)).filter(o -> o.archived() == archived);
    }

    Optional<Owner> byUserId(long userId, boolean archived) {
        return owners.values().stream()
                .filter(o -> o.archived() == archived)
                .filter(o -> o.userIdIncludingInactive() != null && o.userIdIncludingInactive() == userId)
                .findFirst();
    }

    boolean hasActiveEmail(String email) {
        return owners.values().stream().anyMatch(o -> !o.archived() && email.equalsIgnoreCase(o.email()));
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
