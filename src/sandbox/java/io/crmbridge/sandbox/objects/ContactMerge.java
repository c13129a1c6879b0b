package io.crmbridge.sandbox.objects;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code POST /crm/v3/objects/contacts/merge}: the contact {@code objectIdToMerge} is merged into
 * {@code primaryObjectId}. The primary keeps its id and its values, takes the merged contact's values where it has
 * none, lists the merged ids in {@code hs_merged_object_ids} (semicolon-separated, including ids merged into the
 * merged contact before) and gets a new modification time. The merged contact leaves search and list (it is not
 * archived); a read by its id answers the primary.
 */
@ApplicationScoped
public class ContactMerge {

    public static final String MERGED_IDS = "hs_merged_object_ids";

    private final RecordStore store;
    private final MergedIds merged;

    @Inject
    public ContactMerge(RecordStore store, MergedIds merged) {
        this.store = store;
        this.merged = merged;
    }

    public CrmRecord merge(String primaryObjectId, String objectIdToMerge) {
        if (primaryObjectId == null || objectIdToMerge == null) {
            throw SandboxApiException.badRequest("A merge needs primaryObjectId and objectIdToMerge");
        }
        long primary = live(primaryObjectId);
        long secondary = live(objectIdToMerge);
        if (primary == secondary) {
            throw SandboxApiException.badRequest("Cannot merge a contact with itself: " + primary);
        }
        CrmRecord result = store.merge(ObjectType.CONTACTS, primary, secondary, (p, s) -> changes(p, s, secondary))
                .orElseThrow(() -> ObjectService.notFound(ObjectType.CONTACTS, objectIdToMerge));
        merged.merged(secondary, primary);
        return result;
    }

    /** The live contact an id names (an id merged earlier names its primary), or a 404. */
    private long live(String id) {
        long n = ObjectService.parseId(id).orElseThrow(() -> ObjectService.notFound(ObjectType.CONTACTS, id));
        long current = merged.primaryOf(n).orElse(n);
        return store.get(ObjectType.CONTACTS, current, false).map(CrmRecord::id)
                .orElseThrow(() -> ObjectService.notFound(ObjectType.CONTACTS, id));
    }

    static Map<String, String> changes(Map<String, String> primary, Map<String, String> secondary, long secondaryId) {
        Map<String, String> changes = new LinkedHashMap<>();
        secondary.forEach((name, value) -> {
            boolean managed = PropertyCatalog.find(ObjectType.CONTACTS, name).map(PropertyDefinition::managed)
                    .orElse(false);
            if (!managed && !primary.containsKey(name)) {
                changes.put(name, value);
            }
        });
        Set<String> ids = new LinkedHashSet<>();
        split(primary.get(MERGED_IDS), ids);
        ids.add(Long.toString(secondaryId));
        split(secondary.get(MERGED_IDS), ids);
        changes.put(MERGED_IDS, String.join(";", ids));
        return changes;
    }

    private static void split(String value, Set<String> into) {
        if (value != null && !value.isBlank()) {
            for (String id : value.split(";")) {
                if (!id.isBlank()) {
                    into.add(id.trim());
                }
            }
        }
    }
}
