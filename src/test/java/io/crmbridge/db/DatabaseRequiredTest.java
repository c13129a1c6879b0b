package io.crmbridge.db;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Kubernetes forbids the embedded server: without a database URL the start-up fails, naming the setting. */
class DatabaseRequiredTest {

    @Test
    void noUrlAndNoEmbeddedServerFailsTheStartUpWithAClearMessage() {
        SmallRyeConfig none = config(Map.of("crmbridge.embedded-postgres.enabled", "false"));
        assertThatThrownBy(() -> new DatabaseRequired().check(null, none))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("QUARKUS_DATASOURCE_JDBC_URL").hasMessageContaining("embedded PostgreSQL is disabled");
    }

    @Test
    void aUrlIsEnough() {
        SmallRyeConfig external = config(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/crmbridge"));
        assertThatCode(() -> new DatabaseRequired().check(null, external)).doesNotThrowAnyException();
    }

    private static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 500)).build();
    }
}
