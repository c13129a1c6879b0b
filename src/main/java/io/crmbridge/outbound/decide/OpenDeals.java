package io.crmbridge.outbound.decide;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.crmbridge.crm.CrmAnswer;
import io.crmbridge.crm.CrmConnectors;
import io.crmbridge.crm.DealStage;
import io.crmbridge.crm.FieldMap;
import io.crmbridge.crm.RecordReads;
import io.crmbridge.model.ExchangeKeys;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Steps of route {@code crm-deal-search-open}: the contact's associated deals, read in one batch, kept when they are in
 * the target pipeline ({@code crmPipeline}) and not in a closed stage. Contract fields {@code deals.pipeline} and
 * {@code deals.stage} through the connection's field map, so the stage compared is the bridge's {@link DealStage}.
 */
@ApplicationScoped
@Named("openDeals")
public class OpenDeals {

    @ConfigMapping(prefix = "crmbridge.deals")
    public interface DealsConfig {
        /** The bridge's deal stages that count as closed. */
        @WithDefault("WON,LOST")
        Set<DealStage> closedStages();

        /** The pipeline a deal goes to when the event names none. */
        @WithDefault("default")
        String defaultPipeline();
    }

    private final DealsConfig config;
    private final CrmConnectors connectors;

    OpenDeals(DealsConfig config, CrmConnectors connectors) {
        this.config = config;
        this.connectors = connectors;
    }

    /** Association list answer -> batch read inputs [{id}] of the deals, with the deal properties to read. */
    public List<Map<String, Object>> dealIdsAsReadInputs(Exchange exchange) {
        String connection = connectors.connectionOf(exchange);
        Message in = exchange.getMessage();
        in.setHeader(ExchangeKeys.CRM_PROPERTIES, String.join(",", connectors.fieldMap(connection).readProperties("deals")));
        return connectors.links(connection).associatedIds(CrmAnswer.of(in.getBody())).stream()
                .map(id -> Map.<String, Object>of("id", id)).toList();
    }

    /** Batch read answer (or the empty input list) -> the open deals of the target pipeline. */
    public List<Match> openInPipeline(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof List<?>) {
            return List.of();
        }
        String connection = connectors.connectionOf(exchange);
        FieldMap fields = connectors.fieldMap(connection);
        String pipeline = exchange.getMessage().getHeader(ExchangeKeys.CRM_PIPELINE, config.defaultPipeline(), String.class);
        RecordReads reads = connectors.reads(connection);
        return reads.records("deals", CrmAnswer.of(body)).stream()
                .map(deal -> new Match(deal.id(), fields.fromCrm("deals", deal.properties()), null, null,
                        reads.version(deal)))
                .filter(deal -> isOpenIn(deal, fields.property("deals", "pipeline") == null ? null : pipeline))
                .toList();
    }

    /** Open, and in the pipeline unless the CRM keeps none (pipeline null: Clio's matters). */
    private boolean isOpenIn(Match deal, String pipeline) {
        return (pipeline == null || pipeline.equals(String.valueOf(deal.fields().get("pipeline"))))
                && !closed(config, deal.fields().get("stage"));
    }

    /**
     * Whether a deal's stage, read back in the bridge's terms, is a closed one; a CRM value the field map does not
     * name is no stage of the bridge's, so not closed.
     */
    static boolean closed(DealsConfig config, Object stage) {
        return DealStage.of(stage).filter(config.closedStages()::contains).isPresent();
    }
}
