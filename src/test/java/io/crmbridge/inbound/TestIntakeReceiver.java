package io.crmbridge.inbound;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Test-only intake: checks the bearer secret, counts accepted records per Idempotency-Key, and refuses (500) the
 * {@link #failAt}-th distinct record until healed, as an intake that breaks in the middle of a page.
 */
@Path("/test-intake")
public class TestIntakeReceiver {

    static final String TOKEN = "intake-secret";
    static final Map<String, AtomicInteger> ACCEPTED = new ConcurrentHashMap<>();
    static final Map<String, String> ORIGINS = new ConcurrentHashMap<>();
    static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    static volatile int failAt = Integer.MAX_VALUE;
    static volatile String poisoned;

    static void reset(int failAtDistinct) {
        ACCEPTED.clear();
        ORIGINS.clear();
        SEEN.clear();
        poisoned = null;
        failAt = failAtDistinct;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public synchronized Response receive(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String key, Map<String, Object> record) {
        if (!("Bearer " + TOKEN).equals(authorization)) {
            return Response.status(401).build();
        }
        if (SEEN.add(key) && SEEN.size() == failAt) {
            poisoned = key;
        }
        if (key.equals(poisoned)) {
            return Response.status(500).entity("intake is down").build();
        }
        ACCEPTED.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        ORIGINS.put(key, String.valueOf(record.get("origin")));
        return Response.accepted().build();
    }
}
