package io.crmbridge.sandbox.associations;

import static io.crmbridge.sandbox.objects.ObjectType.COMPANIES;
import static io.crmbridge.sandbox.objects.ObjectType.CONTACTS;
import static io.crmbridge.sandbox.objects.ObjectType.DEALS;
import static io.crmbridge.sandbox.objects.ObjectType.NOTES;
import static io.crmbridge.sandbox.objects.ObjectType.TASKS;
import static io.crmbridge.sandbox.objects.ObjectType.TICKETS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.crmbridge.sandbox.objects.ObjectType;

/**
 * HubSpot's defined association types between the sandbox's object types (the ids of HubSpot's association type
 * table). Each pair has one unlabeled default type; some have a "Primary" type as well.
 */
public final class AssociationCatalog {

    private static final String PRIMARY = "Primary";
    private static final Map<Integer, AssociationDefinition> BY_ID = new HashMap<>();
    private static final Map<String, AssociationDefinition> DEFAULTS = new HashMap<>();

    static {
        pair(CONTACTS, COMPANIES, 279, 280, null, true);
        pair(CONTACTS, COMPANIES, 1, 2, PRIMARY, false);
        pair(CONTACTS, DEALS, 4, 3, null, true);
        pair(CONTACTS, TICKETS, 15, 16, null, true);
        pair(CONTACTS, NOTES, 201, 202, null, true);
        pair(CONTACTS, TASKS, 203, 204, null, true);
        pair(COMPANIES, DEALS, 342, 341, null, true);
        pair(COMPANIES, DEALS, 6, 5, PRIMARY, false);
        pair(COMPANIES, TICKETS, 340, 339, null, true);
        pair(COMPANIES, TICKETS, 25, 26, PRIMARY, false);
        pair(COMPANIES, NOTES, 189, 190, null, true);
        pair(COMPANIES, TASKS, 191, 192, null, true);
        pair(DEALS, TICKETS, 27, 28, null, true);
        pair(DEALS, NOTES, 213, 214, null, true);
        pair(DEALS, TASKS, 215, 216, null, true);
        pair(TICKETS, NOTES, 227, 228, null, true);
        pair(TICKETS, TASKS, 229, 230, null, true);
        same(CONTACTS, 449);
        same(COMPANIES, 450);
        same(DEALS, 451);
        same(TICKETS, 452);
    }

    private AssociationCatalog() {
    }

    private static void pair(ObjectType a, ObjectType b, int aToB, int bToA, String label, boolean isDefault) {
        add(new AssociationDefinition(a, b, aToB, label, bToA), isDefault);
        add(new AssociationDefinition(b, a, bToA, label, aToB), isDefault);
    }

    private static void same(ObjectType t, int id) {
        add(new AssociationDefinition(t, t, id, null, id), true);
    }

    private static void add(AssociationDefinition d, boolean isDefault) {
        BY_ID.put(d.typeId(), d);
        if (isDefault) {
            DEFAULTS.put(key(d.from(), d.to()), d);
        }
    }

    private static String key(ObjectType from, ObjectType to) {
        return from.name() + ">" + to.name();
    }

    public static Optional<AssociationDefinition> byId(int typeId) {
        return Optional.ofNullable(BY_ID.get(typeId));
    }

    /** The type id for {@code from -> to} if it is defined between exactly these two object types. */
    public static Optional<AssociationDefinition> find(ObjectType from, ObjectType to, int typeId) {
        return byId(typeId).filter(d -> d.from() == from && d.to() == to);
    }

    public static Optional<AssociationDefinition> defaultFor(ObjectType from, ObjectType to) {
        return Optional.ofNullable(DEFAULTS.get(key(from, to)));
    }

    public static List<AssociationDefinition> all() {
        return new ArrayList<>(BY_ID.values());
    }
}
