package io.crmbridge.sandbox.clio;

import java.util.List;
import java.util.regex.Pattern;

import io.crmbridge.sandbox.SandboxPaths;

/**
 * Where the Clio-shaped sandbox lives. Clio Manage serves one API per region host ({@code https://app.clio.com},
 * {@code eu.app.clio.com}, {@code ca.app.clio.com}, {@code au.app.clio.com}); the sandbox models each host as a path
 * prefix: {@code /sandbox/clio/{region}} with region {@code app}, {@code eu.app}, {@code ca.app} or {@code au.app}.
 * The documented host {@code app.clio.com} is also reachable without a region, {@code /sandbox/clio}, so
 * {@code /sandbox/clio/api/v4} stands for {@code https://app.clio.com/api/v4} and {@code /sandbox/clio/oauth/token}
 * for {@code https://app.clio.com/oauth/token}. Control endpoints live under {@code /sandbox/clio/_sandbox}.
 *
 * <p>Fault rules and counters name a Clio call by its <em>host path</em>: the region, then the path as Clio sees it,
 * e.g. {@code /app/api/v4/contacts.json} or {@code /eu.app/oauth/token} (the documented host is always {@code app}).
 */
public final class ClioPaths {

    public static final String CLIO = SandboxPaths.ROOT + "/clio";
    public static final String CONTROL = CLIO + "/_sandbox";
    /** The documented host, {@code app.clio.com}. */
    public static final String DOCUMENTED_REGION = "app";
    public static final List<String> REGIONS = List.of(DOCUMENTED_REGION, "eu.app", "ca.app", "au.app");

    private static final Pattern NUMBER = Pattern.compile("/\\d+(\\.json)?(?=/|$)");

    private ClioPaths() {
    }

    /** A call to Clio's API or token endpoint on any host, as opposed to a control endpoint. */
    public static boolean isClioApi(String path) {
        return path.startsWith(CLIO + "/") && !path.equals(CONTROL) && !path.startsWith(CONTROL + "/");
    }

    /**
     * The host path of a Clio call: {@code /sandbox/clio/api/v4/contacts.json} becomes
     * {@code /app/api/v4/contacts.json}, {@code /sandbox/clio/eu.app/oauth/token} stays {@code /eu.app/oauth/token}.
     */
    public static String hostPath(String path) {
        String rest = path.substring(CLIO.length());
        String first = rest.length() > 1 ? rest.substring(1).split("/", 2)[0] : "";
        return REGIONS.contains(first) ? rest : "/" + DOCUMENTED_REGION + rest;
    }

    /** The region of a host path ({@code /eu.app/api/v4/...} is {@code eu.app}); null when it names none. */
    public static String region(String hostPath) {
        String first = hostPath.length() > 1 ? hostPath.substring(1).split("/", 2)[0] : "";
        return REGIONS.contains(first) ? first : null;
    }

    /** A data call ({@code /api/v4/...}): needs a bearer token and counts against the rate limit. */
    public static boolean isData(String hostPath) {
        return hostPath.indexOf("/api/v4/", 0) >= 0;
    }

    /** The host path with record ids as a template: {@code /app/api/v4/contacts/12.json} -> {@code .../contacts/{id}.json}. */
    public static String template(String hostPath) {
        return NUMBER.matcher(hostPath).replaceAll(m -> m.group(1) == null ? "/{id}" : "/{id}.json");
    }
}
