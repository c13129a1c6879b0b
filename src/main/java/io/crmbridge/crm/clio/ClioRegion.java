package io.crmbridge.crm.clio;

import java.util.Arrays;
import java.util.Locale;

/** Clio Manage's regions: each account lives on one host, which serves both the API and the OAuth endpoints. */
public enum ClioRegion {
    US("app.clio.com"), EU("eu.app.clio.com"), CA("ca.app.clio.com"), AU("au.app.clio.com");

    private final String host;

    ClioRegion(String host) {
        this.host = host;
    }

    public String host() {
        return host;
    }

    /** The API base of the region: {@code https://{host}/api/v4}. */
    public String apiBase() {
        return "https://" + host + ClioConnector.API_PATH;
    }

    /** The host's name below {@code clio.com}: {@code app}, {@code eu.app}, ... */
    String prefix() {
        return host.substring(0, host.length() - ".clio.com".length());
    }

    /**
     * The same API base on the other regions: a region host replaced by the others, or a region prefix just before
     * {@code /api/v4} in the path (a gateway routing by region) replaced by theirs; empty when the URL names no region.
     */
    static java.util.List<String> alternatives(String baseUrl) {
        String base = baseUrl.replaceAll("/+$", "");
        java.net.URI uri;
        try {
            uri = java.net.URI.create(base);
        } catch (IllegalArgumentException e) {
            return java.util.List.of();
        }
        for (ClioRegion region : values()) {
            if (region.host.equals(uri.getHost())) {
                return Arrays.stream(values()).filter(r -> r != region)
                        .map(r -> base.replaceFirst("//" + java.util.regex.Pattern.quote(region.host), "//" + r.host))
                        .toList();
            }
            String suffix = "/" + region.prefix() + ClioConnector.API_PATH;
            if (base.endsWith(suffix)) {
                String stem = base.substring(0, base.length() - suffix.length());
                return Arrays.stream(values()).filter(r -> r != region)
                        .map(r -> stem + "/" + r.prefix() + ClioConnector.API_PATH).toList();
            }
        }
        return java.util.List.of();
    }

    /** A region by name ({@code us}, {@code eu}, {@code ca}, {@code au}) or by its host; unknown names fail. */
    public static ClioRegion of(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(r -> r.name().toLowerCase(Locale.ROOT).equals(wanted) || r.host.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown Clio region " + name + "; known: us, eu, ca, au"));
    }
}
