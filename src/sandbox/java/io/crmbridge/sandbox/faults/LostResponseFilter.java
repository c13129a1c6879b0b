package io.crmbridge.sandbox.faults;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.crmbridge.sandbox.clio.Clio;
import io.crmbridge.sandbox.clio.ClioError;
import io.crmbridge.sandbox.clio.ClioPaths;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Loses the answer of a request {@link FaultFilter} marked with a {@link LostResponse}, after the resource served it
 * (so a write has committed): a 502 replaces the answer, or the connection is closed unanswered at once
 * ({@code drop}) or after the hang bound ({@code hang}). In the last two cases the answer is never written.
 */
public class LostResponseFilter {

    static final String CONTEXT_KEY = "crmbridge.sandbox.lostResponse";
    private static final Logger LOG = Logger.getLogger(LostResponseFilter.class);

    private final FaultInjector injector;
    private final FaultInjector clioInjector;
    private final Vertx vertx;

    LostResponseFilter(FaultInjector injector, @Clio FaultInjector clioInjector, Vertx vertx) {
        this.injector = injector;
        this.clioInjector = clioInjector;
        this.vertx = vertx;
    }

    @ServerResponseFilter
    public Uni<Void> loseAnswer(ContainerResponseContext response, RoutingContext ctx) {
        LostResponse lost = ctx.get(CONTEXT_KEY);
        if (lost == null) {
            return Uni.createFrom().voidItem();
        }
        int served = response.getStatus();
        if (lost == LostResponse.BAD_GATEWAY && ClioPaths.isClioApi(ctx.normalizedPath())) {
            response.setStatus(502);
            response.setEntity(ClioError.body("BadGateway", "lost response (fault injected by the CRM sandbox; served "
                    + served + ")"), new java.lang.annotation.Annotation[0], MediaType.APPLICATION_JSON_TYPE);
            return Uni.createFrom().voidItem();
        }
        if (lost == LostResponse.BAD_GATEWAY) {
            response.setStatus(502);
            response.setEntity(FaultFilter.errorBody(502).withContext(Map.of("sandboxFault", List.of("lost-response"),
                    "servedStatus", List.of(String.valueOf(served)))), new java.lang.annotation.Annotation[0],
                    MediaType.APPLICATION_JSON_TYPE);
            return Uni.createFrom().voidItem();
        }
        long delay = lost != LostResponse.HANG ? 0
                : (ClioPaths.isClioApi(ctx.normalizedPath()) ? clioInjector : injector).maxHangMillis();
        // Never completes: the answer is not written, the connection is closed (see FaultFilter#hang for why the
        // pending request is simply left to be collected).
        return Uni.createFrom().emitter(emitter -> closeAfter(ctx, delay, served));
    }

    private void closeAfter(RoutingContext ctx, long delayMillis, int served) {
        Runnable close = () -> {
            LOG.debugf("Lost-response fault: closing %s %s (served %d) unanswered", ctx.request().method(),
                    ctx.normalizedPath(), served);
            ctx.request().connection().close();
        };
        if (delayMillis <= 0) {
            ctx.vertx().runOnContext(v -> close.run());
        } else {
            vertx.setTimer(delayMillis, id -> close.run());
        }
    }
}
