package io.crmbridge.sandbox.properties;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.crmbridge.sandbox.objects.ObjectType;
import io.crmbridge.sandbox.objects.PropertyDefinition;
import io.crmbridge.sandbox.objects.Timestamps;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** HubSpot's {@code Property} as the Properties API answers it, for built-in and custom properties alike. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PropertyJson(String name, String label, String type, String fieldType, String description,
        String groupName, List<OptionJson> options, Integer displayOrder, Boolean calculated, Boolean externalOptions,
        Boolean hasUniqueValue, Boolean hidden, Boolean hubspotDefined, Boolean formField, String createdAt,
        String updatedAt, Boolean archived, Map<String, Boolean> modificationMetadata) {

    /** {@code Option}. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OptionJson(String label, String value, String description, Integer displayOrder, Boolean hidden) {
    }

    static PropertyJson of(ObjectType type, PropertyDefinition p) {
        PropertyDefinition.Custom c = p.custom();
        List<OptionJson> options = new java.util.ArrayList<>();
        for (int i = 0; i < p.options().size(); i++) {
            options.add(new OptionJson(p.options().get(i), p.options().get(i), "", i, false));
        }
        String created = c == null ? null : Timestamps.format(c.createdAt());
        return new PropertyJson(p.name(),
                c == null ? p.name() : c.label(),
                c == null ? PropertyTypes.hubspotType(p.type()) : c.hubspotType(),
                c == null ? PropertyTypes.fieldType(p.type()) : c.fieldType(),
                c == null || c.description() == null ? "" : c.description(),
                c == null ? type.singular().toLowerCase(Locale.ROOT) + "information" : c.groupName(),
                options, c == null ? -1 : 0, false, false, p.unique(), false, c == null, true, created, created, false,
                Map.of("archivable", c != null, "readOnlyDefinition", c == null, "readOnlyValue", p.managed()));
    }
}
