package io.crmbridge.sandbox.properties;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.crmbridge.sandbox.HubSpotError;
import io.crmbridge.sandbox.objects.ObjectType;
import io.crmbridge.sandbox.objects.PropertyCatalog;
import io.crmbridge.sandbox.objects.PropertyDefinition;
import io.crmbridge.sandbox.objects.PropertyType;
import io.crmbridge.sandbox.objects.RecordStore;
import io.crmbridge.sandbox.objects.SandboxApiException;
import io.crmbridge.sandbox.objects.SandboxClock;

/**
 * The Properties API behind {@link PropertiesResource}: reads the catalog, creates custom properties (which then
 * become writable on records of their type, and with {@code hasUniqueValue} enforced and usable as
 * {@code idProperty}), and holds the account settings that decide what a create may do.
 */
@ApplicationScoped
public class PropertyService {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final RecordStore store;
    private final SandboxClock clock;
    private final PropertiesConfig config;
    private boolean schemaWriteScope;
    private Set<ObjectType> uniqueTypes;
    private int maxUniquePerType;

    PropertyService(RecordStore store, SandboxClock clock, PropertiesConfig config) {
        this.store = store;
        this.clock = clock;
        this.config = config;
        resetSettings();
    }

    public List<PropertyJson> list(ObjectType type) {
        return PropertyCatalog.all(type).values().stream().map(p -> PropertyJson.of(type, p)).toList();
    }

    public PropertyJson get(ObjectType type, String name) {
        return PropertyCatalog.find(type, name).map(p -> PropertyJson.of(type, p))
                .orElseThrow(() -> SandboxApiException.notFound("Unable to find property " + name + " for object type "
                        + type.typeId()));
    }

    /** Creates one property: 403 without the schema scope, 400 if invalid or not allowed, 409 if it exists. */
    public PropertyJson create(ObjectType type, PropertyCreate input) {
        requireSchemaWrite(type);
        return createChecked(type, input);
    }

    /** The scope check once for the whole batch (403), then each input on its own. */
    public void requireSchemaWrite(ObjectType type) {
        if (!schemaWriteScope()) {
            throw missingScope(type);
        }
    }

    synchronized PropertyJson createChecked(ObjectType type, PropertyCreate input) {
        PropertyDefinition definition = definition(type, input);
        if (PropertyCatalog.find(type, definition.name()).isPresent()) {
            throw new SandboxApiException(409, HubSpotError.of("OBJECT_ALREADY_EXISTS",
                    "A property named '" + definition.name() + "' already exists.")
                    .withContext(Map.of("name", List.of(definition.name()))));
        }
        if (definition.unique()) {
            if (!uniqueTypes.contains(type)) {
                throw SandboxApiException.badRequest("Unique value properties are not supported on " + type.apiName()
                        + " in this account");
            }
            long taken = PropertyCatalog.uniqueProperties(type).stream()
                    .filter(p -> !PropertyCatalog.isBuiltIn(type, p)).count();
            if (taken >= maxUniquePerType) {
                throw SandboxApiException.badRequest("The limit of " + maxUniquePerType
                        + " unique value properties for " + type.apiName() + " has been reached");
            }
        }
        PropertyCatalog.addCustom(type, definition);
        if (definition.unique()) {
            store.syncUniqueIndexes(type);
        }
        return PropertyJson.of(type, definition);
    }

    private PropertyDefinition definition(ObjectType type, PropertyCreate in) {
        if (in == null) {
            throw SandboxApiException.badRequest("A property needs a body");
        }
        List<String> problems = new ArrayList<>();
        if (in.name() == null || !NAME.matcher(in.name()).matches()) {
            problems.add("name must be lower-case letters, digits and underscores, starting with a letter, was "
                    + in.name());
        }
        if (in.label() == null || in.label().isBlank()) {
            problems.add("label is required");
        }
        if (in.groupName() == null || in.groupName().isBlank()) {
            problems.add("groupName is required");
        }
        PropertyType propertyType = PropertyTypes.parse(in.type()).orElse(null);
        if (propertyType == null) {
            problems.add("type must be one of bool, date, datetime, enumeration, number, phone_number, string, was "
                    + in.type());
        }
        if (in.fieldType() == null || !PropertyTypes.FIELD_TYPES.contains(in.fieldType())) {
            problems.add("fieldType must be one of " + PropertyTypes.FIELD_TYPES + ", was " + in.fieldType());
        }
        List<String> options = in.options() == null ? List.of()
                : in.options().stream().map(PropertyCreate.Option::value).toList();
        if (propertyType == PropertyType.ENUMERATION && options.isEmpty()) {
            problems.add("an enumeration property needs options");
        }
        if (!problems.isEmpty()) {
            throw SandboxApiException.badRequest("Invalid property: " + String.join("; ", problems));
        }
        return PropertyDefinition.custom(in.name(), propertyType, options, Boolean.TRUE.equals(in.hasUniqueValue()),
                new PropertyDefinition.Custom(in.label(), in.type(), in.fieldType(), in.groupName(), in.description(),
                        clock.now()));
    }

    /** HubSpot's 403 for a token without the scope an operation needs. */
    static SandboxApiException missingScope(ObjectType type) {
        String scope = "crm.schemas." + type.apiName() + ".write";
        return new SandboxApiException(403, HubSpotError.of("MISSING_SCOPES",
                "This app hasn't been granted all required scopes to make this call. Read more about required "
                        + "scopes here: https://developers.hubspot.com/scopes.")
                .withErrors(List.of(new HubSpotError.Detail("One or more of the following scopes are required.", null,
                        null, null, Map.of("requiredGranularScopes", List.of(scope)))))
                .withLinks(Map.of("scopes", "https://developers.hubspot.com/scopes")));
    }

    // --- account settings -----------------------------------------------------------------------------------

    public synchronized boolean schemaWriteScope() {
        return schemaWriteScope;
    }

    public synchronized PropertySettings settings() {
        return new PropertySettings(schemaWriteScope, uniqueTypes.stream().map(ObjectType::apiName).toList(),
                maxUniquePerType);
    }

    /** Changes the settings a request names; throws {@link IllegalArgumentException} for an unknown object type. */
    public synchronized PropertySettings change(PropertySettings change) {
        Set<ObjectType> types = change.uniqueValueObjectTypes() == null ? uniqueTypes
                : types(change.uniqueValueObjectTypes());
        if (change.maxUniquePerType() != null && change.maxUniquePerType() < 0) {
            throw new IllegalArgumentException("maxUniquePerType must not be negative");
        }
        uniqueTypes = types;
        if (change.schemaWriteScope() != null) {
            schemaWriteScope = change.schemaWriteScope();
        }
        if (change.maxUniquePerType() != null) {
            maxUniquePerType = change.maxUniquePerType();
        }
        return settings();
    }

    /** Back to the configured settings, and every custom property forgotten. */
    public synchronized PropertySettings reset() {
        PropertyCatalog.clearCustom();
        for (ObjectType t : ObjectType.values()) {
            store.syncUniqueIndexes(t);
        }
        resetSettings();
        return settings();
    }

    private synchronized void resetSettings() {
        schemaWriteScope = config.schemaWriteScope();
        uniqueTypes = types(config.uniqueValueObjectTypes());
        maxUniquePerType = config.maxUniquePerType();
    }

    private static Set<ObjectType> types(List<String> names) {
        Set<ObjectType> types = EnumSet.noneOf(ObjectType.class);
        for (String n : names) {
            if (!n.isBlank()) {
                types.add(ObjectType.find(n).orElseThrow(() -> new IllegalArgumentException(
                        "unknown object type: " + n.toLowerCase(Locale.ROOT))));
            }
        }
        return types;
    }
}
