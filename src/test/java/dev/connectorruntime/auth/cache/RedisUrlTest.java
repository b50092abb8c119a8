package dev.connectorruntime.auth.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import org.junit.jupiter.api.Test;

/** The store URL of SPEC §13: what is read from it, and how it is shown. */
class RedisUrlTest {

    @Test
    void parseWhenUserPasswordHostPortAndDatabaseThenEachReadAndTheUserInfoMasked() {
        RedisUrl url = RedisUrl.parse("rediss://app:p%40ss@redis.internal:6380/3", "--token-store");

        assertThat(url.tls()).isTrue();
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password().reveal()).as("percent-decoded").isEqualTo("p@ss");
        assertThat(url.host()).isEqualTo("redis.internal");
        assertThat(url.port()).isEqualTo(6380);
        assertThat(url.database()).isEqualTo(3);
        assertThat(url).hasToString("rediss://****@redis.internal:6380/3");
    }

    @Test
    void parseWhenUserInfoHasNoColonThenItIsThePasswordAsRedisClientsReadIt() {
        RedisUrl url = RedisUrl.parse("redis://justapassword@127.0.0.1", "--token-store");

        assertThat(url.user()).isNull();
        assertThat(url.password().reveal()).isEqualTo("justapassword");
        assertThat(url).hasToString("redis://****@127.0.0.1:6379");
    }

    @Test
    void parseWhenAnIpv6LiteralThenTheSocketGetsItBareAndTheMessageBracketed() {
        RedisUrl url = RedisUrl.parse("redis://[::1]:6390", "--token-store");

        assertThat(url.host()).isEqualTo("::1");
        assertThat(url).hasToString("redis://[::1]:6390");
    }

    @Test
    void parseWhenNotAStoreThenUsageErrorsThatNeverQuoteTheText() {
        for (String[] bad : new String[][] {
                {"http://:pw-1@host:6379", "--token-store is not a token store: its scheme is not redis or rediss"},
                {"redis://:pw-2@host:6379/db", "--token-store is not a token store: its path is not a database"
                        + " number (/0 to /9999)"},
                {"redis://:pw-3@host:6379?timeout=5", "--token-store is not a token store: it has a query or a"
                        + " fragment, which the store does not read"},
                {"redis://:pw 4@host", "--token-store is not a token store: it is not a URL"}}) {
            Failure f = catchThrowableOfType(Failure.class, () -> RedisUrl.parse(bad[0], "--token-store"));
            assertThat(f.code()).isEqualTo(Code.TOKEN_STORE_URL);
            assertThat(f.exitCode()).isEqualTo(2);
            assertThat(f.getMessage()).isEqualTo(bad[1]);
        }
    }
}
