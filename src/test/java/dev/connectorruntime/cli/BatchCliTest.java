package dev.connectorruntime.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code run ACTION --batch} through the real CLI against a login server and an instance playing Salesforce (SPEC
 * §13): one output line per input in input order, -i on every line, per-line errors, fatal stops, --resume, --rate,
 * --concurrency, masking, one token request.
 */
class BatchCliTest extends SalesforceServers {

    static final String TOKEN = "00D50000000IZ3Z!AQgAQH0Yd9M51BU_batchTokenValue0123456789abcdefXYZ";
    static final String CONTACT = "/services/data/v58.0/sobjects/Contact/";

    @BeforeEach
    void getContact() throws IOException {
        Files.copy(Path.of("actions/get-contact.yaml"), dir.resolve("actions/get-contact.yaml"));
        login.stubFor(post("/services/oauth2/token").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + TOKEN + "\",\"instance_url\":\"" + instance.baseUrl() + "\","
                        + "\"id\":\"https://login.salesforce.com/id/00D50000000IZ3ZEAW/00550000001fg5OAAQ\","
                        + "\"token_type\":\"Bearer\",\"issued_at\":\"1296509381665\",\"signature\":\"c2ln\"}")));
    }

    static String id(int i) {
        return String.format("003RO%010dAAA", i);
    }

    /** Contact i answers after a delay that makes later lines finish first. */
    void contacts(int count) {
        for (int i = 1; i <= count; i++) {
            instance.stubFor(get(urlPathEqualTo(CONTACT + id(i))).willReturn(aResponse().withStatus(200)
                    .withFixedDelay((count - i) * 15 % 120)
                    .withHeader("Content-Type", "application/json;charset=UTF-8")
                    .withBody("{\"Id\":\"" + id(i) + "\",\"Name\":\"Contact " + i + "\"}")));
        }
    }

    Path lines(String... lines) {
        try {
            return Files.writeString(dir.resolve("in.jsonl"), String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String ok(int line, int contact) {
        return "{\"line\":" + line + ",\"output\":{\"Id\":\"" + id(contact) + "\",\"Name\":\"Contact " + contact
                + "\"}}";
    }

    static String idLine(int i) {
        return "{\"id\":\"" + id(i) + "\"}";
    }

    @Test
    void batchWhenEveryLineSucceedsThenOneLinePerInputInInputOrderAndOneTokenRequest() {
        contacts(20);
        lines(IntStream.rangeClosed(1, 20).mapToObj(BatchCliTest::idLine).toArray(String[]::new));

        Cli.Result r = Cli.run(dir, env, "run", "get-contact", "--batch", "in.jsonl", "--concurrency", "8");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(IntStream.rangeClosed(1, 20).mapToObj(i -> ok(i, i) + "\n")
                .collect(Collectors.joining()));
        login.verify(1, postRequestedFor(urlPathEqualTo("/services/oauth2/token")));
        instance.verify(20, getRequestedFor(urlPathMatching(CONTACT + ".*")));
    }

    @Test
    void batchFromStdinCountsBlankLinesInLineNumbersAndTakesCrlf() {
        contacts(2);
        byte[] in = ("\n" + idLine(1) + "\r\n   \r\n" + idLine(2)).getBytes(StandardCharsets.UTF_8);

        Cli.Result r = Cli.withStdin(new ByteArrayInputStream(in), dir, env, "run", "get-contact", "--batch", "-");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(ok(2, 1) + "\n" + ok(4, 2) + "\n");
    }

    @Test
    void batchWhenIGivenThenItAppliesToEveryLineAndWinsOverTheLinesOwnValue() {
        contacts(2);
        lines("{\"id\":\"" + id(1) + "\",\"fields\":\"Email\"}", idLine(2));

        Cli.Result r = Cli.run(dir, env, "run", "get-contact", "--batch", "in.jsonl", "-i", "fields=Id,Name");

        assertThat(r.exitCode()).isZero();
        assertThat(instance.findAll(getRequestedFor(urlPathMatching(CONTACT + ".*"))))
                .extracting(q -> q.queryParameter("fields").firstValue()).containsOnly("Id,Name").hasSize(2);
    }

    @Test
    void batchWhenSomeLinesFailThenEachFailedLineCarriesItsErrorTheOthersRunAndExit5() {
        contacts(3);
        instance.stubFor(get(urlPathEqualTo(CONTACT + id(2))).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]")));
        lines(idLine(1), "{\"id\": ", "[1,2]", "{\"id\":\"not an id\"}", "", idLine(2), idLine(3));

        Cli.Result r = Cli.run(dir, env, "run", "get-contact", "--batch", "in.jsonl");

        assertThat(r.exitCode()).isEqualTo(5);
        List<String> out = r.out().lines().toList();
        assertThat(out).hasSize(6);
        assertThat(out.get(0)).isEqualTo(ok(1, 1));
        assertThat(out.get(1)).isEqualTo("{\"line\":2,\"error\":{\"kind\":\"usage\",\"code\":\"batch-line\","
                + "\"status\":null,\"api_error\":null,\"message\":\"line 2 of in.jsonl is not JSON: unexpected"
                + " end-of-input within/between Object entries\","
                + "\"hint\":\"each line is one JSON object, such as {\\\"id\\\": \\\"003…\\\"}\"}}");
        assertThat(out.get(2)).isEqualTo("{\"line\":3,\"error\":{\"kind\":\"usage\",\"code\":\"batch-line\","
                + "\"status\":null,\"api_error\":null,\"message\":\"line 3 of in.jsonl is not a JSON object of"
                + " inputs but an array\",\"hint\":\"each line is one JSON object, such as {\\\"id\\\":"
                + " \\\"003…\\\"}\"}}");
        assertThat(out.get(3)).startsWith("{\"line\":4,\"error\":{\"kind\":\"usage\",\"code\":\"bad-input\",");
        assertThat(out.get(4)).isEqualTo("{\"line\":6,\"error\":{\"kind\":\"api\",\"code\":\"api-error\","
                + "\"status\":404,\"api_error\":[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource"
                + " does not exist\"}],\"message\":\"the API answered 404: NOT_FOUND: The requested"
                + " resource does not exist\",\"hint\":\"check the action's path and the values of its path inputs\"}}");
        assertThat(out.get(5)).isEqualTo(ok(7, 3));
        assertThat(r.err()).isEqualTo("error: 4 of 6 lines failed; each failed line's error is on stdout\n"
                + "  hint: run the failed lines again with --resume OUTPUT: it skips the lines that succeeded\n");
    }

    @Test
    void batchWhenSomeLinesFailWithJsonErrorsThenTheSummaryIsOneJsonObject() {
        contacts(1);
        lines(idLine(1), "nope");

        Cli.Result r = Cli.run(dir, env, "run", "get-contact", "--batch", "in.jsonl", "--json-errors");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).isEqualTo("{\"exit_code\":5,\"kind\":\"api\",\"code\":\"batch-failed\",\"status\":null,"
                + "\"api_error\":null,\"message\":\"1 of 2 lines failed; each failed line's error is on stdout\","
                + "\"hint\":\"run the failed lines again with --resume OUTPUT: it skips the lines that succeeded\"}\n");
    }

    @Test
    void batchWhenTheTokenEndpointRefusesThenItStopsAtOnceWithExit4AndOneTokenRequest() {
        login.stubFor(post("/services/oauth2/token").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}")));
        contacts(10);
        lines(IntStream.rangeClosed(1, 10).mapToObj(BatchCliTest::idLine).toArray(String[]::new));

        Cli.Result r = Cli.run(dir, env, "run", "get-contact", "--batch", "in.jsonl", "--concurrency", "8");

        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.out()).startsWith("{\"line\":1,\"error\":{\"kind\":\"auth\",\"code\":\"token-refused\"")
                .hasLineCount(1);
        assertThat(r.err()).startsWith("error: ");
        login.verify(1, postRequestedFor(urlPathEqualTo("/services/oauth2/token")));
        instance.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void batchWhenASecretIsMissingThenExit3BeforeAnyRequest() {
        env.remove("SALESFORCE_PASSWORD");
        lines(idLine(1), idLine(2));

        Cli.Result r = Cli.run(dir, env, "run", "get-contact", "--batch", "in.jsonl");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).hasLineCount(1).contains("\"code\":\"secret-missing\"");
        login.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void batchOfAnUnknownActionThenExit2AndNoLine() {
        lines(idLine(1));

        Cli.Result r = Cli.run(dir, env, "run", "get-contacts", "--batch", "in.jsonl");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: unknown action `get-contacts`");
    }

    @Test
    void batchWhenResumedThenLinesThatSucceededAreSkippedAndFailedOnesRunAgain() throws IOException {
        contacts(3);
        lines(idLine(1), idLine(2), idLine(3));
        Files.writeString(dir.resolve("before.jsonl"), ok(1, 1) + "\n"
                + "{\"line\":2,\"error\":{\"kind\":\"network\",\"code\":\"timeout\"}}\n{\"line\":3,\"outp");

        Cli.Result r = Cli.run(dir, env, "run", "get-contact", "--batch", "in.jsonl", "--resume", "before.jsonl");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(ok(2, 2) + "\n" + ok(3, 3) + "\n");
        instance.verify(0, getRequestedFor(urlPathEqualTo(CONTACT + id(1))));
    }

    @Test
    void batchWhenTheResumeFileIsNotABatchOutputThenExit2ResumeFile() throws IOException {
        lines(idLine(1));
        Files.writeString(dir.resolve("before.jsonl"), "{\"id\":1}\n" + ok(1, 1) + "\n");

        Cli.Result r = Cli.run(dir, env, "run", "get-contact", "--batch", "in.jsonl", "--resume", "before.jsonl",
                "--json-errors");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("{\"exit_code\":2,\"kind\":\"usage\",\"code\":\"resume-file\",\"status\":null,"
                + "\"api_error\":null,\"message\":\"line 1 of before.jsonl is not a batch output line\",\"hint\":"
                + "\"--resume takes what an earlier `run --batch` wrote on stdout: {\\\"line\\\": n, \\\"output\\\":"
                + " …} lines\"}\n");
    }

    @Test
    void batchWhenTheFileDoesNotExistThenExit2BatchFile() {
        Cli.Result r = Cli.run(dir, env, "run", "get-contact", "--batch", "missing.jsonl", "--json-errors");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("\"code\":\"batch-file\"").contains("\"message\":\"--batch: missing.jsonl does"
                + " not exist\"");
    }

    @Test
    void batchWithRateThenCallsStartNoFasterThanIt() {
        contacts(6);
        lines(IntStream.rangeClosed(1, 6).mapToObj(BatchCliTest::idLine).toArray(String[]::new));

        long start = System.nanoTime();
        Cli.Result r = Cli.run(dir, env, "run", "get-contact", "--batch", "in.jsonl", "--rate", "20/s",
                "--concurrency", "6");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.exitCode()).isZero();
        List<Long> starts = new ArrayList<>(instance.findAll(getRequestedFor(urlPathMatching(CONTACT + ".*")))
                .stream().map(LoggedRequest::getLoggedDate).map(java.util.Date::getTime).sorted().toList());
        assertThat(starts.get(starts.size() - 1) - starts.get(0)).isGreaterThanOrEqualTo(5 * 50 - 10);
        assertThat(millis).isGreaterThanOrEqualTo(5 * 50 - 10);
    }

    @Test
    void batchWhenConcurrencyIsOutOfBoundsOrRateIsNotARateThenUsageErrors() {
        lines(idLine(1));

        assertThat(Cli.run(dir, env, "run", "get-contact", "--batch", "in.jsonl", "--concurrency", "0").err())
                .isEqualTo("error: --concurrency must be between 1 and 256, not 0\n");
        assertThat(Cli.run(dir, env, "run", "get-contact", "--batch", "in.jsonl", "--concurrency", "257").exitCode())
                .isEqualTo(2);
        Cli.Result rate = Cli.run(dir, env, "run", "get-contact", "--batch", "in.jsonl", "--rate", "0/s");
        assertThat(rate.exitCode()).isEqualTo(2);
        assertThat(rate.err()).isEqualTo("error: Invalid value for option '--rate': `0/s` is not a rate: write calls"
                + " per second, minute or hour, at least 1: 10/s, 100/m, 3600/h\n"
                + "  hint: see `runtime run --help`\n");
        assertThat(Cli.run(dir, env, "run", "get-contact", "-i", "id=" + id(1), "--concurrency", "2").err())
                .isEqualTo("error: --concurrency applies to a batch: add --batch FILE\n");
        assertThat(Cli.run(dir, env, "run", "get-contact", "--batch", "in.jsonl", "--sandbox").err())
                .isEqualTo("error: --batch cannot be combined with --sandbox\n"
                        + "  hint: the sandbox plays one example; try the action there without --batch first\n");
        assertThat(Cli.run(dir, env, "run", "get-contact", "--batch", "in.jsonl", "--inputs", "x.json").err())
                .isEqualTo("error: --batch cannot be combined with --inputs\n"
                        + "  hint: each line holds its inputs; -i values apply to every line\n");
        instance.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void batchOutputsAndErrorsAreMaskedJsonAware() {
        instance.stubFor(get(urlPathEqualTo(CONTACT + id(1))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Id\":\"" + id(1) + "\",\"Note\":\"pw " + SalesforceWorkspace.PASSWORD + "\",\"n\":1}")));
        instance.stubFor(get(urlPathEqualTo(CONTACT + id(2))).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"errorCode\":\"X\",\"message\":\"token " + TOKEN + "\"}]")));
        lines(idLine(1), idLine(2));

        Cli.Result r = Cli.run(dir, env, "run", "get-contact", "--batch", "in.jsonl");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.out().lines().toList()).containsExactly(
                "{\"line\":1,\"output\":{\"Id\":\"" + id(1) + "\",\"Note\":\"pw ****\",\"n\":1}}",
                "{\"line\":2,\"error\":{\"kind\":\"api\",\"code\":\"api-error\",\"status\":400,\"api_error\":"
                        + "[{\"errorCode\":\"X\",\"message\":\"token ****\"}],\"message\":\"the API answered 400: X:"
                        + " token ****\",\"hint\":null}}");
        assertThat(r.out()).doesNotContain(TOKEN).doesNotContain(SalesforceWorkspace.PASSWORD);
    }

    @Test
    void batchWhenInterruptedThenEveryFinishedLineIsWrittenAndExit130() throws Exception {
        contacts(2);
        for (int i = 3; i <= 40; i++) {
            instance.stubFor(get(urlPathEqualTo(CONTACT + id(i))).willReturn(aResponse().withStatus(200)
                    .withFixedDelay(10_000).withHeader("Content-Type", "application/json").withBody("{}")));
        }
        lines(IntStream.rangeClosed(1, 40).mapToObj(BatchCliTest::idLine).toArray(String[]::new));
        AtomicReference<Cli.Result> result = new AtomicReference<>();
        Thread command = new Thread(() -> result.set(Cli.run(dir, env, "run", "get-contact", "--batch", "in.jsonl",
                "--concurrency", "4")));
        command.start();
        long until = System.nanoTime() + 5_000_000_000L;
        while (instance.findAll(getRequestedFor(urlPathMatching(CONTACT + ".*"))).size() < 6
                && System.nanoTime() < until) {
            Thread.sleep(10);
        }

        command.interrupt();
        command.join(5000);

        assertThat(command.isAlive()).isFalse();
        assertThat(result.get().exitCode()).isEqualTo(130);
        assertThat(result.get().out()).isEqualTo(ok(1, 1) + "\n" + ok(2, 2) + "\n");
        assertThat(result.get().err()).isEqualTo("error: interrupted\n");
    }
}
