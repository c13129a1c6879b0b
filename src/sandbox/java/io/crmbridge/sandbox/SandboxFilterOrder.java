package io.crmbridge.sandbox;

import jakarta.ws.rs.Priorities;

/**
 * The order in which the sandbox's filters see a request, in one place.
 *
 * <ol>
 * <li><b>Switch</b> (Vert.x filter, first of all): when the sandbox is off nothing else may run, not even counting,
 * so production shows no trace of it.</li>
 * <li><b>Counters</b> (Vert.x filter, before Quarkus REST): they must wrap everything after them, so a 401, a 429, an
 * injected 500 or a hang is counted like any answer. They record the status when the response is written.</li>
 * <li><b>Path template</b> (first Quarkus REST post-matching filter): records which resource method matched, so the
 * counters key by {@code /crm/v3/owners/{ownerId}} rather than by concrete id.</li>
 * <li><b>Faults</b>: they simulate trouble in front of HubSpot's API (load balancer, overloaded service), so they hit
 * before any credential is looked at, and an unauthenticated client sees them too.</li>
 * <li><b>Auth</b>: a CRM call without a valid token stops here with 401 and never reaches the rate limiter.</li>
 * <li><b>Rate limit</b>: needs the authenticated token, because the window is kept per token.</li>
 * </ol>
 */
public final class SandboxFilterOrder {

    /** Vert.x filters: the higher priority runs first. */
    public static final int SWITCH = 20_000;
    public static final int COUNTERS = 19_000;

    /** Quarkus REST request filters: the lower priority runs first. */
    public static final int PATH_TEMPLATE = 1;
    public static final int FAULTS = 100;
    public static final int AUTH = Priorities.AUTHENTICATION;
    public static final int RATE_LIMIT = Priorities.AUTHENTICATION + 100;

    private SandboxFilterOrder() {
    }
}
