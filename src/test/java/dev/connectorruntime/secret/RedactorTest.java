package dev.connectorruntime.secret;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    private final Redactor redactor = new Redactor();

    @Test
    void redactWhenValueRegisteredThenMasksEveryOccurrence() {
        redactor.register("s3cr3t-value");

        assertThat(redactor.redact("password=s3cr3t-value, again s3cr3t-value."))
                .isEqualTo("password=****, again ****.");
    }

    @Test
    void redactWhenNothingMatchesThenReturnsTheSameText() {
        redactor.register("s3cr3t-value");
        String text = "nothing to hide";

        assertThat(redactor.redact(text)).isSameAs(text);
        assertThat(redactor.redact(null)).isNull();
        assertThat(new Redactor().redact(text)).isSameAs(text);
    }

    @Test
    void redactWhenValuePercentEncodedPerRfc3986ThenMasked() {
        redactor.register("p@ss w/rd+ü!~");

        assertThat(redactor.redact("GET /?password=p%40ss%20w%2Frd%2B%C3%BC%21~&x=1"))
                .isEqualTo("GET /?password=****&x=1");
    }

    @Test
    void redactWhenValueFormEncodedThenMasked() {
        redactor.register("p@ss w/rd+ü!~");

        assertThat(redactor.redact("grant_type=password&password=p%40ss+w%2Frd%2B%C3%BC%21%7E&x=1"))
                .isEqualTo("grant_type=password&password=****&x=1");
        assertThat(redactor.redact("password=p%40ss+w%2Frd%2B%C3%BC%21~&x=1"))
                .isEqualTo("password=****&x=1");
    }

    @Test
    void redactWhenValueJsonEscapedThenMasked() {
        redactor.register("ab\"cd\\ef\nghü");

        assertThat(redactor.redact("{\"password\":\"ab\\\"cd\\\\ef\\nghü\"}"))
                .isEqualTo("{\"password\":\"****\"}");
    }

    @Test
    void redactWhenOneValueContainsAnotherThenLongestIsMaskedWhole() {
        redactor.register("abcdefgh");
        redactor.register("abcdefgh-and-more");

        assertThat(redactor.redact("x abcdefgh-and-more y abcdefgh")).isEqualTo("x **** y ****");
    }

    @Test
    void redactWhenValuesOverlapThenNoPartOfEitherSurvives() {
        redactor.register("abcdefg");
        redactor.register("efghijklmn");

        assertThat(redactor.redact("<abcdefghijklmn>")).isEqualTo("<****>");
    }

    @Test
    void redactWhenValueContainsTheMaskThenStillMasked() {
        redactor.register("**");
        redactor.register("a****b");

        assertThat(redactor.redact("x a****b y")).isEqualTo("x **** y");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abc              | ****",
        "key=abc&x=1      | key=****&x=1",
        "abc def abc.     | **** def ****.",
        "(abc)            | (****)",
        "abcdef           | abcdef",
        "xabc             | xabc",
        "abc1             | abc1",
        "éabc             | éabc",
    })
    void redactWhenValueShorterThanSixThenMaskedOnlyAsWholeToken(String text, String expected) {
        redactor.register("abc");

        assertThat(redactor.redact(text)).isEqualTo(expected);
    }

    @Test
    void redactWhenValueHasSixCharactersThenMaskedInsideWords() {
        redactor.register("abcdef");

        assertThat(redactor.redact("xxabcdefyy")).isEqualTo("xx****yy");
    }

    @Test
    void redactWhenShortValueIsEncodedThenTheTokenRuleStillApplies() {
        redactor.register("ab cd");

        assertThat(redactor.redact("q=ab%20cd&r=xab%20cdy")).isEqualTo("q=****&r=xab%20cdy");
    }

    @Test
    void registerWhenLongValueEqualsAShortValuesFormThenMaskedInsideWords() {
        redactor.register("ab cd");
        redactor.register("ab%20cd");

        assertThat(redactor.redact("xab%20cdy")).isEqualTo("x****y");
    }

    @Test
    void registerWhenEmptyOrBlankThenNothingIsMasked() {
        redactor.register("");
        redactor.register("   ");
        redactor.register((String) null);
        redactor.register((Secret) null);

        assertThat(redactor.redact("a   b")).isEqualTo("a   b");
    }

    @Test
    void registerWhenSecretThenItsValueIsMasked() {
        redactor.register(Secret.of("token-1234567"));

        assertThat(redactor.redact("Bearer token-1234567")).isEqualTo("Bearer ****");
    }

    @Test
    void registerTransientWhenRegisteredThenMaskedInItsDerivedFormsToo() {
        redactor.registerTransient(Secret.of("access token/1"));

        assertThat(redactor.redact("Bearer access token/1, access%20token%2F1")).isEqualTo("Bearer ****, ****");
    }

    @Test
    void registerTransientWhenSixtyFourNewerTransientValuesCameThenNoLongerMasked() {
        redactor.registerTransient("oldest-token");
        registerNewerTransients(Redactor.TRANSIENT_KEPT - 1);

        assertThat(redactor.redact("oldest-token")).as("63 newer: still kept").isEqualTo(Redactor.MASK);

        registerNewerTransients(1);

        assertThat(redactor.redact("oldest-token")).isEqualTo("oldest-token");
        assertThat(redactor.redact(newer(0))).isEqualTo(Redactor.MASK);
    }

    @Test
    void registerWhenManyTransientValuesCameAfterThenStillMasked() {
        redactor.register("connector-password");
        redactor.register("also-transient");
        redactor.registerTransient("also-transient");

        registerNewerTransients(3 * Redactor.TRANSIENT_KEPT);

        assertThat(redactor.redact("connector-password also-transient")).isEqualTo("**** ****");
    }

    @Test
    void registerTransientWhenRegisteredAgainThenCountsAsNewAndStaysMasked() {
        redactor.registerTransient("reused-token");
        registerNewerTransients(Redactor.TRANSIENT_KEPT - 1);
        redactor.registerTransient("reused-token");

        registerNewerTransients(1);

        assertThat(redactor.redact("reused-token")).isEqualTo(Redactor.MASK);
        assertThat(redactor.redact(newer(0))).as("the oldest other value went instead")
                .isEqualTo(newer(0));
    }

    private int transients;

    /** Registers {@code n} new transient values, {@link #newer(int)} 0, 1, ... in order. */
    private void registerNewerTransients(int n) {
        for (int i = 0; i < n; i++) {
            redactor.registerTransient(newer(transients++));
        }
    }

    private static String newer(int i) {
        return String.format("transient-%04d", i);
    }

    @Test
    void registerWhenSeveralThreadsRegisterAndRedactThenEveryValueIsMasked() throws Exception {
        int threads = 4;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        String value = "secret-" + thread + "-" + i;
                        redactor.register(value);
                        assertThat(redactor.redact("v=" + value)).isEqualTo("v=****");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                assertThat(redactor.redact("[secret-" + t + "-" + i + "]")).isEqualTo("[****]");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Authorization", "authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "Api-Key",
        "X-Auth-Token", "X-CSRF-TOKEN", "Client-Secret", "X-Password", "X-Session-Id", "X-Goog-Api-Key",
        "X-ApiKey", "api_key"
    })
    void isSensitiveHeaderWhenCredentialHeaderThenTrue(String name) {
        assertThat(Redactor.isSensitiveHeader(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Accept", "Content-Type", "X-Request-Id", "User-Agent", "Location", "Link"})
    void isSensitiveHeaderWhenOrdinaryHeaderThenFalse(String name) {
        assertThat(Redactor.isSensitiveHeader(name)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Authorization       | Bearer eyJhbGciOi.abc.def | Bearer ****",
        "authorization       | Basic dXNlcjpwYXNz        | Basic ****",
        "Authorization       | SSWS 00abc                | SSWS ****",
        "Authorization       | rawtoken123               | ****",
        "Proxy-Authorization | Basic dXNlcjpwYXNz        | Basic ****",
        "X-Api-Key           | k-123456                  | ****",
        "X-Api-Key           | Bearer k-123456           | Bearer ****",
        "X-Api-Key           | my secret phrase          | ****",
        "Cookie              | sid=abc; theme=dark       | ****",
        "Accept              | application/json          | application/json",
    })
    void maskHeaderValueWhenCalledThenKeepsOnlyTheScheme(String name, String value, String expected) {
        assertThat(Redactor.maskHeaderValue(name, value)).isEqualTo(expected);
    }

    @Test
    void jsonWhenNoStringValueHoldsASecretThenTheSameTree() throws Exception {
        Redactor redactor = new Redactor();
        redactor.register("true");
        redactor.register("123456");
        JsonNode tree = Json.parse("{\"true\":true,\"n\":123456,\"s\":\"it is true\",\"x\":null}");

        assertThat(redactor.json(tree)).isSameAs(tree);
    }

    @Test
    void jsonMasksStringValuesOnlyNeverKeysNumbersOrLiterals() throws Exception {
        Redactor redactor = new Redactor();
        redactor.register("abc");
        redactor.register("hunter2-secret");
        JsonNode tree = Json.parse("{\"abc\":\"abc\",\"list\":[\"abc\",\"abc def\",\"x hunter2-secret y\"],"
                + "\"hunter2-secret\":7}");

        JsonNode masked = redactor.json(tree);

        assertThat(Json.compact(masked)).isEqualTo("{\"abc\":\"****\",\"list\":[\"****\",\"abc def\",\"x **** y\"],"
                + "\"hunter2-secret\":7}");
        assertThat(Json.compact(tree)).as("the tree given is not changed").contains("\"abc\":\"abc\"");
    }

    @Test
    void textStillMasksAShortSecretAsAWholeWord() {
        Redactor redactor = new Redactor();
        redactor.register("abc");

        assertThat(redactor.text("abc is abcd, not abc")).isEqualTo("**** is abcd, not ****");
    }

    @Test
    void redactWhenAServerReEncodedTheSecretThenFoundInTheDecodedViewAndMasked() {
        Redactor redactor = new Redactor();
        redactor.register("p@ss/w0rd x");

        assertThat(redactor.redact("echo: p%40ss%2Fw0rd+x.")).isEqualTo("echo: ****.");
        assertThat(redactor.redact("echo: p%40ss%2fw0rd x.")).isEqualTo("echo: ****.");
        assertThat(redactor.redact("{\"pw\":\"p\\u0040ss\\/w0rd x\"}")).isEqualTo("{\"pw\":\"****\"}");
        assertThat(redactor.redact("q=p%40ss%2Fw0rd%20x&z=1")).isEqualTo("q=****&z=1");
        assertThat(redactor.redact("p%40ss%2Fw0rd%C3%A9")).as("another value").isEqualTo("p%40ss%2Fw0rd%C3%A9");
    }

    @Test
    void redactWhenPercentEncodedPlusMeansPlusThenStillFound() {
        Redactor redactor = new Redactor();
        redactor.register("a+b=c&secret");

        assertThat(redactor.redact("token: a+b%3Dc%26secret.")).isEqualTo("token: ****.");
        assertThat(redactor.redact("token: a%2Bb%3dc%26secret.")).isEqualTo("token: ****.");
    }
}
