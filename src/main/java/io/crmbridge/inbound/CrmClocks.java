package io.crmbridge.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The CRM's own clock, per connection, as its answers tell it (HTTP {@code Date}, whole seconds): the offset from ours
 * of the latest answer. The estimate never runs ahead of the CRM (the date is the start of its second and was taken
 * before the answer travelled), so a settle bound computed from it is on the safe side. Unknown until a first answer.
 */
@ApplicationScoped
public class CrmClocks {

    private final Map<String, Duration> offsets = new ConcurrentHashMap<>();

    /** An answer of {@code connection} said its clock read {@code serverTime}; we received it now. */
    public void observe(String connection, Instant serverTime) {
        if (serverTime != null) {
            offsets.put(connection, Duration.between(Instant.now(), serverTime));
        }
    }

    /** Now on the CRM's clock (ours while no answer told its time). */
    public Instant now(String connection) {
        return Instant.now().plus(offsets.getOrDefault(connection, Duration.ZERO));
    }

    public boolean known(String connection) {
        return offsets.containsKey(connection);
    }
}
