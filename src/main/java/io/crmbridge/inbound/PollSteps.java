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
import io.crmbridge.crm.ChangeFeed;
import io.crmbridge.crm.CrmAnswer;
import io.crmbridge.crm.CrmConnector;
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

    private static final Logger LOG = Logger.getLogger(PollSteps.class);
    /** The CRM's timestamp resolution (HubSpot: milliseconds): no record is modified between t minus this and t. */
    private static final java.time.Duration TIME_RESOLUTION = java.time.Duration.ofMillis(1);

    private final ConnectionsConfig config;
    private final SyncCursors cursors;
    private final InboundMetrics metrics;
    private final ObjectMapper json;
    private final CrmConnectors connectors;
    private final CrmClocks clocks;
    private final PollHistory history;

    PollSteps(ConnectionsConfig config, SyncCursors cursors, InboundMetrics metrics, ObjectMapper json,
            CrmConnectors connectors, CrmClocks clocks, PollHistory history) {
        this.connectors = connectors;
        this.clocks = clocks;
        this.history = history;
        this.config = config;
        this.cursors = cursors;
        this.metrics = metrics;
        this.json = json;
    }

    /**
     * Loads the cursor. The poll reads records modified before the CRM's own now minus the settle delay, starting
     * strictly after the cursor pair: first the rest of the cursor's tie group, in id order, then forward.
     */
    public void begin(Exchange exchange) {
        Message in = exchange.getMessage();
        String connection = in.getHeader(ExchangeKeys.POLL_CONNECTION, String.class);
        String object = in.getHeader(ExchangeKeys.POLL_OBJECT, String.class);
        cursors.attempt(connection, object);
        CursorPair committed = cursors.find(connection, object).map(SyncCursors.Row::cursor).orElse(null);
        Instant settled = clocks.now(connection).minus(poll(connection).settleDelay());
        PollState state = new PollState(connection, object, exchange.getFromRouteId(), committed, settled);
        if (connectors.feed(connection).sweepsChangesById()) {
            state.startSweep();
        }
        exchange.setProperty(ExchangeKeys.POLL_STATE, state);
    }

    /** The search request for the next page, as route {@code crm-call} takes it. */
    public void describeSearch(Exchange exchange) throws JsonProcessingException {
        PollState state = state(exchange);
        state.startPage();
        ConnectionsConfig.Poll poll = poll(state.connection);
        List<String> properties = properties(state.connection, state.object);
        ChangeQuery query = state.mode == ChangeQuery.Mode.TIE_GROUP
                ? ChangeQuery.tieGroup(state.object, state.at, state.afterId, poll.pageSize(), properties)
                        .withPageToken(state.pageToken)
                : ChangeQuery.forward(state.object, state.at, state.settledBefore, poll.pageSize(), properties)
                        .withPageToken(state.sweep ? state.pageToken : null);
        describe(exchange, state, connectors.feed(state.connection).searchChanged(query), json);
    }

    /**
     * The CRM's answer: the page's complete part becomes the page ({@link PollState#page}) and the next query is set.
     * A tie-group page is complete as it comes (id order). A full forward page is complete below its last
     * modification time only: the records of that time may go on in the next page in any order. So the next forward
     * page starts at that time (strictly after the instant before it, the CRM's timestamps having millisecond
     * resolution): the group comes first and is complete there unless it fills the page. A page that is all one time
     * is read on as a tie group, in id order from its first id. A drain costs about one search per page.
     */
    public void readPage(Exchange exchange) {
        PollState state = state(exchange);
        state.answered();
        long started = System.nanoTime();
        observeClock(exchange, state);
        CrmConnector connector = connectors.of(state.connection);
        ChangeFeed feed = connectors.feed(state.connection);
        CrmAnswer answer = CrmAnswer.of(exchange.getMessage().getBody());
        List<CrmRecord> records = connectors.reads(state.connection).records(state.object, answer);
        int pageSize = poll(state.connection).pageSize();
        boolean full = records.size() >= pageSize;
        if (state.mode == ChangeQuery.Mode.FORWARD && state.settledBefore != null) {
            // a CRM that cannot bound its answer by the settle time: what is not settled yet waits for the next poll
            List<CrmRecord> settled = records.stream()
                    .filter(r -> r.modifiedAt() == null || r.modifiedAt().isBefore(state.settledBefore)).toList();
            full &= settled.size() == records.size();
            records = settled;
        }
        List<CrmRecord> complete = records;
        if (state.sweep) {
            // in id order, not by time: every settled record of the page is complete; the set ends with the token
            state.pageToken = feed.nextPage(answer);
            state.more = state.pageToken != null;
        } else if (state.mode == ChangeQuery.Mode.TIE_GROUP && feed.pagesTieGroupsByToken()) {
            complete = TieGroups.members(records, state.at, state.afterId);
            if (!complete.isEmpty()) {
                state.afterId = complete.get(complete.size() - 1).id();
            }
            state.pageToken = feed.nextPage(answer);
            if (state.pageToken == null) {
                state.mode = ChangeQuery.Mode.FORWARD;
            }
        } else if (state.mode == ChangeQuery.Mode.TIE_GROUP) {
            if (!records.isEmpty()) {
                state.afterId = records.get(records.size() - 1).id();
            }
            if (!full) {
                state.mode = ChangeQuery.Mode.FORWARD;
            }
        } else if (full) {
            Instant last = records.stream().map(CrmRecord::modifiedAt).filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
            if (last == null) {
                throw new IllegalStateException("CRM search answered records without a modification time");
            }
            complete = records.stream().filter(r -> r.modifiedAt() != null && r.modifiedAt().isBefore(last)).toList();
            Instant justBefore = last.minus(TIME_RESOLUTION);
            if (!complete.isEmpty() && (state.at == null || justBefore.isAfter(state.at))) {
                // Read on from the last time itself (after the instant just before it): its records come first in
                // the next page, all of them unless they fill it, and no extra search for the usual group of one.
                state.at = justBefore;
            } else {
                // The page is one tie group (or cannot move on by time): page it by id.
                state.mode = ChangeQuery.Mode.TIE_GROUP;
                state.at = last;
                state.afterId = null;
                state.pageToken = null;
            }
        } else {
            state.more = false;
        }
        List<PolledRecord> page = new ArrayList<>();
        for (CrmRecord record : complete) {
            PolledRecord polled = PolledRecord.of(state.connection, state.object, record);
            page.add(polled);
            state.pageHighest = CursorPair.max(state.pageHighest, polled.position());
            for (String merged : feed.mergedIds(state.object, record)) {
                page.add(PolledRecord.merged(state.connection, state.object, merged, record.id(), record.modifiedAt()));
            }
        }
        if (state.sweep) {
            // the cursor moves only when the sweep is through: a later page may hold older changes
            state.sweepHighest = CursorPair.max(state.sweepHighest, state.pageHighest);
            state.pageHighest = state.more ? null : state.sweepHighest;
        }
        state.pages++;
        state.pagePolled = complete.size();
        state.polled += complete.size();
        state.page = page;
        metrics.polled(state.connection, state.object, complete.size());
        if (state.more && !state.sweep && state.pages >= poll(state.connection).maxPages()) {
            LOG.infof("Poll %s/%s ends at max-pages (%d); the next poll goes on from %s", state.connection,
                    state.object, state.pages, CursorPair.max(state.committed, state.pageHighest));
            state.more = false;
        }
        history.plan(state, connector, properties(state.connection, state.object));
        state.time(PollState.Part.READ, started);
    }

    /** The page's records, with what the history said about each, as the body for the split into inbound-record. */
    public List<PolledRecord> pageRecords(Exchange exchange) {
        return history.attach(state(exchange));
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
        boolean stopping = exchange.getContext().isStopping()
                || (state.routeId != null && isStopping(exchange.getContext().getRoute(state.routeId)));
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
        metrics.calls(state.connection, state.object, state.calls);
        metrics.time(state);
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
        metrics.calls(state.connection, state.object, state.calls);
        metrics.time(state);
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String message = error == null ? "unknown error" : error.getClass().getSimpleName() + ": " + error.getMessage();
        LOG.warnf("Poll %s/%s failed after %d pages, cursor stays at %s: %s", state.connection, state.object,
                state.pages, state.committed, message);
        cursors.failure(state.connection, state.object, message);
    }

    /** The CRM's clock from the answer, for the settle bound of the next poll. */
    void observeClock(Exchange exchange, PollState state) {
        clocks.observe(state.connection, exchange.getMessage().getHeader(ExchangeKeys.CRM_SERVER_TIME, Instant.class));
    }

    /** Describes one CRM call of a poll for route {@code crm-call}, and counts it. */
    static void describe(Exchange exchange, PollState state, CrmRequest request, ObjectMapper json)
            throws JsonProcessingException {
        state.calls++;
        state.callStarted = System.nanoTime();
        Message in = exchange.getMessage();
        in.setHeader(ExchangeKeys.CRM_CONNECTION, state.connection);
        in.setHeader(ExchangeKeys.CRM_OBJECT, state.object);
        in.setHeader(ExchangeKeys.CRM_METHOD, request.method());
        in.setHeader(ExchangeKeys.CRM_PATH, request.path());
        in.setHeader(ExchangeKeys.CRM_QUERY, request.query());
        in.setBody(request.body() == null ? null : json.writeValueAsString(request.body()));
    }

    /**
     * The connector's system properties, the mapped ones, the extra ones of {@code poll.properties.<object>} and
     * those that show merges.
     */
    List<String> properties(String connection, String object) {
        Set<String> names = new LinkedHashSet<>(connectors.fieldMap(connection).readProperties(object));
        names.addAll(connectors.feed(connection).noticeProperties(object));
        names.addAll(poll(connection).properties().getOrDefault(object, List.of()));
        return List.copyOf(names);
    }

    ConnectionsConfig.Poll poll(String connection) {
        return config.connections().get(connection).poll();
    }

    static PollState state(Exchange exchange) {
        PollState state = exchange.getProperty(ExchangeKeys.POLL_STATE, PollState.class);
        if (state == null) {
            throw new IllegalStateException("no poll in progress on this exchange");
        }
        return state;
    }
}
