package io.crmbridge.crm;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.apache.camel.Exchange;

import io.crmbridge.model.ExchangeKeys;
import io.quarkus.runtime.StartupEvent;

/**
 * The connector of each connection, chosen by its {@code kind}, and the connection's field map. A connection whose
 * kind no connector serves fails the start-up, naming the kinds there are.
 */
@ApplicationScoped
public class CrmConnectors {

    private final ConnectionSettings settings;
    private final Map<String, CrmConnector> byKind = new HashMap<>();
    private final Map<String, FieldMap> fieldMaps = new ConcurrentHashMap<>();

    CrmConnectors(ConnectionSettings settings, @Any Instance<CrmConnector> connectors) {
        this.settings = settings;
        connectors.forEach(c -> byKind.put(c.kind(), c));
    }

    void checkKinds(@Observes StartupEvent start) {
        settings.names().forEach(this::of);
    }

    /** The connection an exchange's CRM call names ({@code crmConnection}), else the default one. */
    public String connectionOf(Exchange exchange) {
        return exchange.getMessage().getHeader(ExchangeKeys.CRM_CONNECTION, defaultConnection(), String.class);
    }

    /** The connection a CRM request uses when the message names none. */
    public String defaultConnection() {
        return settings.defaultConnection();
    }

    /** The connector of a connection. */
    public CrmConnector of(String connection) {
        String kind = settings.kind(connection);
        CrmConnector connector = byKind.get(kind);
        if (connector == null) {
            throw new IllegalStateException("crmbridge.connections." + connection + ".kind=" + kind
                    + " names no connector; known kinds: " + byKind.keySet());
        }
        return connector;
    }

    /**
     * A role of a connection's connector ({@link ChangeFeed}, {@link RecordReads}, {@link Links}, ...), or empty when
     * its connector does not implement it.
     */
    public <R> Optional<R> role(String connection, Class<R> role) {
        CrmConnector connector = of(connection);
        return role.isInstance(connector) ? Optional.of(role.cast(connector)) : Optional.empty();
    }

    /** A role the caller cannot do without: a connector that lacks it fails the call, naming both. */
    public <R> R required(String connection, Class<R> role) {
        return role(connection, role).orElseThrow(() -> new UnsupportedOperationException("connection " + connection
                + " (kind " + of(connection).kind() + ") has no " + role.getSimpleName()));
    }

    public ChangeFeed feed(String connection) {
        return required(connection, ChangeFeed.class);
    }

    public RecordReads reads(String connection) {
        return required(connection, RecordReads.class);
    }

    public RecordWrites writes(String connection) {
        return required(connection, RecordWrites.class);
    }

    public Links links(String connection) {
        return required(connection, Links.class);
    }

    public Owners owners(String connection) {
        return required(connection, Owners.class);
    }

    /** The connector's error policy, or generic HTTP when it has none of its own. */
    public ErrorPolicy errors(String connection) {
        return role(connection, ErrorPolicy.class).orElse(ErrorPolicy.GENERIC);
    }

    /** Whether a connection's connector declares a capability. */
    public boolean can(String connection, Capability capability) {
        return of(connection).capabilities().contains(capability);
    }

    /** The connection's field map: the connector's defaults, overridden by {@code field-map.<object>.<field>.*}. */
    public FieldMap fieldMap(String connection) {
        return fieldMaps.computeIfAbsent(connection, name -> new FieldMap(name, of(name), settings.fieldMap(name)));
    }
}
