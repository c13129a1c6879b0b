package io.crmbridge.sandbox.contract;

import java.io.ByteArrayInputStream;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives Quarkus REST the request body {@link ContractRecordingFilter} already read: without it the resource would
 * see an empty body, because the HTTP request has ended by the time Quarkus REST starts reading.
 */
public class RecordedBodyRestorer {

    @ServerRequestFilter(preMatching = true, priority = 1)
    public void restoreBody(ContainerRequestContext request, RoutingContext rc) {
        Buffer body = rc.get(ContractRecordingFilter.BODY_KEY);
        if (body != null) {
            request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
        }
    }
}
