package io.crmbridge.sandbox.associations;

import io.crmbridge.sandbox.objects.ObjectType;

/**
 * One HubSpot-defined association type: from one object type to another, its id, its label (null when unlabeled)
 * and the id of the same association seen from the other side.
 */
public record AssociationDefinition(ObjectType from, ObjectType to, int typeId, String label, int inverseTypeId) {

    public static final String CATEGORY = "HUBSPOT_DEFINED";
}
