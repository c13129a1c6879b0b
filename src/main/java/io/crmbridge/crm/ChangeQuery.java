package io.crmbridge.crm;

import java.time.Instant;
import java.util.List;

/**
 * One page of "what changed since my watermark?", in one of two shapes (docs/architecture.md, "Poll"):
 * <ul>
 * <li>{@link Mode#FORWARD}: records modified strictly after {@code at} (null: from the beginning) and strictly before
 * {@code settledBefore} (null: no bound), oldest first by modification time. Records sharing one modification time
 * come in no promised order.</li>
 * <li>{@link Mode#TIE_GROUP}: the records modified exactly at {@code at} whose id is above {@code afterId} (null: all
 * of them), in ascending id order: a total order, so a tie group of any size is paged without gaps.</li>
 * </ul>
 * {@code properties} are the CRM properties to return. A CRM that cannot filter by id pages a tie group by its own
 * next-page token ({@code pageToken}); the poll then keeps only the group's records above {@code afterId}.
 */
public record ChangeQuery(String object, Mode mode, Instant at, String afterId, Instant settledBefore, int limit,
        List<String> properties, String pageToken) {

    public ChangeQuery(String object, Mode mode, Instant at, String afterId, Instant settledBefore, int limit,
            List<String> properties) {
        this(object, mode, at, afterId, settledBefore, limit, properties, null);
    }

    /**
     * The same query continued from the CRM's own next-page token of the previous answer (for a CRM that pages a tie
     * group by token, {@link CrmConnector#pagesTieGroupsByToken()}); null: from the start.
     */
    public ChangeQuery withPageToken(String token) {
        return new ChangeQuery(object, mode, at, afterId, settledBefore, limit, properties, token);
    }

    public enum Mode {
        FORWARD, TIE_GROUP
    }

    public static ChangeQuery forward(String object, Instant after, Instant settledBefore, int limit,
            List<String> properties) {
        return new ChangeQuery(object, Mode.FORWARD, after, null, settledBefore, limit, properties);
    }

    public static ChangeQuery tieGroup(String object, Instant at, String afterId, int limit, List<String> properties) {
        if (at == null) {
            throw new IllegalArgumentException("a tie group needs its modification time");
        }
        return new ChangeQuery(object, Mode.TIE_GROUP, at, afterId, null, limit, properties);
    }
}
