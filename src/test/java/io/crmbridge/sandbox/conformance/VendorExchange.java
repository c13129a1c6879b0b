package io.crmbridge.sandbox.conformance;

import java.util.List;
import java.util.Map;

/**
 * One request that reached the sandbox's HubSpot or Clio API and the sandbox's answer, as the vendor would see them:
 * {@code vendorPath} is the path on the vendor's host ({@code /crm/v3/objects/contacts}, {@code /api/v4/contacts.json}).
 * {@code fromBridge} is true when the bridge sent it (its User-Agent), false for a test's own client;
 * {@code injectedFault} names the fault the sandbox injected instead of its answer (null for a real answer).
 */
record VendorExchange(String vendor, String method, String sandboxPath, String vendorPath,
        Map<String, List<String>> query, Map<String, List<String>> requestHeaders, String requestBody, int status,
        Map<String, List<String>> responseHeaders, String responseBody, boolean fromBridge, String injectedFault) {

    static final String HUBSPOT_PREFIX = "/sandbox/hubspot";
    static final String CLIO_PREFIX = "/sandbox/clio";

    /** The vendor whose API a sandbox path belongs to, or null for the sandbox's own control endpoints. */
    static String vendorOf(String sandboxPath) {
        if (sandboxPath.startsWith(HUBSPOT_PREFIX + "/crm/") || sandboxPath.startsWith(HUBSPOT_PREFIX + "/oauth/")) {
            return "hubspot";
        }
        if (sandboxPath.startsWith(CLIO_PREFIX + "/") && !sandboxPath.startsWith(CLIO_PREFIX + "/_sandbox")) {
            return "clio";
        }
        return null;
    }

    /**
     * The path on the vendor's host. HubSpot publishes deals only under their object type id ({@code 0-3}); its API
     * answers both. Clio's region hosts serve the same {@code /api/v4}.
     */
    static String vendorPath(String vendor, String sandboxPath) {
        if (vendor.equals("hubspot")) {
            String path = sandboxPath.substring(HUBSPOT_PREFIX.length());
            if (path.startsWith("/crm/v3/objects/deals")) {
                path = "/crm/v3/objects/0-3" + path.substring("/crm/v3/objects/deals".length());
            }
            return path;
        }
        int api = sandboxPath.indexOf("/api/v4/");
        if (api >= 0) {
            return sandboxPath.substring(api);
        }
        int oauth = sandboxPath.indexOf("/oauth/");
        return oauth >= 0 ? sandboxPath.substring(oauth) : sandboxPath.substring(CLIO_PREFIX.length());
    }
}
