package io.crmbridge.outbound.decide;

import java.util.Set;

import io.crmbridge.crm.TicketStage;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Support events become tickets (contract event type {@code support}): which types, and where a new ticket goes. */
@ConfigMapping(prefix = "crmbridge.tickets")
public interface TicketConfig {

    /** Event types that open (or update) a ticket. */
    @WithDefault("support")
    Set<String> eventTypes();

    /**
     * The pipeline of a new ticket: the bridge's {@code DEFAULT} (the CRM's default support pipeline, which the
     * connector's field map names) or a pipeline id of the CRM, sent as it is.
     */
    @WithDefault("DEFAULT")
    String pipeline();

    /** The stage of a new ticket: one of the bridge's {@code TicketStage}s, or a stage id of the CRM, sent as it is. */
    @WithDefault("NEW")
    String stage();

    /** The defaults, for code that has no configuration (unit tests). */
    TicketConfig DEFAULTS = new TicketConfig() {
        @Override
        public Set<String> eventTypes() {
            return Set.of("support");
        }

        @Override
        public String pipeline() {
            return TicketStage.DEFAULT_PIPELINE;
        }

        @Override
        public String stage() {
            return TicketStage.NEW.name();
        }
    };
}
