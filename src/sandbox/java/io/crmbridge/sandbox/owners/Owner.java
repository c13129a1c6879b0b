package io.crmbridge.sandbox.owners;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * HubSpot's {@code PublicOwner}. An archived owner is how a deactivated user looks: {@code archived} true, no
 * {@code userId}, the former user id still in {@code userIdIncludingInactive}.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Owner(String id, String email, String type, String firstName, String lastName, Integer userId,
        Integer userIdIncludingInactive, String createdAt, String updatedAt, boolean archived, List<Team> teams) {

    /** HubSpot's {@code PublicTeam}. */
    @RegisterForReflection
    public record Team(String id, String name, boolean primary) {
    }

    Owner archive(String now) {
        return new Owner(id, email, type, firstName, lastName, null, userIdIncludingInactive, createdAt, now, true, teams);
    }

    long numericId() {
        return Long.parseLong(id);
    }
}
