package io.crmbridge.outbound.queue;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The durable event queue (table raw_event) and its workers. */
@ConfigMapping(prefix = "crmbridge.dispatch")
public interface DispatchConfig {

    /**
     * Milliseconds between polls of the queue. Read by route {@code event-dispatch} as the placeholder
     * {@code {{crmbridge.dispatch.period}}}, not from Java: declared here so that its default lives in one place and a
     * mistyped key under {@code crmbridge.dispatch} fails the start-up.
     */
    @WithDefault("500")
    long period();

    /** Milliseconds after start-up before the first poll ({@code {{crmbridge.dispatch.delay}}} in event-dispatch). */
    @WithDefault("1000")
    long delay();

    /**
     * Events claimed per poll of the queue at most, and so the most events whose CRM calls share one batch call: the
     * bulk path's group size (crmbridge.bulk.max-size). A claim takes whatever is queued up to this, so a lone event
     * goes alone and a backlog goes in groups of this many. Never more than the workers free to begin them at once.
     */
    @WithDefault("100")
    int batchSize();

    /**
     * Events processed at the same time by this replica: threads that spend their time waiting for a grouped CRM
     * answer or the database, so sized for a full claim (batch-size), not for the cores. Each takes a database
     * connection only for a statement at a time (quarkus.datasource.jdbc.max-size, 60, serves 100).
     */
    @WithDefault("100")
    int workers();

    /**
     * A claim that found fewer than batch-size events, made while earlier events were in progress, waits up to this
     * long for more while events keep arriving at this replica (a burst still being posted), so that they go through
     * the bulk path's grouped calls together instead of in many small groups. An event arriving at an idle queue
     * never waits for it; under steady traffic a claim waits at most this long to fill. 0s turns it off.
     */
    @WithDefault("3s")
    Duration fillWait();

    /** The fill stops as soon as no event arrived for this long: the burst is over. */
    @WithDefault("200ms")
    Duration fillQuiet();

    /**
     * How long a claim lasts unless renewed: this replica renews its claims every lease-renew-period while it works
     * on them, so the events of a replica that died return to the queue within this time.
     */
    @WithDefault("15s")
    Duration lease();

    /** Milliseconds between lease renewals (route lease-renew); well under the lease. */
    @WithDefault("5000")
    long leaseRenewPeriod();

    /**
     * This replica's stable name in {@code raw_event.claimed_by}; a restarted replica takes back its own claims at
     * once instead of waiting for their lease. Default: the host name (the pod name in Kubernetes). Two processes
     * running at the same time must not share one. Read by name in {@code io.crmbridge.ops.ProcessRun}, below the
     * queue.
     */
    Optional<String> instanceId();

    /**
     * An event begun this many times without an outcome (its worker kept dying) is dead-lettered. An attempt counts
     * when a worker begins the event: a claim taken back before any worker began it uses none.
     */
    @WithDefault("10")
    int maxClaims();

    /** How often an event waiting for a connection's new credentials is looked at again. */
    @WithDefault("30s")
    Duration reauthRecheck();

    /** An event whose keys another event holds goes back to the queue for this long (no attempt used). */
    @WithDefault("1s")
    Duration busyKeyDelay();

    /** Operator alert QUEUE_BACKLOG when the oldest waiting event is older than this. */
    @WithDefault("10m")
    Duration backlogAlertAge();

    /** Milliseconds between backlog samples (route queue-backlog): the gauges and the backlog alerts. */
    @WithDefault("10000")
    long backlogSamplePeriod();

    /** Operator alert QUEUE_GROWING when the unfinished depth grew at each of this many samples in a row (0: off). */
    @WithDefault("30")
    int backlogGrowthSamples();

    /** Attempts of one event (each with the CRM call's own redeliveries) before it is dead-lettered. */
    @WithDefault("5")
    int maxAttempts();

    /** Delay before an event's second attempt; doubled for each further attempt, with jitter, up to max-retry-delay. */
    @WithDefault("2s")
    Duration retryDelay();

    @WithDefault("5m")
    Duration maxRetryDelay();
}
