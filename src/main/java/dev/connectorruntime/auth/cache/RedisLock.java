package dev.connectorruntime.auth.cache;

import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * One holder of an entry's lock in Redis: {@code SET key owner NX PX lease} with a random owner, so that only its
 * owner releases it, by a compare-and-delete script (a plain {@code DEL} would free a lock another holder took
 * after this one's lease ran out). While the work runs, the owner extends the lease every third of it (compare and
 * {@code PEXPIRE}), so that a renewal of any length, with every retry and backoff, stays covered, while a holder
 * that dies (kill -9, a lost machine) blocks the others for one lease at most.
 */
final class RedisLock {

    static final byte[] RELEASE = ("if redis.call('GET', KEYS[1]) == ARGV[1] then"
            + " return redis.call('DEL', KEYS[1]) else return 0 end").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EXTEND = ("if redis.call('GET', KEYS[1]) == ARGV[1] then"
            + " return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end").getBytes(StandardCharsets.US_ASCII);

    private final UnifiedJedis redis;
    private final RedisUrl store;
    private final byte[] key;
    private final byte[] owner;
    private final ScheduledFuture<?> extension;

    private RedisLock(UnifiedJedis redis, RedisUrl store, byte[] key, byte[] owner, Duration lease,
                      ScheduledExecutorService scheduler) {
        this.redis = redis;
        this.store = store;
        this.key = key;
        this.owner = owner;
        long every = Math.max(1, lease.toMillis() / 3);
        byte[] millis = Long.toString(lease.toMillis()).getBytes(StandardCharsets.US_ASCII);
        this.extension = scheduler.scheduleAtFixedRate(() -> {
            try {
                redis.eval(EXTEND, List.of(key), List.of(owner, millis));
            } catch (RuntimeException e) {
                // the store is away for a moment: the lease runs out at worst, and another process may ask too
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the lock, polling until {@code wait} has passed; {@code null} when another holder kept it all that time.
     *
     * @throws Failure network when the store cannot be reached, interrupted on Ctrl-C
     */
    static RedisLock acquire(UnifiedJedis redis, RedisUrl store, byte[] key, Duration lease, Duration wait,
                             SecureRandom random, ScheduledExecutorService scheduler) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        byte[] owner = HexFormat.of().formatHex(id).getBytes(StandardCharsets.US_ASCII);
        SetParams params = SetParams.setParams().nx().px(lease.toMillis());
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            String ok = RedisFailures.call(store, () -> redis.set(key, owner, params));
            if ("OK".equals(ok)) {
                return new RedisLock(redis, store, key, owner, lease, scheduler);
            }
            if (System.nanoTime() - deadline >= 0) {
                return null;
            }
            try {
                // jittered, so that a fleet waiting for one renewal does not poll in step
                Thread.sleep(20 + ThreadLocalRandom.current().nextInt(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Failure.of(Kind.INTERRUPTED, "interrupted while waiting for the token store's lock").build();
            }
        }
    }

    /** Stops extending, then deletes the lock if this holder still owns it. */
    void release() {
        extension.cancel(false);
        try {
            redis.eval(RELEASE, List.of(key), List.of(owner));
        } catch (RuntimeException e) {
            // the lease runs out on its own
        }
    }

    @Override
    public String toString() {
        return "RedisLock[" + store + "]";
    }
}
