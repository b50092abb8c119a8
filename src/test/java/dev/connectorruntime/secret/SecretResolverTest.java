package dev.connectorruntime.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverTest {

    private static final Location WHERE = new Location(Path.of("connectors/salesforce.yaml"), 12, 13);

    @TempDir
    Path dir;

    private final Redactor redactor = new Redactor();
    private final List<Problem> problems = new ArrayList<>();

    private SecretResolver resolver(Map<String, String> environment) {
        return new SecretResolver(environment, dir.resolve(".env"), false, redactor);
    }

    private Path writeEnvFile(String content) throws IOException {
        return Files.writeString(dir.resolve(".env"), content);
    }

    @Test
    void resolveWhenVariableIsSetThenUsesIt() throws IOException {
        writeEnvFile("SALESFORCE_PASSWORD=from-the-file\n");

        Secret secret = resolver(Map.of("SALESFORCE_PASSWORD", "from-the-environment"))
                .resolve("<<salesforce_password>>", WHERE, problems);

        assertThat(secret.reveal()).isEqualTo("from-the-environment");
        assertThat(problems).isEmpty();
    }

    @Test
    void resolveWhenVariableIsEmptyThenEmptyIsAValue() throws IOException {
        writeEnvFile("SALESFORCE_SECURITY_TOKEN=from-the-file\n");

        Secret secret = resolver(Map.of("SALESFORCE_SECURITY_TOKEN", ""))
                .resolve("<<salesforce_security_token:-a-default>>", WHERE, problems);

        assertThat(secret.reveal()).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void resolveWhenOnlyInTheSecretsFileThenUsesTheFile() throws IOException {
        writeEnvFile("export SALESFORCE_PASSWORD='from the file'\n");

        Secret secret = resolver(Map.of()).resolve("<<salesforce_password:-a-default>>", WHERE, problems);

        assertThat(secret.reveal()).isEqualTo("from the file");
    }

    @Test
    void resolveWhenNowhereThenTheDefault() {
        Secret secret = resolver(Map.of()).resolve(
                "https://<<salesforce_login_host:-login.salesforce.com>>/services/oauth2/token", WHERE, problems);

        assertThat(secret.reveal()).isEqualTo("https://login.salesforce.com/services/oauth2/token");
        assertThat(problems).isEmpty();
    }

    @Test
    void resolveWhenSeveralPlaceholdersThenEachIsSubstituted() throws IOException {
        writeEnvFile("SALESFORCE_SECURITY_TOKEN=tok-from-file\n");

        Secret secret = resolver(Map.of("SALESFORCE_PASSWORD", "pw-from-env"))
                .resolve("<<salesforce_password>><<salesforce_security_token>>", WHERE, problems);

        assertThat(secret.reveal()).isEqualTo("pw-from-envtok-from-file");
    }

    @Test
    void resolveWhenVariableOnlyInLowerCaseThenNotFound() {
        Secret secret = resolver(Map.of("salesforce_password", "lower")).resolve("<<salesforce_password>>", WHERE,
                problems);

        assertThat(secret).isNull();
        assertThat(problems).extracting(Problem::code).containsExactly(Code.SECRET_MISSING);
    }

    @Test
    void resolveWhenMissingThenProblemNamingWhereItWasLookedForAndNull() {
        Secret secret = resolver(Map.of()).resolve("<<salesforce_password>>", WHERE, problems);

        assertThat(secret).isNull();
        assertThat(problems).containsExactly(Problem.error(Code.SECRET_MISSING, WHERE,
                "secret `<<salesforce_password>>` is not set",
                "set the environment variable SALESFORCE_PASSWORD, or add SALESFORCE_PASSWORD=... to "
                        + dir.resolve(".env")));
    }

    @Test
    void resolveWhenSeveralMissingThenOneProblemEach() {
        SecretResolver resolver = resolver(Map.of("SALESFORCE_PASSWORD", "pw-from-env"));

        Secret first = resolver.resolve("<<salesforce_password>><<salesforce_security_token>>", WHERE, problems);
        Secret second = resolver.resolve("<<salesforce_consumer_key>>", WHERE, problems);

        assertThat(first).isNull();
        assertThat(second).isNull();
        assertThat(problems).extracting(Problem::message).containsExactly(
                "secret `<<salesforce_security_token>>` is not set",
                "secret `<<salesforce_consumer_key>>` is not set");
    }

    @Test
    void resolveWhenPlaceholderIsMalformedThenProblemAndTextKept() {
        Secret secret = resolver(Map.of()).resolve("Bearer <<Api Key>>", WHERE, problems);

        assertThat(secret.reveal()).isEqualTo("Bearer <<Api Key>>");
        assertThat(problems).extracting(Problem::code).containsExactly(Code.SECRET_BAD_PLACEHOLDER);
    }

    @Test
    void resolveWhenExplicitFileIsMissingAndNeededThenUsageFailure() {
        Path file = dir.resolve("prod.env");
        SecretResolver resolver = new SecretResolver(Map.of(), file, true, redactor);

        assertThatThrownBy(() -> resolver.resolve("<<salesforce_password>>", WHERE, problems))
                .isInstanceOfSatisfying(Failure.class, f -> {
                    assertThat(f.kind()).isEqualTo(Kind.USAGE);
                    assertThat(f.hint()).isEqualTo("check the path given to --secrets");
                })
                .hasMessage("secrets file " + file + " does not exist");
    }

    @Test
    void resolveWhenEverythingIsInTheEnvironmentThenTheFileIsNeverRead() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.env"), "not a KEY=value line\n");
        Map<String, String> environment = Map.of("SALESFORCE_PASSWORD", "pw-from-env");

        assertThat(new SecretResolver(environment, dir.resolve("prod.env"), true, redactor)
                .resolve("<<salesforce_password>>", WHERE, problems).reveal()).isEqualTo("pw-from-env");
        assertThat(new SecretResolver(environment, broken, true, redactor)
                .resolve("<<salesforce_password>>", WHERE, problems).reveal()).isEqualTo("pw-from-env");
    }

    @Test
    void resolveWhenFileHasABadLineThenInvalidFailureEachTime() throws IOException {
        writeEnvFile("A=1\nhunter2-secret\n");
        SecretResolver resolver = resolver(Map.of());

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> resolver.resolve("<<a>>", WHERE, problems))
                    .isInstanceOfSatisfying(Failure.class, f -> {
                        assertThat(f.kind()).isEqualTo(Kind.INVALID);
                        assertThat(f.problems()).extracting(Problem::code).containsExactly(Code.SECRETS_FILE_SYNTAX);
                    });
        }
    }

    @Test
    void resolveWhenFileChangesAfterFirstUseThenItWasReadOnce() throws IOException {
        Path file = writeEnvFile("SALESFORCE_PASSWORD=first-read\n");
        SecretResolver resolver = resolver(Map.of());
        resolver.resolve("<<salesforce_password>>", WHERE, problems);

        Files.delete(file);

        assertThat(resolver.resolve("<<salesforce_password>>", WHERE, problems).reveal()).isEqualTo("first-read");
    }

    @Test
    void resolveWhenValueComesFromEnvironmentOrFileThenItAndTheWholeStringAreRegistered() throws IOException {
        writeEnvFile("SALESFORCE_SECURITY_TOKEN=tok-from-file\n");
        SecretResolver resolver = resolver(Map.of("SALESFORCE_PASSWORD", "pw-from-env"));

        resolver.resolve("<<salesforce_password>>:<<salesforce_security_token>>", WHERE, problems);

        assertThat(redactor.redact("a pw-from-env b tok-from-file c pw-from-env:tok-from-file"))
                .isEqualTo("a **** b **** c ****");
        assertThat(redactor.redact("pw-from-env-x:tok")).isEqualTo("****-x:tok");
    }

    @Test
    void resolveWhenOnlyLiteralsAndDefaultsThenNothingIsRegistered() {
        SecretResolver resolver = resolver(Map.of());

        resolver.resolve("https://<<host:-login.example.com>>/token", WHERE, problems);

        assertThat(redactor.redact("https://login.example.com/token")).isEqualTo("https://login.example.com/token");
    }

    @Test
    void resolveWhenEachResolverHasItsOwnRedactorThenOnlyThatOneLearnsTheValue() {
        Redactor other = new Redactor();
        SecretResolver mine = new SecretResolver(Map.of("API_KEY", "mine-0123456"), dir.resolve(".env"), false,
                redactor);
        SecretResolver theirs = new SecretResolver(Map.of("API_KEY", "theirs-0123456"), dir.resolve(".env"), false,
                other);

        mine.resolve("<<api_key>>", WHERE, problems);
        theirs.resolve("<<api_key>>", WHERE, problems);

        assertThat(redactor.redact("key mine-0123456 theirs-0123456")).isEqualTo("key **** theirs-0123456");
        assertThat(other.redact("key mine-0123456 theirs-0123456")).isEqualTo("key mine-0123456 ****");
    }

    @Test
    void resolveWhenMissingOrBrokenThenNoProblemOrFailureShowsAValue() throws IOException {
        writeEnvFile("OTHER=hunter2-secret\nSALESFORCE_PASSWORD=\"hunter2-secret\n");
        SecretResolver resolver = resolver(Map.of("SALESFORCE_USERNAME", "hunter2-user"));

        Failure failure = catchThrowableOfType(Failure.class,
                () -> resolver.resolve("<<salesforce_username>><<salesforce_password>>", WHERE, problems));

        assertThat(failure.getMessage() + failure.hint() + failure.problems() + failure.problems().get(0).hint())
                .doesNotContain("hunter2");
    }
}
