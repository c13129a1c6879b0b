package io.crmbridge.crm.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.crm.CrmCallException;
import io.crmbridge.crm.CrmAnswer;
import io.crmbridge.crm.CrmConnectors;
import io.crmbridge.crm.CrmRequest;
import io.crmbridge.crm.RecordReads;
import io.crmbridge.crm.RecordWrites;
import io.crmbridge.model.ExchangeKeys;

/**
 * Sends one group of pending calls as one batch call through route {@code crm-call} (token, rate limit, error
 * classes, metrics) and hands each call its share. A whole batch the CRM refuses as invalid (a CRM may refuse a whole
 * batch for one bad property value anywhere in it) is sent again one call at a time, so that only the bad input fails;
 * a per-input error, as the connector reads it from the answer ({@link RecordReads#batchErrors},
 * {@link RecordReads#inputErrors}), fails only its own call. A search answer that may have been cut short is asked
 * again per value.
 */
@ApplicationScoped
public class BatchCalls {

    /** The status of a call that succeeded for its own part. */
    private static final int OK = 200;

    private final ProducerTemplate producer;
    private final CrmConnectors connectors;
    private final ObjectMapper json;

    BatchCalls(ProducerTemplate producer, CrmConnectors connectors, ObjectMapper json) {
        this.producer = producer;
        this.connectors = connectors;
        this.json = json;
    }

    void send(CallGroup group, List<PendingCall> calls) {
        CrmRequest request = request(group, calls);
        Exchange answer = call(group, request);
        Exception failure = answer.getException();
        if (failure instanceof CrmCallException.Review && calls.size() > 1) {
            calls.forEach(c -> send(group, List.of(c)));
            return;
        }
        if (failure != null) {
            String sent = request.body() == null ? null : toJson(request.body());
            boolean unknown = Boolean.TRUE.equals(answer.getProperty(ExchangeKeys.CRM_OUTCOME_UNKNOWN, Boolean.class));
            calls.forEach(c -> {
                c.failedRequest = sent;
                c.outcomeUnknown = unknown;
                c.answer.completeExceptionally(failure);
            });
            return;
        }
        int status = answer.getMessage().getHeader(ExchangeKeys.CRM_RESPONSE_STATUS, 200, Integer.class);
        CrmAnswer body = CrmAnswer.of(answer.getMessage().getBody());
        RecordReads reads = connectors.reads(group.connection());
        if (group.operation() == CallGroup.Operation.SEARCH && calls.size() > 1
                && reads.records(group.object(), body).size() >= reads.maxSearchResults()) {
            calls.forEach(c -> send(group, List.of(c)));
            return;
        }
        // a call whose share is clean reports plain success when other inputs of the answer failed
        int cleanStatus = reads.inputErrors(body).isEmpty() ? status : OK;
        for (PendingCall call : calls) {
            hand(group, call, status, cleanStatus, body);
        }
    }

    /** Hands a call its share: with per-input errors it has the answer's status, else {@code cleanStatus}. */
    private void hand(CallGroup group, PendingCall call, int status, int cleanStatus, CrmAnswer body) {
        RecordReads reads = connectors.reads(group.connection());
        CrmAnswer share = group.operation() == CallGroup.Operation.ASSOCIATE
                ? connectors.links(group.connection()).associationShare(body, call.keys.get(0), call.keys.get(1))
                : reads.batchShare(group.object(), body, group.property(), call.keys);
        boolean associate = group.operation() == CallGroup.Operation.ASSOCIATE;
        List<String> errors = associate ? reads.inputErrors(share) : reads.batchErrors(share);
        if (!errors.isEmpty() && associate) {
            call.answer.completeExceptionally(new CrmCallException.Review(group.connection(), status, toJson(share.json()),
                    "the CRM refused the association " + group.object() + "/" + call.keys.get(0) + " -> "
                            + group.toObject() + "/" + call.keys.get(1) + ": " + errors));
            return;
        }
        call.answer.complete(new PendingCall.Share(errors.isEmpty() ? cleanStatus : status, share.json()));
    }

    private CrmRequest request(CallGroup group, List<PendingCall> calls) {
        RecordReads reads = connectors.reads(group.connection());
        RecordWrites writes = connectors.writes(group.connection());
        return switch (group.operation()) {
            case UPSERT -> {
                Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
                for (PendingCall c : calls) {
                    // the key in the record's properties too: each result is handed back by it
                    Map<String, Object> properties = new LinkedHashMap<>(c.properties);
                    properties.putIfAbsent(group.property(), c.keys.get(0));
                    byKey.put(c.keys.get(0), properties);
                }
                yield writes.upsert(group.object(), group.property(), byKey);
            }
            case CREATE_KEYED -> {
                List<Map<String, Object>> properties = new ArrayList<>();
                List<Map<String, String>> links = new ArrayList<>();
                List<String> refs = new ArrayList<>();
                for (PendingCall c : calls) {
                    Map<String, Object> p = new LinkedHashMap<>(c.properties);
                    p.put(group.property(), c.keys.get(0));
                    properties.add(p);
                    links.add(c.linkTo);
                    refs.add(c.keys.get(0));
                }
                yield writes.createMany(group.object(), properties, links, refs);
            }
            case READ_BY_KEY -> reads.readByKey(group.object(), group.property(), List.copyOf(inputs(calls)),
                    group.readProperties());
            case SEARCH -> calls.size() == 1
                    ? reads.searchEquals(group.object(), group.property(), calls.get(0).keys.get(0), withProperty(group))
                    : reads.searchIn(group.object(), group.property(), inputs(calls), withProperty(group));
            case ASSOCIATE -> {
                Set<List<String>> seen = new LinkedHashSet<>();
                List<Map<String, Object>> pairs = new ArrayList<>();
                for (PendingCall c : calls) {
                    if (seen.add(c.keys)) {
                        pairs.add(Map.of("from", Map.of("id", c.keys.get(0)), "to", Map.of("id", c.keys.get(1))));
                    }
                }
                yield connectors.links(group.connection()).associateBatch(group.object(), group.toObject(), pairs);
            }
        };
    }

    private static Set<String> inputs(List<PendingCall> calls) {
        Set<String> inputs = new LinkedHashSet<>();
        calls.forEach(c -> inputs.addAll(c.keys));
        return inputs;
    }

    /** A share is found by the searched property, so the answer must hold it. */
    private static List<String> withProperty(CallGroup group) {
        List<String> read = new ArrayList<>(group.readProperties());
        if (!read.contains(group.property())) {
            read.add(group.property());
        }
        return read;
    }

    private Exchange call(CallGroup group, CrmRequest request) {
        return producer.request("direct:crm-batch", exchange -> {
            var in = exchange.getMessage();
            in.setHeader(ExchangeKeys.CRM_CONNECTION, group.connection());
            in.setHeader(ExchangeKeys.CRM_OBJECT, group.object());
            in.setHeader(ExchangeKeys.CRM_METHOD, request.method());
            in.setHeader(ExchangeKeys.CRM_PATH, request.path());
            in.setHeader(ExchangeKeys.CRM_QUERY, request.query());
            in.setBody(request.body() == null ? null : toJson(request.body()));
        });
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body cannot be written as JSON", e);
        }
    }
}
