package io.crmbridge.inbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;
import org.apache.camel.component.master.MasterComponent;
import org.apache.camel.model.ModelCamelContext;
import org.jboss.logging.Logger;

import io.crmbridge.connection.ConnectionsConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates one poll route per configured connection object from the route template {@code poll} in
 * routes/inbound-poll.yaml, with the ids docs/architecture.md names ({@code poll-hubspot-contacts}), after giving the
 * {@code master:} component its cluster service: only the leader of {@code poll-<connection>} polls that connection.
 */
@ApplicationScoped
public class PollRoutes {

    /** One poll route. */
    public record Poller(String connection, String object, String routeId, Duration maxStaleness) {
    }

    public static final String TEMPLATE = "poll";
    private static final Logger LOG = Logger.getLogger(PollRoutes.class);

    private final CamelContext camel;
    private final ConnectionsConfig connections;
    private final LeaderElectionConfig leaderElection;
    private final List<Poller> pollers = new ArrayList<>();

    PollRoutes(CamelContext camel, ConnectionsConfig connections, LeaderElectionConfig leaderElection) {
        this.camel = camel;
        this.connections = connections;
        this.leaderElection = leaderElection;
    }

    void onStart(@Observes StartupEvent event) throws Exception {
        if (camel instanceof ModelCamelContext model && model.getRouteTemplateDefinition(TEMPLATE) == null) {
            // The sandbox-only process mode loads no routes: nothing to poll.
            LOG.infof("No route template %s loaded: no poll routes", TEMPLATE);
            return;
        }
        CamelClusterService service = clusterService();
        service.setCamelContext(camel);
        useForMasterEndpoints(service);
        connections.connections().forEach((name, connection) -> connection.objects().forEach(object -> add(name, object, connection.poll())));
        // Started only now that every poll route is in place (a view of a service not yet started does not start, so
        // no lock is taken while routes are added): the lock taken while a route's master consumer was still
        // starting hung start-up (main blocked adding the next route while the view's thread fired the leadership
        // event; seen for 15 s, and once for over two minutes, in the reliability runs).
        camel.addService(service, true, true);
    }

    /** The master component with this service, made here when absent (by lookup, it would want the service added). */
    private void useForMasterEndpoints(CamelClusterService service) {
        long backOff = leaderElection.backOffDelay().toMillis();
        if (camel.hasComponent("master") instanceof MasterComponent existing) {
            existing.setService(service);
            existing.setBackOffDelay(backOff);
            return;
        }
        MasterComponent master = new MasterComponent();
        master.setService(service);
        master.setBackOffDelay(backOff);
        camel.addComponent("master", master);
    }

    public List<Poller> pollers() {
        return List.copyOf(pollers);
    }

    private void add(String connection, String object, ConnectionsConfig.Poll poll) {
        String routeId = "poll-" + connection + "-" + object;
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("connection", connection);
        parameters.put("object", object);
        parameters.put("interval", Long.toString(poll.interval().toMillis()));
        parameters.put("timerName", routeId);
        parameters.put("autoStartup", Boolean.toString(poll.enabled()));
        try {
            camel.addRouteFromTemplate(routeId, TEMPLATE, parameters);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create poll route " + routeId, e);
        }
        pollers.add(new Poller(connection, object, routeId, poll.maxStaleness().orElse(poll.interval().multipliedBy(3))));
        LOG.infof("Poll route %s every %s (settle delay %s, %s)", routeId, poll.interval(), poll.settleDelay(),
                poll.enabled() ? "started" : "not started: crmbridge.connections." + connection + ".poll.enabled=false");
    }

    private CamelClusterService clusterService() {
        if (leaderElection.kind() == LeaderElectionConfig.Kind.KUBERNETES) {
            KubernetesClusterService k8s = new KubernetesClusterService();
            k8s.setId("crm-bridge-kubernetes");
            k8s.setLeaseResourceType(LeaseResourceType.Lease);
            k8s.setKubernetesResourceName(leaderElection.leasePrefix());
            leaderElection.namespace().ifPresent(k8s::setKubernetesNamespace);
            k8s.setPodName(leaderElection.podName().orElse(System.getenv("HOSTNAME")));
            String[] label = leaderElection.podLabel().split("=", 2);
            k8s.setClusterLabels(Map.of(label[0], label.length > 1 ? label[1] : ""));
            k8s.setLeaseDurationMillis(leaderElection.leaseDuration().toMillis());
            k8s.setRenewDeadlineMillis(leaderElection.renewDeadline().toMillis());
            k8s.setRetryPeriodMillis(leaderElection.retryPeriod().toMillis());
            return k8s;
        }
        FileLockClusterService file = new FileLockClusterService();
        file.setId("crm-bridge-file");
        file.setRoot(leaderElection.fileRoot());
        file.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        file.setAcquireLockInterval(leaderElection.fileAcquireInterval().toMillis(), TimeUnit.MILLISECONDS);
        return file;
    }
}
