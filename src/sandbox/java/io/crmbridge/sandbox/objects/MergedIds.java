package io.crmbridge.sandbox.objects;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/** Ids merged away and the record each now lives on, so a read by an old id finds the merged record. */
@ApplicationScoped
public class MergedIds {

    private static final int MAX_HOPS = 100;

    private final Map<Long, Long> primaryOf = new ConcurrentHashMap<>();

    void merged(long secondaryId, long primaryId) {
        primaryOf.put(secondaryId, primaryId);
    }

    /** The id {@code id} was merged into, following merges of merges; empty if it was never merged. */
    public Optional<Long> primaryOf(long id) {
        Long current = primaryOf.get(id);
        if (current == null) {
            return Optional.empty();
        }
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            Long further = primaryOf.get(current);
            if (further == null) {
                break;
            }
            current = further;
        }
        return Optional.of(current);
    }

    public void reset() {
        primaryOf.clear();
    }
}
