package io.crmbridge.connection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.crmbridge.crm.ConnectionSettings;
import io.crmbridge.crm.FieldSpec;

/** The connections of {@code crmbridge.connections.*} and {@code crmbridge.crm.default-connection}, as the contract sees them. */
@ApplicationScoped
public class ConfiguredConnections implements ConnectionSettings {

    private final ConnectionsConfig config;
    private final CrmDefaults defaults;

    ConfiguredConnections(ConnectionsConfig config, CrmDefaults defaults) {
        this.config = config;
        this.defaults = defaults;
    }

    @Override
    public Set<String> names() {
        return config.connections().keySet();
    }

    @Override
    public String kind(String connection) {
        return connection(connection).kind();
    }

    @Override
    public Map<String, Map<String, FieldSpec>> fieldMap(String connection) {
        Map<String, Map<String, FieldSpec>> byObject = new LinkedHashMap<>();
        connection(connection).fieldMap().forEach((object, fields) -> {
            Map<String, FieldSpec> specs = new LinkedHashMap<>();
            fields.forEach((field, f) -> specs.put(field, new FieldSpec(f.property(), f.type(),
                    f.allowed().orElse(List.of()), f.read(), Map.copyOf(f.values()))));
            byObject.put(object, specs);
        });
        return byObject;
    }

    @Override
    public String defaultConnection() {
        return defaults.defaultConnection();
    }

    private ConnectionsConfig.Connection connection(String name) {
        ConnectionsConfig.Connection c = config.connections().get(name);
        if (c == null) {
            throw new NoSuchElementException("no connection named " + name + " (crmbridge.connections." + name + ".*)");
        }
        return c;
    }
}
