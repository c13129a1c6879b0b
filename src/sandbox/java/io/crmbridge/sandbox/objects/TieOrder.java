package io.crmbridge.sandbox.objects;

import java.util.Comparator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The order of search results that share their sort value (e.g. many records with one modification time). HubSpot
 * promises none, so by default it is a seeded pseudo-random permutation: stable from one call to the next (offset
 * paging of one query sees each record once) but unrelated to the ids. {@code ID} orders ties by id ascending.
 * Switchable at run time ({@code PUT _sandbox/search/tie-order}).
 */
@ApplicationScoped
public class TieOrder {

    public enum Mode {
        RANDOM, ID
    }

    /** The current mode and seed, swapped as one. */
    public record Setting(Mode mode, long seed) {
    }

    private final Setting configured;
    private volatile Setting setting;

    @Inject
    public TieOrder(SearchConfig config) {
        this(new Setting(config.tieOrder(), config.tieSeed()));
    }

    public TieOrder(Setting setting) {
        this.configured = setting;
        this.setting = setting;
    }

    public static TieOrder byId() {
        return new TieOrder(new Setting(Mode.ID, 0));
    }

    public Setting setting() {
        return setting;
    }

    public void set(Setting next) {
        setting = next;
    }

    public void reset() {
        setting = configured;
    }

    /** Compares records whose sort values are equal. */
    public Comparator<CrmRecord> comparator() {
        Setting s = setting;
        if (s.mode() == Mode.ID) {
            return Comparator.comparingLong(CrmRecord::id);
        }
        long seed = s.seed();
        return Comparator.<CrmRecord>comparingLong(r -> mix(r.id() ^ seed)).thenComparingLong(CrmRecord::id);
    }

    public boolean byIdAscending() {
        return setting.mode() == Mode.ID;
    }

    /** SplitMix64's finalizer: a well-spread 64-bit hash, so the permutation looks random for any seed. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
