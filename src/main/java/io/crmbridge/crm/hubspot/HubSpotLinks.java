package io.crmbridge.crm.hubspot;

import static io.crmbridge.crm.hubspot.HubSpotRecordRequests.encode;

import java.util.List;
import java.util.Map;

import io.crmbridge.crm.CrmRequest;

/** The requests of HubSpot's v4 associations and v3 owners APIs. */
final class HubSpotLinks {

    private HubSpotLinks() {
    }

    static CrmRequest associate(String fromObject, String fromId, String toObject, String toId) {
        return new CrmRequest("PUT", "/crm/v4/objects/" + fromObject + "/" + encode(fromId) + "/associations/default/"
                + toObject + "/" + encode(toId), null, null);
    }

    static CrmRequest associateBatch(String fromObject, String toObject, List<?> pairs) {
        return CrmRequest.post("/crm/v4/associations/" + fromObject + "/" + toObject + "/batch/associate/default",
                Map.of("inputs", pairs));
    }

    static CrmRequest listAssociations(String fromObject, String fromId, String toObject) {
        return CrmRequest.get("/crm/v4/objects/" + fromObject + "/" + encode(fromId) + "/associations/" + toObject,
                "limit=500");
    }

    static CrmRequest owner(String id) {
        return CrmRequest.get("/crm/v3/owners/" + encode(id), null);
    }

    static CrmRequest ownersByEmail(String email) {
        return CrmRequest.get("/crm/v3/owners", "email=" + encode(email) + "&limit=10");
    }
}
