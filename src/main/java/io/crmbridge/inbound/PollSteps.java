package io.crmbridge.inbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Route;
import org.apache.camel.StatefulService;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.connection.ConnectionsConfig;
import io.crmbridge.crm.ChangeQuery;
import io.crmbridge.crm.CrmConnectors;
import io.crmbridge.crm.CrmRecord;
import io.crmbridge.crm.CrmRequest;
import io.crmbridge.model.ExchangeKeys;

/**
 * The steps of the poll routes ({@code poll-<connection>-<object>}, routes/inbound-poll.yaml): start from the cursor,
 * describe each search page, read it, commit it, end. The cursor only moves in {@link #commitPage}, after the page's
 * records went through {@code inbound-record} without an error, and only up to the highest pair actually processed.
 */
@ApplicationScoped
@Named("pollSteps")
public class PollSteps {

    public static final String CONNECTION = "pollConnection";
    public static final String OBJECT = "pollObject";
    private static final Logger LOG = Logger.getLogger(PollSteps.class);

    private final ConnectionsConfig config;
    private final SyncCursors cursors;
    private final InboundMetrics metrics;
    private final ObjectMapper json;
    private final CrmConnectors connectors;

    PollSteps(ConnectionsConfig config, SyncCursors cursors, InboundMetrics metrics, ObjectMapper json,
            CrmConnectors connectors) {
        this.connectors = connectors;
        this.config = config;
        this.cursors = cursors;
        this.metrics = metrics;
        this.json = json;
    }

    /** Loads the cursor; the first page will start {@code overlap} before it. */
    public void begin(Exchange exchange) {
        Message in = exchange.getMessage();
        String connection = in.getHeader(CONNECTION, String.class);
        String object = in.getHeader(OBJECT, String.class);
        cursors.attempt(connection, object);
        CursorPair committed = cursors.find(connection, object).map(SyncCursors.Row::cursor).orElse(null);
        Instant from = committed == null ? null : committed.modifiedAt().minus(poll(connection).overlap());
        exchange.setProperty(PollState.PROPERTY,
                new PollState(connection, object, exchange.getFromRouteId(), committed, from));
    }

    /** The search request for the next page, as route {@code crm-call} takes it. */
    public void describeSearch(Exchange exchange) throws JsonProcessingException {
        PollState state = state(exchange);
        state.startPage();
        ConnectionsConfig.Poll poll = poll(state.connection);
        CrmRequest request = connectors.of(state.connection).searchChanged(new ChangeQuery(state.object, state.from,
                state.lastSeen, poll.pageSize(), properties(state.connection, state.object)));
        Message in = exchange.getMessage();
        in.setHeader(ExchangeKeys.CRM_CONNECTION, state.connection);
        in.setHeader(ExchangeKeys.CRM_OBJECT, state.object);
        in.setHeader(ExchangeKeys.CRM_METHOD, request.method());
        in.setHeader(ExchangeKeys.CRM_PATH, request.path());
        in.setHeader(ExchangeKeys.CRM_QUERY, request.query());
        in.setBody(request.body() == null ? null : json.writeValueAsString(request.body()));
    }

    /** The CRM's answer: the page's records ({@link PolledRecord}s) become the body; the state learns the highest pair. */
    public void readPage(Exchange exchange) {
        PollState state = state(exchange);
        List<PolledRecord> results = new ArrayList<>();
        for (CrmRecord record : connectors.of(state.connection).records(state.object, exchange.getMessage().getBody())) {
            PolledRecord polled = PolledRecord.of(state.connection, state.object, record);
            results.add(polled);
            state.pageHighest = CursorPair.max(state.pageHighest, polled.position());
        }
        state.pages++;
        state.pagePolled = results.size();
        state.polled += results.size();
        metrics.polled(state.connection, state.object, results.size());
        // A short page is the last; so is a page that cannot move the query forward (no modification times).
        state.more = results.size() >= poll(state.connection).pageSize() && state.pageHighest != null
                && (state.lastSeen == null || state.pageHighest.compareTo(state.lastSeen) > 0)
                && state.pages < poll(state.connection).maxPages();
        state.lastSeen = CursorPair.max(state.lastSeen, state.pageHighest);
        exchange.getMessage().setBody(results);
    }

    /** Every record of the page is through: commit the cursor and the page's counts in one statement. */
    public void commitPage(Exchange exchange) {
        PollState state = state(exchange);
        cursors.commitPage(state.connection, state.object, state.pageHighest, new SyncCursors.PageCounts(
                state.pagePolled, state.pageDelivered, state.pageDuplicates, state.pageLoops));
        state.committed = CursorPair.max(state.committed, state.pageHighest);
        metrics.progressed(state.connection, state.object);
    }

    /** The loop goes on while pages are full, unless the route is being stopped: then the poll ends after this page. */
    public boolean hasMore(Exchange exchange) {
        PollState state = state(exchange);
        boolean stopping = exchange.getContext().isStopping() || isStopping(exchange.getContext().getRoute(state.routeId));
        if (stopping && state.more) {
            LOG.infof("Poll %s/%s ends early after %d pages: the route is stopping", state.connection, state.object, state.pages);
        }
        return state.more && !stopping;
    }

    /** A stop first stops (or suspends) the route's consumer, then waits for the poll in progress. */
    private static boolean isStopping(Route route) {
        if (route == null) {
            return true;
        }
        return route.getConsumer() instanceof StatefulService consumer && (consumer.isStopping() || consumer.isStopped()
                || consumer.isSuspending() || consumer.isSuspended());
    }

    /** The poll read its last page: {@code last_success_at}. One cut short by a stop only keeps its committed pages. */
    public void finish(Exchange exchange) {
        PollState state = state(exchange);
        if (state.more) {
            LOG.infof("Poll stopped: %s", state);
            return;
        }
        cursors.success(state.connection, state.object);
        metrics.progressed(state.connection, state.object);
        if (state.delivered > 0) {
            LOG.infof("Poll done: %s", state);
        } else {
            LOG.debugf("Poll done: %s", state);
        }
    }

    /** A failed poll keeps the cursor of its last committed page and says why. */
    public void failed(Exchange exchange) {
        PollState state = state(exchange);
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String message = error == null ? "unknown error" : error.getClass().getSimpleName() + ": " + error.getMessage();
        LOG.warnf("Poll %s/%s failed after %d pages, cursor stays at %s: %s", state.connection, state.object,
                state.pages, state.committed, message);
        cursors.failure(state.connection, state.object, message);
    }

    /** The connector's system properties, the mapped ones, and the extra ones of {@code poll.properties.<object>}. */
    private List<String> properties(String connection, String object) {
        Set<String> names = new LinkedHashSet<>(connectors.fieldMap(connection).readProperties(object));
        names.addAll(poll(connection).properties().getOrDefault(object, List.of()));
        return List.copyOf(names);
    }

    private ConnectionsConfig.Poll poll(String connection) {
        return config.connections().get(connection).poll();
    }

    static PollState state(Exchange exchange) {
        PollState state = exchange.getProperty(PollState.PROPERTY, PollState.class);
        if (state == null) {
            throw new IllegalStateException("no poll in progress on this exchange");
        }
        return state;
    }
}
