package io.crmbridge.crm.batch;

import static io.crmbridge.model.ExchangeKeys.CRM_ID_PROPERTY;
import static io.crmbridge.model.ExchangeKeys.CRM_OBJECT;
import static io.crmbridge.model.ExchangeKeys.CRM_OBJECT_ID;
import static io.crmbridge.model.ExchangeKeys.CRM_PROPERTIES;
import static io.crmbridge.model.ExchangeKeys.CRM_RESPONSE_STATUS;
import static io.crmbridge.model.ExchangeKeys.CRM_SEARCH_FIELD;
import static io.crmbridge.model.ExchangeKeys.CRM_TO_OBJECT;
import static io.crmbridge.model.ExchangeKeys.CRM_TO_OBJECT_ID;
import static io.crmbridge.model.ExchangeKeys.CRM_UPSERT_KEY;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.crmbridge.crm.Capability;
import io.crmbridge.crm.CrmAnswer;
import io.crmbridge.crm.CrmConnectors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.crmbridge.crm.FieldMap;

/**
 * The bulk path's steps in routes/crm-endpoints.yaml: an event's upsert by key, read by key,
 * search by one value or default association waits a short window for the same call of other events in flight, and
 * they go out as one batch call ({@link BatchCalls}); each event then reads its own share of the answer, or its own
 * per-input error, as if it had made the call alone. Failures of the whole call reach every event in it, and each
 * event's own error channel decides (redelivery, review, dead letter). Settings: {@link BulkConfig}.
 */
@ApplicationScoped
@Named("crmCoalescer")
public class CallCoalescer implements io.crmbridge.ledger.KeyWaitListener {

    static final String CLAIM = io.crmbridge.model.ExchangeKeys.BULK_CLAIM;
    static final String STATE = io.crmbridge.model.ExchangeKeys.BULK_STATE;
    private static final String LEFT = "left";
    private static final String PARKED = "parked";

    private final CrmConnectors connectors;
    private final BulkConfig config;
    private final CallBatcher batcher;
    private final BatchCalls calls;

    /**
     * {@code workers} (crmbridge.dispatch.workers) caps the events waited for: a claimed event queued behind busy
     * workers submits nothing, and counting it held every group to its full window whenever the claims in progress
     * outnumbered the workers (a 500-event burst took four times as long with 20 claimed and 4 workers).
     */
    CallCoalescer(CrmConnectors connectors, BulkConfig config, BatchCalls calls,
            @ConfigProperty(name = "crmbridge.dispatch.workers") int workers, MeterRegistry meters) {
        this.connectors = connectors;
        this.config = config;
        this.calls = calls;
        this.batcher = new CallBatcher(config.maxSize(), config.window().toMillis(), config.quiet().orElse(config.window()).toMillis(),
                workers, calls::send);
        // whether groups fill: groups that wait out their window hold events back for nothing
        Map<CallBatcher.Reason, Counter> groups = new EnumMap<>(CallBatcher.Reason.class);
        for (CallBatcher.Reason reason : CallBatcher.Reason.values()) {
            groups.put(reason, Counter.builder("crmbridge.bulk.groups").description("Grouped CRM calls sent, by why they went")
                    .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT)).register(meters));
        }
        DistributionSummary size = DistributionSummary.builder("crmbridge.bulk.group.calls")
                .description("Events' calls shared by one grouped CRM call").register(meters);
        batcher.onSend((reason, n) -> {
            groups.get(reason).increment();
            size.record(n);
        });
    }

    /**
     * A claimed batch of events is about to be processed (route event-dispatch): grouped calls may wait for each of
     * them until it leaves, or until their window ends.
     */
    public void expect(Exchange exchange) {
        int events = exchange.getMessage().getBody(List.class).size();
        exchange.setProperty(CLAIM, new AtomicInteger(events));
        batcher.enter(events);
    }

    /** One event of the claim is done with the CRM, whatever its outcome (route event-process, finally). */
    public void leave(Exchange exchange) {
        AtomicInteger claim = exchange.getProperty(CLAIM, AtomicInteger.class);
        if (claim == null || LEFT.equals(exchange.getProperty(STATE))) {
            return;
        }
        exchange.setProperty(STATE, LEFT);
        if (claim.getAndDecrement() > 0) {
            batcher.leave(1);
        }
    }

    /**
     * An event of a claim waits for a key lock another event holds: it makes no call meanwhile, so groups do not wait
     * for it (with four events of one company in four workers, each call of the one holding the lock waited out the
     * whole window).
     */
    @Override
    public void waiting(Exchange exchange) {
        if (exchange.getProperty(CLAIM) != null && exchange.getProperty(STATE) == null) {
            exchange.setProperty(STATE, PARKED);
            batcher.park();
        }
    }

    @Override
    public void stoppedWaiting(Exchange exchange) {
        if (PARKED.equals(exchange.getProperty(STATE))) {
            exchange.removeProperty(STATE);
            batcher.resume();
        }
    }

    /** The claim is done: any of its events that did not leave (stopped early) no longer counts. */
    public void finish(Exchange exchange) {
        AtomicInteger claim = exchange.getProperty(CLAIM, AtomicInteger.class);
        if (claim != null) {
            batcher.leave(Math.max(0, claim.getAndSet(0)));
            exchange.removeProperty(CLAIM);
        }
    }

    /** The body's properties upserted by unique property {@code crmIdProperty} = {@code crmUpsertKey}. */
    @SuppressWarnings("unchecked")
    public void upsert(Exchange exchange) throws Exception {
        Map<String, Object> properties = exchange.getMessage().getBody(Map.class);
        if (properties == null) {
            throw new IllegalArgumentException("an upsert needs a properties map as body");
        }
        String key = required(exchange, CRM_UPSERT_KEY);
        await(exchange, group(exchange, CallGroup.Operation.UPSERT, required(exchange, CRM_ID_PROPERTY), null, List.of()),
                new PendingCall(List.of(key), new LinkedHashMap<>(properties)));
    }

    /**
     * A new record with its links ({@code crmLinkTo}) and its key {@code crmUpsertKey} in unique property
     * {@code crmIdProperty}. Header {@code crmKeyTaken} says whether the CRM refused it because a record already
     * holds the key (an earlier attempt made it); the caller then finds that record by upserting it.
     */
    @SuppressWarnings("unchecked")
    public void createKeyed(Exchange exchange) throws Exception {
        if (exchange.getProperty(io.crmbridge.model.ExchangeKeys.CRM_OUTCOME_UNKNOWN, false, Boolean.class)) {
            throw new io.crmbridge.crm.CrmCallException.Retryable(connectors.connectionOf(exchange), 0, null,
                    "a create of " + required(exchange, CRM_OBJECT) + " may have been written without an answer: not"
                            + " sent again");
        }
        Map<String, Object> properties = exchange.getMessage().getBody(Map.class);
        Map<String, String> linkTo = exchange.getMessage().getHeader(io.crmbridge.model.ExchangeKeys.CRM_LINK_TO, Map.of(),
                Map.class);
        String key = required(exchange, CRM_UPSERT_KEY);
        CallGroup group = group(exchange, CallGroup.Operation.CREATE_KEYED, required(exchange, CRM_ID_PROPERTY), null,
                List.of());
        boolean taken;
        try {
            await(exchange, group, new PendingCall(List.of(key), new LinkedHashMap<>(properties), Map.copyOf(linkTo)));
            String connection = group.connection();
            taken = connectors.reads(connection).record(group.object(), CrmAnswer.of(exchange.getMessage().getBody())) == null
                    && connectors.reads(connection).records(group.object(), CrmAnswer.of(exchange.getMessage().getBody())).isEmpty();
        } catch (io.crmbridge.crm.CrmCallException.Review e) {
            if (e.status() != 409) {
                throw e;
            }
            taken = true;
        }
        exchange.getMessage().setHeader(io.crmbridge.model.ExchangeKeys.CRM_KEY_TAKEN, taken);
    }

    /** The records whose unique property {@code crmIdProperty} has one of the values in the body (a list). */
    @SuppressWarnings("unchecked")
    public void readByKey(Exchange exchange) throws Exception {
        List<String> values = exchange.getMessage().getBody(List.class);
        await(exchange, group(exchange, CallGroup.Operation.READ_BY_KEY, required(exchange, CRM_ID_PROPERTY), null,
                properties(exchange)), new PendingCall(List.copyOf(values), null));
    }

    /** The records whose property of contract field {@code crmSearchField} equals the body. */
    public void searchEquals(Exchange exchange) throws Exception {
        String connection = connectors.connectionOf(exchange);
        String object = required(exchange, CRM_OBJECT);
        String field = required(exchange, CRM_SEARCH_FIELD);
        FieldMap fields = connectors.fieldMap(connection);
        String property = fields.property(object, field);
        if (property == null) {
            throw new IllegalArgumentException("connection " + connection + " maps no CRM property for " + object + "." + field);
        }
        String value = exchange.getMessage().getBody(String.class);
        await(exchange, group(exchange, CallGroup.Operation.SEARCH, property, null, properties(exchange)),
                new PendingCall(List.of(value), null));
    }

    /** The default association {@code crmObject/crmObjectId -> crmToObject/crmToObjectId}. */
    public void associate(Exchange exchange) throws Exception {
        await(exchange, group(exchange, CallGroup.Operation.ASSOCIATE, null, required(exchange, CRM_TO_OBJECT), List.of()),
                new PendingCall(List.of(required(exchange, CRM_OBJECT_ID), required(exchange, CRM_TO_OBJECT_ID)), null));
    }

    private CallGroup group(Exchange exchange, CallGroup.Operation operation, String property, String toObject,
            List<String> readProperties) {
        exchange.getMessage().setHeader(io.crmbridge.model.ExchangeKeys.CRM_CONNECTION, connectors.connectionOf(exchange));
        return new CallGroup(connectors.connectionOf(exchange), operation, required(exchange, CRM_OBJECT), property,
                toObject, readProperties);
    }

    /** Submits the call and waits for its share; the call's failure is this event's failure. */
    private void await(Exchange exchange, CallGroup group, PendingCall call) throws Exception {
        if (connectors.can(group.connection(), Capability.BATCH)) {
            batcher.submit(group, call);
        } else {
            calls.send(group, List.of(call)); // a CRM without batch endpoints: the event's own call, now
        }
        PendingCall.Share share;
        try {
            share = call.answer.get(config.answerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (call.outcomeUnknown) {
                // like a single call's (CrmCallSteps): this event's redeliveries of it are not sent
                exchange.setProperty(io.crmbridge.model.ExchangeKeys.CRM_OUTCOME_UNKNOWN, true);
            }
            if (call.failedRequest != null) {
                // the event's dead letter keeps the last CRM request: the grouped one its input was part of
                exchange.setProperty(io.crmbridge.model.ExchangeKeys.CRM_REQUEST_BODY, call.failedRequest);
            }
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new TimeoutException("no answer to the grouped " + group.operation() + " of " + group.object()
                    + " within " + config.answerTimeout());
        }
        Message in = exchange.getMessage();
        in.setHeader(CRM_RESPONSE_STATUS, share.status());
        in.setBody(share.body());
    }

    private static List<String> properties(Exchange exchange) {
        String list = exchange.getMessage().getHeader(CRM_PROPERTIES, String.class);
        return list == null || list.isBlank() ? List.of() : List.of(list.trim().split("\\s*,\\s*"));
    }

    private static String required(Exchange exchange, String header) {
        String value = exchange.getMessage().getHeader(header, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("header " + header + " is required for this CRM request");
        }
        return value;
    }

    @PreDestroy
    void stop() {
        batcher.shutdown();
    }
}
