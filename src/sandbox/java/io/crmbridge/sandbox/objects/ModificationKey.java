package io.crmbridge.sandbox.objects;

/** The ordered index key: modification time, then id, both ascending. */
public record ModificationKey(long modifiedMillis, long id) implements Comparable<ModificationKey> {

    public static ModificationKey of(CrmRecord r) {
        return new ModificationKey(r.updatedAt().toEpochMilli(), r.id());
    }

    @Override
    public int compareTo(ModificationKey o) {
        int c = Long.compare(modifiedMillis, o.modifiedMillis);
        return c != 0 ? c : Long.compare(id, o.id);
    }
}
