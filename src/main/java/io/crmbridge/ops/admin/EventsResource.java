package io.crmbridge.ops.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Pushed events and their trace: what arrived, what it became, what was decided and written, and how it ended. */
@Path("/admin/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    private final OutboundAdminStore store;

    EventsResource(OutboundAdminStore store) {
        this.store = store;
    }

    /** Newest first, optionally of one status (QUEUED, PROCESSING, DONE, REVIEW, DEAD, DUPLICATE, ...). */
    @GET
    public List<Map<String, Object>> list(@QueryParam("status") String status, @QueryParam("source") String source,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return store.query("SELECT event_id, source, connection, status, attempts, received_at, updated_at, last_error "
                + "FROM raw_event WHERE (CAST(? AS text) IS NULL OR status = ?) AND (CAST(? AS text) IS NULL OR source = ?) "
                + "ORDER BY received_at DESC LIMIT ?", status, status, source, source, Math.min(Math.max(limit, 1), 500));
    }

    /** One event: the raw delivery (body byte for byte as text) and its trace. */
    @GET
    @Path("/{eventId}")
    public Map<String, Object> get(@PathParam("eventId") String eventId) {
        UUID id = parse(eventId);
        List<Map<String, Object>> raw = store.query("SELECT event_id, source, connection, received_at, content_type, headers, "
                + "body, status, attempts, next_attempt_at, claimed_until, last_error FROM raw_event WHERE event_id = ?", id);
        if (raw.isEmpty()) {
            throw new NotFoundException("no event " + eventId);
        }
        List<Map<String, Object>> trace = store.query("SELECT normalized, validation, decisions, crm_ids, responses, attempts, "
                + "final_status, updated_at FROM event_trace WHERE event_id = ?", id);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("event", raw.get(0));
        view.put("trace", trace.isEmpty() ? null : trace.get(0));
        view.put("reviewItems", store.query("SELECT id, reason_code, reason, status, created_at FROM review_item "
                + "WHERE event_id = ? ORDER BY id", id));
        view.put("deadLetters", store.query("SELECT id, route_id, error_class, error_message, attempts, created_at, "
                + "replayed_at, resolution FROM dead_letter WHERE event_id = ? ORDER BY id", id));
        return view;
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("not an event id: " + id);
        }
    }
}
