package io.crmbridge.sandbox.clio;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Creates, updates and deletes Clio records as the API (and a person in Clio's web app) does: checks the body,
 * honours {@code If-Match}, keeps {@code display_number}, and seeds the users and practice areas every account has.
 * Created at start-up, so that they are there for a read (an owner lookup) that comes before any write.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class ClioRecords {

    /** The users (owners) and practice areas a fresh sandbox account has. */
    static final List<String[]> USERS = List.of(
            new String[] { "Avery", "Stone", "avery.stone@firm.example" },
            new String[] { "Blake", "Rivera", "blake.rivera@firm.example" },
            new String[] { "Casey", "Nguyen", "casey.nguyen@firm.example" });
    static final List<String> PRACTICE_AREAS = List.of("Family", "Personal Injury", "Immigration", "Estate Planning");

    private final ClioStore store;
    private final ClioWrites writes;
    /** Edits people save just before the next API write to their record (resource/id -> data). */
    private final java.util.Map<String, JsonNode> racingEdits = new java.util.HashMap<>();

    ClioRecords(ClioStore store, ClioWrites writes) {
        this.store = store;
        this.writes = writes;
        reset();
    }

    /** Empty account: only the seeded users and practice areas. */
    public synchronized void reset() {
        store.clear();
        racingEdits.clear();
        for (String[] u : USERS) {
            store.insert(ClioResourceType.USERS, JsonNodeFactory.instance.objectNode().put("first_name", u[0])
                    .put("last_name", u[1]).put("name", u[0] + " " + u[1]).put("email", u[2]).put("enabled", true));
        }
        for (String area : PRACTICE_AREAS) {
            store.insert(ClioResourceType.PRACTICE_AREAS, JsonNodeFactory.instance.objectNode().put("name", area)
                    .put("code", area.substring(0, 3).toUpperCase()).put("category", area));
        }
    }

    public ClioRecord create(ClioResourceType type, JsonNode data) {
        requireWritable(type);
        ObjectNode fields = writes.merge(type, null, data);
        if (type == ClioResourceType.MATTERS) {
            synchronized (this) {
                fields.put("display_number", String.format("%05d-%s", store.count(type) + 1, clientLabel(fields)));
                return store.insert(type, fields);
            }
        }
        return store.insert(type, fields);
    }

    /**
     * An update through the API: a stale {@code If-Match} (when sent) is 412. A person's edit waiting for this record
     * ({@link #humanEditBeforeNextWrite}) is saved first, as if it had landed a moment before this write.
     */
    public synchronized ClioRecord update(ClioResourceType type, long id, JsonNode data, String ifMatch) {
        requireWritable(type);
        JsonNode racing = racingEdits.remove(type.name() + "/" + id);
        if (racing != null && store.find(type, id).isPresent()) {
            apply(type, id, racing, null);
        }
        return apply(type, id, data, ifMatch);
    }

    /**
     * A person saves an edit of the record in Clio's web app just before the next API write to it arrives, after the
     * writer read it: the race between a person and an integration that real CRMs see. The write then finds the record
     * changed (a stale {@code If-Match} is 412; a write without one overwrites the person's values).
     */
    public synchronized void humanEditBeforeNextWrite(ClioResourceType type, long id, JsonNode data) {
        find(type, id);
        racingEdits.put(type.name() + "/" + id, data);
    }

    /** An edit a person makes in Clio's web app: any resource, no etag check; bumps {@code updated_at} and etag. */
    public synchronized ClioRecord humanEdit(ClioResourceType type, long id, JsonNode data) {
        return apply(type, id, data, null);
    }

    public synchronized void delete(ClioResourceType type, long id, String ifMatch) {
        requireWritable(type);
        ClioRecord current = find(type, id);
        checkEtag(current, ifMatch);
        store.delete(type, id);
    }

    public ClioRecord find(ClioResourceType type, long id) {
        return store.find(type, id).orElseThrow(
                () -> ClioApiException.notFound("No " + type.apiName() + " record with id " + id));
    }

    private ClioRecord apply(ClioResourceType type, long id, JsonNode data, String ifMatch) {
        ClioRecord current = find(type, id);
        checkEtag(current, ifMatch);
        ObjectNode fields = writes.merge(type, current.fields(), data);
        return store.replace(type, id, fields).orElseThrow();
    }

    private static void checkEtag(ClioRecord current, String ifMatch) {
        if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.trim().equals("*") && !ifMatch.trim().equals(current.etag())) {
            throw new ClioApiException(412, "The record has changed since you read it: If-Match " + ifMatch.trim()
                    + " does not match the current etag " + current.etag());
        }
    }

    private static void requireWritable(ClioResourceType type) {
        if (!type.writable()) {
            throw new ClioApiException(405, type.apiName() + " can only be read through the API");
        }
    }

    private static String clientLabel(ObjectNode fields) {
        String name = fields.path("client").path("name").asText("");
        String[] parts = name.trim().split("\\s+");
        return parts.length == 0 || parts[parts.length - 1].isEmpty() ? "Client" : parts[parts.length - 1];
    }
}
