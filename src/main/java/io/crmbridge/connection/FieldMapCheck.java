package io.crmbridge.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;

import io.crmbridge.connection.ConnectionsConfig.Field;
import io.crmbridge.crm.FieldType;
import io.crmbridge.crm.CrmCallException;
import io.crmbridge.model.ExchangeKeys;

/**
 * Checks a create or update against the connection's field map before it is sent: where the map lists an object's
 * properties, a property it does not know or an enum value it does not allow goes to review without a CRM call.
 */
@ApplicationScoped
@Named("fieldMapCheck")
public class FieldMapCheck {

    /** Properties the bridge itself writes on every object. */
    static final Set<String> BRIDGE_PROPERTIES = Set.of("crmbridge_origin", "crmbridge_event_id",
            "crmbridge_key", "crmbridge_occurred_at");

    private final ConnectionsConfig config;
    private final CrmDefaults defaults;

    FieldMapCheck(ConnectionsConfig config, CrmDefaults defaults) {
        this.config = config;
        this.defaults = defaults;
    }

    @SuppressWarnings("unchecked")
    public void check(Exchange exchange) {
        String connection = exchange.getMessage().getHeader(ExchangeKeys.CRM_CONNECTION, defaults.defaultConnection(),
                String.class);
        String object = exchange.getMessage().getHeader(ExchangeKeys.CRM_OBJECT, String.class);
        Object body = exchange.getMessage().getBody();
        if (!(body instanceof Map<?, ?> map)) {
            return;
        }
        Map<String, Object> properties = map.containsKey("properties")
                ? (Map<String, Object>) map.get("properties") : (Map<String, Object>) map;
        List<String> violations = violations(connection, object, properties);
        if (!violations.isEmpty()) {
            throw new CrmCallException.Review(connection, 0, String.join("; ", violations),
                    "field map rejects " + object + " properties before the call: " + String.join("; ", violations));
        }
    }

    List<String> violations(String connection, String object, Map<String, Object> properties) {
        ConnectionsConfig.Connection c = config.connections().get(connection);
        Map<String, Field> fields = c == null ? null : c.fieldMap().get(object);
        if (fields == null || fields.isEmpty() || properties == null) {
            return List.of();
        }
        Map<String, Field> byProperty = new java.util.HashMap<>();
        fields.values().forEach(f -> byProperty.put(f.property(), f));
        List<String> violations = new ArrayList<>();
        properties.forEach((name, value) -> {
            Field field = byProperty.get(name);
            if (field == null) {
                if (!BRIDGE_PROPERTIES.contains(name)) {
                    violations.add("unknown property " + name);
                }
            } else if (field.type() == FieldType.ENUM && value != null
                    && !field.allowed().orElse(List.of()).contains(String.valueOf(value))) {
                violations.add("invalid value '" + value + "' for enum property " + name + " (allowed: "
                        + field.allowed().orElse(List.of()) + ")");
            } else if (field.type() == FieldType.NUMBER && value != null && !isNumber(value)) {
                violations.add("not a number for property " + name + ": " + value);
            }
        });
        return violations;
    }

    private static boolean isNumber(Object value) {
        if (value instanceof Number) {
            return true;
        }
        try {
            new java.math.BigDecimal(String.valueOf(value).trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
