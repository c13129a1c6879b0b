package io.crmbridge.inbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.connection.ConnectionsConfig;
import io.crmbridge.crm.CrmAnswer;
import io.crmbridge.crm.CrmConnector;
import io.crmbridge.crm.CrmConnectors;
import io.crmbridge.crm.PropertyHistory;
import io.crmbridge.crm.PropertyChange;
import io.crmbridge.loopguard.OriginStamps;

/**
 * Who changed what (docs/architecture.md, "Loop guard"): after a search page, the poll reads the property history of every changed
 * record of the page (with or without an origin stamp: a write whose answer was lost leaves none) in batches (the
 * connector's batch size, 100 for HubSpot) for every property it delivers, and keeps for each
 * record the changes made since the cursor the poll began at, i.e. the ones no poll delivered yet. The loop guard then
 * suppresses a record only when each of those changes was the bridge's own, and the intake is told which properties
 * changed and who changed them. A CRM without history reads nothing here; the loop guard falls back to origin stamps.
 */
@ApplicationScoped
@Named("pollHistory")
public class PollHistory {

    private static final String BATCH_ROUTE = "direct:crm-history-read";

    private final CrmConnectors connectors;
    private final ConnectionsConfig config;
    private final ObjectMapper json;

    private final OriginStamps stamps;
    private final ProducerTemplate producer;

    PollHistory(CrmConnectors connectors, ConnectionsConfig config, ObjectMapper json, OriginStamps stamps,
            ProducerTemplate producer) {
        this.stamps = stamps;
        this.producer = producer;
        this.connectors = connectors;
        this.config = config;
        this.json = json;
    }

    /**
     * The page's origin stamps (one statement), then its history batches: the ids of its changed records, at most a
     * batch each, if the connector keeps history.
     */
    void plan(PollState state, CrmConnector connector, List<String> polledProperties) {
        List<String> changed = state.page.stream().filter(r -> r.kind() == PolledRecord.Kind.CHANGED)
                .map(PolledRecord::id).toList();
        state.stamps = stamps.forIds(state.connection, state.object, changed);
        var history = connectors.role(state.connection, PropertyHistory.class);
        if (changed.isEmpty() || history.isEmpty()) {
            return;
        }
        int chunk = Math.min(connector.maxBatchSize(), history.get().maxHistoryIds());
        // Every changed record, not only those with an origin stamp: the bridge does not know every record it wrote
        // (a write whose answer was lost after the CRM committed it, a stop between the CRM write and the stamp), and
        // only the history says who changed it. Reads of at most the connector's history chunk each.
        for (int i = 0; i < changed.size(); i += chunk) {
            state.historyBatches.add(changed.subList(i, Math.min(changed.size(), i + chunk)));
        }
    }

    /**
     * The page's history batches, all at once: each batch is its own CRM call (route {@code crm-history-read},
     * with its retries) on an exchange of its own, all but the last sent ahead on the producer's threads while the
     * last runs here; then their answers are read in order on this thread. The poll's state is touched only here
     * (counted calls, CRM time as the wall time of the batches together), so nothing of it is shared between threads.
     * A batch that fails after its retries fails the page's fetch.
     */
    public void readBatches(Exchange exchange) throws Exception {
        PollState state = PollSteps.state(exchange);
        if (state.historyBatches.isEmpty()) {
            return;
        }
        CrmConnector connector = connectors.of(state.connection);
        PropertyHistory history = connectors.required(state.connection, PropertyHistory.class);
        List<String> properties = historyProperties(state, connector);
        List<Exchange> calls = new ArrayList<>(state.historyBatches.size());
        for (List<String> ids : state.historyBatches) {
            Exchange call = new DefaultExchange(exchange.getContext());
            PollSteps.describe(call, state, history.readHistory(state.object, ids, properties), json);
            calls.add(call);
        }
        state.historyBatches.clear();
        long started = System.nanoTime();
        List<CompletableFuture<Exchange>> ahead = new ArrayList<>(calls.size() - 1);
        for (Exchange call : calls.subList(0, calls.size() - 1)) {
            ahead.add(producer.asyncSend(BATCH_ROUTE, call));
        }
        Exchange last = producer.send(BATCH_ROUTE, calls.get(calls.size() - 1));
        List<Exchange> answered = new ArrayList<>(calls.size());
        for (CompletableFuture<Exchange> future : ahead) {
            try {
                answered.add(future.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        answered.add(last);
        state.callStarted = 0;
        state.time(PollState.Part.CRM, started);
        for (Exchange call : answered) {
            if (call.getException() != null) {
                throw call.getException();
            }
        }
        String appId = appId(state.connection);
        for (Exchange call : answered) {
            state.history.putAll(history.history(state.object, CrmAnswer.of(call.getMessage().getBody()), appId));
        }
    }

    /** The page's records with their changes since the poll's cursor (null where no history was read). */
    List<PolledRecord> attach(PollState state) {
        List<PolledRecord> out = new ArrayList<>(state.page.size());
        for (PolledRecord record : state.page) {
            List<PropertyChange> changes = state.history.get(record.id());
            out.add(changes == null || record.kind() != PolledRecord.Kind.CHANGED ? record
                    : withChanges(record, changes, state.changesSince));
        }
        return out;
    }

    /**
     * The record with its changes since the cursor. A record modified with none (a write that set the values it had,
     * such as one resent after its answer was lost: the CRM moves the modification time, and keeps no new version)
     * gets an empty list, which the loop guard does not deliver, only when the newest change it had was the bridge's
     * own; when it was anybody else's, that change is attached (a change whose timestamp falls just before the cursor
     * while the record's modification time falls after it is still delivered); with no history at all, none (the
     * origin-stamp fallback decides).
     */
    static PolledRecord withChanges(PolledRecord record, List<PropertyChange> changes, CursorPair since) {
        List<PropertyChange> current = since(changes, since, record.id(), record.modifiedAt());
        if (!current.isEmpty()) {
            return record.withChanges(current);
        }
        PropertyChange newest = changes.stream()
                .filter(c -> c.at() != null && (record.modifiedAt() == null || !c.at().isAfter(record.modifiedAt())))
                .max(Comparator.comparing(PropertyChange::at)).orElse(null);
        if (newest == null) {
            return record;
        }
        return record.withChanges(newest.source() == PropertyChange.Source.BRIDGE ? List.of() : List.of(newest));
    }

    /**
     * The changes no poll delivered yet: those whose (time, record id) is after the cursor the poll began at (a change
     * at the cursor's own time counts only for a record above the cursor's id: the others' version of that time was
     * delivered) and no later than the record's modification time as this poll read it.
     */
    static List<PropertyChange> since(List<PropertyChange> changes, CursorPair since, String id, Instant modifiedAt) {
        return changes.stream().filter(c -> c.at() == null || since == null
                || new CursorPair(c.at(), id).compareTo(since) > 0)
                .filter(c -> c.at() == null || modifiedAt == null || !c.at().isAfter(modifiedAt)).toList();
    }

    /** The delivered properties whose changes matter: not the id and timestamps the CRM keeps itself. */
    private List<String> historyProperties(PollState state, CrmConnector connector) {
        Set<String> names = new LinkedHashSet<>(connectors.fieldMap(state.connection).readProperties(state.object));
        names.addAll(config.connections().get(state.connection).poll().properties().getOrDefault(state.object, List.of()));
        connector.systemProperties(state.object).forEach(names::remove);
        return List.copyOf(names);
    }

    private String appId(String connection) {
        return config.connections().get(connection).appId().orElse(null);
    }
}
