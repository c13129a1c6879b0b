package io.crmbridge.inbound;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which replica polls (Camel {@code master:} endpoints): {@code crmbridge.leader-election.*}. {@code file} holds a file
 * lock under {@code file-root} (one machine, or a shared volume); {@code kubernetes} holds a Lease per connection in the
 * pod's namespace (see kubernetes/leader-election-rbac.yaml).
 */
@ConfigMapping(prefix = "crmbridge.leader-election")
public interface LeaderElectionConfig {

    /** {@code file} or {@code kubernetes}; anything else fails the start-up. */
    @WithDefault("file")
    Kind kind();

    /** Directory of the lock files (kind file). */
    @WithDefault(".crm-bridge/cluster")
    String fileRoot();

    /** How often a non-leader tries to take the lock (kind file). */
    @WithDefault("10s")
    Duration fileAcquireInterval();

    /**
     * Camel's {@code master:} back-off delay: after the leadership is taken, the leader's poll routes start one after
     * another this far apart (and a start that fails is tried again after it).
     */
    @WithDefault("5s")
    Duration backOffDelay();

    /** Lease names are {@code <lease-prefix>-poll-<connection>} (kind kubernetes). */
    @WithDefault("crm-bridge")
    String leasePrefix();

    /** The namespace of the Leases; default: the pod's own (service account namespace). */
    Optional<String> namespace();

    /** This pod's name; default: the HOSTNAME environment variable, which Kubernetes sets to it. */
    Optional<String> podName();

    /** The label (name=value) of this deployment's pods: the members of the election. */
    @WithDefault("app.kubernetes.io/name=crm-bridge")
    String podLabel();

    @WithDefault("15s")
    Duration leaseDuration();

    @WithDefault("10s")
    Duration renewDeadline();

    @WithDefault("2s")
    Duration retryPeriod();

    /** How the replicas elect the one that polls. */
    enum Kind {
        /** A file lock under {@code file-root}: one machine, or a volume every replica shares. */
        FILE,
        /** A Kubernetes Lease per connection. */
        KUBERNETES
    }
}
