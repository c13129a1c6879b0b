package io.crmbridge.crm;

import java.util.List;
import java.util.Map;

/**
 * A CRM's answer as the bridge hands it to the connector that asked: the parsed JSON tree (maps, lists, strings,
 * numbers, booleans, null) of one response body. Only the connector that described the request reads its shape;
 * everyone else passes it on and asks the connector for {@link CrmRecord}s, ids or errors.
 */
public record CrmAnswer(Object json) {

    /** An answer of no body (a 204, or nothing left for one caller's share). */
    public static final CrmAnswer EMPTY = new CrmAnswer(null);

    /** The answer of a parsed body; an answer stays as it is. */
    public static CrmAnswer of(Object json) {
        return json instanceof CrmAnswer answer ? answer : json == null ? EMPTY : new CrmAnswer(json);
    }

    /** The top-level object's member, or null when the answer is no object or has no such member. */
    public Object get(String member) {
        return json instanceof Map<?, ?> map ? map.get(member) : null;
    }

    /** The top-level object, or an empty map when the answer is not an object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object() {
        return json instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The top-level object's member as a list, or an empty list when it is none. */
    public List<?> list(String member) {
        return get(member) instanceof List<?> list ? list : List.of();
    }

    public boolean isEmpty() {
        return json == null;
    }
}
