package io.crmbridge.crm.hubspot;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Steps of route {@code crm-deal-search-open}: the contact's associated deals, read in one batch, kept when they are in
 * the target pipeline ({@code crmPipeline}) and not in a closed stage.
 */
@ApplicationScoped
@Named("openDeals")
public class OpenDeals {

    @ConfigMapping(prefix = "crmbridge.deals")
    public interface DealsConfig {
        /** Deal stages that count as closed (HubSpot's default pipeline: closedwon, closedlost). */
        @WithDefault("closedwon,closedlost")
        Set<String> closedStages();

        /** The pipeline a deal goes to when the event names none. */
        @WithDefault("default")
        String defaultPipeline();
    }

    private final DealsConfig config;

    OpenDeals(DealsConfig config) {
        this.config = config;
    }

    /** v4 association list answer -> batch read inputs [{id}]. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> dealIdsAsReadInputs(Map<String, Object> associations) {
        List<Map<String, Object>> results = associations == null ? List.of()
                : (List<Map<String, Object>>) associations.getOrDefault("results", List.of());
        return results.stream().map(r -> Map.<String, Object>of("id", String.valueOf(r.get("toObjectId")))).toList();
    }

    /** Batch read answer (or the empty input list) -> the open deals of the target pipeline, as SimplePublicObjects. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> openInPipeline(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (!(body instanceof Map<?, ?> batch)) {
            return List.of();
        }
        String pipeline = exchange.getMessage().getHeader("crmPipeline", config.defaultPipeline(), String.class);
        List<Map<String, Object>> deals = (List<Map<String, Object>>) batch.get("results");
        return deals == null ? List.of() : deals.stream().filter(deal -> isOpenIn(deal, pipeline)).toList();
    }

    @SuppressWarnings("unchecked")
    private boolean isOpenIn(Map<String, Object> deal, String pipeline) {
        Map<String, Object> properties = (Map<String, Object>) deal.getOrDefault("properties", Map.of());
        return pipeline.equals(properties.get("pipeline")) && !config.closedStages().contains(properties.get("dealstage"));
    }
}
