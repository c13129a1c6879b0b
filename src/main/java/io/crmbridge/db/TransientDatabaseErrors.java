package io.crmbridge.db;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Which database failures are worth retrying: the connection or the server went away (SQLSTATE class 08, 57P01-03),
 * a serialization failure or deadlock (40001, 40P01), a lock or statement timeout (55P03, 57014), no resources
 * (class 53), and the pool giving up waiting for a connection. A constraint violation or bad data (class 22, 23) is
 * not: running it again fails the same way.
 */
public final class TransientDatabaseErrors {

    private static final Set<String> STATES = Set.of("40001", "40P01", "55P03", "57014", "57P01", "57P02", "57P03");

    private TransientDatabaseErrors() {
    }

    /** True when {@code error} or one of its causes is a transient database failure. */
    public static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransient(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // Agroal's pool timeout ("Sorry, acquisition timeout!") and driver I/O failures carry no SQLSTATE.
            String message = String.valueOf(sql.getMessage()).toLowerCase(java.util.Locale.ROOT);
            return message.contains("acquisition timeout") || message.contains("i/o error");
        }
        return state.startsWith("08") || state.startsWith("53") || STATES.contains(state);
    }
}
