package dev.connectorruntime.bind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.error.Problem;
import dev.connectorruntime.load.Workspace;
import dev.connectorruntime.load.YamlLoader;
import dev.connectorruntime.model.Action;
import dev.connectorruntime.model.Auth;
import dev.connectorruntime.model.Connector;
import dev.connectorruntime.model.OAuth2;
import dev.connectorruntime.model.Paginate;
import dev.connectorruntime.model.Request;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example files this repository ships (SPEC §1, §2, §4) bind as written, without a single problem. */
class SeedFilesTest {

    private static final Workspace REPO = new Workspace(Path.of(""));

    @Test
    void bindWhenAnyShippedConnectorThenNoProblem() {
        assertThat(REPO.connectorNames()).contains("salesforce", "github", "spotify");
        for (Path file : REPO.connectorFiles()) {
            List<Problem> problems = new ArrayList<>();
            Connector c = ConnectorBinder.bind(YamlLoader.load(file), file, problems);
            assertThat(problems).as(file.toString()).isEmpty();
            assertThat(c).as(file.toString()).isNotNull();
        }
    }

    @Test
    void bindWhenAnyShippedActionThenNoProblem() {
        assertThat(REPO.actionNames()).contains("list-contacts", "get-contact", "search-contacts");
        for (Path file : REPO.actionFiles()) {
            List<Problem> problems = new ArrayList<>();
            Action a = ActionBinder.bind(YamlLoader.load(file), file, problems);
            assertThat(problems).as(file.toString()).isEmpty();
            assertThat(a).as(file.toString()).isNotNull();
        }
    }

    @Test
    void bindWhenSalesforceSeedThenPasswordGrantWithBaseUrlFromInstanceUrl() {
        Path file = REPO.connectorFile("salesforce");
        Connector c = ConnectorBinder.bind(YamlLoader.load(file), file, new ArrayList<>());

        assertThat(c.name()).isEqualTo("salesforce");
        assertThat(c.baseUrl()).isNull();
        assertThat(c.baseUrlFrom()).isEqualTo("instance_url");
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.auth()).isInstanceOf(OAuth2.Password.class);
        OAuth2.Password p = (OAuth2.Password) c.auth();
        assertThat(p.client().tokenUrl().source())
                .isEqualTo("https://<<salesforce_login_host:-login.salesforce.com>>/services/oauth2/token");
        assertThat(p.password().source()).isEqualTo("<<salesforce_password>><<salesforce_security_token>>");
        assertThat(p.client().clientAuth()).isEqualTo(OAuth2.ClientAuth.BODY);
        assertThat(p.client().refreshMargin()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.headers()).containsOnlyKeys("Accept");
        assertThat(c.headers().get("Accept").source()).isEqualTo("application/json");
    }

    @Test
    void bindWhenListContactsSeedThenEveryPartAsWritten() {
        Path file = REPO.actionFile("list-contacts");
        Action a = ActionBinder.bind(YamlLoader.load(file), file, new ArrayList<>());

        assertThat(a.connector()).isEqualTo("salesforce");
        assertThat(a.idempotent()).isFalse();
        assertThat(a.inputs()).singleElement().satisfies(limit -> {
            assertThat(limit.name()).isEqualTo("limit");
            assertThat(limit.defaultValue().intValue()).isEqualTo(10);
            assertThat(limit.required()).isFalse();
            assertThat(limit.schema().get("maximum").intValue()).isEqualTo(2000);
        });
        assertThat(a.request().method()).isEqualTo(Request.Method.GET);
        assertThat(a.request().path().source()).isEqualTo("/services/data/v58.0/query");
        assertThat(a.request().query().get("q").source()).isEqualTo("SELECT Name FROM Contact LIMIT {{limit}}");
        assertThat(a.paginate()).isEqualTo(new Paginate("/records", new Paginate.NextUrl("/nextRecordsUrl"),
                Paginate.DEFAULT_MAX_PAGES, false));
        assertThat(a.output()).isEqualTo("[].Name");
        assertThat(a.examples()).first().satisfies(e -> {
            assertThat(e.name()).isEqualTo("two contacts");
            assertThat(e.responses()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(200));
        });
    }

    @Test
    void bindWhenGithubSeedThenQuotedHeaderValueKeptAsText() {
        Path file = REPO.connectorFile("github");
        Connector c = ConnectorBinder.bind(YamlLoader.load(file), file, new ArrayList<>());

        assertThat(c.auth()).isInstanceOf(Auth.Bearer.class);
        assertThat(c.headers().get("X-GitHub-Api-Version").source()).isEqualTo("2022-11-28");
    }
}
