package io.crmbridge.sandbox.properties;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Properties API's account settings at start-up; changed at run time through {@code _sandbox/properties}. */
@ConfigMapping(prefix = "crmbridge.sandbox.properties")
public interface PropertiesConfig {

    /**
     * Object types on which a property may be created with {@code hasUniqueValue: true}. HubSpot documents unique
     * value properties for contacts, companies, deals, tickets and custom objects; its published Properties spec
     * lists no {@code crm.schemas.*.write} scope for notes or tasks. The sandbox allows the four by default, as
     * HubSpot does; a test can put notes or tasks in to see an account that could.
     */
    @WithDefault("contacts,companies,deals,tickets")
    List<String> uniqueValueObjectTypes();

    /** Unique value properties per object type (HubSpot's documented limit is 10). */
    @WithDefault("10")
    int maxUniquePerType();

    /** False: the token lacks {@code crm.schemas.<type>.write}, property creation answers 403 MISSING_SCOPES. */
    @WithDefault("true")
    boolean schemaWriteScope();
}
