package io.crmbridge.sandbox.conformance;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.sandbox.contract.RawRequest;
import io.crmbridge.sandbox.faults.FaultFilter;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Pairs a vendor API request the sandbox received ({@link #REQUEST_KEY}, put there by the sandbox's request recording
 * filter) with the answer it gives: the answer's entity as the JSON it is written as, and its status and headers as
 * they go on the wire (read when the response has ended), then hands both to {@link VendorConformance}.
 */
public class VendorResponseCapture {

    public static final String REQUEST_KEY = VendorResponseCapture.class.getName() + ".request";
    private static final String BODY_KEY = VendorResponseCapture.class.getName() + ".body";

    @Inject
    VendorConformance conformance;

    @Inject
    ObjectMapper mapper;

    /** Registers, for a request the check watches, the recording of its answer once it is on the wire. */
    public static void watch(RoutingContext rc, RawRequest request, VendorConformance conformance) {
        String vendor = VendorExchange.vendorOf(request.path());
        if (vendor == null || !conformance.active()) {
            return;
        }
        rc.put(REQUEST_KEY, request);
        rc.addBodyEndHandler(ended -> {
            String agent = first(request.headers(), "User-Agent");
            conformance.record(new VendorExchange(vendor, request.method(), request.path(),
                    VendorExchange.vendorPath(vendor, request.path()), request.query(), request.headers(),
                    request.body(), rc.response().getStatusCode(), toMap(rc.response().headers()), rc.get(BODY_KEY),
                    fromBridge(agent), rc.get(FaultFilter.INJECTED_KEY)));
        });
    }

    @ServerResponseFilter
    public void keepBody(ContainerResponseContext response, RoutingContext rc) throws JsonProcessingException {
        if (rc.get(REQUEST_KEY) == null || !response.hasEntity()) {
            return;
        }
        Object entity = response.getEntity();
        String body = entity instanceof String s ? s
                : entity instanceof byte[] b ? new String(b, StandardCharsets.UTF_8)
                : mapper.writeValueAsString(entity);
        rc.put(BODY_KEY, body);
    }

    /** The bridge's CRM calls name it ({@code camel.component.http.user-agent}); its token refreshes are the OIDC client's. */
    private static boolean fromBridge(String agent) {
        return agent != null && (agent.startsWith("crm-bridge/") || agent.startsWith("Vert.x-WebClient"));
    }

    private static String first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }

    private static Map<String, List<String>> toMap(MultiMap multiMap) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String name : multiMap.names()) {
            map.put(name, multiMap.getAll(name));
        }
        return map;
    }
}
