package io.crmbridge.connection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.crmbridge.crm.BridgeProperties;
import io.crmbridge.crm.BridgeProperty;
import io.crmbridge.crm.Capability;
import io.crmbridge.crm.CrmCallException;
import io.crmbridge.crm.CrmConnector;
import io.crmbridge.crm.CrmConnectors;
import io.crmbridge.ops.OperatorAlerts;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Provisions the bridge's own CRM properties ({@link BridgeProperty}) on each connection, idempotently: lists each
 * object's properties and creates the missing ones (a conflict means another replica was first). Runs shortly after
 * start-up, before a connection's first write if that comes first, and on the admin command
 * {@code POST /admin/connections/{name}/provision}.
 *
 * <p>Per object the outcome is a {@link KeyMode}: {@code UNIQUE} (every write is an upsert by the bridge's key),
 * {@code NOT_UNIQUE} (the account cannot hold a unique property on this object: the property exists without unique
 * values and is not relied on; plain creates guarded by the effect journal and the per-event lock),
 * or {@code NONE} (the property could not be created, e.g. the app lacks the {@code crm.schemas.*.write} scope:
 * plain creates guarded by the effect journal). A missing scope raises the operator alert
 * {@code CRM_PROPERTIES_NOT_PROVISIONED}; the connection keeps working.
 */
@ApplicationScoped
public class PropertyProvisioning {

    private static final Logger LOG = Logger.getLogger(PropertyProvisioning.class);
    public static final String ALERT = "CRM_PROPERTIES_NOT_PROVISIONED";

    public enum KeyMode { UNIQUE, NOT_UNIQUE, NONE }

    /** One connection's provisioning as the admin API shows it. */
    @RegisterForReflection
    public record State(String connection, String status, Map<String, KeyMode> keys, Map<String, Set<String>> properties,
            List<String> problems, Instant at) {

        public boolean has(String object, String property) {
            return properties.getOrDefault(object, Set.of()).contains(property);
        }

        public KeyMode key(String object) {
            return keys.getOrDefault(object, KeyMode.NONE);
        }
    }

    private final ConnectionsConfig config;
    private final CrmConnectors connectors;
    private final CrmCalls calls;
    private final OperatorAlerts alerts;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    PropertyProvisioning(ConnectionsConfig config, CrmConnectors connectors, CrmCalls calls, OperatorAlerts alerts) {
        this.config = config;
        this.connectors = connectors;
        this.calls = calls;
        this.alerts = alerts;
    }

    void atStart(@Observes StartupEvent start) {
        // after the HTTP server (an in-process CRM sandbox answers there); a failure is retried before the first write
        CompletableFuture.runAsync(() -> config.connections().keySet().forEach(name -> {
            try {
                state(name);
            } catch (RuntimeException e) {
                LOG.warnf("provisioning the properties of connection %s failed, retried before its first write: %s",
                        name, e.getMessage());
            }
        }), CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));
    }

    /** The connection's provisioning, done now if it has not been (throws when the CRM cannot be reached). */
    public State state(String connection) {
        State state = states.get(connection);
        return state != null ? state : provision(connection);
    }

    /** The last outcome without calling the CRM, or null. */
    public State last(String connection) {
        return states.get(connection);
    }

    /** Lists and creates what is missing, now. */
    public synchronized State provision(String connection) {
        CrmConnector connector = connectors.of(connection);
        Optional<BridgeProperties> provisioning = connectors.role(connection, BridgeProperties.class);
        if (!connector.capabilities().contains(Capability.BRIDGE_PROPERTIES) || provisioning.isEmpty()) {
            // nothing to provision: records are found again by search and the effect journal, origins by stamps
            State state = new State(connection, "NOT_SUPPORTED", Map.of(), Map.of(), List.of(), Instant.now());
            states.put(connection, state);
            LOG.infof("connection %s: kind %s keeps no properties of the bridge's own", connection, connector.kind());
            return state;
        }
        Map<String, KeyMode> keys = new LinkedHashMap<>();
        Map<String, Set<String>> present = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        boolean scopeMissing = false;
        for (Map.Entry<String, List<BridgeProperty>> entry : BridgeProperty.needed().entrySet()) {
            String object = entry.getKey();
            Map<String, Boolean> existing = provisioning.get().propertyNames(
                    calls.call(connection, object, provisioning.get().listProperties(object), true));
            Set<String> has = new LinkedHashSet<>();
            for (BridgeProperty property : entry.getValue()) {
                Boolean unique = existing.get(property.name());
                if (unique == null) {
                    try {
                        unique = create(connection, provisioning.get(), object, property);
                    } catch (CrmCallException e) {
                        scopeMissing |= e.status() == 403;
                        problems.add(object + "." + property.name() + ": " + e.getMessage());
                        continue;
                    }
                }
                has.add(property.name());
                if (property.name().equals(BridgeProperty.KEY)) {
                    keys.put(object, unique ? KeyMode.UNIQUE : KeyMode.NOT_UNIQUE);
                    if (!unique && provisioning.get().holdsUniqueValues(object)) {
                        problems.add(object + "." + property.name() + " holds no unique values in this account: "
                                + "records are found again by search and the effect journal (weaker)");
                    }
                }
            }
            if (BridgeProperty.KEYED_OBJECTS.contains(object)) {
                keys.putIfAbsent(object, KeyMode.NONE);
            }
            present.put(object, Set.copyOf(has));
        }
        String status = problems.isEmpty() ? "PROVISIONED" : scopeMissing ? "MISSING_SCOPE" : "PARTIAL";
        State state = new State(connection, status, Map.copyOf(keys), Map.copyOf(present), List.copyOf(problems),
                Instant.now());
        states.put(connection, state);
        if (scopeMissing) {
            alerts.raise(ALERT, connection, "the app may not create the bridge's CRM properties (missing "
                    + provisioning.get().createPermission("<object>") + "): " + String.join("; ", problems)
                    + ". Writes go on with weaker duplicate protection; grant the scope and POST /admin/connections/"
                    + connection + "/provision");
        } else if (problems.isEmpty()) {
            alerts.clear(ALERT, connection);
        }
        LOG.infof("connection %s: CRM properties %s %s", connection, status, keys);
        return state;
    }

    /** Creates the property; true when it holds unique values. A unique one the object refuses is made without. */
    private boolean create(String connection, BridgeProperties connector, String object, BridgeProperty property) {
        if (property.unique() && !connector.holdsUniqueValues(object)) {
            return create(connection, connector, object, property.withoutUniqueness());
        }
        try {
            calls.call(connection, object, connector.createProperty(object, property), true);
            return property.unique();
        } catch (CrmCallException e) {
            if (e.status() == 409) {
                return property.unique(); // created meanwhile (another replica)
            }
            if (e.status() == 400 && property.unique()) {
                calls.call(connection, object, connector.createProperty(object, property.withoutUniqueness()), true);
                return false;
            }
            throw e;
        }
    }
}
