package io.crmbridge.crm.clio;

import java.util.List;
import java.util.Map;

import io.crmbridge.crm.CrmOwner;

/** Clio's users as the bridge's owners: {@code users.json} records with {@code email} and {@code enabled}. */
final class ClioUsers {

    static final String FIELDS = "id,name,email,enabled";

    private ClioUsers() {
    }

    static List<CrmOwner> owners(Object answer) {
        Object data = ClioShapes.data(answer);
        List<?> list = data instanceof List<?> l ? l : data instanceof Map<?, ?> one ? List.of(one) : List.of();
        return list.stream().filter(Map.class::isInstance).map(u -> (Map<?, ?>) u)
                .filter(u -> u.get(ClioShapes.ID) != null)
                .map(u -> new CrmOwner(String.valueOf(u.get(ClioShapes.ID)),
                        u.get("email") == null ? null : String.valueOf(u.get("email")),
                        !Boolean.FALSE.equals(u.get("enabled"))))
                .toList();
    }
}
