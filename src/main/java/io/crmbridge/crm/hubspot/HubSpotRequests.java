package io.crmbridge.crm.hubspot;

import static io.crmbridge.connection.CrmCallSteps.CONNECTION;
import static io.crmbridge.connection.CrmCallSteps.METHOD;
import static io.crmbridge.connection.CrmCallSteps.OBJECT;
import static io.crmbridge.connection.CrmCallSteps.PATH;
import static io.crmbridge.connection.CrmCallSteps.QUERY;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.connection.CrmDefaults;

/**
 * Describes HubSpot CRM v3/v4 requests for route {@code crm-call}: method, path, query and JSON body, from the
 * message and a few headers ({@code crmObject}, {@code crmObjectId}, {@code crmToObject}, {@code crmToObjectId},
 * {@code crmIdProperty}, {@code crmProperties}). Paths and bodies follow HubSpot's published specs.
 */
@ApplicationScoped
@Named("hubspotRequests")
public class HubSpotRequests {

    public static final String OBJECT_ID = "crmObjectId";
    public static final String TO_OBJECT = "crmToObject";
    public static final String TO_OBJECT_ID = "crmToObjectId";
    public static final String ID_PROPERTY = "crmIdProperty";
    public static final String PROPERTIES = "crmProperties";
    public static final String SEARCH_PROPERTY = "crmSearchProperty";
    public static final String BATCH_OPERATION = "crmBatchOperation";

    private final ObjectMapper json;
    private final CrmDefaults defaults;

    HubSpotRequests(ObjectMapper json, CrmDefaults defaults) {
        this.json = json;
        this.defaults = defaults;
    }

    /** POST /crm/v3/objects/{object}: the body is the properties map, or a full {properties, associations} input. */
    public void create(Exchange exchange) {
        Message in = describe(exchange, "POST", objectsPath(exchange), null);
        in.setBody(toJson(asInput(in.getBody(Map.class))));
    }

    /** PATCH /crm/v3/objects/{object}/{crmObjectId}[?idProperty=]. */
    public void update(Exchange exchange) {
        Message in = describe(exchange, "PATCH", objectsPath(exchange) + "/" + encode(required(exchange, OBJECT_ID)),
                idPropertyQuery(exchange));
        in.setBody(toJson(asInput(in.getBody(Map.class))));
    }

    /** GET /crm/v3/objects/{object}/{crmObjectId}?properties=..[&idProperty=]. */
    public void read(Exchange exchange) {
        String query = join(propertiesQuery(exchange), idPropertyQuery(exchange));
        describe(exchange, "GET", objectsPath(exchange) + "/" + encode(required(exchange, OBJECT_ID)), query).setBody(null);
    }

    /** POST /crm/v3/objects/{object}/search: records whose {@code crmSearchProperty} equals the body. */
    public void searchEquals(Exchange exchange) {
        Message in = describe(exchange, "POST", objectsPath(exchange) + "/search", null);
        Map<String, Object> filter = Map.of("propertyName", required(exchange, SEARCH_PROPERTY), "operator", "EQ",
                "value", in.getBody(String.class));
        Map<String, Object> search = new LinkedHashMap<>();
        search.put("filterGroups", List.of(Map.of("filters", List.of(filter))));
        search.put("sorts", List.of(Map.of("propertyName", "hs_object_id", "direction", "ASCENDING")));
        search.put("properties", properties(exchange));
        search.put("limit", 10);
        search.put("after", "0");
        in.setBody(toJson(search));
    }

    /** POST /crm/v3/objects/{object}/batch/{crmBatchOperation}: the body is the list of inputs (at most 100). */
    public void batch(Exchange exchange) {
        String operation = required(exchange, BATCH_OPERATION);
        Message in = describe(exchange, "POST", objectsPath(exchange) + "/batch/" + operation, null);
        List<?> inputs = in.getBody(List.class);
        if (inputs.size() > 100) {
            throw new IllegalArgumentException("HubSpot batch " + operation + " takes at most 100 inputs, got " + inputs.size());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inputs", inputs);
        if (operation.equals("read")) {
            body.put("properties", properties(exchange));
            body.put("propertiesWithHistory", List.of());
            idProperty(exchange).ifPresent(p -> body.put("idProperty", p));
        }
        in.setBody(toJson(body));
    }

    /** PUT /crm/v4/objects/{from}/{fromId}/associations/default/{to}/{toId}. */
    public void associateDefault(Exchange exchange) {
        String path = "/crm/v4/objects/" + required(exchange, OBJECT) + "/" + encode(required(exchange, OBJECT_ID))
                + "/associations/default/" + required(exchange, TO_OBJECT) + "/" + encode(required(exchange, TO_OBJECT_ID));
        describe(exchange, "PUT", path, null).setBody(null);
    }

    /** POST /crm/v4/associations/{from}/{to}/batch/associate/default: the body is a list of {from:{id}, to:{id}}. */
    public void associateDefaultBatch(Exchange exchange) {
        String path = "/crm/v4/associations/" + required(exchange, OBJECT) + "/" + required(exchange, TO_OBJECT)
                + "/batch/associate/default";
        Message in = describe(exchange, "POST", path, null);
        in.setBody(toJson(Map.of("inputs", in.getBody(List.class))));
    }

    /** GET /crm/v4/objects/{object}/{id}/associations/{to}. */
    public void listAssociations(Exchange exchange) {
        String path = "/crm/v4/objects/" + required(exchange, OBJECT) + "/" + encode(required(exchange, OBJECT_ID))
                + "/associations/" + required(exchange, TO_OBJECT);
        describe(exchange, "GET", path, "limit=500").setBody(null);
    }

    /** GET /crm/v3/owners/{crmObjectId}. */
    public void owner(Exchange exchange) {
        describe(exchange, "GET", "/crm/v3/owners/" + encode(required(exchange, OBJECT_ID)), null).setBody(null);
    }

    /** GET /crm/v3/owners?email={body}. */
    public void ownerByEmail(Exchange exchange) {
        Message in = exchange.getMessage();
        String email = in.getBody(String.class);
        describe(exchange, "GET", "/crm/v3/owners", "email=" + encode(email) + "&limit=10").setBody(null);
    }

    // --- helpers ---

    private Message describe(Exchange exchange, String method, String path, String query) {
        Message in = exchange.getMessage();
        if (in.getHeader(CONNECTION) == null) {
            in.setHeader(CONNECTION, defaults.defaultConnection());
        }
        in.setHeader(METHOD, method);
        in.setHeader(PATH, path);
        in.setHeader(QUERY, query);
        return in;
    }

    private static String objectsPath(Exchange exchange) {
        return "/crm/v3/objects/" + required(exchange, OBJECT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asInput(Map<String, Object> body) {
        if (body == null) {
            throw new IllegalArgumentException("a create or update needs a properties map as body");
        }
        return body.containsKey("properties") ? body : Map.of("properties", body);
    }

    private static java.util.Optional<String> idProperty(Exchange exchange) {
        return java.util.Optional.ofNullable(exchange.getMessage().getHeader(ID_PROPERTY, String.class));
    }

    private static String idPropertyQuery(Exchange exchange) {
        return idProperty(exchange).map(p -> "idProperty=" + encode(p)).orElse(null);
    }

    private static String propertiesQuery(Exchange exchange) {
        List<String> props = properties(exchange);
        return props.isEmpty() ? null : "properties=" + encode(String.join(",", props));
    }

    private static List<String> properties(Exchange exchange) {
        String list = exchange.getMessage().getHeader(PROPERTIES, String.class);
        return list == null || list.isBlank() ? List.of() : List.of(list.split("\\s*,\\s*"));
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "&" + b;
    }

    private static String required(Exchange exchange, String header) {
        String value = exchange.getMessage().getHeader(header, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("header " + header + " is required for this CRM request");
        }
        return value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body cannot be written as JSON", e);
        }
    }
}
