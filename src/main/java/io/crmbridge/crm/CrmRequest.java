package io.crmbridge.crm;

/**
 * One CRM call as a connector describes it, for route {@code crm-call} to send: method, path under the connection's
 * base URL, query string (or null), body (a value to write as JSON, or null) and the record version a conditional
 * write is based on (sent as {@code If-Match}; null for an unconditional call).
 */
public record CrmRequest(String method, String path, String query, Object body, String ifMatch) {

    public CrmRequest(String method, String path, String query, Object body) {
        this(method, path, query, body, null);
    }

    public static CrmRequest get(String path, String query) {
        return new CrmRequest("GET", path, query, null);
    }

    public static CrmRequest post(String path, Object body) {
        return new CrmRequest("POST", path, null, body);
    }
}
