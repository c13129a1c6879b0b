package io.crmbridge.outbound.decide;

import jakarta.enterprise.context.ApplicationScoped;

import io.crmbridge.outbound.SourcesConfig;

/** What a source's events write ({@code crmbridge.sources.<name>.writes}); an unknown source writes everything. */
@ApplicationScoped
public class SourceWrites {

    private final SourcesConfig sources;

    SourceWrites(SourcesConfig sources) {
        this.sources = sources;
    }

    public SourcesConfig.Writes writes(String source) {
        SourcesConfig.Source s = source == null ? null : sources.sources().get(source);
        return s == null ? SourcesConfig.Writes.ALL : s.writes();
    }
}
