package io.crmbridge.connection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Defaults for CRM requests that name no connection. */
@ConfigMapping(prefix = "crmbridge.crm")
public interface CrmDefaults {

    /** The connection a CRM request uses when the message names none. */
    @WithDefault("hubspot")
    String defaultConnection();
}
