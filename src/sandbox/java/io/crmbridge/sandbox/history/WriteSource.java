package io.crmbridge.sandbox.history;

import java.util.function.Supplier;

/**
 * Who made a write, as HubSpot reports it in a property's history ({@code sourceType}, {@code sourceId},
 * {@code updatedByUserId}). API calls (OAuth access token or private-app token) are {@code INTEGRATION} with the
 * app's id; the sandbox's human-edit controls run as {@code CRM_UI} with a user id; seeded and inserted records are
 * {@code IMPORT}. The source of the write in progress is held per thread: a control endpoint runs its write inside
 * {@link #run}, everything else is an API call.
 */
public record WriteSource(String sourceType, String sourceId, Integer userId) {

    public static final String INTEGRATION = "INTEGRATION";
    public static final String CRM_UI = "CRM_UI";
    public static final String IMPORT = "IMPORT";
    public static final String CALCULATED = "CALCULATED";

    private static final ThreadLocal<WriteSource> CURRENT = new ThreadLocal<>();

    public static WriteSource crmUi(int userId) {
        return new WriteSource(CRM_UI, "userId:" + userId, userId);
    }

    /** The source set by {@link #run} on this thread, or null inside an ordinary API call. */
    static WriteSource current() {
        return CURRENT.get();
    }

    /** Runs {@code write} with {@code source} as the source of every property change it makes. */
    public static <T> T run(WriteSource source, Supplier<T> write) {
        WriteSource outer = CURRENT.get();
        CURRENT.set(source);
        try {
            return write.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }
}
