package io.crmbridge.crm;

import java.util.List;
import java.util.Map;

/**
 * Role ({@link Capability#PROPERTY_HISTORY}): who changed which property when, which the loop guard reads to tell the
 * bridge's own writes from a person's. A connector without it leaves the loop guard to origin stamps.
 */
public interface PropertyHistory {

    /** The property history of up to {@link #maxHistoryIds()} records (ids) for the named properties. */
    CrmRequest readHistory(String object, List<String> ids, List<String> properties);

    /** Records one {@link #readHistory} call takes at most (a CRM may take fewer than in its other batch calls). */
    int maxHistoryIds();

    /**
     * A {@link #readHistory} answer -> per record id, its property changes, newest first; a change made by the app
     * {@code ownAppId} (this connection's own) is {@link PropertyChange.Source#BRIDGE}.
     */
    Map<String, List<PropertyChange>> history(String object, CrmAnswer answer, String ownAppId);
}
