package io.crmbridge.sandbox.clio;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Clio Manage API v4 on every region host (see {@link ClioPaths}): the token endpoint and, per resource, index
 * ({@code GET /{resource}.json}), create ({@code POST}), show, update ({@code PATCH}, honouring {@code If-Match})
 * and delete ({@code /{resource}/{id}.json}). Bodies are wrapped in {@code {"data": ...}} both ways.
 * Each operation is declared twice: on the documented host without a region, and on {@code /{region}}.
 */
@Path(ClioPaths.CLIO)
@Produces(MediaType.APPLICATION_JSON)
public class ClioApiResource {

    private final ClioRecords records;
    private final ClioListing listing;
    private final ClioViews views;
    private final ClioTokenGrants grants;
    private final ObjectMapper mapper;

    ClioApiResource(ClioRecords records, ClioListing listing, ClioViews views, ClioTokenGrants grants,
            ObjectMapper mapper) {
        this.records = records;
        this.listing = listing;
        this.views = views;
        this.grants = grants;
        this.mapper = mapper;
    }

    // --- token endpoint ---

    @POST
    @Path("oauth/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@FormParam("grant_type") String grantType, @FormParam("code") String code,
            @FormParam("refresh_token") String refreshToken, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret) {
        return grants.grant(grantType, code, refreshToken, clientId, clientSecret);
    }

    @POST
    @Path("{region}/oauth/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response regionToken(@PathParam("region") String region, @FormParam("grant_type") String grantType,
            @FormParam("code") String code, @FormParam("refresh_token") String refreshToken,
            @FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret) {
        requireRegion(region);
        return grants.grant(grantType, code, refreshToken, clientId, clientSecret);
    }

    // --- index and create ---

    @GET
    @Path("api/v4/{resource}.json")
    public JsonNode list(@PathParam("resource") String resource, @Context UriInfo uri) {
        return listing.page(ClioResourceType.of(resource), uri.getQueryParameters(), uri.getRequestUri());
    }

    @GET
    @Path("{region}/api/v4/{resource}.json")
    public JsonNode regionList(@PathParam("region") String region, @PathParam("resource") String resource,
            @Context UriInfo uri) {
        requireRegion(region);
        return list(resource, uri);
    }

    @POST
    @Path("api/v4/{resource}.json")
    @Consumes(MediaType.WILDCARD)
    public Response create(@PathParam("resource") String resource, @Context UriInfo uri, String body) {
        ClioResourceType type = ClioResourceType.of(resource);
        ClioFields fields = ClioFields.parse(uri.getQueryParameters().getFirst("fields")).checkedFor(type);
        ClioRecord created = records.create(type, data(body));
        return Response.status(201).entity(wrap(views.view(created, fields))).build();
    }

    @POST
    @Path("{region}/api/v4/{resource}.json")
    @Consumes(MediaType.WILDCARD)
    public Response regionCreate(@PathParam("region") String region, @PathParam("resource") String resource,
            @Context UriInfo uri, String body) {
        requireRegion(region);
        return create(resource, uri, body);
    }

    // --- one record ---

    @GET
    @Path("api/v4/{resource}/{id}.json")
    public JsonNode show(@PathParam("resource") String resource, @PathParam("id") String id, @Context UriInfo uri) {
        ClioResourceType type = ClioResourceType.of(resource);
        ClioFields fields = ClioFields.parse(uri.getQueryParameters().getFirst("fields")).checkedFor(type);
        return wrap(views.view(records.find(type, id(id)), fields));
    }

    @GET
    @Path("{region}/api/v4/{resource}/{id}.json")
    public JsonNode regionShow(@PathParam("region") String region, @PathParam("resource") String resource,
            @PathParam("id") String id, @Context UriInfo uri) {
        requireRegion(region);
        return show(resource, id, uri);
    }

    @PATCH
    @Path("api/v4/{resource}/{id}.json")
    @Consumes(MediaType.WILDCARD)
    public JsonNode update(@PathParam("resource") String resource, @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch, @Context UriInfo uri, String body) {
        ClioResourceType type = ClioResourceType.of(resource);
        ClioFields fields = ClioFields.parse(uri.getQueryParameters().getFirst("fields")).checkedFor(type);
        return wrap(views.view(records.update(type, id(id), data(body), ifMatch), fields));
    }

    @PATCH
    @Path("{region}/api/v4/{resource}/{id}.json")
    @Consumes(MediaType.WILDCARD)
    public JsonNode regionUpdate(@PathParam("region") String region, @PathParam("resource") String resource,
            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Context UriInfo uri, String body) {
        requireRegion(region);
        return update(resource, id, ifMatch, uri, body);
    }

    @DELETE
    @Path("api/v4/{resource}/{id}.json")
    public Response delete(@PathParam("resource") String resource, @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch) {
        records.delete(ClioResourceType.of(resource), id(id), ifMatch);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{region}/api/v4/{resource}/{id}.json")
    public Response regionDelete(@PathParam("region") String region, @PathParam("resource") String resource,
            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        requireRegion(region);
        return delete(resource, id, ifMatch);
    }

    // ---

    private static void requireRegion(String region) {
        if (!ClioPaths.REGIONS.contains(region)) {
            throw ClioApiException.notFound("No such Clio host: " + region + " (regions: " + ClioPaths.REGIONS + ")");
        }
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ClioApiException.notFound("No record with id " + id);
        }
    }

    /** The {@code data} of a request body; 400 when the body is not JSON or not wrapped. */
    private JsonNode data(String body) {
        JsonNode parsed;
        try {
            parsed = body == null || body.isBlank() ? null : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ClioApiException.badRequest("The request body is not JSON: " + e.getOriginalMessage());
        }
        if (parsed == null || !parsed.isObject() || !parsed.path("data").isObject()) {
            throw ClioApiException.badRequest("The request body must be {\"data\": {...}}");
        }
        return parsed.get("data");
    }

    private JsonNode wrap(JsonNode view) {
        return mapper.valueToTree(Map.of("data", view));
    }
}
