package dev.connectorruntime.validate;

import dev.connectorruntime.load.CacheDirectory;
import dev.connectorruntime.http.Version;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Remembers which definition files passed the full check (the JSON Schema and the model's constraints, whose
 * start-up alone costs over half a second), so that {@code run} can skip it while a file is unchanged. A stamp is an
 * empty file in the cache's {@code validated/} folder named by the SHA-256 of the file's path and bytes, the
 * runtime's version and build, and the schemas: any change to any of them checks again. Binding, templates and
 * the checks across files still run every time. Stamps are an optimisation only: any trouble with the folder
 * means a full check, never an error.
 */
public final class ValidationStamps {

    /** No stamps: every file is checked in full (tests, and a cache folder that cannot be used). */
    public static final ValidationStamps NONE = new ValidationStamps(null);

    private static volatile byte[] runtimeKey;

    private final Path dir;

    public ValidationStamps(Path dir) {
        this.dir = dir;
    }

    /** The stamps in the user's cache folder ({@code validated/}), as this environment names it. */
    public static ValidationStamps inCache(Map<String, String> environment) {
        return new ValidationStamps(CacheDirectory.validated(environment, Path.of(System.getProperty("user.home"))));
    }

    /** Whether this exact file passed the full check before. */
    boolean passed(Path file, byte[] content) {
        return dir != null && Files.isRegularFile(dir.resolve(stamp(file, content)));
    }

    /** Records that this exact file passed the full check. */
    void record(Path file, byte[] content) {
        if (dir == null) {
            return;
        }
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.createFile(dir.resolve(stamp(file, content)),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // another run recorded it first
        } catch (IOException | UnsupportedOperationException e) {
            // a stamp is only an optimisation
        }
    }

    private static String stamp(Path file, byte[] content) {
        MessageDigest sha = sha256();
        sha.update(runtimeKey());
        sha.update(file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(content);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The runtime's version, the jar it runs from (size and time), and both schemas. */
    private static byte[] runtimeKey() {
        byte[] key = runtimeKey;
        if (key == null) {
            MessageDigest sha = sha256();
            sha.update(Version.get().getBytes(StandardCharsets.UTF_8));
            try {
                Path code = Path.of(ValidationStamps.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                sha.update((Files.size(code) + "@" + Files.getLastModifiedTime(code).toMillis())
                        .getBytes(StandardCharsets.UTF_8));
            } catch (IOException | URISyntaxException | RuntimeException e) {
                sha.update((byte) 1);
            }
            for (SchemaCheck.Schema s : SchemaCheck.Schema.values()) {
                try (InputStream in = ValidationStamps.class.getClassLoader().getResourceAsStream(s.resource())) {
                    if (in != null) {
                        sha.update(in.readAllBytes());
                    }
                } catch (IOException e) {
                    sha.update((byte) 2);
                }
            }
            key = sha.digest();
            runtimeKey = key;
        }
        return key;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
