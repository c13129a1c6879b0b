package io.crmbridge.sandbox.owners;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.crmbridge.sandbox.HubSpotError;
import io.crmbridge.sandbox.SandboxPaths;

/** HubSpot's CRM Owners v3 API: list owners, read one by owner id or user id. */
@Path(SandboxPaths.HUBSPOT + "/crm/v3/owners")
@Produces(MediaType.APPLICATION_JSON)
public class OwnersResource {

    static final int MAX_LIMIT = 500;

    private final OwnerStore store;

    OwnersResource(OwnerStore store) {
        this.store = store;
    }

    @GET
    public Response list(@QueryParam("email") String email, @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("100") String limit, @QueryParam("archived") @DefaultValue("false") String archived) {
        Optional<Integer> size = parseInt(limit).filter(n -> n >= 1 && n <= MAX_LIMIT);
        if (size.isEmpty()) {
            return HubSpotError.validation("limit must be an integer between 1 and " + MAX_LIMIT).toResponse(400);
        }
        Optional<Boolean> archivedOnly = parseBoolean(archived);
        if (archivedOnly.isEmpty()) {
            return HubSpotError.validation("archived must be true or false").toResponse(400);
        }
        long afterId = 0;
        if (after != null && !after.isBlank()) {
            Optional<Long> cursor = parseLong(after);
            if (cursor.isEmpty()) {
                return HubSpotError.validation("after is not a valid paging cursor").toResponse(400);
            }
            afterId = cursor.get();
        }
        List<Owner> matching = store.list(archivedOnly.get(), email, afterId);
        List<Owner> page = matching.subList(0, Math.min(size.get(), matching.size()));
        OwnerPage.Paging paging = null;
        if (matching.size() > page.size()) {
            String next = page.get(page.size() - 1).id();
            paging = new OwnerPage.Paging(new OwnerPage.Next(next,
                    SandboxPaths.HUBSPOT + "/crm/v3/owners?limit=" + size.get() + "&after=" + next));
        }
        return Response.ok(new OwnerPage(page, paging)).build();
    }

    @GET
    @Path("/{ownerId}")
    public Response get(@PathParam("ownerId") String ownerId, @QueryParam("idProperty") @DefaultValue("id") String idProperty,
            @QueryParam("archived") @DefaultValue("false") String archived) {
        Optional<Long> id = parseLong(ownerId);
        if (id.isEmpty()) {
            return HubSpotError.validation("ownerId must be an integer").toResponse(400);
        }
        Optional<Boolean> archivedOnly = parseBoolean(archived);
        if (archivedOnly.isEmpty()) {
            return HubSpotError.validation("archived must be true or false").toResponse(400);
        }
        Optional<Owner> owner;
        if ("id".equals(idProperty)) {
            owner = store.byId(id.get(), archivedOnly.get());
        } else if ("userId".equals(idProperty)) {
            owner = store.byUserId(id.get(), archivedOnly.get());
        } else {
            return HubSpotError.validation("idProperty must be one of id, userId").toResponse(400);
        }
        return owner.map(o -> Response.ok(o).build())
                .orElseGet(() -> HubSpotError.notFound("Owner " + ownerId + " not found").toResponse(404));
    }

    private static Optional<Integer> parseInt(String value) {
        return parseLong(value).filter(n -> n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE).map(Long::intValue);
    }

    private static Optional<Long> parseLong(String value) {
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static Optional<Boolean> parseBoolean(String value) {
        return "true".equalsIgnoreCase(value) ? Optional.of(true)
                : "false".equalsIgnoreCase(value) ? Optional.of(false) : Optional.empty();
    }
}
