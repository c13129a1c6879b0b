package io.crmbridge.sandbox.objects;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

/** The search index lag in force (see {@link SearchIndexConfig}); 0 means search sees every write at once. */
@ApplicationScoped
public class SearchIndexLag {

    private final Duration configured;
    private volatile Duration lag;

    SearchIndexLag(SearchIndexConfig config) {
        this.configured = config.indexLag();
        this.lag = configured;
    }

    public Duration lag() {
        return lag;
    }

    void set(Duration lag) {
        if (lag.isNegative()) {
            throw new IllegalArgumentException("the index lag must not be negative");
        }
        this.lag = lag;
    }

    Duration configured() {
        return configured;
    }
}
