package io.crmbridge.connection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Defaults for CRM requests that name no connection. */
@ConfigMapping(prefix = "crmbridge.crm")
public interface CrmDefaults {

    /** The connection a CRM request uses when the message names none. */
    @WithDefault("hubspot")
    String defaultConnection();

    /**
     * Milliseconds to connect for a CRM (and intake) call: the declaration and the one default of the routes'
     * {@code crmbridge.crm.connect-timeout} placeholder (undeclared, setting it failed start-up validation).
     */
    @WithDefault("5000")
    int connectTimeout();

    /** Milliseconds to wait for a CRM (and intake) answer; the routes' {@code crmbridge.crm.response-timeout}. */
    @WithDefault("10000")
    int responseTimeout();
}
