package io.crmbridge.sandbox.objects;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sandbox's search index at start-up; changed at run time through {@code _sandbox/search/index-lag}. */
@ConfigMapping(prefix = "crmbridge.sandbox.search")
public interface SearchIndexConfig {

    /**
     * How long a created or updated record stays invisible (new) or shows its old values (updated) to
     * {@code POST /crm/v3/objects/{type}/search}, as HubSpot's search index lags its writes by seconds. Reads by id,
     * by {@code idProperty} and batch reads are never lagged. 0 turns the lag off.
     */
    @WithDefault("0s")
    Duration indexLag();
}
