package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dry run's promise: its curl commands, run by a shell with the variables set, send exactly what the runtime
 * sends (method, URL with its encoding, body bytes, every header the runtime sets). Each test runs the action for
 * real, then runs the printed plan with bash and curl against the same servers, and compares the two. Skipped where
 * bash or curl are missing.
 */
class DryRunCurlTest {

    /** Added by the transports themselves, not by the runtime or the plan. */
    private static final Set<String> TRANSPORT = Set.of("host", "content-length", "connection", "upgrade",
            "http2-settings", "user-agent", "accept");

    static int[] curlVersion;

    @TempDir
    Path dir;

    WireMockServer login;
    WireMockServer api;

    @BeforeAll
    static void needsBashAndCurl() throws Exception {
        String version;
        try {
            Process p = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
            version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            new ProcessBuilder("bash", "-c", "true").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            version = "";
        }
        Matcher m = Pattern.compile("^curl (\\d+)\\.(\\d+)").matcher(version);
        assumeTrue(m.find(), "bash and curl are needed to run a plan");
        curlVersion = new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    @BeforeEach
    void start() {
        login = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        api = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        login.start();
        api.start();
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"records\":[]}")));
    }

    @AfterEach
    void stop() {
        login.stop();
        api.stop();
    }

    void tokenEndpoint(String path, String extra) {
        login.stubFor(post(path).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + RunSalesforceTest.ACCESS_TOKEN + "\",\"token_type\":\"Bearer\""
                        + extra + "}")));
    }

    /** Runs the action, then its plan; returns the requests each sent, in order, to both servers. */
    List<List<LoggedRequest>> runThenPlan(Map<String, String> env, Map<String, String> shellVariables,
                                          String... args) throws Exception {
        login.resetRequests();
        api.resetRequests();
        Cli.Result real = Cli.run(dir, env, args);
        assertThat(real.exitCode()).as(real.err()).isZero();
        List<LoggedRequest> sent = requests();
        login.resetRequests();
        api.resetRequests();

        String[] dry = new String[args.length + 1];
        System.arraycopy(args, 0, dry, 0, args.length);
        dry[args.length] = "--dry-run";
        Cli.Result plan = Cli.run(dir, env, dry);
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "set -e\n" + plan.out());
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().putAll(env);
        pb.environment().putAll(shellVariables);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(plan.out() + "\n" + output).isZero();
        return List.of(sent, requests());
    }

    private List<LoggedRequest> requests() {
        List<LoggedRequest> all = new ArrayList<>(login.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .anyRequestedFor(anyUrl())));
        all.addAll(api.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl())));
        all.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return all;
    }

    static void assertSame(List<List<LoggedRequest>> both) {
        assertSame(both, false);
    }

    /** @param curlEncodesTheQuery the plan lets curl encode a query value: compare the decoded parameters */
    static void assertSame(List<List<LoggedRequest>> both, boolean curlEncodesTheQuery) {
        List<LoggedRequest> runtime = both.get(0);
        List<LoggedRequest> curl = both.get(1);
        assertThat(curl).hasSameSizeAs(runtime);
        for (int i = 0; i < runtime.size(); i++) {
            LoggedRequest r = runtime.get(i);
            LoggedRequest c = curl.get(i);
            assertThat(c.getMethod()).isEqualTo(r.getMethod());
            if (curlEncodesTheQuery) {
                assertThat(c.getUrl().replaceAll("\\?.*", "")).isEqualTo(r.getUrl().replaceAll("\\?.*", ""));
                assertThat(query(c)).isEqualTo(query(r));
            } else {
                assertThat(c.getUrl()).isEqualTo(r.getUrl());
            }
            assertThat(c.getBodyAsString()).isEqualTo(r.getBodyAsString());
            assertThat(c.getBody()).isEqualTo(r.getBody());
            assertThat(headers(c)).as(c.getUrl()).isEqualTo(headers(r));
        }
    }

    private static Map<String, List<String>> query(LoggedRequest r) {
        Map<String, List<String>> out = new HashMap<>();
        r.getQueryParams().forEach((k, v) -> out.put(k, v.values()));
        return out;
    }

    private static Map<String, List<String>> headers(LoggedRequest r) {
        Map<String, List<String>> out = new HashMap<>();
        for (HttpHeader h : r.getHeaders().all()) {
            String name = h.key().toLowerCase(Locale.ROOT);
            if (!TRANSPORT.contains(name)) {
                out.put(name, h.values());
            }
        }
        // curl's default Accept when the runtime sets none; the runtime's own User-Agent must match
        String ua = r.getHeader("User-Agent");
        if (ua != null && ua.startsWith("connector-runtime/")) {
            out.put("user-agent", List.of(ua));
        }
        String accept = r.getHeader("Accept");
        if (accept != null && !accept.equals("*/*")) {
            out.put("accept", List.of(accept));
        }
        return out;
    }

    @Test
    void salesforcePlanSendsWhatTheRunSends() throws Exception {
        SalesforceWorkspace.create(dir);
        Map<String, String> env = SalesforceWorkspace.env(login.port());
        env.put("SALESFORCE_PASSWORD", "p@ss word+&=é'\"$`!");
        tokenEndpoint("/services/oauth2/token", ",\"instance_url\":\"" + api.baseUrl() + "\"");

        List<List<LoggedRequest>> both = runThenPlan(env,
                Map.of("TOKEN", RunSalesforceTest.ACCESS_TOKEN, "INSTANCE_URL", api.baseUrl()),
                "run", "list-contacts", "-i", "limit=7");

        assertThat(both.get(0)).hasSize(2);
        assertSame(both);
    }

    @Test
    void bearerPostPlanSendsTheSameHostileValuesAndHeaders() throws Exception {
        TestWorkspace.write(dir, "connectors/notes.yaml", "name: notes\nbase_url: " + api.baseUrl() + "/v2/\n"
                + "auth:\n  type: bearer\n  token: <<notes_token>>\nheaders:\n  X-Tenant: <<notes_tenant:-acme>>\n"
                + "  X-Note: the action's wins\n");
        TestWorkspace.write(dir, "actions/create-note.yaml", """
                name: create-note
                connector: notes
                inputs:
                  folder: { type: string, required: true }
                  title: { type: string, required: true }
                  tags: { type: array, items: { type: string } }
                  note: { type: string }
                request:
                  method: POST
                  path: /notes/{{folder}}
                  query:
                    tag: "{{tags}}"
                  headers:
                    X-Note: "{{note}}"
                  json:
                    title: "{{title}}"
                    nested: { text: "{{note}} & {{title}}" }
                """);

        assertSame(runThenPlan(Map.of("NOTES_TOKEN", "tok'en-$x"), Map.of(), "run", "create-note",
                "-i", "folder=../a b", "-i", "title=O'Brien \"quoted\" \\ $HOME `id` !x €",
                "-i", "tags=[\"a&b=c\",\"d+e f\",\"#h\"]", "-i", "note=it's 100%"));
    }

    @Test
    void basicPutWithATextBodyOfControlCharactersSendsTheSameBytes() throws Exception {
        TestWorkspace.write(dir, "connectors/files.yaml", "name: files\nbase_url: " + api.baseUrl() + "\n"
                + "auth:\n  type: basic\n  username: <<files_user>>\n  password: <<files_password>>\n");
        TestWorkspace.write(dir, "actions/put-file.yaml", """
                name: put-file
                connector: files
                inputs:
                  name: { type: string, required: true }
                  text: { type: string, required: true }
                request:
                  method: PUT
                  path: /files/{{name}}
                  text: "{{text}}"
                """);

        assertSame(runThenPlan(Map.of("FILES_USER", "ada", "FILES_PASSWORD", "pa:ss wörd'\""), Map.of(),
                "run", "put-file", "-i", "name=notes.txt", "-i", "text=line\r\nbell\u0007 tab\t esc\u001b[0m '\\ end"));
    }

    @Test
    void clientCredentialsWithBasicClientAuthAndAnApiKeyQuerySendTheSame() throws Exception {
        assumeTrue(curlVersion[0] > 7 || curlVersion[1] >= 87, "--url-query needs curl 7.87");
        TestWorkspace.write(dir, "connectors/billing.yaml", "name: billing\nbase_url: " + api.baseUrl() + "\n"
                + "auth:\n  type: oauth2\n  grant_type: client_credentials\n"
                + "  token_url: http://127.0.0.1:" + login.port() + "/oauth/token\n"
                + "  client_id: <<billing_client_id>>\n  client_secret: <<billing_client_secret>>\n"
                + "  client_auth: basic\n  scope: <<billing_scope:-invoices:read all>>\n"
                + "  token_params:\n    resource: <<billing_resource:-it's $weird}>>\n");
        TestWorkspace.write(dir, "actions/invoices.yaml", """
                name: invoices
                connector: billing
                inputs:
                  status: { type: string, default: "open & due" }
                request:
                  method: GET
                  path: /invoices
                  query:
                    status: "{{status}}"
                paginate:
                  items: /records
                  offset: { param: offset, limit_param: limit, page_size: 25 }
                """);
        tokenEndpoint("/oauth/token", "");

        assertSame(runThenPlan(Map.of("BILLING_CLIENT_ID", "client-1", "BILLING_CLIENT_SECRET", "s3cret-value"),
                Map.of("TOKEN", RunSalesforceTest.ACCESS_TOKEN), "run", "invoices"));

        TestWorkspace.write(dir, "connectors/billing.yaml", "name: billing\nbase_url: " + api.baseUrl() + "\n"
                + "auth:\n  type: api_key\n  in: query\n  name: api key\n  value: <<billing_key>>\n");
        assertSame(runThenPlan(Map.of("BILLING_KEY", "key/with+plus=and&amp"), Map.of(), "run", "invoices"), true);
    }
}
