package io.crmbridge.outbound.queue;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The durable event queue (table raw_event) and its workers. */
@ConfigMapping(prefix = "crmbridge.dispatch")
public interface DispatchConfig {

    /** Milliseconds between polls of the queue (route event-dispatch). */
    @WithDefault("500")
    long period();

    /** Milliseconds after start-up before the first poll. */
    @WithDefault("1000")
    long delay();

    /** Events claimed per poll of the queue. */
    @WithDefault("20")
    int batchSize();

    /** Events processed at the same time by this replica. */
    @WithDefault("4")
    int workers();

    /** How long a claim lasts: events claimed by a worker that died return to the queue after it. */
    @WithDefault("5m")
    Duration lease();

    /** Attempts of one event (each with the CRM call's own redeliveries) before it is dead-lettered. */
    @WithDefault("5")
    int maxAttempts();

    /** Delay before an event's second attempt; doubled for each further attempt, with jitter, up to max-retry-delay. */
    @WithDefault("2s")
    Duration retryDelay();

    @WithDefault("5m")
    Duration maxRetryDelay();
}
