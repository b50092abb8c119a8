package dev.connectorruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.load.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code test [ACTION...]}: every example through the sandbox, one line each, a summary CI reads, JUnit XML. */
class TestCommandTest {

    static final Path REPO = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;

    static void write(Path dir, String file, String text) throws IOException {
        Files.createDirectories(dir.resolve(file).getParent());
        Files.writeString(dir.resolve(file), text);
    }

    static String seed(String kind, String name) throws IOException {
        return Files.readString(REPO.resolve(kind).resolve(name + ".yaml"));
    }

    /** The seed connector, and the seed action with these examples instead of its own. */
    void listContactsWith(String examples) throws IOException {
        write(dir, "connectors/salesforce.yaml", seed("connectors", "salesforce"));
        write(dir, "actions/list-contacts.yaml", seed("actions", "list-contacts").replaceAll("(?s)examples:.*", "")
                + examples);
    }

    static Element only(Document doc, String tag) {
        NodeList list = doc.getElementsByTagName(tag);
        assertThat(list.getLength()).as(tag).isEqualTo(1);
        return (Element) list.item(0);
    }

    @Test
    void testRunsEveryShippedExampleOfEveryShippedActionAndAllPass() {
        Cli.Result r = Cli.run(REPO, Map.of(), "test");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).doesNotContain("FAIL").endsWith("\n10 passed, 0 failed\n");
        for (String action : new Workspace(REPO).actionNames()) {
            assertThat(r.out()).as(action + " has an example that passes").contains("ok   " + action + " › ");
        }
    }

    @Test
    void testNamedActionsRunsOnlyTheirExamplesInTheOrderGiven() {
        Cli.Result r = Cli.run(REPO, Map.of(), "test", "search-artists", "list-contacts");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("""
                ok   search-artists › nina simone
                ok   list-contacts › two contacts
                ok   list-contacts › records as Salesforce sends them
                3 passed, 0 failed
                """);
    }

    @Test
    void testWhenTheOutputDiffersThenFailsNamingTheExampleWithADiffAndExits1() throws IOException {
        listContactsWith("""
                examples:
                  - name: two contacts
                    inputs: { limit: 2 }
                    response:
                      body: { totalSize: 2, done: true, records: [ { Name: Ada Lovelace }, { Name: Alan Turing } ] }
                    output: [ Ada Lovelace, Grace Hopper ]
                  - name: none
                    inputs: { limit: 1 }
                    response:
                      body: { totalSize: 0, done: true, records: [] }
                    output: []
                """);

        Cli.Result r = Cli.run(dir, Map.of(), "test");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("""
                FAIL list-contacts › two contacts
                     the output differs from the example's `output`:
                       [1]: expected "Grace Hopper", got "Alan Turing"
                       expected: ["Ada Lovelace","Grace Hopper"]
                       actual:   ["Ada Lovelace","Alan Turing"]
                ok   list-contacts › none
                1 passed, 1 failed
                """);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void testWhenTheRequestDiffersFromTheExamplesThenFailsNamingTheExampleAndWhatDiffered() throws IOException {
        listContactsWith("""
                examples:
                  - name: five contacts
                    inputs: { limit: 5 }
                    request:
                      method: GET
                      path: /services/data/v58.0/query/
                      query: { q: SELECT Name FROM Contact LIMIT 50 }
                      headers: { accept: application/xml }
                    response:
                      body: { totalSize: 0, done: true, records: [] }
                    output: []
                """);

        Cli.Result r = Cli.run(dir, Map.of(), "test");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("""
                FAIL list-contacts › five contacts
                     the request differs from the example's `request`:
                       path: expected /services/data/v58.0/query/, got /services/data/v58.0/query
                       query q: expected `SELECT Name FROM Contact LIMIT 50`, got `SELECT Name FROM Contact LIMIT 5`
                       header accept: expected `application/xml`, got `application/json`
                0 passed, 1 failed
                """);
    }

    @Test
    void testWhenTheExampleHasMoreResponsesThanTheActionAsksForThenFails() throws IOException {
        listContactsWith("""
                examples:
                  - name: a page too many
                    responses:
                      - body: { totalSize: 1, done: true, records: [ { Name: Ada Lovelace } ] }
                      - body: { totalSize: 1, done: true, records: [ { Name: Alan Turing } ] }
                """);

        Cli.Result r = Cli.run(dir, Map.of(), "test");

        assertThat(r.out()).isEqualTo("""
                FAIL list-contacts › a page too many
                     the action asked for 1 of the example's 2 responses
                0 passed, 1 failed
                """);
    }

    @Test
    void testWhenTheActionAsksForMoreThanTheExampleHasThenFails() throws IOException {
        listContactsWith("""
                examples:
                  - name: a missing page
                    response:
                      body:
                        totalSize: 2
                        done: false
                        nextRecordsUrl: /services/data/v58.0/query/01gRO0000016PIAYA2-1
                        records: [ { Name: Ada Lovelace } ]
                """);

        Cli.Result r = Cli.run(dir, Map.of(), "test");

        assertThat(r.out()).isEqualTo("""
                FAIL list-contacts › a missing page
                     the action sent more requests than the example has responses: example `a missing page` has 1\
                 response, and this is request 2 (GET /services/data/v58.0/query/01gRO0000016PIAYA2-1)
                0 passed, 1 failed
                """);
    }

    @Test
    void testWhenAnExampleDocumentsAnErrorThenPassesOnlyWhenTheRunFailsWithThatStatus() throws IOException {
        listContactsWith("""
                examples:
                  - name: bad soql
                    response:
                      status: 400
                      body: [ { message: "unexpected token: FORM", errorCode: MALFORMED_QUERY } ]
                  - name: says 403 but the runtime gets 200
                    responses:
                      - body: { totalSize: 0, done: true, records: [] }
                      - status: 403
                        body: [ { message: TotalRequests Limit exceeded., errorCode: REQUEST_LIMIT_EXCEEDED } ]
                """);

        Cli.Result r = Cli.run(dir, Map.of(), "test");

        assertThat(r.out()).isEqualTo("""
                ok   list-contacts › bad soql
                FAIL list-contacts › says 403 but the runtime gets 200
                     expected the run to fail with the example's 403, but it succeeded
                1 passed, 1 failed
                """);
    }

    @Test
    void testWithJunitWritesValidXmlWithOneTestcasePerExampleAndTheRightCounts() throws Exception {
        listContactsWith("""
                examples:
                  - name: two contacts
                    inputs: { limit: 2 }
                    response:
                      body: { totalSize: 2, done: true, records: [ { Name: Ada Lovelace }, { Name: Alan Turing } ] }
                    output: [ Ada Lovelace, Alan Turing ]
                  - name: "<wrong> & \\u0007 \\"quoted\\""
                    response:
                      body: { totalSize: 0, done: true, records: [] }
                    output: [ "]]> Grace" ]
                """);
        write(dir, "connectors/github.yaml", seed("connectors", "github"));
        write(dir, "actions/list-issues.yaml", seed("actions", "list-issues"));

        Cli.Result r = Cli.run(dir, Map.of(), "test", "--junit", "reports/examples.xml");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).endsWith("\n2 passed, 1 failed\n");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("reports/examples.xml").toFile());
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("3");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("errors")).isEqualTo("0");
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        Element salesforce = (Element) suites.item(0);
        Element github = (Element) suites.item(1);
        assertThat(github.getAttribute("name")).isEqualTo("list-issues");
        assertThat(github.getAttribute("tests")).isEqualTo("1");
        assertThat(github.getAttribute("failures")).isEqualTo("0");
        assertThat(salesforce.getAttribute("name")).isEqualTo("list-contacts");
        assertThat(salesforce.getAttribute("tests")).isEqualTo("2");
        assertThat(salesforce.getAttribute("failures")).isEqualTo("1");
        NodeList cases = salesforce.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2);
        Element passed = (Element) cases.item(0);
        Element failed = (Element) cases.item(1);
        assertThat(passed.getAttribute("classname")).isEqualTo("list-contacts");
        assertThat(passed.getAttribute("name")).isEqualTo("two contacts");
        assertThat(passed.getAttribute("time")).matches("\\d+\\.\\d{3}");
        assertThat(passed.getElementsByTagName("failure").getLength()).isZero();
        assertThat(failed.getAttribute("name")).isEqualTo("<wrong> & \uFFFD \"quoted\"");
        Element failure = only(doc, "failure");
        assertThat(failure.getParentNode()).isSameAs(failed);
        assertThat(failure.getAttribute("message")).isEqualTo("the output differs from the example's `output`:"
                + " expected 1 item, got 0 items");
        assertThat(failure.getTextContent()).contains("[0]: missing, expected \"]]> Grace\"");
    }

    @Test
    void testNeverShowsTheSandboxsSecretsNotEvenInADifference() throws IOException {
        write(dir, "connectors/github.yaml", seed("connectors", "github"));
        write(dir, "actions/list-issues.yaml", seed("actions", "list-issues").replaceAll("(?s)examples:.*", """
                examples:
                  - name: expects a token of its own
                    inputs: { owner: octocat, repo: Hello-World }
                    request:
                      headers: { Authorization: Bearer ghp_mine }
                    response:
                      body: []
                    output: []
                """));

        Cli.Result r = Cli.run(dir, Map.of(), "test", "--junit", "examples.xml");

        assertThat(r.out()).isEqualTo("""
                FAIL list-issues › expects a token of its own
                     the request differs from the example's `request`:
                       header Authorization: expected `Bearer ghp_mine`, got `****`
                0 passed, 1 failed
                """);
        assertThat(Files.readString(dir.resolve("examples.xml"))).contains("got `****`")
                .doesNotContain("sandbox-github-token");
    }

    @Test
    void testPlaysEveryAuthTypeAndGrantTheRuntimeSpeaks() throws IOException {
        write(dir, "connectors/tickets.yaml", """
                name: tickets
                base_url: https://tickets.example.com/api/v2
                auth: { type: basic, username: "<<tickets_user>>", password: "<<tickets_password>>" }
                """);
        write(dir, "connectors/weather.yaml", """
                name: weather
                base_url: https://api.weather.example
                auth: { type: api_key, in: query, name: appid, value: "<<weather_key>>" }
                """);
        write(dir, "connectors/maps.yaml", """
                name: maps
                base_url: https://maps.example.com
                auth: { type: api_key, in: header, name: X-Api-Key, value: "<<maps_key>>" }
                """);
        write(dir, "connectors/crm.yaml", """
                name: crm
                base_url: https://crm.example.com/v1
                auth:
                  type: oauth2
                  grant_type: client_credentials
                  token_url: https://auth.example.com/oauth/token
                  client_id: "<<crm_client_id>>"
                  client_secret: "<<crm_client_secret>>"
                  client_auth: basic
                  scope: contacts.read
                  token_params: { resource: "https://crm.example.com" }
                """);
        write(dir, "connectors/drive.yaml", """
                name: drive
                base_url: https://drive.example.com
                auth:
                  type: oauth2
                  grant_type: refresh_token
                  token_url: https://auth.example.com/token
                  client_id: "<<drive_client_id>>"
                  client_secret: "<<drive_client_secret>>"
                  refresh_token: "<<drive_refresh_token>>"
                """);
        write(dir, "connectors/sfjwt.yaml", """
                name: sfjwt
                auth:
                  type: oauth2
                  grant_type: jwt_bearer
                  token_url: https://login.salesforce.com/services/oauth2/token
                  client_id: "<<sf_consumer_key>>"
                  private_key: "<<sf_private_key>>"
                  subject: "<<sf_username>>"
                  audience: https://login.salesforce.com
                  base_url_from: instance_url
                """);
        for (String c : new String[] {"tickets", "maps", "crm", "drive", "sfjwt"}) {
            write(dir, "actions/get-" + c + ".yaml", "name: get-" + c + "\nconnector: " + c + "\n"
                    + "request: { method: GET, path: /things }\n"
                    + "examples:\n  - name: works\n    response: { body: { ok: true } }\n    output: { ok: true }\n");
        }
        write(dir, "actions/get-weather.yaml", """
                name: get-weather
                connector: weather
                inputs:
                  city: { type: string, required: true }
                request: { method: GET, path: /data/2.5/weather, query: { q: "{{city}}" } }
                output: main.temp
                examples:
                  - name: paris
                    inputs: { city: Paris }
                    request: { query: { q: Paris } }
                    response: { body: { name: Paris, main: { temp: 291.4 } } }
                    output: 291.4
                """);
        write(dir, "actions/create-ticket.yaml", """
                name: create-ticket
                connector: tickets
                inputs:
                  subject: { type: string, required: true }
                  priority: { type: integer, default: 2 }
                request:
                  method: POST
                  path: /tickets
                  json: { ticket: { subject: "{{subject}}", priority: "{{priority}}" } }
                output: ticket.id
                examples:
                  - name: created
                    inputs: { subject: "Printer says \\"PC LOAD LETTER\\"" }
                    request:
                      method: POST
                      path: /api/v2/tickets
                      headers: { Content-Type: application/json }
                      body: { ticket: { subject: "Printer says \\"PC LOAD LETTER\\"", priority: 2 } }
                    response:
                      status: 201
                      headers: { Location: "https://tickets.example.com/api/v2/tickets/35436" }
                      body: { ticket: { id: 35436, subject: "Printer says \\"PC LOAD LETTER\\"" } }
                    output: 35436
                """);

        Cli.Result validate = Cli.run(dir, Map.of(), "validate");
        Cli.Result r = Cli.run(dir, Map.of(), "test");

        assertThat(validate.out()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                ok   create-ticket › created
                ok   get-crm › works
                ok   get-drive › works
                ok   get-maps › works
                ok   get-sfjwt › works
                ok   get-tickets › works
                ok   get-weather › paris
                7 passed, 0 failed
                """);
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void testWhenAnActionIsUnknownThenExits2WithDidYouMeanAndRunsNothing() {
        Cli.Result r = Cli.run(REPO, Map.of(), "test", "list-contacts", "list-contact");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: unknown action `list-contact`\n  hint: did you mean `list-contacts`?\n");
    }

    @Test
    void testWhenAnActionHasNoExamplesThenSaysSoAndCountsNothing() throws IOException {
        listContactsWith("");

        Cli.Result r = Cli.run(dir, Map.of(), "test");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("0 passed, 0 failed\n");
        assertThat(r.err()).isEqualTo("note: `list-contacts` has no examples\n");
    }

    @Test
    void testWhenAnActionIsInvalidThenReportsItAsAFailureAndGoesOn() throws IOException {
        listContactsWith("""
                examples:
                  - name: two contacts
                    inputs: { limit: 2 }
                    response:
                      body: { totalSize: 2, done: true, records: [ { Name: Ada Lovelace }, { Name: Alan Turing } ] }
                    output: [ Ada Lovelace, Alan Turing ]
                """);
        write(dir, "actions/broken.yaml", "name: broken\nconnector: salesforce\nrequest: { method: GET, path: /x }\n"
                + "examples:\n  - name: typo\n    inputs: { limt: 2 }\n    response: { body: {} }\n");

        Cli.Result r = Cli.run(dir, Map.of(), "test");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("""
                FAIL broken › (definitions)
                     invalid definitions: 1 error in the definitions
                       actions/broken.yaml:5: example `typo`: `broken` has no input `limt`
                ok   list-contacts › two contacts
                1 passed, 1 failed
                """);
        assertThat(r.err()).startsWith("actions/broken.yaml:5:5: error: example `typo`: `broken` has no input `limt`");
    }

    @Test
    void testIsListedInTheHelpAndHasItsOwn() {
        Cli.Result main = Cli.run(REPO, Map.of(), "--help");
        Cli.Result own = Cli.run(REPO, Map.of(), "test", "--help");

        assertThat(main.out()).containsPattern("\\n  test +Run the actions' examples against the built-in sandbox");
        assertThat(own.out()).contains("[ACTION...]", "--junit=FILE", "--dir=DIR");
    }
}
