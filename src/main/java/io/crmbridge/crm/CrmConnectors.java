package io.crmbridge.crm;

import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.apache.camel.Exchange;

import io.crmbridge.connection.ConnectionsConfig;
import io.crmbridge.connection.CrmDefaults;
import io.crmbridge.model.ExchangeKeys;
import io.quarkus.runtime.StartupEvent;

/**
 * The connector of each connection, chosen by its {@code kind}, and the connection's field map. A connection whose
 * kind no connector serves fails the start-up, naming the kinds there are.
 */
@ApplicationScoped
public class CrmConnectors {

    private final ConnectionsConfig config;
    private final CrmDefaults defaults;
    private final Map<String, CrmConnector> byKind = new HashMap<>();
    private final Map<String, FieldMap> fieldMaps = new ConcurrentHashMap<>();

    CrmConnectors(ConnectionsConfig config, CrmDefaults defaults, @Any Instance<CrmConnector> connectors) {
        this.config = config;
        this.defaults = defaults;
        connectors.forEach(c -> byKind.put(c.kind(), c));
    }

    void checkKinds(@Observes StartupEvent start) {
        config.connections().keySet().forEach(this::of);
    }

    /** The connection an exchange's CRM call names ({@code crmConnection}), else the default one. */
    public String connectionOf(Exchange exchange) {
        return exchange.getMessage().getHeader(ExchangeKeys.CRM_CONNECTION, defaults.defaultConnection(), String.class);
    }

    /** The connector of a connection. */
    public CrmConnector of(String connection) {
        ConnectionsConfig.Connection c = connection(connection);
        CrmConnector connector = byKind.get(c.kind());
        if (connector == null) {
            throw new IllegalStateException("crmbridge.connections." + connection + ".kind=" + c.kind()
                    + " names no connector; known kinds: " + byKind.keySet());
        }
        return connector;
    }

    /** The connection's field map: the connector's defaults, overridden by {@code field-map.<object>.<field>.*}. */
    public FieldMap fieldMap(String connection) {
        return fieldMaps.computeIfAbsent(connection, name -> new FieldMap(name, of(name), connection(name).fieldMap()));
    }

    private ConnectionsConfig.Connection connection(String name) {
        ConnectionsConfig.Connection c = config.connections().get(name);
        if (c == null) {
            throw new NoSuchElementException("no connection named " + name + " (crmbridge.connections." + name + ".*)");
        }
        return c;
    }
}
