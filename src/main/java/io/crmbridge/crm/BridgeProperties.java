package io.crmbridge.crm;

import java.util.Map;

/** Role ({@link Capability#BRIDGE_PROPERTIES}): the bridge's own properties ({@code crmbridge_*}) on the CRM's objects. */
public interface BridgeProperties {

    /** The properties an object has (to provision the bridge's own idempotently). */
    CrmRequest listProperties(String object);

    /** Creates one of the bridge's own properties on an object (it answers a conflict if it exists). */
    CrmRequest createProperty(String object, BridgeProperty property);

    /** What the app must be granted to create properties on an object, in the CRM's terms, for the operator. */
    default String createPermission(String object) {
        return "permission to create properties on " + object;
    }

    /**
     * Whether the CRM lets an object hold a property with unique values. Where it does not, the bridge's key is
     * created as a plain property without trying, and that is the object's expected state, not a problem.
     */
    default boolean holdsUniqueValues(String object) {
        return true;
    }

    /** A {@link #listProperties} answer -> property name -> whether it holds unique values. */
    Map<String, Boolean> propertyNames(CrmAnswer answer);
}
