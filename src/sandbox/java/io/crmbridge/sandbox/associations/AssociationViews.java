package io.crmbridge.sandbox.associations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.crmbridge.sandbox.objects.ObjectType;

/** Renders stored association type ids in the v4 shapes. */
final class AssociationViews {

    private AssociationViews() {
    }

    static List<AssociationJson.AssociatedObject> associated(Map<Long, Set<Integer>> byId) {
        List<AssociationJson.AssociatedObject> out = new ArrayList<>();
        byId.forEach((id, types) -> out.add(new AssociationJson.AssociatedObject(Long.toString(id), specs(types))));
        return out;
    }

    static List<AssociationJson.SpecWithLabel> specs(Set<Integer> typeIds) {
        List<AssociationJson.SpecWithLabel> specs = new ArrayList<>();
        for (int typeId : typeIds) {
            String label = AssociationCatalog.byId(typeId).map(AssociationDefinition::label).orElse(null);
            specs.add(new AssociationJson.SpecWithLabel(AssociationDefinition.CATEGORY, typeId, label));
        }
        return specs;
    }

    static AssociationJson.LabelsBetweenObjectPair pair(ObjectType from, long fromId, ObjectType to, long toId,
            Set<Integer> typeIds) {
        List<String> labels = new ArrayList<>();
        for (int typeId : typeIds) {
            AssociationCatalog.byId(typeId).map(AssociationDefinition::label).filter(l -> !labels.contains(l))
                    .ifPresent(labels::add);
        }
        return new AssociationJson.LabelsBetweenObjectPair(from.typeId(), Long.toString(fromId), to.typeId(),
                Long.toString(toId), labels);
    }

    static AssociationJson.DefaultAssociation defaultAssociation(long fromId, long toId, AssociationDefinition d) {
        return new AssociationJson.DefaultAssociation(new AssociationJson.ObjectId(Long.toString(fromId)),
                new AssociationJson.ObjectId(Long.toString(toId)),
                new AssociationJson.Spec(AssociationDefinition.CATEGORY, d.typeId()));
    }
}
