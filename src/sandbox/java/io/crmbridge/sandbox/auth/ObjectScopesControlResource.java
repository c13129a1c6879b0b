package io.crmbridge.sandbox.auth;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.crmbridge.sandbox.SandboxPaths;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Control endpoint: the object types the token has no scope for ({@code {"deniedObjectTypes":["tasks"]}}). */
@Path(SandboxPaths.CONTROL + "/scopes")
@Produces(MediaType.APPLICATION_JSON)
public class ObjectScopesControlResource {

    @RegisterForReflection
    public record Scopes(List<String> deniedObjectTypes) {
    }

    private final ObjectScopes scopes;

    ObjectScopesControlResource(ObjectScopes scopes) {
        this.scopes = scopes;
    }

    @GET
    public Scopes get() {
        Set<String> denied = scopes.denied();
        return new Scopes(List.copyOf(denied));
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @PUT
    public Scopes change(Scopes change) {
        scopes.deny(change == null ? null : change.deniedObjectTypes());
        return get();
    }

    @DELETE
    public Scopes reset() {
        scopes.deny(null);
        return get();
    }
}
