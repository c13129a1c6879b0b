package io.crmbridge.connection;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SharedConnectionState} in memory with the same rules as table {@code connection_state}, for unit tests. */
final class InMemoryConnectionState implements SharedConnectionState {

    private final Map<String, View> rows = new ConcurrentHashMap<>();

    @Override
    public synchronized View read(String connection) {
        return rows.getOrDefault(connection, View.NEW);
    }

    @Override
    public synchronized boolean markNeedsReauth(String connection, String reason, long failedVersion) {
        View row = read(connection);
        if (row.needsReauth() || row.credentialsVersion() > failedVersion) {
            return false;
        }
        rows.put(connection, new View(reason, row.credentialsVersion(), row.refreshToken(), row.refreshCount()));
        return true;
    }

    @Override
    public synchronized long reauthorize(String connection, String refreshTokenOrNull) {
        View row = read(connection);
        long version = row.credentialsVersion() + 1;
        rows.put(connection, new View(null, version, refreshTokenOrNull != null ? refreshTokenOrNull : row.refreshToken(),
                row.refreshCount()));
        return version;
    }

    @Override
    public synchronized void recordRefresh(String connection, Instant expiresAt, String refreshToken) {
        View row = read(connection);
        rows.put(connection, new View(row.reauthReason(), row.credentialsVersion(),
                refreshToken != null ? refreshToken : row.refreshToken(), row.refreshCount() + 1));
    }
}
