package io.crmbridge.sandbox;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only CRM endpoint that nothing else in the application calls, so auth, rate-limit, fault and counter tests can
 * assert on its path template without other traffic in the way.
 */
@Path(SandboxPaths.HUBSPOT + "/crm/v3/platform-probe")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformProbeResource {

    public static final String TEMPLATE = "/crm/v3/platform-probe/{probeId}";
    public static final String BASE = SandboxPaths.HUBSPOT + "/crm/v3/platform-probe";

    @GET
    @Path("/{probeId}")
    public Map<String, String> get(@PathParam("probeId") String probeId) {
        return Map.of("id", probeId);
    }

    @POST
    @Path("/{probeId: [0-9]+}/touch")
    public Map<String, String> touch(@PathParam("probeId") String probeId) {
        return Map.of("id", probeId, "touched", "true");
    }
}
