package dev.connectorruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §7 {@code run --dry-run}: the plan as curl commands, secrets and tokens as shell variables, the token
 * request included, the first page only; nothing sent, no token fetched, missing secrets only warned about.
 * (That the commands send exactly what the runtime sends is {@link DryRunCurlTest}.)
 */
class DryRunTest {

    @TempDir
    Path dir;

    Map<String, String> env;

    @BeforeEach
    void salesforce() {
        SalesforceWorkspace.create(dir);
        // a closed port: were anything sent, the run would fail
        env = SalesforceWorkspace.env(1);
    }

    static final String SALESFORCE_PLAN = ""
            + "# Dry run of `list-contacts`: nothing was sent. Secrets and tokens are shell variables.\n"
            + "\n"
            + "# 1. The token request (oauth2 password).\n"
            + "#    Set TOKEN to the access_token of its answer, and INSTANCE_URL to its instance_url.\n"
            + "curl \"http://${SALESFORCE_LOGIN_HOST-login.salesforce.com}/services/oauth2/token\" \\\n"
            + "  -H 'Accept: application/json' \\\n"
            + "  -H 'User-Agent: connector-runtime/dev' \\\n"
            + "  -H 'Content-Type: application/x-www-form-urlencoded' \\\n"
            + "  -d 'grant_type=password' \\\n"
            + "  --data-urlencode \"username=${SALESFORCE_USERNAME}\" \\\n"
            + "  --data-urlencode \"password=${SALESFORCE_PASSWORD}${SALESFORCE_SECURITY_TOKEN}\" \\\n"
            + "  --data-urlencode \"client_id=${SALESFORCE_CONSUMER_KEY}\" \\\n"
            + "  --data-urlencode \"client_secret=${SALESFORCE_CONSUMER_SECRET}\"\n"
            + "\n"
            + "# 2. The request, the first page only: the runtime then follows `/nextRecordsUrl` of each answer.\n"
            + "curl \"$INSTANCE_URL/services/data/v58.0/query?q=SELECT%20Name%20FROM%20Contact%20LIMIT%2010\" \\\n"
            + "  -H 'Accept: application/json' \\\n"
            + "  -H 'User-Agent: connector-runtime/dev' \\\n"
            + "  -H \"Authorization: Bearer $TOKEN\"\n";

    @Test
    void dryRunListContactsPrintsTheTokenRequestAndTheFirstPageAsCurlWithSecretsAsVariables() {
        Cli.Result r = Cli.run(dir, env, "run", "list-contacts", "--dry-run");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(SALESFORCE_PLAN);
        assertThat(r.out()).doesNotContain(SalesforceWorkspace.PASSWORD, SalesforceWorkspace.SECURITY_TOKEN,
                SalesforceWorkspace.CONSUMER_SECRET, "ada@example.com", "3MVG9.consumer-key", "127.0.0.1");
    }

    @Test
    void dryRunWhenInputsAreGivenThenTheyAreRenderedAndEncodedAsTheRunWould() {
        Cli.Result r = Cli.run(dir, env, "run", "list-contacts", "--dry-run", "-i", "limit=2");

        assertThat(r.out()).contains("curl \"$INSTANCE_URL/services/data/v58.0/query"
                + "?q=SELECT%20Name%20FROM%20Contact%20LIMIT%202\" \\\n");
    }

    @Test
    void dryRunWhenSecretsAreMissingThenWarnsOnStderrAndStillPrintsThePlan() {
        Map<String, String> partial = new HashMap<>(env);
        partial.remove("SALESFORCE_PASSWORD");
        partial.remove("SALESFORCE_CONSUMER_SECRET");

        Cli.Result r = Cli.run(dir, partial, "run", "list-contacts", "--dry-run");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(SALESFORCE_PLAN);
        assertThat(r.err()).isEqualTo(""
                + "connectors/salesforce.yaml:9:18: warning: secret `<<salesforce_consumer_secret>>` is not set\n"
                + " 9 |   client_secret: <<salesforce_consumer_secret>>\n"
                + "   |                  ^\n"
                + "  hint: set the environment variable SALESFORCE_CONSUMER_SECRET, or add SALESFORCE_CONSUMER_SECRET=..."
                + " to " + dir.resolve(".env") + "\n"
                + "connectors/salesforce.yaml:11:13: warning: secret `<<salesforce_password>>` is not set\n"
                + " 11 |   password: <<salesforce_password>><<salesforce_security_token>>\n"
                + "    |             ^\n"
                + "  hint: set the environment variable SALESFORCE_PASSWORD, or add SALESFORCE_PASSWORD=... to "
                + dir.resolve(".env") + "\n"
                + "2 warnings: the plan refers to these secrets by name only\n");
    }

    @Test
    void dryRunWhenTheSecretsFileExistsThenThePlanSaysToExportIt() {
        TestWorkspace.write(dir, ".env", "SALESFORCE_PASSWORD=from-the-file\n");

        Cli.Result r = Cli.run(dir, env, "run", "list-contacts", "--dry-run");

        assertThat(r.out()).startsWith("# Dry run of `list-contacts`: nothing was sent. Secrets and tokens are shell"
                + " variables.\n# The shell does not read .env: export its values first (set -a; . './.env'; set +a).\n"
                + "# That reads what the runtime reads for plain KEY=value lines only: the runtime never expands $ or"
                + " backticks, and turns \\n into a line break in double quotes.\n\n");
    }

    @Test
    void dryRunWhenAnInputIsBadThenExits2AndPrintsNoPlan() {
        Cli.Result r = Cli.run(dir, env, "run", "list-contacts", "--dry-run", "-i", "limit=0");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: input `limit` must be at least 1, not 0\n");
    }

    @Test
    void dryRunOfABearerPostQuotesHostileValuesSoTheShellPassesThemUnchanged(@TempDir Path ws) {
        TestWorkspace.write(ws, "connectors/notes.yaml", """
                name: notes
                base_url: https://api.example.com/v2/
                auth:
                  type: bearer
                  token: <<notes_token>>
                headers:
                  X-Tenant: <<notes_tenant:-acme>>
                  X-Trace: fixed
                  x-note: replaced by the action's
                """);
        TestWorkspace.write(ws, "actions/create-note.yaml", """
                name: create-note
                connector: notes
                inputs:
                  folder: { type: string, required: true }
                  title: { type: string, required: true }
                  count: { type: integer, default: 3 }
                  tag: { type: string }
                  note: { type: string }
                request:
                  method: POST
                  path: /notes/{{folder}}
                  query:
                    tag: "{{tag}}"
                  headers:
                    X-Note: "{{note}}"
                  json:
                    title: "{{title}}"
                    count: "{{count}}"
                """);

        Cli.Result r = Cli.run(ws, Map.of("NOTES_TOKEN", "tok-123456"), "run", "create-note", "--dry-run",
                "-i", "folder=../x", "-i", "title=O'Brien says \"hi\" $HOME !", "-i", "tag=a&b=c d",
                "-i", "note=it's");

        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(""
                + "# Dry run of `create-note`: nothing was sent. Secrets and tokens are shell variables.\n"
                + "\n"
                + "# 1. The request.\n"
                + "curl 'https://api.example.com/v2/notes/..%2Fx?tag=a%26b%3Dc%20d' \\\n"
                + "  -H \"X-Tenant: ${NOTES_TENANT-acme}\" \\\n"
                + "  -H 'X-Trace: fixed' \\\n"
                + "  -H 'X-Note: it'\\''s' \\\n"
                + "  -H 'User-Agent: connector-runtime/dev' \\\n"
                + "  -H 'Content-Type: application/json' \\\n"
                + "  -H \"Authorization: Bearer ${NOTES_TOKEN}\" \\\n"
                + "  --data-raw '{\"title\":\"O'\\''Brien says \\\"hi\\\" $HOME !\",\"count\":3}'\n");
    }

    @Test
    void dryRunOfBasicAuthUsesCurlsUserOption(@TempDir Path ws) {
        TestWorkspace.write(ws, "connectors/jira.yaml", """
                name: jira
                base_url: https://<<jira_site>>.atlassian.net
                auth:
                  type: basic
                  username: <<jira_email>>
                  password: <<jira_api_token>>
                headers:
                  Authorization: the auth's wins
                """);
        TestWorkspace.write(ws, "actions/delete-issue.yaml", """
                name: delete-issue
                connector: jira
                inputs:
                  key: { type: string, required: true }
                request:
                  method: DELETE
                  path: /rest/api/3/issue/{{key}}
                """);

        Cli.Result r = Cli.run(ws, Map.of(), "run", "delete-issue", "--dry-run", "-i", "key=PRJ-1");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(""
                + "# Dry run of `delete-issue`: nothing was sent. Secrets and tokens are shell variables.\n"
                + "\n"
                + "# 1. The request.\n"
                + "curl -X DELETE \"https://${JIRA_SITE}.atlassian.net/rest/api/3/issue/PRJ-1\" \\\n"
                + "  -H 'User-Agent: connector-runtime/dev' \\\n"
                + "  -u \"${JIRA_EMAIL}:${JIRA_API_TOKEN}\"\n");
        assertThat(r.err()).endsWith("3 warnings: the plan refers to these secrets by name only\n");
    }

    @Test
    void dryRunOfAnApiKeyInTheQueryLetsCurlEncodeItLast(@TempDir Path ws) {
        TestWorkspace.write(ws, "connectors/weather.yaml", """
                name: weather
                base_url: https://api.weather.example
                auth:
                  type: api_key
                  in: query
                  name: appid
                  value: <<weather_key>>
                """);
        TestWorkspace.write(ws, "actions/forecast.yaml", """
                name: forecast
                connector: weather
                inputs:
                  city: { type: string, required: true }
                request:
                  method: GET
                  path: /data/2.5/forecast
                  query:
                    q: "{{city}}"
                """);

        Cli.Result r = Cli.run(ws, Map.of("WEATHER_KEY", "k"), "run", "forecast", "--dry-run", "-i", "city=São Paulo");

        assertThat(r.out()).isEqualTo(""
                + "# Dry run of `forecast`: nothing was sent. Secrets and tokens are shell variables.\n"
                + "\n"
                + "# 1. The request.\n"
                + "#    curl encodes `appid` itself, a space as + and hex digits in lower case, where the runtime"
                + " writes %20 and upper case: the same value to most servers.\n"
                + "curl 'https://api.weather.example/data/2.5/forecast?q=S%C3%A3o%20Paulo' \\\n"
                + "  --url-query \"appid=${WEATHER_KEY}\" \\\n"
                + "  -H 'User-Agent: connector-runtime/dev'\n");
    }

    @Test
    void dryRunOfAnApiKeyHeaderWithASchemeKeepsTheSchemeAsText(@TempDir Path ws) {
        TestWorkspace.write(ws, "connectors/crm.yaml", """
                name: crm
                base_url: https://crm.example.com
                auth:
                  type: api_key
                  in: header
                  name: X-Api-Key
                  value: Token <<crm_key>>
                """);
        TestWorkspace.write(ws, "actions/ping.yaml", """
                name: ping
                connector: crm
                request:
                  method: HEAD
                  path: /ping
                """);

        Cli.Result r = Cli.run(ws, Map.of("CRM_KEY", "k"), "run", "ping", "--dry-run");

        assertThat(r.out()).endsWith("curl --head 'https://crm.example.com/ping' \\\n"
                + "  -H 'User-Agent: connector-runtime/dev' \\\n"
                + "  -H \"X-Api-Key: Token ${CRM_KEY}\"\n");
    }

    @Test
    void dryRunOfClientCredentialsSendsGrantScopeAudienceParamsThenTheClientInTheRuntimesOrder(@TempDir Path ws) {
        TestWorkspace.write(ws, "connectors/billing.yaml", """
                name: billing
                base_url: https://api.billing.example
                auth:
                  type: oauth2
                  grant_type: client_credentials
                  token_url: https://<<billing_tenant>>.auth.example/oauth/token
                  client_id: <<billing_client_id>>
                  client_secret: <<billing_client_secret>>
                  scope: invoices:read
                  audience: https://api.billing.example
                  token_params:
                    resource: <<billing_resource:-it's $weird}>>
                """);
        TestWorkspace.write(ws, "actions/invoices.yaml", """
                name: invoices
                connector: billing
                request:
                  method: GET
                  path: /invoices
                paginate:
                  items: /data
                  page: { param: page, size_param: per_page, page_size: 50 }
                """);

        Cli.Result r = Cli.run(ws, Map.of(), "run", "invoices", "--dry-run");

        assertThat(r.out()).isEqualTo(""
                + "# Dry run of `invoices`: nothing was sent. Secrets and tokens are shell variables.\n"
                + "[ -n \"${BILLING_RESOURCE+set}\" ] || BILLING_RESOURCE='it'\\''s $weird}'\n"
                + "\n"
                + "# 1. The token request (oauth2 client_credentials).\n"
                + "#    Set TOKEN to the access_token of its answer.\n"
                + "curl \"https://${BILLING_TENANT}.auth.example/oauth/token\" \\\n"
                + "  -H 'Accept: application/json' \\\n"
                + "  -H 'User-Agent: connector-runtime/dev' \\\n"
                + "  -H 'Content-Type: application/x-www-form-urlencoded' \\\n"
                + "  -d 'grant_type=client_credentials' \\\n"
                + "  -d 'scope=invoices%3Aread' \\\n"
                + "  -d 'audience=https%3A%2F%2Fapi.billing.example' \\\n"
                + "  --data-urlencode \"resource=${BILLING_RESOURCE}\" \\\n"
                + "  --data-urlencode \"client_id=${BILLING_CLIENT_ID}\" \\\n"
                + "  --data-urlencode \"client_secret=${BILLING_CLIENT_SECRET}\"\n"
                + "\n"
                + "# 2. The request, the first page only: the runtime then steps `page` by 1 until a short page.\n"
                + "curl 'https://api.billing.example/invoices?page=1&per_page=50' \\\n"
                + "  -H 'User-Agent: connector-runtime/dev' \\\n"
                + "  -H \"Authorization: Bearer $TOKEN\"\n");
    }

    @Test
    void dryRunOfTheJwtBearerGrantNamesTheAssertionItCannotSign(@TempDir Path ws) {
        TestWorkspace.write(ws, "connectors/sf-jwt.yaml", """
                name: sf-jwt
                auth:
                  type: oauth2
                  grant_type: jwt_bearer
                  token_url: https://login.salesforce.com/services/oauth2/token
                  client_id: <<sf_consumer_key>>
                  private_key: <<sf_private_key>>
                  subject: <<sf_username>>
                  audience: https://login.salesforce.com
                  base_url_from: instance_url
                """);
        TestWorkspace.write(ws, "actions/limits.yaml", """
                name: limits
                connector: sf-jwt
                request:
                  method: GET
                  path: /services/data/v58.0/limits
                """);

        Cli.Result r = Cli.run(ws, Map.of(), "run", "limits", "--dry-run");

        assertThat(r.out()).contains(""
                + "# 1. The token request (oauth2 jwt_bearer).\n"
                + "#    Set TOKEN to the access_token of its answer, and INSTANCE_URL to its instance_url.\n"
                + "#    JWT_ASSERTION is the RS256 JWT the runtime signs with `private_key` for each request (iss:"
                + " client_id, sub: subject, aud: audience, exp: a few minutes ahead).\n"
                + "curl 'https://login.salesforce.com/services/oauth2/token' \\\n"
                + "  -H 'Accept: application/json' \\\n"
                + "  -H 'User-Agent: connector-runtime/dev' \\\n"
                + "  -H 'Content-Type: application/x-www-form-urlencoded' \\\n"
                + "  -d 'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer' \\\n"
                + "  --data-urlencode \"assertion=$JWT_ASSERTION\"\n");
        assertThat(r.out()).contains("curl \"$INSTANCE_URL/services/data/v58.0/limits\" \\\n");
    }

    @Test
    void dryRunWhenATextBodyHoldsControlCharactersThenAnsiCQuotesKeepThemOffTheTerminal(@TempDir Path ws) {
        TestWorkspace.plainConnector(ws, "http://127.0.0.1:1", "");
        TestWorkspace.write(ws, "actions/echo.yaml", """
                name: echo
                connector: api
                inputs:
                  text: { type: string, required: true }
                request:
                  method: PUT
                  path: /echo
                  text: "{{text}}"
                """);

        Cli.Result r = Cli.run(ws, Map.of(), "run", "echo", "--dry-run", "-i", "text=a\u001b[2Jb'\\c\nd");

        assertThat(r.out()).endsWith("curl -X PUT 'http://127.0.0.1:1/base/echo' \\\n"
                + "  -H 'User-Agent: connector-runtime/dev' \\\n"
                + "  -H 'Content-Type: text/plain; charset=utf-8' \\\n"
                + "  --data-raw $'a\\x1b[2Jb\\'\\\\c\\nd'\n");
    }
}
