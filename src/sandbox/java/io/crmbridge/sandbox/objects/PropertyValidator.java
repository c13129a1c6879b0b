package io.crmbridge.sandbox.objects;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.sandbox.HubSpotError;

/**
 * Checks the properties of a write against the {@link PropertyCatalog}: unknown names, enumeration options, numbers,
 * dates and booleans. Failures answer HubSpot's 400 {@code VALIDATION_ERROR} ("Property values were not valid: [...]").
 */
public final class PropertyValidator {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One invalid property value, as HubSpot reports it. */
    public record Problem(String name, String code, String message) {
    }

    private PropertyValidator() {
    }

    /**
     * The write's properties without the sandbox-managed ones (which a client cannot set), or a 400 if any value is
     * invalid. A {@code null} value becomes the empty string, which clears the property.
     */
    public static Map<String, String> checked(ObjectType type, Map<String, String> properties) {
        List<Problem> problems = problems(type, properties);
        if (!problems.isEmpty()) {
            throw new SandboxApiException(400, toError(problems));
        }
        Map<String, String> writable = new LinkedHashMap<>();
        properties.forEach((name, value) -> {
            if (!PropertyCatalog.find(type, name).orElseThrow().managed()) {
                writable.put(name, value == null ? "" : value);
            }
        });
        return writable;
    }

    public static List<Problem> problems(ObjectType type, Map<String, String> properties) {
        List<Problem> problems = new ArrayList<>();
        if (properties == null) {
            return problems;
        }
        properties.forEach((name, value) -> {
            Problem p = check(type, name, value);
            if (p != null) {
                problems.add(p);
            }
        });
        return problems;
    }

    private static Problem check(ObjectType type, String name, String value) {
        PropertyDefinition def = PropertyCatalog.find(type, name).orElse(null);
        if (def == null) {
            return new Problem(name, "PROPERTY_DOESNT_EXIST", "Property \"" + name + "\" does not exist");
        }
        if (def.managed() || value == null || value.isEmpty()) {
            return null;
        }
        return switch (def.type()) {
            case ENUMERATION -> def.options().contains(value) ? null
                    : new Problem(name, "INVALID_OPTION",
                            value + " was not one of the allowed options: " + def.options());
            case NUMBER -> isNumber(value) ? null
                    : new Problem(name, "INVALID_DECIMAL", value + " is not a valid number");
            case DATETIME -> Timestamps.parseMillis(value) != null ? null
                    : new Problem(name, "INVALID_DATE", value + " is not a valid date (epoch millis or ISO-8601)");
            case BOOL -> "true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value) ? null
                    : new Problem(name, "INVALID_BOOLEAN", value + " is not a valid boolean");
            case STRING -> null;
        };
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** HubSpot's body: the problems as JSON inside the message, and one {@code errors[]} entry per property. */
    public static HubSpotError toError(List<Problem> problems) {
        List<Map<String, Object>> inMessage = new ArrayList<>();
        List<HubSpotError.Detail> details = new ArrayList<>();
        for (Problem p : problems) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("isValid", false);
            entry.put("message", p.message());
            entry.put("error", p.code());
            entry.put("name", p.name());
            entry.put("localizedErrorMessage", p.message());
            inMessage.add(entry);
            details.add(new HubSpotError.Detail(p.message(), p.code(), null, null,
                    Map.of("propertyName", List.of(p.name()))));
        }
        return HubSpotError.validation("Property values were not valid: " + toJson(inMessage)).withErrors(details);
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
