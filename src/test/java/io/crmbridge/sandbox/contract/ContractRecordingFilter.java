package io.crmbridge.sandbox.contract;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.crmbridge.sandbox.conformance.VendorConformance;
import io.crmbridge.sandbox.conformance.VendorResponseCapture;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Test-only HTTP filter: every request to {@code /sandbox/hubspot/crm/...} or {@code /sandbox/hubspot/oauth/...}
 * is validated against the sandbox's description before it is handled, and violations go to
 * {@link SandboxContractRecorder}. Control endpoints ({@code /sandbox/hubspot/_sandbox/...}) and everything else
 * pass untouched. It never changes the answer: a violation is recorded, the request proceeds. When the vendor
 * conformance check is on ({@link VendorConformance}), it also hands every HubSpot and Clio API request to
 * {@link VendorResponseCapture}, which judges it with its answer against the vendor's own published document.
 *
 * <p>
 * It sits in front of Quarkus REST as a Vert.x filter, so it also sees requests no resource matches (an unknown
 * path is a violation too). To validate the body it reads it; {@link RecordedBodyRestorer} hands the same bytes to
 * Quarkus REST, which would otherwise find the request already consumed.
 */
@ApplicationScoped
public class ContractRecordingFilter {

    static final String BODY_KEY = ContractRecordingFilter.class.getName() + ".body";

    /** Above Quarkus' own filters' defaults so the check sees the request as the client sent it. */
    private static final int PRIORITY = 1000;

    private static final Logger LOG = Logger.getLogger(ContractRecordingFilter.class);

    @Inject
    SandboxContractRecorder recorder;

    @Inject
    VendorConformance conformance;

    /** Parse the description at start-up rather than on the first request's event-loop thread. */
    void loadDescription(@Observes StartupEvent event) {
        SandboxContract.validator();
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    private void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        boolean described = recorder.checking() && SandboxContract.isDescribed(rc.normalizedPath());
        boolean vendor = conformance.watches(rc.normalizedPath());
        if (!described && !vendor) {
            rc.next();
            return;
        }
        if (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) {
            checkSafely(rc, null, described);
            rc.next();
            return;
        }
        request.body().onComplete(read -> {
            Buffer body = read.succeeded() ? read.result() : null;
            if (body != null) {
                rc.put(BODY_KEY, body);
                rc.setBody(body);
            }
            checkSafely(rc, body == null || body.length() == 0 ? null : body.toString(StandardCharsets.UTF_8),
                    described);
            rc.next();
        });
        request.resume();
    }

    private void checkSafely(RoutingContext rc, String body, boolean described) {
        try {
            RawRequest raw = toRawRequest(rc, body);
            if (described) {
                recorder.check(raw);
            }
            VendorResponseCapture.watch(rc, raw, conformance);
        } catch (RuntimeException e) {
            // The check must never break the sandbox; a validator failure is a harness bug, so say it loudly.
            LOG.errorf(e, "Contract check failed on %s %s", rc.request().method(), rc.request().path());
        }
    }

    private static RawRequest toRawRequest(RoutingContext rc, String body) {
        HttpServerRequest request = rc.request();
        return new RawRequest(request.method().name(), request.path(), toMap(rc.queryParams()),
                toMap(request.headers()), body);
    }

    private static Map<String, List<String>> toMap(MultiMap multiMap) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String name : multiMap.names()) {
            map.put(name, multiMap.getAll(name));
        }
        return map;
    }
}
