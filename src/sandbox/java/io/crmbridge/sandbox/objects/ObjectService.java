package io.crmbridge.sandbox.objects;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.crmbridge.sandbox.associations.AssociationStore;

/**
 * The object operations behind the HubSpot endpoints, single and batch alike: property validation, unique checks,
 * {@code idProperty} lookups, associations given at creation. Failures are {@link SandboxApiException}s.
 */
@ApplicationScoped
public class ObjectService {

    private final RecordStore store;
    private final AssociationStore associations;
    private final MergedIds merged;

    @Inject
    public ObjectService(RecordStore store, AssociationStore associations, MergedIds merged) {
        this.store = store;
        this.associations = associations;
        this.merged = merged;
    }

    public CrmRecord create(ObjectType type, ObjectInput input) {
        Map<String, String> props = PropertyValidator.checked(type, properties(input));
        List<ObjectInput.AssociationInput> links = input == null ? null : input.associations();
        if (links != null) {
            associations.checkTargets(type, links);
        }
        CrmRecord created = store.create(type, props, true);
        if (links != null) {
            associations.createFor(type, created.id(), links);
        }
        return created;
    }

    public CrmRecord read(ObjectType type, String idOrValue, String idProperty, boolean archived) {
        if (archived && (idProperty == null || PropertyCatalog.OBJECT_ID.equals(idProperty))) {
            return findArchived(type, idOrValue).orElseThrow(() -> notFound(type, idOrValue));
        }
        return find(type, idOrValue, idProperty).orElseThrow(() -> notFound(type, idOrValue));
    }

    public CrmRecord update(ObjectType type, String idOrValue, String idProperty, Map<String, String> properties) {
        Map<String, String> props = PropertyValidator.checked(type, properties);
        CrmRecord current = find(type, idOrValue, idProperty).orElseThrow(() -> notFound(type, idOrValue));
        return store.update(type, current.id(), props).orElseThrow(() -> notFound(type, idOrValue));
    }

    /**
     * Updates the record {@code idProperty = id} names, or creates it with that value when there is none (atomic
     * per value: see {@link RecordStore#upsert}). By {@code hs_object_id} it only updates (404 if there is none).
     */
    public RecordStore.Upserted upsert(ObjectType type, ObjectInput input) {
        Map<String, String> props = PropertyValidator.checked(type, properties(input));
        String idProperty = input.idProperty();
        if (idProperty == null || idProperty.isBlank() || PropertyCatalog.OBJECT_ID.equals(idProperty)) {
            CrmRecord current = find(type, input.id(), idProperty).orElseThrow(() -> notFound(type, input.id()));
            return new RecordStore.Upserted(store.update(type, current.id(), props)
                    .orElseThrow(() -> notFound(type, input.id())), false);
        }
        requireUnique(type, idProperty);
        if (input.id() == null || input.id().isBlank()) {
            throw SandboxApiException.badRequest("An upsert by " + idProperty + " needs an 'id' (the value)");
        }
        return store.upsert(type, idProperty, input.id(), props);
    }

    public boolean archive(ObjectType type, String idOrValue, String idProperty) {
        Optional<CrmRecord> current = find(type, idOrValue, idProperty);
        return current.isPresent() && store.archive(type, current.get().id());
    }

    /** A live record by id, or by the unique property {@code idProperty} names; a 400 if that is not unique. */
    public Optional<CrmRecord> find(ObjectType type, String idOrValue, String idProperty) {
        if (idOrValue == null) {
            return Optional.empty();
        }
        if (idProperty == null || idProperty.isBlank() || PropertyCatalog.OBJECT_ID.equals(idProperty)) {
            // An id merged away reads as the record it was merged into, as HubSpot answers it.
            return parseId(idOrValue).flatMap(id -> store.get(type, id, false)
                    .or(() -> merged.primaryOf(id).flatMap(primary -> store.get(type, primary, false))));
        }
        requireUnique(type, idProperty);
        return store.findUnique(type, idProperty, idOrValue);
    }

    private static void requireUnique(ObjectType type, String idProperty) {
        if (!PropertyCatalog.uniqueProperties(type).contains(idProperty)) {
            throw SandboxApiException.badRequest("Property " + idProperty + " is not a unique identifier property for "
                    + type.apiName() + "; use one of " + PropertyCatalog.uniqueProperties(type));
        }
    }

    public Optional<CrmRecord> findArchived(ObjectType type, String id) {
        return parseId(id).flatMap(n -> store.get(type, n, true));
    }

    private static Map<String, String> properties(ObjectInput input) {
        return input == null ? Map.of() : input.stringProperties();
    }

    static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id.trim()));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    static SandboxApiException notFound(ObjectType type, String id) {
        return SandboxApiException.notFound("resource not found: no " + type.singular() + " with id " + id);
    }
}
