package dev.connectorruntime.auth.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.auth.Token;
import dev.connectorruntime.auth.TokenEntry;
import dev.connectorruntime.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache on disk (SPEC §6): encrypted, owner-only, atomic, and a miss whenever in doubt. */
class DiskTokenStoreTest {

    static final String ACCESS = "00D50000000IZ3Z!AQgAQH0Yd9M51BU_rayzAdmZ6NmT3pXZBgzkc3JTwDOGBl8BP2AREOiZzL";
    static final String REFRESH = "5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJ";
    static final String PASSWORD = "p&ss w+rdTOK=EN";
    static final Instant ISSUED = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path root;

    final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    Path tokens() {
        return root.resolve("connector-runtime").resolve("tokens");
    }

    DiskTokenStore store(DiskTokenStore.Mode mode) {
        return new DiskTokenStore(tokens(), mode, warnings::add, Duration.ofMillis(300));
    }

    static TokenEntry entry(String connector, String password) {
        return TokenEntry.of(connector, "https://login.salesforce.com/services/oauth2/token", "password",
                Secret.of("3MVG9.client"), Secret.of("ada@example.com"), null,
                List.of(Secret.of("3MVG9.client"), Secret.of("1955279925675241571"), Secret.of("ada@example.com"),
                        Secret.of(password)));
    }

    static Token token() {
        return new Token(Secret.of(ACCESS), ISSUED, ISSUED.plusSeconds(3600), "api refresh_token",
                "https://na1.salesforce.com", Secret.of(REFRESH));
    }

    @Test
    void saveThenLoadGivesTheSameTokenMarkedAsFromTheCache() {
        DiskTokenStore store = store(DiskTokenStore.Mode.ALL);
        TokenEntry entry = entry("salesforce", PASSWORD);

        store.save(entry, token(), false);
        Token loaded = store.load(entry);

        assertThat(loaded.accessToken().reveal()).isEqualTo(ACCESS);
        assertThat(loaded.refreshToken().reveal()).isEqualTo(REFRESH);
        assertThat(loaded.issuedAt()).isEqualTo(ISSUED);
        assertThat(loaded.expiresAt()).isEqualTo(ISSUED.plusSeconds(3600));
        assertThat(loaded.scope()).isEqualTo("api refresh_token");
        assertThat(loaded.baseUrl()).isEqualTo("https://na1.salesforce.com");
        assertThat(loaded.source()).isEqualTo(Token.Source.CACHE);
        assertThat(warnings).isEmpty();
    }

    @Test
    void saveWhenExpiryIsUnknownThenItStaysUnknown() {
        DiskTokenStore store = store(DiskTokenStore.Mode.ALL);
        TokenEntry entry = entry("salesforce", PASSWORD);

        store.save(entry, new Token(Secret.of(ACCESS), ISSUED, null, null, null, null), false);

        Token loaded = store.load(entry);
        assertThat(loaded.expiresAt()).isNull();
        assertThat(loaded.refreshToken()).isNull();
        assertThat(loaded.scope()).isNull();
    }

    @Test
    void saveCreatesAnOwnerOnlyFileNamedAfterConnectorAndHashInOwnerOnlyFolders() throws Exception {
        DiskTokenStore store = store(DiskTokenStore.Mode.ALL);
        TokenEntry entry = entry("salesforce", PASSWORD);

        store.save(entry, token(), false);

        Path file = store.file(entry);
        assertThat(file.getFileName().toString()).matches("salesforce-[0-9a-f]{32}").isEqualTo(entry.name());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens().getParent())))
                .isEqualTo("rwx------");
        try (var files = Files.list(tokens())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(entry.name());
        }
    }

    @Test
    void theFileHoldsNoTokenNoSecretAndNoPlainJson() throws Exception {
        DiskTokenStore store = store(DiskTokenStore.Mode.ALL);
        TokenEntry entry = entry("salesforce", PASSWORD);

        store.save(entry, token(), false);

        byte[] bytes = Files.readAllBytes(store.file(entry));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("CRTC\u0001")
                .doesNotContain(ACCESS).doesNotContain(ACCESS.substring(0, 12)).doesNotContain(REFRESH)
                .doesNotContain(PASSWORD).doesNotContain("1955279925675241571").doesNotContain("ada@example.com")
                .doesNotContain("access_token").doesNotContain("na1.salesforce.com");
        // magic, version, 32-byte salt, 12-byte nonce, then ciphertext and 16-byte tag
        assertThat(bytes.length).isGreaterThan(4 + 1 + 32 + 12 + 16 + ACCESS.length());
    }

    @Test
    void everyWriteUsesAFreshSaltAndNonce() throws Exception {
        DiskTokenStore store = store(DiskTokenStore.Mode.ALL);
        TokenEntry entry = entry("salesforce", PASSWORD);

        store.save(entry, token(), false);
        byte[] first = Files.readAllBytes(store.file(entry));
        store.save(entry, token(), false);
        byte[] second = Files.readAllBytes(store.file(entry));

        assertThat(Arrays.copyOfRange(second, 5, 37)).isNotEqualTo(Arrays.copyOfRange(first, 5, 37));
        assertThat(Arrays.copyOfRange(second, 37, 49)).isNotEqualTo(Arrays.copyOfRange(first, 37, 49));
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void loadWhenThePasswordChangedThenMissesWithoutAWarning() {
        DiskTokenStore store = store(DiskTokenStore.Mode.ALL);
        store.save(entry("salesforce", PASSWORD), token(), false);
        TokenEntry changed = entry("salesforce", "n3w-Passw0rdTOK=EN");

        assertThat(changed.name()).as("same credential set, same file").isEqualTo(entry("salesforce", PASSWORD).name());
        assertThat(store.load(changed)).isNull();
        assertThat(warnings).isEmpty();
    }

    @Test
    void loadWhenTheFileIsCopiedToAnotherEntrysNameThenMisses() throws Exception {
        DiskTokenStore store = store(DiskTokenStore.Mode.ALL);
        TokenEntry entry = entry("salesforce", PASSWORD);
        store.save(entry, token(), false);
        TokenEntry other = TokenEntry.of("salesforce", "https://test.salesforce.com/services/oauth2/token",
                "password", Secret.of("3MVG9.client"), Secret.of("ada@example.com"), null,
                List.of(Secret.of("3MVG9.client"), Secret.of("1955279925675241571"), Secret.of("ada@example.com"),
                        Secret.of(PASSWORD)));

        Files.copy(store.file(entry), store.file(other));

        assertThat(other.name()).isNotEqualTo(entry.name());
        assertThat(store.load(other)).as("the entry's hash is associated data").isNull();
    }

    @Test
    void loadWhenTheFileIsDamagedThenMissesWithoutAWarning() throws Exception {
        DiskTokenStore store = store(DiskTokenStore.Mode.ALL);
        TokenEntry entry = entry("salesforce", PASSWORD);
        store.save(entry, token(), false);
        Path file = store.file(entry);
        byte[] good = Files.readAllBytes(file);

        for (byte[] bad : List.of(flip(good, good.length - 1), flip(good, 60), flip(good, 10), flip(good, 4),
                Arrays.copyOf(good, good.length - 1), Arrays.copyOf(good, 40), new byte[0],
                "{\"access_token\":\"x\"}".getBytes(StandardCharsets.UTF_8))) {
            Files.write(file, bad);
            assertThat(store.load(entry)).isNull();
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void loadWhenTheFileIsReadableByOthersThenIgnoredWithOneWarningAndTheNextSaveReplacesIt() throws Exception {
        DiskTokenStore store = store(DiskTokenStore.Mode.ALL);
        TokenEntry entry = entry("salesforce", PASSWORD);
        store.save(entry, token(), false);
        Path file = store.file(entry);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(store.load(entry)).isNull();
        assertThat(store.load(entry)).isNull();
        assertThat(warnings).containsExactly("ignoring the token cache file " + file + ": its mode is rw-r--r--,"
                + " so other users may read it (expected rw-------); a new token will replace it");

        store.save(entry, token(), false);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(store.load(entry)).isNotNull();
    }

    @Test
    void loadWhenTheFileIsGroupWritableThenIgnored() throws Exception {
        DiskTokenStore store = store(DiskTokenStore.Mode.ALL);
        TokenEntry entry = entry("salesforce", PASSWORD);
        store.save(entry, token(), false);
        Files.setPosixFilePermissions(store.file(entry), PosixFilePermissions.fromString("rw--w----"));

        assertThat(store.load(entry)).isNull();
        assertThat(warnings).hasSize(1);
    }

    @Test
    void loadWhenTheEntryIsASymbolicLinkThenIgnoredWithAWarning() throws Exception {
        DiskTokenStore store = store(DiskTokenStore.Mode.ALL);
        TokenEntry entry = entry("salesforce", PASSWORD);
        store.save(entry, token(), false);
        Path elsewhere = Files.move(store.file(entry), root.resolve("elsewhere"));
        Files.createSymbolicLink(store.file(entry), elsewhere);

        assertThat(store.load(entry)).isNull();
        assertThat(warnings).containsExactly(
                "ignoring the token cache entry " + store.file(entry) + ": it is not a regular file");
    }

    @Test
    void loadWhenNothingWasSavedThenMissesWithoutCreatingAnything() {
        assertThat(store(DiskTokenStore.Mode.ALL).load(entry("salesforce", PASSWORD))).isNull();
        assertThat(root.resolve("connector-runtime")).doesNotExist();
    }

    @Test
    void refreshTokensOnlyWhenNotRotatedThenWritesNothing() {
        DiskTokenStore store = store(DiskTokenStore.Mode.REFRESH_TOKENS_ONLY);
        TokenEntry entry = entry("salesforce", PASSWORD);

        store.save(entry, token(), false);

        assertThat(store.file(entry)).doesNotExist();
    }

    @Test
    void refreshTokensOnlyWhenRotatedThenKeepsTheRefreshTokenAndNotTheAccessToken() {
        TokenEntry entry = entry("salesforce", PASSWORD);

        store(DiskTokenStore.Mode.REFRESH_TOKENS_ONLY).save(entry, token(), true);

        Token kept = store(DiskTokenStore.Mode.ALL).load(entry);
        assertThat(kept.accessToken()).isNull();
        assertThat(kept.refreshToken().reveal()).isEqualTo(REFRESH);
        assertThat(kept.usableAt(ISSUED, Duration.ofSeconds(60))).isFalse();
    }

    @Test
    void refreshTokensOnlyLoadsTheRefreshTokenButNeverTheAccessToken() {
        TokenEntry entry = entry("salesforce", PASSWORD);
        store(DiskTokenStore.Mode.ALL).save(entry, token(), false);

        Token loaded = store(DiskTokenStore.Mode.REFRESH_TOKENS_ONLY).load(entry);

        assertThat(loaded.accessToken()).isNull();
        assertThat(loaded.refreshToken().reveal()).isEqualTo(REFRESH);
    }

    @Test
    void clearDropsOneConnectorsEntriesOnlyAndCountsThem() throws Exception {
        DiskTokenStore store = store(DiskTokenStore.Mode.ALL);
        store.save(entry("sales", PASSWORD), token(), false);
        store.save(entry("sales", "other"), token(), false); // same credential set: one file
        store.save(TokenEntry.of("sales", "https://test.salesforce.com/t", "password", Secret.of("c"),
                Secret.of("u"), null, List.of(Secret.of("s"))), token(), false);
        store.save(entry("sales-eu", PASSWORD), token(), false);
        store.locked(entry("sales", PASSWORD), () -> null);

        assertThat(store.clear("sales")).isEqualTo(2);
        try (var files = Files.list(tokens())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(entry("sales-eu", PASSWORD).name(), entry("sales", PASSWORD).name()
                            + ".lock");
        }
        assertThat(store.clear(null)).isEqualTo(1);
        assertThat(store.clear(null)).isZero();
    }

    @Test
    void clearWhenTheFolderDoesNotExistThenZero() {
        assertThat(store(DiskTokenStore.Mode.ALL).clear(null)).isZero();
    }

    @Test
    void lockedExcludesOtherThreadsOfTheProcess() throws Exception {
        DiskTokenStore store = store(DiskTokenStore.Mode.ALL);
        TokenEntry entry = entry("salesforce", PASSWORD);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 8; i++) {
            // a store of its own per thread, as separate authenticators would have: the lock is per entry
            DiskTokenStore own = i % 2 == 0 ? store : store(DiskTokenStore.Mode.ALL);
            threads.add(started(() -> {
                await(go);
                own.locked(entry, () -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    sleep(20);
                    return inside.decrementAndGet();
                });
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }

        assertThat(most.get()).isEqualTo(1);
        assertThat(warnings).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                tokens().resolve(entry.name() + ".lock")))).isEqualTo("rw-------");
    }

    @Test
    void lockedWhenHeldLongerThanTheBoundThenGoesOnWithoutItAndWarns() throws Exception {
        DiskTokenStore store = store(DiskTokenStore.Mode.ALL);
        TokenEntry entry = entry("salesforce", PASSWORD);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = started(() -> store.locked(entry, () -> {
            held.countDown();
            await(release);
            return null;
        }));
        held.await();

        String result = store.locked(entry, () -> "ran");
        release.countDown();
        holder.join();

        assertThat(result).isEqualTo("ran");
        assertThat(warnings).containsExactly("waited 300 ms for the token cache lock "
                + tokens().resolve(entry.name() + ".lock") + " held by another request; going on without it");
    }

    private static Thread started(Runnable r) {
        Thread t = new Thread(r);
        t.start();
        return t;
    }

    private static byte[] flip(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 0x01;
        return copy;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
