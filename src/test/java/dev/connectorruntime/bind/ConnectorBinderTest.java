package dev.connectorruntime.bind;

import static dev.connectorruntime.bind.Binding.CONNECTOR_FILE;
import static dev.connectorruntime.bind.Binding.at;
import static dev.connectorruntime.bind.Binding.connector;
import static dev.connectorruntime.bind.Binding.connectorProblem;
import static dev.connectorruntime.bind.Binding.connectorProblems;
import static dev.connectorruntime.bind.Binding.describe;
import static dev.connectorruntime.bind.Binding.describeAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.error.Problem;
import dev.connectorruntime.model.Auth;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.model.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SPEC §2: a connector file's keys, their types, and the problems a wrong one gives. */
class ConnectorBinderTest {

    @Test
    void bindWhenOnlyNameAndBaseUrlThenNoAuthAndDefaults() {
        Connector c = connector("""
                name: demo
                base_url: https://api.example.com/v2
                """);
        assertThat(c.name()).isEqualTo("demo");
        assertThat(c.baseUrl().source()).isEqualTo("https://api.example.com/v2");
        assertThat(c.baseUrl().location()).isEqualTo(at(CONNECTOR_FILE, 2, 11));
        assertThat(c.auth()).isEqualTo(new Auth.None());
        assertThat(c.headers()).isEmpty();
        assertThat(c.timeout()).isNull();
        assertThat(c.retry()).isNull();
        assertThat(c.caFile()).isNull();
    }

    @Test
    void likelyTlsFollowsTheBaseUrlOrElseTheTokenUrl() {
        assertThat(connector("name: demo\nbase_url: https://api.example.com\n").likelyTls()).isTrue();
        assertThat(connector("name: demo\nbase_url: HTTP://127.0.0.1:8080\n").likelyTls()).isFalse();
        assertThat(connector("name: demo\nbase_url: <<api_url>>\n").likelyTls()).isTrue();
        String fromToken = """
                name: demo
                auth:
                  type: oauth2
                  grant_type: client_credentials
                  token_url: %s/token
                  client_id: id
                  client_secret: <<secret>>
                  base_url_from: instance_url
                """;
        assertThat(connector(fromToken.formatted("http://127.0.0.1:9")).likelyTls()).isFalse();
        assertThat(connector(fromToken.formatted("https://login.example.com")).likelyTls()).isTrue();
    }

    @Test
    void bindWhenNameMissingThenMissingKeyAtTheFileStart() {
        Problem p = connectorProblem("""
                base_url: https://api.example.com
                """);
        assertThat(describe(p)).isEqualTo("missing-key @ 1:1: the connector needs `name`");
        assertThat(p.location().file()).isEqualTo(CONNECTOR_FILE);
    }

    @Test
    void bindWhenBaseUrlMissingAndNoBaseUrlFromThenSaysHowToNameIt() {
        assertThat(describe(connectorProblem("""
                name: demo
                description: no URL at all
                """))).isEqualTo("missing-key @ 1:1: the connector needs `base_url` [set `base_url`, or "
                + "`auth.base_url_from` when the token response names the API's URL]");
    }

    @Test
    void bindWhenKeyMisspelledThenUnknownKeyWithDidYouMean() {
        assertThat(describeAll(connectorProblems("""
                name: demo
                base_ur: https://api.example.com
                """))).containsExactly(
                "unknown-key @ 2:1: unknown key `base_ur` in the connector [did you mean `base_url`?]",
                "missing-key @ 1:1: the connector needs `base_url` [set `base_url`, or `auth.base_url_from` when "
                        + "the token response names the API's URL]");
    }

    @Test
    void bindWhenKeyIsNothingLikeAKnownOneThenListsTheKnownKeys() {
        assertThat(describe(connectorProblem("""
                name: demo
                base_url: https://api.example.com
                colour: red
                """))).isEqualTo("unknown-key @ 3:1: unknown key `colour` in the connector [expected one of: "
                + "name, description, base_url, auth, headers, timeout, max_body, retry, tls]");
    }

    @Test
    void bindWhenUnknownKeyInAuthThenNamesAuthAndSuggests() {
        assertThat(describe(connectorProblem("""
                name: demo
                base_url: https://api.example.com
                auth:
                  type: bearer
                  tokn: <<demo_token>>
                  token: <<demo_token>>
                """))).isEqualTo("unknown-key @ 5:3: unknown key `tokn` in `auth` [did you mean `token`?]");
    }

    @Test
    void bindWhenBaseUrlIsAListThenOneWrongTypeProblem() {
        assertThat(describeAll(connectorProblems("""
                name: demo
                base_url: [https://a.example.com, https://b.example.com]
                """))).containsExactly("wrong-type @ 2:11: `base_url` must be a single value, not a list");
    }

    @Test
    void bindWhenFileIsAListThenItMustBeAMapping() {
        assertThat(describe(connectorProblem("""
                - name: demo
                """))).isEqualTo("wrong-type @ 1:1: a connector file must be a mapping, not a list");
    }

    @Test
    void bindWhenAuthIsAStringThenItMustBeAMapping() {
        assertThat(describe(connectorProblem("""
                name: demo
                base_url: https://api.example.com
                auth: none
                """))).isEqualTo("wrong-type @ 3:7: `auth` must be a mapping, not a string");
    }

    @Test
    void bindWhenHeadersIsAListOrAHeaderIsAMappingThenWrongType() {
        assertThat(describe(connectorProblem("""
                name: demo
                base_url: https://api.example.com
                headers: [Accept]
                """))).isEqualTo("wrong-type @ 3:10: `headers` must be a mapping, not a list");
        assertThat(describe(connectorProblem("""
                name: demo
                base_url: https://api.example.com
                headers:
                  Accept: {json: true}
                """))).isEqualTo("wrong-type @ 4:11: `headers.Accept` must be a single value, not a mapping "
                + "[write it as a string; quote it if it starts with `{{` or `{`]");
    }

    @Test
    void bindWhenNameDiffersFromFileNameThenNameMismatchWithBothFixes() {
        assertThat(describe(connectorProblem("""
                name: other
                base_url: https://api.example.com
                """))).isEqualTo("name-mismatch @ 1:7: `name: other` does not match the file name `demo.yaml` "
                + "[rename the file to `other.yaml`, or set `name: demo`]");
    }

    @Test
    void bindWhenNameIsNotLowerCaseIdentifierThenBadName() {
        for (String bad : new String[] {"Demo", "1demo", "my connector", "-demo", "démo"}) {
            Path file = Path.of("connectors", bad + ".yaml");
            assertThat(connectorProblems(file, "name: \"" + bad + "\"\nbase_url: https://api.example.com\n"))
                    .as(bad).singleElement().satisfies(p -> assertThat(describe(p)).isEqualTo(
                            "bad-name @ 1:7: `" + bad + "` is not a valid name "
                                    + "[names are lower-case letters, digits, `-` and `_`, starting with a letter]"));
        }
    }

    @Test
    void bindWhenNameIsAListThenWrongType() {
        assertThat(describe(connectorProblem("""
                name: [demo]
                base_url: https://api.example.com
                """))).isEqualTo("wrong-type @ 1:7: `name` must be a single value, not a list");
    }

    @Test
    void bindWhenAuthTypeUnknownThenOneOfWithDidYouMean() {
        assertThat(describe(connectorProblem("""
                name: demo
                base_url: https://api.example.com
                auth:
                  type: oauth
                """))).isEqualTo("bad-value @ 4:9: `type` must be one of none, basic, bearer, api_key, oauth2, "
                + "not `oauth` [did you mean `oauth2`?]");
    }

    @Test
    void bindWhenAuthTypeMissingThenAuthNeedsType() {
        assertThat(describe(connectorProblem("""
                name: demo
                base_url: https://api.example.com
                auth:
                  token: <<demo_token>>
                """))).isEqualTo("missing-key @ 4:3: `auth` needs `type`");
    }

    @Test
    void bindWhenBasicWithoutPasswordThenAuthNeedsPassword() {
        assertThat(describe(connectorProblem("""
                name: demo
                base_url: https://api.example.com
                auth:
                  type: basic
                  username: <<demo_user>>
                """))).isEqualTo("missing-key @ 4:3: `auth` needs `password`");
    }

    @Test
    void bindWhenApiKeyInACookieThenHeaderOrQuery() {
        assertThat(describe(connectorProblem("""
                name: demo
                base_url: https://api.example.com
                auth:
                  type: api_key
                  in: cookie
                  name: X-Api-Key
                  value: <<demo_key>>
                """))).isEqualTo("bad-value @ 5:7: `in` must be one of header, query, not `cookie`");
    }

    @Test
    void bindWhenApiKeyCompleteThenPlacementNameAndValue() {
        Connector c = connector("""
                name: demo
                base_url: https://api.example.com
                auth:
                  type: api_key
                  in: query
                  name: api_key
                  value: Key <<demo_key>>
                """);
        assertThat(c.auth()).isInstanceOfSatisfying(Auth.ApiKey.class, k -> {
            assertThat(k.in()).isEqualTo(Auth.Placement.QUERY);
            assertThat(k.name()).isEqualTo("api_key");
            assertThat(k.value().source()).isEqualTo("Key <<demo_key>>");
        });
    }

    @Test
    void bindWhenPasswordGrantWithoutUsernameThenAuthNeedsUsername() {
        assertThat(describe(connectorProblem("""
                name: demo
                base_url: https://api.example.com
                auth:
                  type: oauth2
                  grant_type: password
                  token_url: https://login.example.com/token
                  client_id: <<demo_client_id>>
                  client_secret: <<demo_client_secret>>
                  password: <<demo_password>>
                """))).isEqualTo("missing-key @ 4:3: `auth` needs `username`");
    }

    @Test
    void bindWhenClientCredentialsWithoutSecretThenAuthNeedsClientSecret() {
        assertThat(describe(connectorProblem("""
                name: demo
                base_url: https://api.example.com
                auth:
                  type: oauth2
                  grant_type: client_credentials
                  token_url: https://login.example.com/token
                  client_id: <<demo_client_id>>
                """))).isEqualTo("missing-key @ 4:3: `auth` needs `client_secret`");
    }

    @Test
    void bindWhenJwtBearerWithoutKeySubjectAudienceThenEachIsNamed() {
        assertThat(describeAll(connectorProblems("""
                name: demo
                base_url: https://api.example.com
                auth:
                  type: oauth2
                  grant_type: jwt_bearer
                  token_url: https://login.example.com/token
                  client_id: <<demo_client_id>>
                """))).containsExactly(
                "missing-key @ 4:3: `auth` needs `audience`",
                "missing-key @ 4:3: `auth` needs `private_key`",
                "missing-key @ 4:3: `auth` needs `subject`");
    }

    @Test
    void bindWhenJwtBearerCompleteThenNoClientSecret() {
        Connector c = connector("""
                name: demo
                base_url: https://api.example.com
                auth:
                  type: oauth2
                  grant_type: jwt_bearer
                  token_url: https://login.example.com/token
                  client_id: <<demo_client_id>>
                  private_key: <<demo_private_key>>
                  subject: <<demo_user>>
                  audience: https://login.example.com
                """);
        assertThat(c.auth()).isInstanceOfSatisfying(OAuth2.JwtBearer.class, j -> {
            assertThat(j.privateKey().source()).isEqualTo("<<demo_private_key>>");
            assertThat(j.subject().source()).isEqualTo("<<demo_user>>");
            assertThat(j.client().audience().source()).isEqualTo("https://login.example.com");
            assertThat(j.client().clientSecret()).isNull();
        });
    }

    @Test
    void bindWhenRefreshTokenGrantThenClientSecretOptional() {
        Connector c = connector("""
                name: demo
                base_url: https://api.example.com
                auth:
                  type: oauth2
                  grant_type: refresh_token
                  token_url: https://login.example.com/token
                  client_id: <<demo_client_id>>
                  refresh_token: <<demo_refresh_token>>
                  client_auth: basic
                  expires_in_default: 1h
                  refresh_margin: 2m
                  token_params:
                    resource: https://api.example.com
                """);
        assertThat(c.auth()).isInstanceOfSatisfying(OAuth2.RefreshToken.class, r -> {
            assertThat(r.client().clientSecret()).isNull();
            assertThat(r.client().clientAuth()).isEqualTo(OAuth2.ClientAuth.BASIC);
            assertThat(r.client().expiresInDefault()).isEqualTo(Duration.ofHours(1));
            assertThat(r.client().refreshMargin()).isEqualTo(Duration.ofMinutes(2));
            assertThat(r.client().tokenParams().get("resource").source()).isEqualTo("https://api.example.com");
        });
    }

    @Test
    void bindWhenGrantTypeUnknownThenOnlyThatProblem() {
        assertThat(describe(connectorProblem("""
                name: demo
                base_url: https://api.example.com
                auth:
                  type: oauth2
                  grant_type: authorization_code
                  token_url: https://login.example.com/token
                  client_id: <<demo_client_id>>
                  username: <<demo_user>>
                  password: <<demo_password>>
                """))).isEqualTo("bad-value @ 5:15: `grant_type` must be one of client_credentials, password, "
                + "refresh_token, jwt_bearer, not `authorization_code`");
    }

    @Test
    void bindWhenBaseUrlFromSetThenBaseUrlMayBeLeftOut() {
        Connector c = connector("""
                name: demo
                auth:
                  type: oauth2
                  grant_type: client_credentials
                  token_url: https://login.example.com/token
                  client_id: <<demo_client_id>>
                  client_secret: <<demo_client_secret>>
                  base_url_from: instance_url
                """);
        assertThat(c.baseUrl()).isNull();
        assertThat(c.baseUrlFrom()).isEqualTo("instance_url");
    }

    @Test
    void bindWhenPlaceholdersInEveryValueFieldSpecListsThenAccepted() {
        Connector c = connector("""
                name: demo
                base_url: https://<<demo_host:-api.example.com>>/v1
                auth:
                  type: oauth2
                  grant_type: password
                  token_url: https://<<demo_login_host>>/token
                  client_id: <<demo_client_id>>
                  client_secret: <<demo_client_secret>>
                  username: <<demo_user>>
                  password: <<demo_password>><<demo_security_token>>
                  scope: <<demo_scope>>
                  audience: <<demo_audience>>
                  token_params:
                    tenant: <<demo_tenant>>
                headers:
                  X-Tenant: <<demo_tenant>>
                """);
        assertThat(c.templates()).extracting(t -> t.source()).contains(
                "https://<<demo_host:-api.example.com>>/v1", "https://<<demo_login_host>>/token",
                "<<demo_password>><<demo_security_token>>", "<<demo_tenant>>");
    }

    @Test
    void bindWhenPlaceholderInBaseUrlFromThenRefused() {
        assertThat(describe(connectorProblem("""
                name: demo
                auth:
                  type: oauth2
                  grant_type: client_credentials
                  token_url: https://login.example.com/token
                  client_id: <<demo_client_id>>
                  client_secret: <<demo_client_secret>>
                  base_url_from: <<demo_field>>
                """))).isEqualTo("placeholder-not-allowed @ 8:18: `<<…>>` placeholders are not allowed in "
                + "`base_url_from` [secrets may stand only in a connector's URLs, credentials, token_params and "
                + "headers]");
    }

    @Test
    void bindWhenPlaceholderInDescriptionApiKeyNameOrCaFileThenRefused() {
        assertThat(describeAll(connectorProblems("""
                name: demo
                description: <<demo_description>>
                base_url: https://api.example.com
                auth:
                  type: api_key
                  in: header
                  name: <<demo_header>>
                  value: <<demo_key>>
                tls:
                  ca_file: <<demo_ca>>
                """))).extracting(s -> s.substring(0, s.indexOf(" ["))).containsExactly(
                "placeholder-not-allowed @ 2:14: `<<…>>` placeholders are not allowed in `description`",
                "placeholder-not-allowed @ 7:9: `<<…>>` placeholders are not allowed in `name`",
                "placeholder-not-allowed @ 10:12: `<<…>>` placeholders are not allowed in `ca_file`");
    }

    @Test
    void bindWhenPlaceholderInAuthTypeThenRefusedAsNotAType() {
        assertThat(describe(connectorProblem("""
                name: demo
                base_url: https://api.example.com
                auth:
                  type: <<demo_auth_type>>
                """))).isEqualTo("bad-value @ 4:9: `type` must be one of none, basic, bearer, api_key, oauth2, "
                + "not `<<demo_auth_type>>`");
    }

    @Test
    void bindWhenPlaceholderInTimeoutOrClientAuthThenRefused() {
        assertThat(describeAll(connectorProblems("""
                name: demo
                base_url: https://api.example.com
                auth:
                  type: oauth2
                  grant_type: client_credentials
                  token_url: https://login.example.com/token
                  client_id: <<demo_client_id>>
                  client_secret: <<demo_client_secret>>
                  client_auth: <<demo_client_auth>>
                timeout: <<demo_timeout>>
                """))).containsExactly(
                "bad-value @ 9:16: `client_auth` must be one of body, basic, not `<<demo_client_auth>>`",
                "bad-duration @ 10:10: `timeout` is not a duration: `<<demo_timeout>>` "
                        + "[write a whole number with a unit: 500ms, 30s, 5m, 2h]");
    }

    @Test
    void bindWhenPlaceholderInAHeaderNameThenRefused() {
        assertThat(describe(connectorProblem("""
                name: demo
                base_url: https://api.example.com
                headers:
                  <<demo_header>>: yes
                """))).isEqualTo("placeholder-not-allowed @ 4:3: `<<…>>` placeholders are not allowed in "
                + "a `headers` name [secrets may stand only in a connector's URLs, credentials, token_params and "
                + "headers]");
    }

    @Test
    void bindWhenPlaceholderNameInvalidThenBadPlaceholderWithFix() {
        assertThat(describe(connectorProblem("""
                name: demo
                base_url: https://api.example.com
                auth:
                  type: bearer
                  token: <<Demo Token>>
                """))).isEqualTo("secret-bad-placeholder @ 5:10: `<<Demo Token>>` is not a valid placeholder "
                + "[names are lower-case letters, digits and `_`, starting with a letter: `<<demo_token>>`]");
    }

    @Test
    void bindWhenDurationsWrittenWithUnitsThenParsed() {
        Connector c = connector("""
                name: demo
                base_url: https://api.example.com
                timeout: 500ms
                retry:
                  max_attempts: 5
                  max_delay: 2m
                """);
        assertThat(c.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.retry()).isEqualTo(new RetryPolicy(5, Duration.ofMinutes(2)));
    }

    @Test
    void bindWhenDurationHasNoUnitADecimalASpaceOrAnUnknownUnitThenBadDuration() {
        for (String bad : new String[] {"30", "1.5s", "30 s", "-5s", "5d", "30S", "s", "0s", "9999999999s"}) {
            assertThat(connectorProblems("name: demo\nbase_url: https://api.example.com\ntimeout: " + bad + "\n"))
                    .as(bad).singleElement().satisfies(p -> assertThat(describe(p)).isEqualTo(
                            "bad-duration @ 3:10: `timeout` is not a duration: `" + bad + "` "
                                    + "[write a whole number with a unit: 500ms, 30s, 5m, 2h]"));
        }
    }

    @Test
    void bindWhenRetryAttemptsZeroOrDelayBadThenEachReported() {
        assertThat(describeAll(connectorProblems("""
                name: demo
                base_url: https://api.example.com
                retry:
                  max_attempts: 0
                  max_delay: soon
                  max_atempts: 3
                """))).containsExactly(
                "bad-value @ 4:17: `max_attempts` must be a whole number of at least 1, not `0`",
                "bad-duration @ 5:14: `max_delay` is not a duration: `soon` "
                        + "[write a whole number with a unit: 500ms, 30s, 5m, 2h]",
                "unknown-key @ 6:3: unknown key `max_atempts` in `retry` [did you mean `max_attempts`?]");
    }

    @Test
    void bindWhenRetryGivesOnlyAttemptsThenDefaultDelay() {
        Connector c = connector("""
                name: demo
                base_url: https://api.example.com
                retry: { max_attempts: 1 }
                """);
        assertThat(c.retry()).isEqualTo(new RetryPolicy(1, RetryPolicy.DEFAULT.maxDelay()));
    }

    @Test
    void bindWhenHeaderValueLooksLikeANumberOrBooleanThenItsTextAsWritten() {
        Connector c = connector("""
                name: demo
                base_url: https://api.example.com
                headers:
                  X-Api-Version: 2.10
                  X-Flag: yes
                  X-Count: 010
                """);
        assertThat(c.headers().get("X-Api-Version").source()).isEqualTo("2.10");
        assertThat(c.headers().get("X-Flag").source()).isEqualTo("yes");
        assertThat(c.headers().get("X-Count").source()).isEqualTo("010");
    }

    @Test
    void bindWhenConnectorSetsAHeaderTheHttpClientOwnsThenReservedHeaderButAuthorizationIsItsOwn() {
        assertThat(describeAll(connectorProblems("""
                name: demo
                base_url: https://api.example.com
                headers:
                  Authorization: Bearer <<demo_token>>
                  Host: evil.example.com
                  transfer-encoding: chunked
                  Content-Length: 0
                  Connection: close
                  Expect: 100-continue
                  Upgrade: h2c
                  TE: trailers
                  Trailer: X-Sum
                  Keep-Alive: timeout=5
                  Proxy-Authorization: Basic <<demo_proxy>>
                  Accept: application/json
                """))).containsExactly(
                "reserved-header @ 5:9: a connector may not set the `Host` header [the HTTP client sets it itself,"
                        + " from the request it sends]",
                "reserved-header @ 6:22: a connector may not set the `transfer-encoding` header [the HTTP client sets"
                        + " it itself, from the request it sends]",
                "reserved-header @ 7:19: a connector may not set the `Content-Length` header [the HTTP client sets it"
                        + " itself, from the request it sends]",
                "reserved-header @ 8:15: a connector may not set the `Connection` header [the HTTP client sets it"
                        + " itself, from the request it sends]",
                "reserved-header @ 9:11: a connector may not set the `Expect` header [the HTTP client sets it itself,"
                        + " from the request it sends]",
                "reserved-header @ 10:12: a connector may not set the `Upgrade` header [the HTTP client sets it"
                        + " itself, from the request it sends]",
                "reserved-header @ 11:7: a connector may not set the `TE` header [the HTTP client sets it itself,"
                        + " from the request it sends]",
                "reserved-header @ 12:12: a connector may not set the `Trailer` header [the HTTP client sets it"
                        + " itself, from the request it sends]",
                "reserved-header @ 13:15: a connector may not set the `Keep-Alive` header [the HTTP client sets it"
                        + " itself, from the request it sends]",
                "reserved-header @ 14:24: a connector may not set the `Proxy-Authorization` header [`Proxy-*` headers"
                        + " are for a proxy, not the API: set HTTPS_PROXY or HTTP_PROXY]");
    }

    @Test
    void bindWhenTheApiKeyTravelsInAHeaderTheHttpClientOwnsThenReservedHeader() {
        assertThat(describe(connectorProblem("""
                name: demo
                base_url: https://api.example.com
                auth: { type: api_key, in: header, name: Transfer-Encoding, value: <<demo_key>> }
                """))).isEqualTo("reserved-header @ 3:42: a connector may not set the `Transfer-Encoding` header"
                + " [the HTTP client sets it itself, from the request it sends]");
        assertThat(connector("""
                name: demo
                base_url: https://api.example.com
                auth: { type: api_key, in: query, name: host, value: <<demo_key>> }
                """).auth()).isInstanceOf(Auth.ApiKey.class);
    }

    @Test
    void bindWhenCaFileRelativeThenResolvedAgainstTheConnectorFolder() {
        Connector c = connector("""
                name: demo
                base_url: https://api.example.com
                tls:
                  ca_file: ../certs/corp.pem
                """);
        assertThat(c.caFile()).isEqualTo(Path.of("certs", "corp.pem").toAbsolutePath());
    }

    @Test
    void bindWhenTlsAsksToSkipVerificationThenUnknownKey() {
        assertThat(describe(connectorProblem("""
                name: demo
                base_url: https://api.example.com
                tls:
                  verify: false
                """))).isEqualTo("unknown-key @ 4:3: unknown key `verify` in `tls` [expected one of: ca_file]");
    }
}
