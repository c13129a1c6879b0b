package io.crmbridge.outbound.decide;

import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Support events become tickets (contract event type {@code support}): which types, and where a new ticket goes. */
@ConfigMapping(prefix = "crmbridge.tickets")
public interface TicketConfig {

    /** Event types that open (or update) a ticket. */
    @WithDefault("support")
    Set<String> eventTypes();

    /** The pipeline of a new ticket (HubSpot's default support pipeline is "0"). */
    @WithDefault("0")
    String pipeline();

    /** The stage of a new ticket (HubSpot's default pipeline: "1", New). */
    @WithDefault("1")
    String stage();

    /** The defaults, for code that has no configuration (unit tests). */
    TicketConfig DEFAULTS = new TicketConfig() {
        @Override
        public Set<String> eventTypes() {
            return Set.of("support");
        }

        @Override
        public String pipeline() {
            return "0";
        }

        @Override
        public String stage() {
            return "1";
        }
    };
}
