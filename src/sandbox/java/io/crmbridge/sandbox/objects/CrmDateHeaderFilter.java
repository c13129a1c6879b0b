package io.crmbridge.sandbox.objects;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.crmbridge.sandbox.SandboxPaths;

/**
 * Every HubSpot API answer carries the CRM's own time in its HTTP {@code Date} header, as HubSpot's do: the sandbox's
 * clock, skew included ({@code PUT _sandbox/clock}), so a client can measure time on the CRM's clock.
 */
public class CrmDateHeaderFilter {

    @Inject
    SandboxClock clock;

    @ServerResponseFilter
    public void date(ContainerRequestContext request, ContainerResponseContext response) {
        if (SandboxPaths.isHubSpotApi("/" + request.getUriInfo().getPath().replaceFirst("^/", ""))) {
            response.getHeaders().putSingle("Date",
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.now().atOffset(ZoneOffset.UTC)));
        }
    }
}
