package io.crmbridge.ops;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who holds what this process claims and locks: the replica's stable name ({@code crmbridge.dispatch.instance-id},
 * default the host name, which is the pod name in Kubernetes) and this run of it ({@code <instance>/<uuid>}). A
 * restarted replica recognises the claims and key leases of its earlier runs by the instance part and takes them back
 * at once instead of waiting for their leases: the run that held them is dead. Two processes running at the same time
 * must not share an instance name.
 */
@ApplicationScoped
public class ProcessRun {

    private final String instance;
    private final String run;

    /**
     * The setting is declared (and documented) with the queue's settings, {@code DispatchConfig.instanceId()}; read
     * here by its name, so that the process's name does not depend on the queue that uses it.
     */
    ProcessRun(@ConfigProperty(name = "crmbridge.dispatch.instance-id") Optional<String> instanceId) {
        this.instance = instanceId.filter(s -> !s.isBlank()).orElseGet(ProcessRun::hostName);
        this.run = instance + "/" + UUID.randomUUID();
    }

    /** This replica's stable name. */
    public String instance() {
        return instance;
    }

    /** This process run's name: {@code <instance>/<uuid>}. */
    public String run() {
        return run;
    }

    /** A LIKE pattern matching every run of this instance (escape character: backslash). */
    public String everyRunPattern() {
        return instance.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
