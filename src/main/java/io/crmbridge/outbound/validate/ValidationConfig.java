package io.crmbridge.outbound.validate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How pushed events are validated before they are used (docs/architecture.md, "The event contract"). */
@ConfigMapping(prefix = "crmbridge.validation")
public interface ValidationConfig {

    /** Region for phone numbers written without a country code (ISO 3166 two letters). */
    @WithDefault("US")
    String defaultRegion();

    /**
     * Allowed values per contract field: event-type, urgency, budget-range, qualification-status, routing-tier,
     * target-owner-role. A field without a list takes any value.
     */
    Map<String, List<String>> enums();

    /** A JSON Schema file for the AI output ({routing, ai}); default: the packaged schemas/ai-output.schema.json. */
    Optional<String> aiSchema();
}
