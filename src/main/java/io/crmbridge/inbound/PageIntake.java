package io.crmbridge.inbound;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.db.TransientDatabaseErrors;

/**
 * A poll page as one unit of work for the table sink (route {@code poll-pages}): the loop guard per record (the
 * page's origin stamps were read in one statement), the records normalized, then one transaction that writes the
 * page's new ledger entries with their {@code intake_outbox} rows (one statement; a key the ledger already has is a
 * duplicate and writes nothing) and advances the cursor with the page's counts. The cursor therefore moves exactly
 * when the page's work commits, and each change reaches the outbox once, whichever poller wrote it first.
 *
 * <p>A record the intake cannot take (its normalization fails, or the database refuses its data, e.g. a NUL
 * character) goes to the review queue and the rest of the page is delivered: the page is then written record by
 * record under savepoints to find it. A deadlock or lost connection runs the transaction again.
 */
@ApplicationScoped
@Named("pageIntake")
public class PageIntake {

    private static final Logger LOG = Logger.getLogger(PageIntake.class);
    private static final int ATTEMPTS = 3;

    private final DataSource dataSource;
    private final IntakeTable table;
    private final SyncCursors cursors;
    private final InboundLoopGuard loopGuard;
    private final InboundRecords records;
    private final InboundMetrics metrics;
    private final ObjectMapper json;

    PageIntake(DataSource dataSource, IntakeTable table, SyncCursors cursors, InboundLoopGuard loopGuard,
            InboundRecords records, InboundMetrics metrics, ObjectMapper json) {
        this.dataSource = dataSource;
        this.table = table;
        this.cursors = cursors;
        this.loopGuard = loopGuard;
        this.records = records;
        this.metrics = metrics;
        this.json = json;
    }

    /** A record refused by the intake, and why. */
    private record Refused(PolledRecord record, String reason) {
    }

    /** What the page's transaction wrote. */
    private record Written(int delivered, int duplicates, int reviewed) {
    }

    /** Delivers the page's records (the body) and commits the cursor with them. */
    public void deliver(Exchange exchange) throws SQLException {
        PollState state = PollSteps.state(exchange);
        long started = System.nanoTime();
        @SuppressWarnings("unchecked")
        List<PolledRecord> page = exchange.getMessage().getBody(List.class);
        Map<String, IntakeTable.Row> rows = new LinkedHashMap<>();
        Map<String, PolledRecord> byKey = new LinkedHashMap<>();
        List<Refused> refused = new ArrayList<>();
        int repeated = 0;
        for (PolledRecord record : page) {
            if (!loopGuard.isForeign(record, state)) {
                continue;
            }
            if (byKey.putIfAbsent(record.ledgerKey(), record) != null) {
                repeated++; // the same change twice in one page: one delivery
                continue;
            }
            try {
                rows.put(record.ledgerKey(), new IntakeTable.Row(record.ledgerKey(), record.origin(), record.id(),
                        record.version(), json.writeValueAsString(records.payload(record))));
            } catch (JsonProcessingException | RuntimeException e) {
                refused.add(new Refused(record, "normalization failed: " + e));
            }
        }
        state.time(PollState.Part.PREPARE, started);
        started = System.nanoTime();
        Written written = writeWithRetries(state, exchange.getFromRouteId(), List.copyOf(rows.values()), byKey, refused,
                repeated);
        state.time(PollState.Part.WRITE, started);
        state.delivered(written.delivered());
        state.duplicates(written.duplicates());
        state.committed = CursorPair.max(state.committed, state.pageHighest);
        metrics.delivered(state.connection, state.object, written.delivered());
        metrics.duplicates(state.connection, state.object, written.duplicates());
        if (written.reviewed() > 0) {
            metrics.reviewed(state.connection, state.object, written.reviewed());
        }
        metrics.progressed(state.connection, state.object);
    }

    private Written writeWithRetries(PollState state, String routeId, List<IntakeTable.Row> rows,
            Map<String, PolledRecord> byKey, List<Refused> refused, int repeated) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try {
                return write(state, routeId, rows, byKey, new ArrayList<>(refused), repeated);
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !TransientDatabaseErrors.isTransient(e)) {
                    throw e;
                }
                LOG.warnf("Page of %s/%s: transient database failure, writing it again (%s)", state.connection,
                        state.object, e.getMessage());
            }
        }
    }

    private Written write(PollState state, String routeId, List<IntakeTable.Row> rows, Map<String, PolledRecord> byKey,
            List<Refused> refused, int repeated) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int refusedBefore = refused.size();
                Set<String> delivered = insert(c, state, rows, byKey, refused);
                int duplicates = rows.size() - delivered.size() - (refused.size() - refusedBefore) + repeated;
                int reviewed = 0;
                for (Refused r : refused) {
                    if (table.review(c, r.record().ledgerKey(), r.reason(), reviewPayload(r.record()), routeId)) {
                        LOG.warnf("Inbound record %s version %s goes to review: %s", r.record().origin(),
                                r.record().version(), r.reason());
                        reviewed++;
                    } else {
                        duplicates++;
                    }
                }
                cursors.commitPage(c, state.connection, state.object, state.pageHighest, new SyncCursors.PageCounts(
                        state.pagePolled, state.pageDelivered + delivered.size(), state.pageDuplicates + duplicates,
                        state.pageLoops));
                c.commit();
                return new Written(delivered.size(), duplicates, reviewed);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * The page in one statement; when the database refuses some record's data, record by record under savepoints,
     * each refused one added to {@code refused}.
     */
    private Set<String> insert(Connection c, PollState state, List<IntakeTable.Row> rows, Map<String, PolledRecord> byKey,
            List<Refused> refused) throws SQLException {
        Savepoint page = c.setSavepoint();
        try {
            return table.insert(c, state.connection, state.object, rows);
        } catch (SQLException e) {
            if (!isBadData(e)) {
                throw e;
            }
            c.rollback(page);
        }
        Set<String> delivered = new HashSet<>();
        for (IntakeTable.Row row : rows) {
            Savepoint one = c.setSavepoint();
            try {
                delivered.addAll(table.insert(c, state.connection, state.object, List.of(row)));
                c.releaseSavepoint(one);
            } catch (SQLException e) {
                if (!isBadData(e)) {
                    throw e;
                }
                c.rollback(one);
                refused.add(new Refused(byKey.get(row.ledgerKey()), "the intake table refused it: " + e.getMessage()));
            }
        }
        return delivered;
    }

    /** SQLSTATE class 22 (data exception): this record's data, not the database, is the problem. */
    private static boolean isBadData(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("22");
    }

    private String reviewPayload(PolledRecord record) {
        try {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("origin", record.origin());
            out.put("ledgerKey", record.ledgerKey());
            out.put("record", record.raw());
            return json.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            return record.ledgerKey();
        }
    }
}
