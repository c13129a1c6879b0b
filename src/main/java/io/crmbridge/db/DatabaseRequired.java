package io.crmbridge.db;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * PostgreSQL is the one store: with no {@code quarkus.datasource.jdbc.url} and the embedded server forbidden
 * ({@code crmbridge.embedded-postgres.enabled=false}, as in Kubernetes), the start-up fails first, saying so, rather
 * than later in whichever bean touches the database.
 */
@ApplicationScoped
public class DatabaseRequired {

    private static final Logger LOG = Logger.getLogger(DatabaseRequired.class);

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start, Config config) {
        boolean url = config.getOptionalValue(EmbeddedPostgresConfigSourceFactory.URL_KEY, String.class)
                .filter(u -> !u.isBlank()).isPresent();
        if (!url) {
            String message = "No database: quarkus.datasource.jdbc.url (QUARKUS_DATASOURCE_JDBC_URL) is not set and the"
                    + " embedded PostgreSQL is disabled (crmbridge.embedded-postgres.enabled=false). Set the URL, user"
                    + " and password of your PostgreSQL.";
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }
}
