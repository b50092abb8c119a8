package dev.connectorruntime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PercentEncodingTest {

    @Test
    void encodeWhenOnlyUnreservedThenUnchanged() {
        String unreserved = "ABCXYZabcxyz0189-._~";
        assertThat(PercentEncoding.encode(unreserved)).isSameAs(unreserved);
        assertThat(PercentEncoding.encode("")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "../x            | ..%2Fx",
        "a/b             | a%2Fb",
        "q=x&admin=true  | q%3Dx%26admin%3Dtrue",
        "#frag           | %23frag",
        "100%            | 100%25",
        "a+b             | a%2Bb",
        "what?           | what%3F",
        "José Müller     | Jos%C3%A9%20M%C3%BCller",
        "*!$'()@:;,[]    | %2A%21%24%27%28%29%40%3A%3B%2C%5B%5D",
    })
    void encodeWhenValueIsHostileThenEveryDelimiterIsEncoded(String value, String expected) {
        assertThat(PercentEncoding.encode(value)).isEqualTo(expected);
    }

    @Test
    void encodeWhenCrLfOrControlThenEncoded() {
        assertThat(PercentEncoding.encode("a\r\nSet-Cookie: x")).isEqualTo("a%0D%0ASet-Cookie%3A%20x");
        assertThat(PercentEncoding.encode("\u0000\u007f")).isEqualTo("%00%7F");
    }

    @Test
    void encodeWhenEmojiThenFourUtf8Bytes() {
        assertThat(PercentEncoding.encode("ok 👍")).isEqualTo("ok%20%F0%9F%91%8D");
        assertThat(PercentEncoding.encode("€")).isEqualTo("%E2%82%AC");
    }

    @Test
    void encodeWhenUnpairedSurrogateThenReplacementCharacter() {
        assertThat(PercentEncoding.encode("a\uD83Db")).isEqualTo("a%EF%BF%BDb");
        assertThat(PercentEncoding.encode("\uDC4D")).isEqualTo("%EF%BF%BD");
        assertThat(PercentEncoding.encode("x\uD83D")).isEqualTo("x%EF%BF%BD");
    }

    @Test
    void encodeFormWhenSpaceThenPlusAndPlusIsEncoded() {
        assertThat(PercentEncoding.encodeForm("José Müller+1 & co")).isEqualTo("Jos%C3%A9+M%C3%BCller%2B1+%26+co");
        assertThat(PercentEncoding.encodeForm("p@ss:w/rd=~*")).isEqualTo("p%40ss%3Aw%2Frd%3D~%2A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../x", "q=x&admin=true", "#frag", "100%", "José Müller", "ok 👍", "a\r\nb", "a+b c"})
    void decodeWhenEncodedThenRoundTrips(String value) {
        assertThat(PercentEncoding.decode(PercentEncoding.encode(value))).isEqualTo(value);
        assertThat(PercentEncoding.decodeForm(PercentEncoding.encodeForm(value))).isEqualTo(value);
    }

    @Test
    void encodeWhenUsedInUriThenJavaReadsTheSameValueBack() {
        String value = "q=x&admin=true #frag/../100% José";
        URI uri = URI.create("https://example.com/p/" + PercentEncoding.encode(value) + "?v=" + PercentEncoding.encode(value));
        assertThat(uri.getPath()).isEqualTo("/p/" + value);
        assertThat(uri.getRawQuery()).doesNotContain("&", "#", " ");
        assertThat(URLDecoder.decode(PercentEncoding.encodeForm(value), StandardCharsets.UTF_8)).isEqualTo(value);
    }

    @Test
    void decodeWhenPlusThenStaysPlusButFormDecodeMakesSpace() {
        assertThat(PercentEncoding.decode("a+b%20c")).isEqualTo("a+b c");
        assertThat(PercentEncoding.decodeForm("a+b%20c")).isEqualTo("a b c");
    }

    @Test
    void decodeWhenMalformedThenPercentStaysLiteral() {
        assertThat(PercentEncoding.decode("100%")).isEqualTo("100%");
        assertThat(PercentEncoding.decode("%zz%4")).isEqualTo("%zz%4");
        assertThat(PercentEncoding.decode("%e2%82%ac")).isEqualTo("€");
    }

    @Test
    void decodeWhenBytesAreNotUtf8ThenReplacementCharacter() {
        assertThat(PercentEncoding.decode("a%FFb")).isEqualTo("a\uFFFDb");
    }
}
