package io.crmbridge.sandbox.owners;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of {@code POST /sandbox/hubspot/_sandbox/owners}: a new active owner (ids are assigned). */
@RegisterForReflection
public record NewOwner(String email, String firstName, String lastName, List<Owner.Team> teams) {
}
