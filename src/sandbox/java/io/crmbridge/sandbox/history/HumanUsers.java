package io.crmbridge.sandbox.history;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.crmbridge.sandbox.owners.Owner;
import io.crmbridge.sandbox.owners.OwnerStore;

/** The people a simulated human edit is made by: the user ids of the account's active owners. */
@ApplicationScoped
public class HumanUsers {

    private final OwnerStore owners;

    @Inject
    public HumanUsers(OwnerStore owners) {
        this.owners = owners;
    }

    public List<Integer> userIds() {
        return owners.all().stream().filter(o -> !o.archived()).map(Owner::userId).filter(Objects::nonNull).toList();
    }

    /** {@code requested} if given, else the first active owner's user id. */
    public WriteSource source(Integer requested) {
        if (requested != null) {
            return WriteSource.crmUi(requested);
        }
        List<Integer> ids = userIds();
        return WriteSource.crmUi(ids.isEmpty() ? 0 : ids.get(0));
    }

    public WriteSource random(RandomGenerator random) {
        List<Integer> ids = userIds();
        return WriteSource.crmUi(ids.isEmpty() ? 0 : ids.get(random.nextInt(ids.size())));
    }
}
