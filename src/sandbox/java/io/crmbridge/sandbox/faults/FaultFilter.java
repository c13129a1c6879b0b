package io.crmbridge.sandbox.faults;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.crmbridge.sandbox.HubSpotError;
import io.crmbridge.sandbox.SandboxFilterOrder;
import io.crmbridge.sandbox.SandboxPaths;
import io.crmbridge.sandbox.clio.Clio;
import io.crmbridge.sandbox.clio.ClioError;
import io.crmbridge.sandbox.clio.ClioPaths;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Injects the configured faults into HubSpot API calls (OAuth and CRM, not control endpoints), and the Clio
 * dialect's own rules into Clio calls (matched against the Clio host path, see {@link ClioPaths}). Delays and hangs
 * suspend the request on a Vert.x timer, so no thread waits: a delayed request continues (or fails) when its timer
 * fires; a hung one has its connection closed without an answer after the hang bound.
 */
public class FaultFilter {

    private static final Logger LOG = Logger.getLogger(FaultFilter.class);

    /** Marks a request whose answer is an injected fault (the fault's kind), for test harnesses that watch answers. */
    public static final String INJECTED_KEY = "crmbridge.sandbox.injectedFault";

    private final FaultInjector injector;
    private final FaultInjector clioInjector;
    private final Vertx vertx;

    FaultFilter(FaultInjector injector, @Clio FaultInjector clioInjector, Vertx vertx) {
        this.injector = injector;
        this.clioInjector = clioInjector;
        this.vertx = vertx;
    }

    @ServerRequestFilter(priority = SandboxFilterOrder.FAULTS)
    public void inject(ResteasyReactiveContainerRequestContext request, RoutingContext ctx) {
        String path = ctx.normalizedPath();
        boolean clio = ClioPaths.isClioApi(path);
        if (!SandboxPaths.isHubSpotApi(path) && !clio) {
            return;
        }
        FaultInjector rules = clio ? clioInjector : injector;
        Fault fault = rules.decide(ctx.request().method().name(),
                clio ? ClioPaths.hostPath(path) : SandboxPaths.hubSpotPath(path));
        if (fault.isNone()) {
            return;
        }
        ctx.put(INJECTED_KEY, fault.kind().name());
        if (fault.kind() == Fault.Kind.HANG) {
            hang(request, ctx, fault.latencyMillis() + rules.maxHangMillis());
            return;
        }
        if (fault.kind() == Fault.Kind.LOST_RESPONSE) {
            ctx.put(LostResponseFilter.CONTEXT_KEY, fault.lost()); // served normally; LostResponseFilter loses the answer
            if (fault.latencyMillis() <= 0) {
                return;
            }
        }
        Response answer = fault.kind() != Fault.Kind.ERROR ? null
                : clio ? clioErrorResponse(fault.status(), fault.retryAfterSeconds())
                : errorResponse(fault.status(), fault.retryAfterSeconds());
        if (fault.latencyMillis() <= 0) {
            request.abortWith(answer);
            return;
        }
        request.suspend();
        vertx.setTimer(fault.latencyMillis(), id -> {
            if (answer != null) {
                request.abortWith(answer); // resumes a suspended request by itself; a second resume would run it twice
            } else {
                request.resume();
            }
        });
    }

    /**
     * Suspends the request and never resumes it: when the bound is reached the connection is closed unanswered (the
     * counters then record the request with status 0). The suspended request is then referenced by nothing and is
     * collected; resuming it after the close would only make Quarkus REST fail on a request whose context is gone.
     */
    private void hang(ResteasyReactiveContainerRequestContext request, RoutingContext ctx, long millis) {
        request.suspend();
        vertx.setTimer(millis, id -> {
            LOG.debugf("Hang fault: closing the connection of %s %s unanswered after %d ms", ctx.request().method(),
                    ctx.normalizedPath(), millis);
            ctx.request().connection().close();
        });
    }

    /** An injected 429 says when to come back (by default one second, HubSpot's shortest window), as the sandbox's own limit does. */
    static Response errorResponse(int status, int retryAfterSeconds) {
        Response answer = errorBody(status).toResponse(status);
        return status == 429 && retryAfterSeconds > 0
                ? Response.fromResponse(answer).header("Retry-After", Integer.toString(retryAfterSeconds)).build() : answer;
    }

    /** The same for the Clio dialect, with Clio's error body. */
    static Response clioErrorResponse(int status, int retryAfterSeconds) {
        Response answer = ClioError.response(status, "internal error (fault injected by the CRM sandbox)");
        return status == 429 && retryAfterSeconds > 0
                ? Response.fromResponse(answer).header("Retry-After", Integer.toString(retryAfterSeconds)).build() : answer;
    }

    /** HubSpot's error body for an injected 5xx. */
    static HubSpotError errorBody(int status) {
        String category = switch (status) {
            case 502 -> "BAD_GATEWAY";
            case 503 -> "SERVICE_UNAVAILABLE";
            case 504 -> "GATEWAY_TIMEOUT";
            default -> "INTERNAL_ERROR";
        };
        return HubSpotError.of(category, "internal error (fault injected by the CRM sandbox)")
                .withContext(Map.of("sandboxFault", List.of(String.valueOf(status))));
    }
}
