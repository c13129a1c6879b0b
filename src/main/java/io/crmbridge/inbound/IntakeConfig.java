package io.crmbridge.inbound;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where inbound records go (route {@code deliver-intake}): {@code crmbridge.intake.*}. */
@ConfigMapping(prefix = "crmbridge.intake")
public interface IntakeConfig {

    /** {@code table} (rows in {@code intake_outbox}) or {@code http} (POST each record to {@code url}); else start-up fails. */
    @WithDefault("table")
    Sink sink();

    /**
     * The intake's URL for the http sink, e.g. {@code https://intake.example.com/crm-records}: required with
     * {@code sink=http} (start-up fails without it), read by route {@code intake-http}. Its retries are the shared
     * {@code crmbridge.retry.*} policy.
     */
    Optional<String> url();

    /** Bearer secret sent to the intake (set CRMBRIDGE_INTAKE_TOKEN). */
    Optional<String> token();

    /** Where inbound records go. */
    enum Sink {
        /** Rows in table {@code intake_outbox}, for the intake to read. */
        TABLE,
        /** An HTTP POST of each record to {@code url}. */
        HTTP
    }
}
