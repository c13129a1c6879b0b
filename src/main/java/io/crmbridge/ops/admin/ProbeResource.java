package io.crmbridge.ops.admin;

import java.util.NoSuchElementException;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.crmbridge.connection.CrmConnections;
import io.crmbridge.probe.ContractProbe;
import io.crmbridge.probe.ProbeReport;

/**
 * {@code POST /admin/connections/{name}/probe}: the contract probe of one connection (read only; it refreshes the
 * connection's token like any refresh and keeps a rotated refresh token). A POST because it calls the CRM and its
 * token endpoint each time, not because it writes to the CRM.
 */
@Path("/admin/connections/{name}/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    private final CrmConnections connections;
    private final ContractProbe probe;

    ProbeResource(CrmConnections connections, ContractProbe probe) {
        this.connections = connections;
        this.probe = probe;
    }

    @POST
    public ProbeReport probe(@PathParam("name") String name) {
        if (!connections.names().contains(name)) {
            throw new NotFoundException("no connection named " + name);
        }
        try {
            return probe.probe(name);
        } catch (NoSuchElementException e) {
            throw new NotFoundException(e.getMessage());
        }
    }
}
