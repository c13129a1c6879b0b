package io.crmbridge.outbound.decide;

import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What decide will do to one CRM object: {@code create}, {@code update} (event-owned values change), {@code merge}
 * (only empty fields are filled), {@code none} (nothing to change) or {@code skip} (not part of this event).
 */
@RegisterForReflection
public record ObjectPlan(String object, String action, String crmId, Map<String, Object> properties, String reason) {

    public boolean writes() {
        return action.equals("create") || action.equals("update") || action.equals("merge");
    }
}
