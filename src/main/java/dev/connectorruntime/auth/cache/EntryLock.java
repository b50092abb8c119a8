package dev.connectorruntime.auth.cache;

import dev.connectorruntime.auth.Warnings;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The lock of one cache entry: an in-process lock, then an OS lock on a separate {@code <entry>.lock} file. Two
 * layers, because {@code FileChannel.lock} twice in one JVM throws {@code OverlappingFileLockException}, and a
 * separate file, because a lock on the entry itself would be lost with the old inode when the entry is atomically
 * replaced. The lock file is never deleted. Waits are bounded: past the bound the work goes on without the lock,
 * costing at worst one extra token request. Advisory locks on NFS and non-POSIX file systems may not exclude
 * other machines or may not exist: there, processes may each ask the token endpoint.
 */
final class EntryLock {

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 25;

    private EntryLock() {
    }

    static <T> T run(Path lockFile, FileAttribute<?>[] fileMode, Duration wait, Warnings warnings, Supplier<T> work) {
        long deadline = System.nanoTime() + wait.toNanos();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath().normalize(),
                p -> new ReentrantLock());
        boolean locked;
        try {
            locked = local.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            throw interrupted();
        }
        if (!locked) {
            // the holder is a thread of this process: an OS lock would throw OverlappingFileLockException
            warnings.warn(waited(wait, lockFile));
            return work.get();
        }
        try {
            FileChannel channel = null;
            FileLock os = null;
            try {
                channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                        fileMode);
                os = acquire(channel, deadline);
                if (os == null) {
                    warnings.warn(waited(wait, lockFile));
                }
            } catch (IOException | UnsupportedOperationException | OverlappingFileLockException e) {
                warnings.warn("cannot lock " + lockFile + " (" + e.getMessage()
                        + "); going on without it: another process may ask for a token at the same time");
            }
            try {
                return work.get();
            } finally {
                close(os, channel);
            }
        } finally {
            local.unlock();
        }
    }

    private static String waited(Duration wait, Path lockFile) {
        String waited = wait.toMillis() < 1000 ? wait.toMillis() + " ms" : wait.toSeconds() + " s";
        return "waited " + waited + " for the token cache lock " + lockFile
                + " held by another request; going on without it";
    }

    private static FileLock acquire(FileChannel channel, long deadline) throws IOException {
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() - deadline >= 0) {
                return null;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                throw interrupted();
            }
        }
    }

    private static void close(FileLock lock, FileChannel channel) {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException e) {
            // closing the channel below releases it as well
        }
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // nothing was written to the lock file
        }
    }

    private static Failure interrupted() {
        Thread.currentThread().interrupt();
        return Failure.of(Kind.INTERRUPTED, "interrupted while waiting for the token cache lock").build();
    }
}
