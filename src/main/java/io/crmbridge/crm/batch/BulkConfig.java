package io.crmbridge.crm.batch;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The bulk path: the batchable CRM calls of the events in flight (upsert by key, read by key,
 * search by one value, default association) are grouped per connection, operation and object into one batch call.
 */
@ConfigMapping(prefix = "crmbridge.bulk")
public interface BulkConfig {

    /** Inputs one grouped call takes at most (1 turns grouping off: one call per event, as before). */
    @WithDefault("100")
    int maxSize();

    /**
     * How long the first call of a group waits for others at most. A full group goes at once, and so do all open
     * groups as soon as every event of the claims in progress is waiting for an answer (nobody else can join): a lone
     * event never waits. The window only bounds the wait for an event of the claim that is slow to reach the stage
     * (its database steps on a busy machine take seconds, or it waits out a retry): long enough that a claim of 100
     * still moves through its stages as one group.
     */
    @WithDefault("5s")
    Duration window();

    /**
     * A group also goes when no call has joined it for this long (default: the window, i.e. off). Short quiet times
     * split groups when the events of a claim reach a stage unevenly (their database steps before it take a while).
     */
    java.util.Optional<Duration> quiet();

    /** How long a worker waits for its group's answer before it gives up (a retryable failure). */
    @WithDefault("2m")
    Duration answerTimeout();
}
