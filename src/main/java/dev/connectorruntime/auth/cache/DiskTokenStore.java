package dev.connectorruntime.auth.cache;

import dev.connectorruntime.load.CacheDirectory;
import dev.connectorruntime.auth.Token;
import dev.connectorruntime.auth.TokenEntry;
import dev.connectorruntime.auth.TokenStore;
import dev.connectorruntime.auth.Warnings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The token cache on disk (SPEC §6): one encrypted file per connector and credential set in the cache directory's
 * {@code tokens/} folder ({@link EntryCipher} has the format), written to a 0600 temporary file and moved into place
 * atomically, in 0700 folders. A file another user could read is ignored, with one warning. Every failure to read
 * is a miss and every failure to write a warning: the cache may make a run cheaper, never make it fail.
 */
public final class DiskTokenStore implements TokenStore {

    /** What is kept on disk. */
    public enum Mode {
        /** Access and refresh tokens: the default. */
        ALL,
        /** {@code --no-token-cache}: only a rotated refresh token, since losing it loses access. */
        REFRESH_TOKENS_ONLY
    }

    /** How long to wait for another process's token request before going on without the lock. */
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);

    private static final long MAX_FILE_BYTES = 64 * 1024;
    private static final Pattern ENTRY = Pattern.compile("[a-z][a-z0-9_-]*-[0-9a-f]{32}");
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OTHERS = EnumSet.complementOf(EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));

    private final Path dir;
    private final Mode mode;
    private final Warnings warnings;
    private final Duration lockWait;
    private final boolean posix;
    /** Made on the first write: a run that only reads its token never pays for seeding it. */
    private SecureRandom random;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private volatile boolean unusable;

    /** @param dir the {@code tokens/} folder; created on the first write */
    public DiskTokenStore(Path dir, Mode mode, Warnings warnings, Duration lockWait) {
        this.dir = dir;
        this.mode = mode;
        this.warnings = warnings;
        this.lockWait = lockWait;
        this.posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** The store in the cache directory this environment names ({@link CacheDirectory}). */
    public static DiskTokenStore open(Map<String, String> env, Mode mode, Warnings warnings) {
        return new DiskTokenStore(CacheDirectory.tokens(env, Path.of(System.getProperty("user.home"))), mode,
                warnings, DEFAULT_LOCK_WAIT);
    }

    /** The {@code tokens/} folder. */
    public Path directory() {
        return dir;
    }

    @Override
    public String location() {
        return dir.toString();
    }

    private synchronized SecureRandom random() {
        if (random == null) {
            random = new SecureRandom();
        }
        return random;
    }

    /** The file of one entry, whether or not it exists. */
    public Path file(TokenEntry entry) {
        return dir.resolve(entry.name());
    }

    @Override
    public Token load(TokenEntry entry) {
        Path file = file(entry);
        if (!Files.isDirectory(dir)) {
            return null;
        }
        byte[] bytes;
        try {
            BasicFileAttributes attributes = posix
                    ? Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    : Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                warnOnce(file, "ignoring the token cache entry " + file + ": it is not a regular file");
                return null;
            }
            if (attributes instanceof PosixFileAttributes p && !Collections.disjoint(p.permissions(), OTHERS)) {
                warnOnce(file, "ignoring the token cache file " + file + ": its mode is "
                        + PosixFilePermissions.toString(p.permissions()) + ", so other users may read it"
                        + " (expected rw-------); a new token will replace it");
                return null;
            }
            if (attributes.size() > MAX_FILE_BYTES) {
                return null;
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            warnOnce(file, "cannot read the token cache file " + file + " (" + e.getMessage() + ")");
            return null;
        }
        Token token = EntryCipher.open(entry, bytes);
        if (token == null || mode == Mode.ALL) {
            return token;
        }
        return token.refreshToken() == null ? null : token.refreshTokenOnly();
    }

    @Override
    public void save(TokenEntry entry, Token token, boolean rotated) {
        if (mode == Mode.REFRESH_TOKENS_ONLY && !rotated) {
            return;
        }
        Token kept = mode == Mode.ALL ? token : token.refreshTokenOnly();
        Path file = file(entry);
        if (unusable && !rotated) {
            return; // said once already
        }
        Path temp = null;
        try {
            createDirectories();
            temp = Files.createTempFile(dir, "." + entry.name() + ".", ".tmp", fileMode());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(EntryCipher.seal(entry, kept, random()));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException | UnsupportedOperationException e) {
            warnings.warn("cannot save the token in " + file + " (" + e.getMessage() + ")"
                    + (rotated ? ": the new refresh token is kept in memory only, and the next run may need a new"
                    + " one" : ""));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // a stray temporary file holds only ciphertext
                }
            }
        }
    }

    @Override
    public <T> T locked(TokenEntry entry, Supplier<T> work) {
        try {
            createDirectories();
        } catch (IOException | UnsupportedOperationException e) {
            if (!unusable) {
                unusable = true;
                warnings.warn("cannot create the token cache folder " + dir + " (" + e.getMessage()
                        + "); tokens are kept in memory only");
            }
            return work.get();
        }
        return EntryLock.run(dir.resolve(entry.name() + ".lock"), fileMode(), lockWait, warnings, work);
    }

    /**
     * Deletes the cached tokens of one connector, or of all ({@code connector == null}); returns how many. Lock files
     * stay: they hold nothing, and deleting one another process holds would let a third take the lock too.
     */
    @Override
    public int clear(String connector) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        Pattern names = connector == null ? ENTRY : Pattern.compile(Pattern.quote(connector) + "-[0-9a-f]{32}");
        int count = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (names.matcher(f.getFileName().toString()).matches() && Files.deleteIfExists(f)) {
                    count++;
                }
            }
        } catch (IOException e) {
            warnings.warn("cannot clear the token cache in " + dir + " (" + e.getMessage() + ")");
        }
        return count;
    }

    private void createDirectories() throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(EnumSet.of(
                            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.OWNER_EXECUTE))}
                    : new FileAttribute<?>[0]);
        }
    }

    private FileAttribute<?>[] fileMode() {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private void warnOnce(Path file, String message) {
        if (warned.add(file.toString())) {
            warnings.warn(message);
        }
    }

    @Override
    public String toString() {
        return "DiskTokenStore[" + dir + ", " + mode + "]";
    }
}
