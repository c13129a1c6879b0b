package io.crmbridge.crm.hubspot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.crmbridge.crm.BridgeProperty;
import io.crmbridge.crm.CrmRequest;

/** The bridge's own properties on HubSpot's objects, through the v3 properties API. */
final class HubSpotProperties {

    /** HubSpot's property groups that every account has, one per object. */
    private static final Map<String, String> PROPERTY_GROUPS = Map.of("contacts", "contactinformation",
            "companies", "companyinformation", "deals", "dealinformation", "tickets", "ticketinformation",
            "notes", "engagement", "tasks", "engagement");

    private HubSpotProperties() {
    }

    static CrmRequest list(String object) {
        return CrmRequest.get("/crm/v3/properties/" + object, null);
    }

    static CrmRequest create(String object, BridgeProperty property) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", property.name());
        body.put("label", property.label());
        body.put("type", property.type() == BridgeProperty.Type.NUMBER ? "number" : "string");
        body.put("fieldType", property.type() == BridgeProperty.Type.NUMBER ? "number" : "text");
        body.put("groupName", PROPERTY_GROUPS.getOrDefault(object, "engagement"));
        body.put("description", "Written by crm-bridge; do not edit.");
        body.put("hasUniqueValue", property.unique());
        body.put("formField", false);
        return CrmRequest.post("/crm/v3/properties/" + object, body);
    }

    /** Not on engagements: HubSpot keeps notes and tasks from unique-value properties. */
    static boolean holdsUniqueValues(String object) {
        return !"notes".equals(object) && !"tasks".equals(object);
    }

    static String createPermission(String object) {
        return "scope crm.schemas." + object + ".write";
    }
}
