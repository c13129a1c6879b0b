package io.crmbridge.sandbox.associations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.crmbridge.sandbox.objects.ObjectInput;
import io.crmbridge.sandbox.objects.ObjectType;
import io.crmbridge.sandbox.objects.RecordStore;
import io.crmbridge.sandbox.objects.SandboxApiException;

/**
 * The associations between stored records. Each association is kept from both sides (with the inverse type id),
 * and a type is held at most once per pair of records, so associating twice changes nothing.
 */
@ApplicationScoped
public class AssociationStore {

    private record Node(ObjectType type, long id) {
    }

    private final RecordStore records;
    private final Map<Node, Map<ObjectType, TreeMap<Long, TreeSet<Integer>>>> edges = new HashMap<>();

    @Inject
    public AssociationStore(RecordStore records) {
        this.records = records;
    }

    /** Adds the given types (and their inverses) between two live records; answers the types now held. */
    public synchronized Set<Integer> associate(ObjectType from, long fromId, ObjectType to, long toId,
            Collection<AssociationDefinition> types) {
        requireRecord(from, fromId);
        requireRecord(to, toId);
        for (AssociationDefinition d : types) {
            typesBetween(new Node(from, fromId), to, toId).add(d.typeId());
            typesBetween(new Node(to, toId), from, fromId).add(d.inverseTypeId());
        }
        return new TreeSet<>(typesBetween(new Node(from, fromId), to, toId));
    }

    /** The records of type {@code to} associated with a record, by id, with the type ids of each association. */
    public synchronized NavigableMap<Long, Set<Integer>> list(ObjectType from, long fromId, ObjectType to) {
        NavigableMap<Long, Set<Integer>> copy = new TreeMap<>();
        Map<ObjectType, TreeMap<Long, TreeSet<Integer>>> byType = edges.get(new Node(from, fromId));
        if (byType != null && byType.containsKey(to)) {
            byType.get(to).forEach((id, types) -> copy.put(id, new TreeSet<>(types)));
        }
        return copy;
    }

    /** Removes every association between two records, from both sides. */
    public synchronized void remove(ObjectType from, long fromId, ObjectType to, long toId) {
        removeSide(new Node(from, fromId), to, toId);
        removeSide(new Node(to, toId), from, fromId);
    }

    public synchronized void reset() {
        edges.clear();
    }

    /** 400 unless every association given with a new record names a known type id from this type and a live target. */
    public void checkTargets(ObjectType from, List<ObjectInput.AssociationInput> links) {
        for (ObjectInput.AssociationInput link : links) {
            for (AssociationDefinition d : definitions(from, link)) {
                long toId = parseId(link.to() == null ? null : link.to().id());
                if (records.get(d.to(), toId, false).isEmpty()) {
                    throw SandboxApiException.badRequest("Association target " + d.to().singular() + " "
                            + (link.to() == null ? null : link.to().id()) + " does not exist");
                }
            }
        }
    }

    /** Creates the associations given with a new record (already checked by {@link #checkTargets}). */
    public void createFor(ObjectType from, long fromId, List<ObjectInput.AssociationInput> links) {
        for (ObjectInput.AssociationInput link : links) {
            for (AssociationDefinition d : definitions(from, link)) {
                associate(from, fromId, d.to(), parseId(link.to().id()), List.of(d));
            }
        }
    }

    private static List<AssociationDefinition> definitions(ObjectType from, ObjectInput.AssociationInput link) {
        List<AssociationDefinition> defs = new ArrayList<>();
        if (link == null || link.types() == null || link.types().isEmpty()) {
            throw SandboxApiException.badRequest("An association needs 'to' and 'types'");
        }
        for (ObjectInput.AssociationSpec spec : link.types()) {
            int typeId = spec == null || spec.associationTypeId() == null ? -1 : spec.associationTypeId();
            defs.add(AssociationCatalog.byId(typeId).filter(d -> d.from() == from).orElseThrow(
                    () -> SandboxApiException.badRequest("Association type id " + typeId + " is not defined from "
                            + from.apiName())));
        }
        return defs;
    }

    /** 404 in HubSpot's error shape unless the record exists and is not archived. */
    public void requireRecord(ObjectType type, long id) {
        if (records.get(type, id, false).isEmpty()) {
            throw SandboxApiException.notFound("No " + type.singular() + " with id " + id + " exists");
        }
    }

    public static long parseId(String id) {
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException | NullPointerException e) {
            return -1;
        }
    }

    private TreeSet<Integer> typesBetween(Node from, ObjectType to, long toId) {
        return edges.computeIfAbsent(from, k -> new EnumMap<>(ObjectType.class))
                .computeIfAbsent(to, k -> new TreeMap<>())
                .computeIfAbsent(toId, k -> new TreeSet<>());
    }

    private void removeSide(Node from, ObjectType to, long toId) {
        Map<ObjectType, TreeMap<Long, TreeSet<Integer>>> byType = edges.get(from);
        if (byType != null && byType.containsKey(to)) {
            byType.get(to).remove(toId);
        }
    }
}
