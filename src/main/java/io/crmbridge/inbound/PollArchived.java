package io.crmbridge.inbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.connection.ConnectionsConfig;
import io.crmbridge.crm.ArchivedRecords;
import io.crmbridge.crm.CrmAnswer;
import io.crmbridge.crm.CrmConnector;
import io.crmbridge.crm.CrmConnectors;
import io.crmbridge.crm.ListPage;
import io.crmbridge.crm.RemovedRecord;

/**
 * Deletes (docs/architecture.md, "Deletes and merges"): at the end of a poll, every {@code poll.archived-interval}, the object's archived
 * records are listed page by page and each one removed since the last listing becomes a delete notice through
 * {@code inbound-record} (loop guard, ledger, intake). The highest removal delivered is kept as the cursor of
 * {@code <object>#archived} in {@code sync_cursor}; a listing is not a search, so it has no index lag to settle.
 */
@ApplicationScoped
@Named("pollArchived")
public class PollArchived {

    static final String SUFFIX = "#archived";

    private final CrmConnectors connectors;
    private final ConnectionsConfig config;
    private final SyncCursors cursors;
    private final ObjectMapper json;
    private final Map<String, Instant> lastListing = new ConcurrentHashMap<>();

    PollArchived(CrmConnectors connectors, ConnectionsConfig config, SyncCursors cursors, ObjectMapper json) {
        this.connectors = connectors;
        this.config = config;
        this.cursors = cursors;
        this.json = json;
    }

    /** Another page to list: the poll read all its search pages, the listing is due, and its last page is not read. */
    public boolean hasMore(Exchange exchange) {
        PollState state = PollSteps.state(exchange);
        if (!state.archivedStarted) {
            state.archivedStarted = true;
            state.archivedDue = !state.more && due(state);
            if (state.archivedDue) {
                state.archivedSince = cursors.find(state.connection, state.object + SUFFIX)
                        .map(SyncCursors.Row::cursor).map(CursorPair::modifiedAt).orElse(null);
            }
            return state.archivedDue;
        }
        return state.archivedDue && state.archivedAfter != null;
    }

    public void describe(Exchange exchange) throws JsonProcessingException {
        PollState state = PollSteps.state(exchange);
        state.startPage();
        CrmConnector connector = connectors.of(state.connection);
        PollSteps.describe(exchange, state, connectors.required(state.connection, ArchivedRecords.class)
                .listArchived(state.object, state.archivedAfter, connector.maxBatchSize()), json);
    }

    /** The listing's page: delete notices for the records removed at or after the last listing's highest removal. */
    public List<PolledRecord> read(Exchange exchange) {
        PollState state = PollSteps.state(exchange);
        state.answered();
        ListPage<RemovedRecord> page = connectors.required(state.connection, ArchivedRecords.class)
                .archived(CrmAnswer.of(exchange.getMessage().getBody()));
        List<PolledRecord> notices = new ArrayList<>();
        for (RemovedRecord removed : page.items()) {
            if (state.archivedSince == null || removed.at() == null || !removed.at().isBefore(state.archivedSince)) {
                notices.add(PolledRecord.deleted(state.connection, state.object, removed.id(), removed.at()));
                if (removed.at() != null) {
                    state.archivedHighest = CursorPair.max(state.archivedHighest, new CursorPair(removed.at(), removed.id()));
                }
            }
        }
        state.archivedAfter = page.next();
        return notices;
    }

    /** The listing's page is through: keep its highest removal (never moving back). */
    public void commit(Exchange exchange) {
        PollState state = PollSteps.state(exchange);
        cursors.commitPage(state.connection, state.object + SUFFIX, state.archivedHighest,
                new SyncCursors.PageCounts(0, state.pageDelivered, state.pageDuplicates, 0));
        if (state.archivedAfter == null) {
            lastListing.put(state.connection + "/" + state.object, Instant.now());
        }
    }

    private boolean due(PollState state) {
        if (connectors.role(state.connection, ArchivedRecords.class).isEmpty()) {
            return false;
        }
        Instant last = lastListing.get(state.connection + "/" + state.object);
        return last == null || !Instant.now().isBefore(last.plus(config.connections().get(state.connection).poll()
                .archivedInterval()));
    }
}
