package io.crmbridge.sandbox.associations;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The associations v4 shapes the sandbox reads and writes, named as in HubSpot's spec. */
public final class AssociationJson {

    private AssociationJson() {
    }

    @RegisterForReflection
    public record ObjectId(String id) {
    }

    /** {@code AssociationSpec}. */
    @RegisterForReflection
    public record Spec(String associationCategory, Integer associationTypeId) {
    }

    /** {@code AssociationSpecWithLabel}. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SpecWithLabel(String category, int typeId, String label) {
    }

    /** {@code MultiAssociatedObjectWithLabel}. */
    @RegisterForReflection
    public record AssociatedObject(String toObjectId, List<SpecWithLabel> associationTypes) {
    }

    /** {@code PublicDefaultAssociation}. */
    @RegisterForReflection
    public record DefaultAssociation(ObjectId from, ObjectId to, Spec associationSpec) {
    }

    /** {@code LabelsBetweenObjectPair}. */
    @RegisterForReflection
    public record LabelsBetweenObjectPair(String fromObjectTypeId, String fromObjectId, String toObjectTypeId,
            String toObjectId, List<String> labels) {
    }

    /** {@code PublicAssociationMultiWithLabel}: the associations of one record in a batch read. */
    @RegisterForReflection
    public record MultiWithLabel(ObjectId from, List<AssociatedObject> to) {
    }

    /** One input of batch create ({@code types}), associate default (no types) or read ({@code id}, {@code after}). */
    @RegisterForReflection
    public record BatchItem(ObjectId from, ObjectId to, List<Spec> types, String id, String after) {
    }

    @RegisterForReflection
    public record BatchBody(List<BatchItem> inputs) {
    }
}
