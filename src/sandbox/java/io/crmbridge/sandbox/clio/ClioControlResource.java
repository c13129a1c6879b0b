package io.crmbridge.sandbox.clio;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.crmbridge.sandbox.auth.OAuthSettings;
import io.crmbridge.sandbox.auth.TokenStore;
import io.crmbridge.sandbox.faults.FaultInjector;
import io.crmbridge.sandbox.faults.FaultSettings;
import io.crmbridge.sandbox.metrics.CountersView;
import io.crmbridge.sandbox.metrics.RequestCount;
import io.crmbridge.sandbox.metrics.RequestCounters;
import io.crmbridge.sandbox.ratelimit.RateLimitSettings;
import io.crmbridge.sandbox.ratelimit.RateLimiter;

/**
 * The Clio dialect's control endpoints ({@code /sandbox/clio/_sandbox}, JSON, no token, not counted): the same
 * knobs as the HubSpot dialect's (token lifetime and rotation, rate limit, fault rules over Clio host paths,
 * counters, human edits, reset) on the Clio dialect's own state, plus the lying switch and bulk seeding.
 */
@Path(ClioPaths.CONTROL)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClioControlResource {

    private final TokenStore tokens;
    private final ClioAuthCodes codes;
    private final RateLimiter limiter;
    private final FaultInjector faults;
    private final RequestCounters counters;
    private final ClioRecords records;
    private final ClioSeeder seeder;
    private final ClioViews views;
    private final ClioLies lies;

    ClioControlResource(@Clio TokenStore tokens, ClioAuthCodes codes, @Clio RateLimiter limiter,
            @Clio FaultInjector faults, @Clio RequestCounters counters, ClioRecords records, ClioSeeder seeder,
            ClioViews views, ClioLies lies) {
        this.tokens = tokens;
        this.codes = codes;
        this.limiter = limiter;
        this.faults = faults;
        this.counters = counters;
        this.records = records;
        this.seeder = seeder;
        this.views = views;
        this.lies = lies;
    }

    /** Everything back to start-up: records (seeded users and practice areas only), tokens, knobs, counters. */
    @POST
    @Path("reset")
    public Response reset() {
        records.reset();
        tokens.reset();
        codes.reset();
        limiter.reset();
        faults.clear();
        counters.reset();
        lies.reset();
        return Response.noContent().build();
    }

    // --- OAuth ---

    @GET
    @Path("oauth/settings")
    public OAuthSettings oauthSettings() {
        return tokens.settings();
    }

    @PUT
    @Path("oauth/settings")
    public OAuthSettings changeOAuth(OAuthSettings change) {
        if (change == null || (change.accessTokenLifetimeSeconds() != null && change.accessTokenLifetimeSeconds() < 1)) {
            throw ClioApiException.badRequest("a body with accessTokenLifetimeSeconds >= 1 and/or rotateRefreshTokens");
        }
        return tokens.changeSettings(change);
    }

    @POST
    @Path("oauth/codes")
    public Response issueCode(Map<String, String> body) {
        return Response.status(201).entity(Map.of("code", codes.issue(body == null ? null : body.get("code")))).build();
    }

    @POST
    @Path("oauth/refresh-tokens")
    public Response issueRefreshToken(Map<String, String> body) {
        return Response.status(201)
                .entity(Map.of("token", tokens.addRefreshToken(body == null ? null : body.get("token")).token())).build();
    }

    @DELETE
    @Path("oauth/refresh-tokens/{token}")
    public Response revokeRefreshToken(@PathParam("token") String token) {
        if (!tokens.revokeRefreshToken(token)) {
            throw ClioApiException.notFound("unknown refresh token");
        }
        return Response.noContent().build();
    }

    @POST
    @Path("oauth/access-tokens/expire")
    public Map<String, Integer> expireAccessTokens() {
        return Map.of("expired", tokens.expireAllAccessTokens());
    }

    // --- rate limit, faults, counters, lies ---

    @GET
    @Path("rate-limit")
    public RateLimitSettings rateLimit() {
        return limiter.settings();
    }

    @PUT
    @Path("rate-limit")
    public RateLimitSettings changeRateLimit(RateLimitSettings change) {
        if (change == null || (change.maxRequests() != null && change.maxRequests() < 1)
                || (change.windowMillis() != null && change.windowMillis() < 1)) {
            throw ClioApiException.badRequest("maxRequests and windowMillis must be positive");
        }
        return limiter.change(change);
    }

    @DELETE
    @Path("rate-limit")
    public RateLimitSettings resetRateLimit() {
        return limiter.reset();
    }

    @GET
    @Path("faults")
    public FaultSettings faults() {
        return faults.settings();
    }

    @PUT
    @Path("faults")
    public FaultSettings replaceFaults(FaultSettings settings) {
        if (settings == null) {
            throw ClioApiException.badRequest("a JSON body is required");
        }
        try {
            return faults.replace(settings);
        } catch (IllegalArgumentException e) {
            throw ClioApiException.badRequest(e.getMessage());
        }
    }

    @DELETE
    @Path("faults")
    public FaultSettings clearFaults() {
        faults.clear();
        return faults.settings();
    }

    @GET
    @Path("counters")
    public CountersView counters() {
        var snapshot = counters.snapshot();
        return new CountersView(snapshot.stream().mapToLong(RequestCount::count).sum(), snapshot);
    }

    @DELETE
    @Path("counters")
    public CountersView resetCounters() {
        CountersView before = counters();
        counters.reset();
        return before;
    }

    @GET
    @Path("lying")
    public ClioLies.Settings lying() {
        return lies.settings();
    }

    @PUT
    @Path("lying")
    public ClioLies.Settings changeLying(ClioLies.Settings change) {
        if (change == null) {
            throw ClioApiException.badRequest("a body like {\"enabled\": true} is required");
        }
        return lies.change(change);
    }

    // --- records ---

    /**
     * {@code {"resource": "contacts", "id": 123, "data": {...}}}: the edit a person makes in Clio's web app. With
     * {@code "beforeNextWrite": true} it is saved just before the next API write to the record arrives (after the
     * writer read the record): the answer is then {@code {"pending": true}}.
     */
    @POST
    @Path("human-edit")
    public JsonNode humanEdit(JsonNode edit) {
        if (edit == null || !edit.path("resource").isTextual() || !edit.path("id").canConvertToLong()
                || !edit.path("data").isObject()) {
            throw ClioApiException.badRequest("Body needs resource, id and data");
        }
        ClioResourceType type = ClioResourceType.of(edit.get("resource").asText());
        if (edit.path("beforeNextWrite").asBoolean(false)) {
            records.humanEditBeforeNextWrite(type, edit.get("id").asLong(), edit.get("data"));
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("pending", true);
        }
        ClioRecord edited = records.humanEdit(type, edit.get("id").asLong(), edit.get("data"));
        return views.view(edited, ClioFields.parse(String.join(",", type.fields())));
    }

    /** {@code {"resource": "contacts"|"matters", "count": n}}: n records at once (a matter gets a client of its own). */
    @POST
    @Path("seed")
    public Map<String, Object> seed(JsonNode body) {
        if (body == null || !body.path("resource").isTextual() || !body.path("count").canConvertToInt()
                || body.get("count").asInt() < 0) {
            throw ClioApiException.badRequest("Body needs resource and a count >= 0");
        }
        return seeder.seed(ClioResourceType.of(body.get("resource").asText()), body.get("count").asInt());
    }
}
