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

    /** A region by name ({@code us}, {@code eu}, {@code ca}, {@code au}) or by its host; unknown names fail. */
    public static ClioRegion of(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(r -> r.name().toLowerCase(Locale.ROOT).equals(wanted) || r.host.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown Clio region " + name + "; known: us, eu, ca, au"));
    }
}
