package io.crmbridge.ops.admin;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.crmbridge.outbound.queue.EventQueue;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The dead letters and the review queue, and their replay. Replaying puts the original raw event back in the queue
 * with fresh attempts; it is safe because the ledger never recorded a failed event and every effect is idempotent
 * (search before create, the effect journal, idempotent associations).
 */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class FailuresResource {

    @RegisterForReflection
    public record Resolution(String resolution) {
    }

    private final OutboundAdminStore store;
    private final EventQueue queue;

    FailuresResource(OutboundAdminStore store, EventQueue queue) {
        this.store = store;
        this.queue = queue;
    }

    @GET
    @Path("/dead-letters")
    public List<Map<String, Object>> deadLetters(@QueryParam("open") @DefaultValue("true") boolean open,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return store.query("SELECT id, event_id, route_id, endpoint, error_class, error_message, attempts, response_status, "
                + "created_at, replayed_at, replay_count, resolution, payload, response_body FROM dead_letter "
                + "WHERE NOT ? OR (replayed_at IS NULL AND resolution IS NULL) ORDER BY id DESC LIMIT ?", open, bounded(limit));
    }

    @POST
    @Path("/dead-letters/{id}/replay")
    public Map<String, Object> replayDeadLetter(@PathParam("id") long id) {
        UUID eventId = eventOf("dead_letter", id);
        requeue(eventId);
        store.update("UPDATE dead_letter SET replayed_at = now(), replay_count = replay_count + 1 WHERE id = ?", id);
        return Map.of("deadLetter", id, "eventId", eventId.toString(), "status", "QUEUED");
    }

    @GET
    @Path("/review-items")
    public List<Map<String, Object>> reviewItems(@QueryParam("status") @DefaultValue("OPEN") String status,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return store.query("SELECT id, event_id, reason_code, reason, status, created_at, resolved_at, resolution, route_id, "
                + "payload, response_status, response_body FROM review_item WHERE status = ? ORDER BY id DESC LIMIT ?",
                status, bounded(limit));
    }

    /** After the cause is fixed (in the CRM or the configuration): run the event again. */
    @POST
    @Path("/review-items/{id}/replay")
    public Map<String, Object> replayReviewItem(@PathParam("id") long id) {
        UUID eventId = eventOf("review_item", id);
        requeue(eventId);
        store.update("UPDATE review_item SET status = 'REPLAYED', resolved_at = now(), resolution = 'replayed' WHERE id = ?", id);
        return Map.of("reviewItem", id, "eventId", eventId.toString(), "status", "QUEUED");
    }

    /** Closed without replay, with the reviewer's note. */
    @POST
    @Path("/review-items/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> resolve(@PathParam("id") long id, Resolution resolution) {
        int n = store.update("UPDATE review_item SET status = 'RESOLVED', resolved_at = now(), resolution = ? "
                + "WHERE id = ? AND status = 'OPEN'", resolution == null ? null : resolution.resolution(), id);
        if (n == 0) {
            throw new ClientErrorException("review item " + id + " is not open", 409);
        }
        return Map.of("reviewItem", id, "status", "RESOLVED");
    }

    private UUID eventOf(String table, long id) {
        List<Map<String, Object>> rows = store.query("SELECT event_id FROM " + table + " WHERE id = ?", id);
        if (rows.isEmpty()) {
            throw new NotFoundException("no " + table + " " + id);
        }
        Object eventId = rows.get(0).get("event_id");
        if (eventId == null) {
            throw new ClientErrorException(table + " " + id + " belongs to no event and cannot be replayed", 409);
        }
        return UUID.fromString(eventId.toString());
    }

    private void requeue(UUID eventId) {
        if (!queue.requeue(eventId.toString())) {
            throw new ClientErrorException("event " + eventId + " is not in a final failed state (already queued or done)", 409);
        }
    }

    private static int bounded(int limit) {
        return Math.min(Math.max(limit, 1), 500);
    }
}
