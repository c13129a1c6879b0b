package io.crmbridge.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.crm.CrmCallException;
import io.crmbridge.crm.ChangeFeed;
import io.crmbridge.crm.CrmConnectors;
import io.crmbridge.crm.ErrorPolicy;
import io.crmbridge.model.ExchangeKeys;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The steps of route {@code crm-call}, the one place a CRM is called. The caller describes the request with the
 * headers {@link ExchangeKeys#CRM_CONNECTION}, {@link ExchangeKeys#CRM_OBJECT}, {@link ExchangeKeys#CRM_METHOD},
 * {@link ExchangeKeys#CRM_PATH}, {@link ExchangeKeys#CRM_QUERY} and the JSON body.
 * Only the HTTP headers the call needs are sent: the caller's headers are set aside and given back with the answer,
 * whose status is in {@link ExchangeKeys#CRM_RESPONSE_STATUS} and whose JSON is the new body.
 */
@ApplicationScoped
@Named("crmCall")
public class CrmCallSteps {


    /** What the caller asked for, and the headers it had. */
    record Request(String connection, String object, String method, String path, String query, String body,
            Map<String, Object> callerHeaders) {
    }

    @ConfigMapping(prefix = "crmbridge.crm-call")
    public interface CallConfig {
        /**
         * The longest rate-limit pause (429, exhausted window) a call waits out in place, holding no database
         * connection or lock; a longer one fails the call at once with {@link ConnectionPausedException} (an event
         * goes back to the queue until the pause ends). Default: one HubSpot burst window. Requeueing on every short
         * pause livelocks: a requeued event starts again from its first call.
         */
        @WithDefault("10s")
        Duration maxPauseWait();
    }

    private final CrmConnections connections;
    private final MeterRegistry meters;
    private final CallConfig config;
    private final ObjectMapper json;
    private final CrmConnectors connectors;

    CrmCallSteps(CrmConnections connections, MeterRegistry meters, CallConfig config, ObjectMapper json,
            CrmConnectors connectors) {
        this.connectors = connectors;
        this.connections = connections;
        this.meters = meters;
        this.config = config;
        this.json = json;
    }

    /** Waits for the connection (re-authorization, rate limit, 429 pause), then sets the HTTP request. */
    public void prepare(Exchange exchange) {
        Request request = request(exchange);
        CrmConnections.Live connection = connections.get(request.connection());
        refuseUnknownOutcome(exchange, request);
        checkNotStopped(connection);
        connection.gate().acquire();
        if (!connectors.errors(request.connection()).resendable(request.method(), request.path())) {
            exchange.setProperty(ExchangeKeys.CRM_OUTCOME_UNKNOWN, true); // until the CRM answers clearly (classify)
        }
        send(exchange, request, connection, connection.auth().accessToken(), requestHeaders(request));
    }

    /**
     * A redelivery of a call that must not go out twice and whose last try got no clear answer (a 5xx or a lost
     * connection: the CRM may have committed it) is not sent: each redelivery fails at once, so when they are used up
     * the event is tried again later and its search before create finds what the first try wrote. (The redeliveries
     * are routes/errors.yaml's for every retryable failure; marking the exchange exhausted here did not stop them.)
     */
    private static void refuseUnknownOutcome(Exchange exchange, Request request) {
        if (!exchange.getProperty(ExchangeKeys.CRM_OUTCOME_UNKNOWN, false, Boolean.class)) {
            return;
        }
        throw new CrmCallException.Retryable(request.connection(), 0, null, request.method() + " " + request.path()
                + " on connection " + request.connection() + " may have been written without an answer: not sent again");
    }

    /** The CRM said 401 to the token just used: refresh once (shared with concurrent callers) and send again. */
    public void reauthorize(Exchange exchange) {
        Request request = exchange.getProperty(ExchangeKeys.CRM_REQUEST, Request.class);
        CrmConnections.Live connection = connections.get(request.connection());
        count(request, 401);
        String rejected = exchange.getMessage().getHeader("Authorization", String.class).substring("Bearer ".length());
        send(exchange, request, connection, connection.auth().refreshAfterUnauthorized(rejected), requestHeaders(request));
    }

    /** Counts the call, gives the caller its headers back, and turns a failed answer into its exception class. */
    public void classify(Exchange exchange) {
        Message in = exchange.getMessage();
        Request request = exchange.getProperty(ExchangeKeys.CRM_REQUEST, Request.class);
        int status = in.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        ErrorPolicy errors = connectors.errors(request.connection());
        Function<String, String> responseHeader = name -> in.getHeader(name, String.class);
        Duration retryAfter = status == 429 ? errors.retryAfter(responseHeader) : null;
        // The CRM says this window is used up: wait it out rather than collect 429s.
        errors.exhaustedWindow(responseHeader).ifPresent(connections.get(request.connection()).gate()::pause);
        String body = in.getBody(String.class);
        java.util.Optional<java.time.Instant> serverTime = connectors.role(request.connection(), ChangeFeed.class)
                .flatMap(feed -> feed.serverTime(responseHeader));
        count(request, status);
        Map<String, Object> redelivery = redeliveryHeaders(in);
        in.getHeaders().clear();
        in.getHeaders().putAll(request.callerHeaders());
        in.removeHeader(ExchangeKeys.CRM_IF_MATCH); // the condition was this call's, not the next one's
        in.getHeaders().putAll(redelivery);
        in.setHeader(ExchangeKeys.CRM_RESPONSE_STATUS, status);
        serverTime.ifPresent(time -> in.setHeader(ExchangeKeys.CRM_SERVER_TIME, time));
        if (status < 500 && status != 0) {
            // answered: written (2xx) or refused (4xx), not unknown
            exchange.removeProperty(ExchangeKeys.CRM_OUTCOME_UNKNOWN);
        }
        var failure = errors.classify(request.connection(), status, body);
        if (failure.isEmpty()) {
            exchange.removeProperty(ExchangeKeys.CRM_REQUEST);
            exchange.removeProperty(ExchangeKeys.CRM_REQUEST_BODY);
            in.setBody(parse(body));
            return;
        }
        CrmConnections.Live connection = connections.get(request.connection());
        if (status == 429) {
            connection.gate().pause(retryAfter);
        }
        if (failure.get().kind() == CrmCallException.Kind.OPERATOR
                && !(status == 403 && Boolean.TRUE.equals(request.callerHeaders().get(ExchangeKeys.CRM_PROBE)))) {
            // 401 even with a freshly refreshed token, 403 (scope), 410 (API gone): only an operator can fix it.
            // (A probe's 403, e.g. provisioning properties without the schema scope, is the caller's to report.)
            // The connection pauses; this call and the ones queued behind it wait in prepare() for new credentials.
            connection.auth().suspend(failure.get().getMessage() + ": " + abbreviate(body));
        }
        in.setBody(request.body());
        throw failure.get();
    }

    private Request request(Exchange exchange) {
        Request request = exchange.getProperty(ExchangeKeys.CRM_REQUEST, Request.class);
        if (request == null) {
            Message in = exchange.getMessage();
            request = new Request(in.getHeader(ExchangeKeys.CRM_CONNECTION, String.class),
                    in.getHeader(ExchangeKeys.CRM_OBJECT, "", String.class), in.getHeader(ExchangeKeys.CRM_METHOD, String.class),
                    in.getHeader(ExchangeKeys.CRM_PATH, String.class), in.getHeader(ExchangeKeys.CRM_QUERY, String.class),
                    in.getBody(String.class), new HashMap<>(in.getHeaders()));
            exchange.setProperty(ExchangeKeys.CRM_REQUEST, request);
            exchange.setProperty(ExchangeKeys.CRM_REQUEST_BODY, request.body());
        }
        return request;
    }

    /** Only what the HTTP call needs leaves this application; nothing inbound can steer it. */
    /** The headers the connection's connector sends with every call (Clio: its pinned {@code X-API-VERSION}). */
    private Map<String, String> requestHeaders(Request request) {
        return connectors.of(request.connection()).requestHeaders(request.connection());
    }

    private static void send(Exchange exchange, Request request, CrmConnections.Live connection, String token,
            Map<String, String> connectorHeaders) {
        Message in = exchange.getMessage();
        Map<String, Object> redelivery = redeliveryHeaders(in);
        in.getHeaders().clear();
        in.getHeaders().putAll(redelivery);
        in.setHeader(ExchangeKeys.CRM_BASE_URL, connection.baseUrl());
        in.setHeader(Exchange.HTTP_METHOD, request.method());
        in.setHeader(Exchange.HTTP_PATH, request.path());
        if (request.query() != null) {
            in.setHeader(Exchange.HTTP_QUERY, request.query());
        }
        in.setHeader(Exchange.CONTENT_TYPE, "application/json");
        in.setHeader("Accept", "application/json");
        in.setHeader("Authorization", "Bearer " + token);
        connectorHeaders.forEach(in::setHeader);
        Object ifMatch = request.callerHeaders().get(ExchangeKeys.CRM_IF_MATCH);
        if (ifMatch != null) {
            in.setHeader("If-Match", ifMatch);
        }
        in.setBody(request.body());
    }

    /**
     * Camel's error handler counts redeliveries in these headers: clearing them made every retry attempt 1 again,
     * so a CRM that kept answering 5xx was retried forever and never reached the dead-letter channel.
     */
    private static Map<String, Object> redeliveryHeaders(Message in) {
        Map<String, Object> kept = new HashMap<>();
        for (String name : new String[] { Exchange.REDELIVERY_COUNTER, Exchange.REDELIVERY_MAX_COUNTER, Exchange.REDELIVERED }) {
            Object value = in.getHeader(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return kept;
    }

    private Object parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            throw new CrmCallException.Unknown("", 200, body, "CRM answered with a body that is not JSON");
        }
    }

    /**
     * A connection in NEEDS_REAUTH or paused by the CRM for long fails the call now: no thread, pooled connection or
     * lock is held while an operator or the CRM's window is awaited.
     */
    private void checkNotStopped(CrmConnections.Live connection) {
        if (connection.auth().needsReauth()) {
            throw new NeedsReauthException(connection.name(), connection.auth().reauthReason());
        }
        Instant pausedUntil = connection.gate().pausedUntil();
        if (pausedUntil.isAfter(Instant.now().plus(config.maxPauseWait()))) {
            throw new ConnectionPausedException(connection.name(), pausedUntil);
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 500 ? body.substring(0, 500) + "..." : body;
    }

    private void count(Request request, int status) {
        meters.counter("crmbridge.crm.requests", "connection", request.connection(), "object", request.object(),
                "status", Integer.toString(status)).increment();
    }
}
