package io.crmbridge.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Who owns an embedded PostgreSQL data directory: an OS file lock on {@code <data-dir>.lock}, held for as long as this
 * process runs its server. The operating system drops it when the process dies (kill -9 included), so a second
 * application started on the same directory is refused while the first is alive, and a postmaster found running
 * without a live owner is an orphan.
 */
final class DataDirLock {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the directory or throws {@link IllegalStateException} naming it when another process (or server) has it. */
    static DataDirLock acquire(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolveSibling(dataDir.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this JVM already: another server here owns the directory
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("Embedded PostgreSQL data directory " + dataDir + " is in use by another running "
                    + "crm-bridge (lock " + lockFile + "). Stop that process, or give this one its own "
                    + "crmbridge.embedded-postgres.data-dir, or point quarkus.datasource.jdbc.url at a shared PostgreSQL.");
        }
        return new DataDirLock(channel, lock);
    }

    void release() {
        try (channel) {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases the lock
        }
    }
}
