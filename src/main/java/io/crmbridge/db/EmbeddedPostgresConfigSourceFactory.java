package io.crmbridge.db;

import java.util.List;
import java.util.Set;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;

/**
 * Supplies the datasource URL of the embedded PostgreSQL when the operator configured none.
 *
 * <p>Quarkus asks config-source factories for sources while it builds the runtime configuration, before the
 * datasource exists, which is the one moment where "no URL configured" can still be answered with a URL. When
 * {@code quarkus.datasource.jdbc.url} is set (production, Kubernetes) or {@code crmbridge.embedded-postgres.enabled}
 * is {@code false}, this factory contributes nothing.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String URL_KEY = "quarkus.datasource.jdbc.url";
    static final String ENABLED_KEY = "crmbridge.embedded-postgres.enabled";
    static final String DATA_DIR_KEY = "crmbridge.embedded-postgres.data-dir";
    static final String CLEAN_KEY = "crmbridge.embedded-postgres.clean";
    static final String PORT_KEY = "crmbridge.embedded-postgres.port";
    static final String DURABLE_KEY = "crmbridge.embedded-postgres.durable";

    /** Below application.properties (250) so anything the operator sets wins. */
    private static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context.getValue(URL_KEY)) || !enabled(context)) {
            return List.of();
        }
        EmbeddedPostgresServer.Settings settings = new EmbeddedPostgresServer.Settings(
                valueOr(context, DATA_DIR_KEY, ".crm-bridge/postgres"),
                Boolean.parseBoolean(valueOr(context, CLEAN_KEY, "false")),
                Integer.parseInt(valueOr(context, PORT_KEY, "0")),
                Boolean.parseBoolean(valueOr(context, DURABLE_KEY, "true")));
        return List.of(new LazyDatasourceSource(settings));
    }

    /**
     * Answers the datasource URL, starting the server on the first read. It lists no property names, so the build
     * (which also consults config sources) never reads the URL and never starts a server; only the datasource does.
     */
    private static final class LazyDatasourceSource implements ConfigSource {
        private final EmbeddedPostgresServer.Settings settings;

        LazyDatasourceSource(EmbeddedPostgresServer.Settings settings) {
            this.settings = settings;
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public String getValue(String propertyName) {
            return URL_KEY.equals(propertyName) ? EmbeddedPostgresServer.startOnce(settings) : null;
        }

        @Override
        public String getName() {
            return "EmbeddedPostgres";
        }

        @Override
        public int getOrdinal() {
            return ORDINAL;
        }
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static boolean enabled(ConfigSourceContext context) {
        return Boolean.parseBoolean(valueOr(context, ENABLED_KEY, "true"));
    }

    private static String valueOr(ConfigSourceContext context, String key, String fallback) {
        ConfigValue value = context.getValue(key);
        return isSet(value) ? value.getValue() : fallback;
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
