package io.crmbridge.crm;

/**
 * One CRM call as a connector describes it, for route {@code crm-call} to send: method, path under the connection's
 * base URL, query string (or null) and body (a value to write as JSON, or null).
 */
public record CrmRequest(String method, String path, String query, Object body) {

    public static CrmRequest get(String path, String query) {
        return new CrmRequest("GET", path, query, null);
    }

    public static CrmRequest post(String path, Object body) {
        return new CrmRequest("POST", path, null, body);
    }
}
