package io.crmbridge.sandbox;

/**
 * Where the HubSpot sandbox lives and how its paths divide: HubSpot's own API (counted, faultable; its CRM part also
 * authenticated and rate limited) and the sandbox's control endpoints under {@code _sandbox} (none of that).
 */
public final class SandboxPaths {

    /** Everything the sandbox serves starts here; the switch answers 404 for all of it when the sandbox is off. */
    public static final String ROOT = "/sandbox";
    /** HubSpot's API base URL inside the application (HubSpot's own is https://api.hubapi.com). */
    public static final String HUBSPOT = ROOT + "/hubspot";
    /** Control endpoints: JSON, no bearer token, not counted. */
    public static final String CONTROL = HUBSPOT + "/_sandbox";

    private static final String CRM = HUBSPOT + "/crm/";

    private SandboxPaths() {
    }

    public static boolean isSandbox(String path) {
        return path.equals(ROOT) || path.startsWith(ROOT + "/");
    }

    /** A call to HubSpot's API (OAuth or CRM), as opposed to a control endpoint. */
    public static boolean isHubSpotApi(String path) {
        return path.startsWith(HUBSPOT + "/") && !path.equals(CONTROL) && !path.startsWith(CONTROL + "/");
    }

    /** A CRM call: needs a bearer token and counts against the rate limit. */
    public static boolean isCrm(String path) {
        return path.startsWith(CRM);
    }

    /** The path as HubSpot would see it: {@code /sandbox/hubspot/crm/v3/owners} becomes {@code /crm/v3/owners}. */
    public static String hubSpotPath(String path) {
        return path.startsWith(HUBSPOT) ? path.substring(HUBSPOT.length()) : path;
    }
}
