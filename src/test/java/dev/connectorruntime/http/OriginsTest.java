package dev.connectorruntime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §2: https, or plain http on a loopback address; §5: credentials stay on the connector's origin. */
class OriginsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "https://login.salesforce.com/services/oauth2/token",
        "https://acme.my.salesforce.com",
        "HTTPS://API.EXAMPLE.COM:8443/api/v2",
        "http://127.0.0.1:8080/token",
        "http://127.10.20.30/",
        "http://localhost:9000",
        "http://LOCALHOST/api",
        "http://[::1]:8080/token",
        "https://api.example.com:1/v2",
        "https://api.example.com:65535",
        "https://api.example.com:/v2",
    })
    void problemWhenHttpsOrLoopbackThenNone(String url) {
        assertThat(Origins.problem(url)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://na1.salesforce.com                 | must use https (plain http is allowed only on a loopback address)",
        "http://10.0.0.1:8080                      | must use https (plain http is allowed only on a loopback address)",
        "http://127.0.0.1.nip.io/                  | must use https (plain http is allowed only on a loopback address)",
        "http://localhost.example.com/             | must use https (plain http is allowed only on a loopback address)",
        "http://128.0.0.1/                         | must use https (plain http is allowed only on a loopback address)",
        "https://user:pass@api.example.com         | may not carry a user name or password",
        "http://user@127.0.0.1:8080                | may not carry a user name or password",
        "https://api.example.com/v1?api_key=x      | may not carry a query string or fragment",
        "https://api.example.com/v1#top            | may not carry a query string or fragment",
        "ftp://files.example.com                   | is not an absolute http(s) URL",
        "/services/data                            | is not an absolute http(s) URL",
        "https://                                  | is not a valid URL: Expected authority",
        "https://exa mple.com                      | is not a valid URL: Illegal character in authority",
        "https://api.example.com:99999/v2          | has a port that is not a number from 1 to 65535",
        "https://api.example.com:0                 | has a port that is not a number from 1 to 65535",
        "https://api.example.com:65536             | has a port that is not a number from 1 to 65535",
        "https://api.example.com:2147483648        | has a port that is not a number from 1 to 65535",
        "https://api.example.com:8o8o/v2           | has a port that is not a number from 1 to 65535",
        "https://api.example.com:-1                | has a port that is not a number from 1 to 65535",
        "https://api.example.com:+443              | has a port that is not a number from 1 to 65535",
        "http://[::1]:70000/token                  | has a port that is not a number from 1 to 65535",
        "http://127.0.0.1:0                        | has a port that is not a number from 1 to 65535",
    })
    void problemWhenNotAllowedThenSaysWhy(String url, String problem) {
        assertThat(Origins.problem(url)).isEqualTo(problem);
    }

    @ParameterizedTest
    @CsvSource({
        "https://na1.salesforce.com,             https://na1.salesforce.com:443/services/data",
        "https://NA1.Salesforce.com/a,           https://na1.salesforce.com/b?x=1",
        "http://127.0.0.1/a,                     http://127.0.0.1:80/b",
        "http://127.0.0.1:8080/a,                HTTP://127.0.0.1:8080/b",
    })
    void sameOriginWhenOnlyDefaultPortOrCaseDiffersThenSame(String a, String b) {
        assertThat(Origins.sameOrigin(URI.create(a), URI.create(b))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "https://na1.salesforce.com,             http://na1.salesforce.com",
        "https://na1.salesforce.com,             https://na1.salesforce.com:8443",
        "https://na1.salesforce.com,             https://evil.example.com",
        "https://na1.salesforce.com,             https://na1.salesforce.com.evil.example",
        "http://127.0.0.1:8080,                  http://127.0.0.1:8081",
        "https://example.com,                    http://example.com:443",
    })
    void sameOriginWhenSchemeHostOrPortDiffersThenNot(String a, String b) {
        assertThat(Origins.sameOrigin(URI.create(a), URI.create(b))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "https://na1.salesforce.com/services/data, https://na1.salesforce.com",
        "HTTP://127.0.0.1:8080/x?y=1,             http://127.0.0.1:8080",
    })
    void originThenSchemeHostAndExplicitPortOnly(String url, String origin) {
        assertThat(Origins.origin(URI.create(url))).isEqualTo(origin);
    }
}
