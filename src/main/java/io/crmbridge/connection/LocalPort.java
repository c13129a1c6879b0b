package io.crmbridge.connection;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.LaunchMode;

/** Expands {@code {local-port}} to the port this application's HTTP server actually listens on. */
public final class LocalPort {

    static final String TOKEN = "{local-port}";

    private LocalPort() {
    }

    /** {@code http://localhost:<port>}: this application's own HTTP server. */
    public static String localUrl() {
        return "http://localhost:" + port();
    }

    public static String expand(String url) {
        return url.contains(TOKEN) ? url.replace(TOKEN, Integer.toString(port())) : url;
    }

    /** Quarkus publishes the bound port (also a random one) as a system property once the server is up. */
    private static int port() {
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        String value = System.getProperty(key);
        if (value == null) {
            value = ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse("8080");
        }
        int port = Integer.parseInt(value);
        if (port == 0) {
            // a random port (tests) that the server has not bound yet: a URL built now would point at port 0 for good
            throw new IllegalStateException(key + " is not bound yet: " + TOKEN + " cannot be expanded before the HTTP "
                    + "server is up");
        }
        return port;
    }
}
