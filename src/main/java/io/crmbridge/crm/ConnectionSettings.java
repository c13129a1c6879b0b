package io.crmbridge.crm;

import java.util.Map;
import java.util.Set;

/**
 * What the contract needs to know of the configured connections: their names, each one's connector kind and field-map
 * overrides, and the connection a CRM request uses when it names none. The connection layer reads the configuration
 * and provides it; the contract never reads configuration itself.
 */
public interface ConnectionSettings {

    /** The names of the configured connections. */
    Set<String> names();

    /** The connector kind of a connection; throws {@link java.util.NoSuchElementException} for an unknown name. */
    String kind(String connection);

    /**
     * The connection's field-map overrides ({@code field-map.<object>.<field>.*}), object -> contract field -> spec. A
     * spec without values keeps the connector's value map of that field.
     */
    Map<String, Map<String, FieldSpec>> fieldMap(String connection);

    /** The connection a CRM request uses when the message names none. */
    String defaultConnection();
}
