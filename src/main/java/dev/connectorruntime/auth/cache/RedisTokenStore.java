package dev.connectorruntime.auth.cache;

import dev.connectorruntime.auth.Token;
import dev.connectorruntime.auth.TokenEntry;
import dev.connectorruntime.auth.TokenStore;
import dev.connectorruntime.auth.Warnings;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The shared token store on Redis (SPEC §13). Each entry's value is the same AES-GCM ciphertext as a cache file
 * ({@link EntryCipher}: the key derived from the connector's own secrets), so Redis never holds a token in clear;
 * keys carry only the entry's name, whose hash is a digest. Keys, under {@code connector-runtime:v1:}:
 * {@code token:<entry>} (with a TTL at the token's expiry; none for a token of unknown expiry, nor while it carries
 * a refresh token, which outlives it), {@code lock:<entry>} ({@link RedisLock}) and {@code cooldown:<entry>} (a
 * token endpoint that just failed is not asked again for a few seconds, by any process).
 *
 * <p>Every command has short, explicit timeouts; a store that cannot be used is a {@code network} failure naming
 * it ({@link RedisFailures}). One pool of a few connections per store, made lazily.
 */
public final class RedisTokenStore implements TokenStore {

    /** Connect and read timeout of every command. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String PREFIX = "connector-runtime:v1:";
    private static final byte[] COMPARE_AND_SET = ("local v = redis.call('GET', KEYS[1])"
            + " if (ARGV[1] == '' and not v) or v == ARGV[1] then"
            + " if ARGV[3] == '0' then redis.call('SET', KEYS[1], ARGV[2])"
            + " else redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end return 1 end return 0")
            .getBytes(StandardCharsets.US_ASCII);

    /**
     * How long a process waits for another's lock, the lock's lease (extended by its owner while it renews) and
     * the cooldown after a failed token request.
     */
    public record Timing(Duration lockWait, Duration lease, Duration cooldown) {
        /** 60 s, 15 s, 5 s. */
        public static final Timing DEFAULT = new Timing(DiskTokenStore.DEFAULT_LOCK_WAIT, Duration.ofSeconds(15),
                Duration.ofSeconds(5));
    }

    private final RedisUrl url;
    private final DiskTokenStore.Mode mode;
    private final Warnings warnings;
    private final Clock clock;
    private final Timing timing;
    private final UnifiedJedis redis;
    private final SecureRandom random = new SecureRandom();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "token-store-lease");
        t.setDaemon(true);
        return t;
    });

    public RedisTokenStore(RedisUrl url, DiskTokenStore.Mode mode, Warnings warnings, Clock clock, Timing timing) {
        this.url = url;
        this.mode = mode;
        this.warnings = warnings;
        this.clock = clock;
        this.timing = timing;
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) TIMEOUT.toMillis()).socketTimeoutMillis((int) TIMEOUT.toMillis())
                .database(url.database()).ssl(url.tls()).clientName("connector-runtime")
                // RESP2, no negotiation: one round trip less per connection, and rediss:// to a port without TLS
                // fails after two timeouts (4 s) instead of four
                .resp2();
        if (url.user() != null) {
            config.user(url.user());
        }
        if (url.password() != null) {
            config.password(url.password().reveal());
        }
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(8);
        pool.setMaxIdle(8);
        pool.setMinIdle(0);
        pool.setMaxWait(TIMEOUT); // a full pool waits no longer than a command may
        pool.setTestOnBorrow(true); // a connection from before a Redis restart is dropped, not used: recovery on its own
        pool.setJmxEnabled(false);
        this.redis = RedisClient.builder().hostAndPort(url.host(), url.port()).clientConfig(config.build())
                .poolConfig(pool).build();
    }

    /** The store at this URL, on the system clock, with the default timing. */
    public static RedisTokenStore open(RedisUrl url, DiskTokenStore.Mode mode, Warnings warnings) {
        return new RedisTokenStore(url, mode, warnings, Clock.systemUTC(), Timing.DEFAULT);
    }

    @Override
    public Token load(TokenEntry entry) {
        byte[] value = get(key("token:", entry));
        Token token = value == null ? null : EntryCipher.open(entry, value);
        if (token == null || mode == DiskTokenStore.Mode.ALL) {
            return token;
        }
        return token.refreshToken() == null ? null : token.refreshTokenOnly();
    }

    @Override
    public void save(TokenEntry entry, Token token, boolean rotated) {
        if (mode == DiskTokenStore.Mode.REFRESH_TOKENS_ONLY && !rotated) {
            return;
        }
        Token kept = kept(token);
        byte[] sealed = EntryCipher.seal(entry, kept, random);
        long ttl = ttlMillis(kept);
        if (ttl < 0) {
            return; // expired already: nothing to share
        }
        RedisFailures.call(url, () -> redis.set(key("token:", entry), sealed,
                ttl == 0 ? SetParams.setParams() : SetParams.setParams().px(ttl)));
        RedisFailures.call(url, () -> redis.del(key("cooldown:", entry)));
    }

    @Override
    public boolean rotate(TokenEntry entry, Token token, Secret spent) {
        byte[] key = key("token:", entry);
        byte[] before = get(key);
        Token stored = before == null ? null : EntryCipher.open(entry, before);
        if (stored != null && stored.refreshToken() != null && !stored.refreshToken().equals(spent)) {
            warnings.warn(lostRace());
            return false;
        }
        Token kept = kept(token);
        long ttl = ttlMillis(kept);
        byte[] sealed = EntryCipher.seal(entry, kept, random);
        Object written = RedisFailures.call(url, () -> redis.eval(COMPARE_AND_SET, List.of(key),
                List.of(before == null ? new byte[0] : before, sealed, ascii(Math.max(ttl, 0)))));
        if (!Long.valueOf(1).equals(written)) {
            warnings.warn(lostRace());
            return false;
        }
        RedisFailures.call(url, () -> redis.del(key("cooldown:", entry)));
        return true;
    }

    private String lostRace() {
        return "another process stored a newer refresh token in " + url + " while this one renewed (its lock ran"
                + " out?); this process keeps its own in memory only";
    }

    @Override
    public void discard(TokenEntry entry, Token rejected) {
        byte[] key = key("token:", entry);
        byte[] before = get(key);
        Token stored = before == null ? null : EntryCipher.open(entry, before);
        if (stored == null || stored.accessToken() == null || !stored.accessToken().equals(rejected.accessToken())) {
            return; // another process renewed already, or nothing is stored
        }
        if (stored.refreshToken() == null) {
            RedisFailures.call(url, () -> redis.eval(RedisLock.RELEASE, List.of(key), List.of(before)));
            return;
        }
        // the refresh token stays: only the access token that failed goes
        byte[] sealed = EntryCipher.seal(entry, stored.refreshTokenOnly(), random);
        RedisFailures.call(url, () -> redis.eval(COMPARE_AND_SET, List.of(key), List.of(before, sealed, ascii(0))));
    }

    @Override
    public <T> T locked(TokenEntry entry, Supplier<T> work) {
        RedisLock lock = RedisLock.acquire(redis, url, key("lock:", entry), timing.lease(), timing.lockWait(),
                random, scheduler);
        if (lock == null) {
            long ms = timing.lockWait().toMillis();
            warnings.warn("waited " + (ms < 1000 ? ms + " ms" : ms / 1000 + " s") + " for the token store's lock in "
                    + url + " held by another process; going on without it");
        }
        try {
            cooldown(entry);
            return work.get();
        } catch (Failure f) {
            if (f.kind() == Kind.AUTH || f.kind() == Kind.NETWORK && !f.code().id().startsWith("token-store")
                    && f.code() != Code.DEADLINE && f.code() != Code.TOKEN_ENDPOINT_COOLDOWN) {
                startCooldown(entry, f);
            }
            throw f;
        } finally {
            if (lock != null) {
                lock.release();
            }
        }
    }

    /** Fails as the token endpoint did for another process moments ago, while that cooldown lasts. */
    private void cooldown(TokenEntry entry) {
        byte[] value = get(key("cooldown:", entry));
        if (value == null) {
            return;
        }
        String[] parts = new String(value, StandardCharsets.US_ASCII).split(" ");
        Kind kind = parts[0].equals("network") ? Kind.NETWORK : Kind.AUTH;
        String status = parts.length > 2 && !parts[2].equals("-") ? ", status " + parts[2] : "";
        throw Failure.of(kind, "the token endpoint failed for another process sharing the token store " + url
                        + " (" + parts[1] + status + "); it is not asked again for up to "
                        + timing.cooldown().toSeconds() + " s").code(Code.TOKEN_ENDPOINT_COOLDOWN)
                .hint("that process's output has the token endpoint's answer; try again in a few seconds").build();
    }

    private void startCooldown(TokenEntry entry, Failure f) {
        // what failed, never the message: it may quote the server, which the store need not keep
        String value = f.kind().id() + " " + f.code().id() + " " + (f.status() == null ? "-" : f.status());
        try {
            redis.set(key("cooldown:", entry), value.getBytes(StandardCharsets.US_ASCII),
                    SetParams.setParams().px(timing.cooldown().toMillis()));
        } catch (RuntimeException e) {
            // the failure itself is what the caller needs to see
        }
    }

    @Override
    public int clear(String connector) {
        int count = 0;
        for (String kind : List.of("token:", "cooldown:")) {
            String pattern = PREFIX + kind + (connector == null ? "*" : connector + "-*");
            ScanParams params = new ScanParams().match(pattern.getBytes(StandardCharsets.UTF_8)).count(500);
            byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
            do {
                byte[] at = cursor;
                ScanResult<byte[]> page = RedisFailures.call(url, () -> redis.scan(at, params));
                for (byte[] key : page.getResult()) {
                    long deleted = RedisFailures.call(url, () -> redis.del(key));
                    count += kind.equals("token:") ? (int) deleted : 0;
                }
                cursor = page.getCursorAsBytes();
            } while (!new String(cursor, StandardCharsets.US_ASCII).equals("0"));
        }
        return count;
    }

    @Override
    public String location() {
        return url.toString();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        redis.close();
    }

    private Token kept(Token token) {
        return mode == DiskTokenStore.Mode.ALL ? token : token.refreshTokenOnly();
    }

    /** 0 for no TTL; negative when already expired. */
    private long ttlMillis(Token t) {
        if (t.refreshToken() != null || t.expiresAt() == null) {
            return 0;
        }
        long left = t.expiresAt().toEpochMilli() - clock.millis();
        return left <= 0 ? -1 : left;
    }

    private byte[] get(byte[] key) {
        return RedisFailures.call(url, () -> redis.get(key));
    }

    private static byte[] key(String kind, TokenEntry entry) {
        return (PREFIX + kind + entry.name()).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "RedisTokenStore[" + url + ", " + mode + "]";
    }
}
