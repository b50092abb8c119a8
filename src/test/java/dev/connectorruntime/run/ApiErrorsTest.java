package dev.connectorruntime.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.http.HttpResult;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API's own message, pulled out of the shapes real APIs answer errors in. */
class ApiErrorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Salesforce          | [{"message":"No such column 'Nmae' on entity 'Contact'","errorCode":"INVALID_FIELD"}] | INVALID_FIELD: No such column 'Nmae' on entity 'Contact'
            Salesforce, several | [{"message":"a","errorCode":"X"},{"message":"b","errorCode":"Y"}] | X: a; Y: b
            OAuth               | {"error":"invalid_request","error_description":"Missing parameter"} | invalid_request: Missing parameter
            OAuth, error only   | {"error":"not_found"} | not_found
            message             | {"message":"Not Found","documentation_url":"https://docs.github.com"} | Not Found
            Keycloak            | {"errorMessage":"User exists with same username"} | User exists with same username
            Okta                | {"errorCode":"E0000007","errorSummary":"Not found: Resource not found: 42 (User)"} | E0000007: Not found: Resource not found: 42 (User)
            GraphQL             | {"data":null,"errors":[{"message":"Field 'nme' doesn't exist","locations":[]}]} | Field 'nme' doesn't exist
            GitHub validation   | {"message":"Validation Failed","errors":[{"resource":"Issue","code":"missing_field","field":"title"}]} | Validation Failed: missing_field
            errors of strings   | {"errors":["title is required","body is too long"]} | title is required; body is too long
            Jira                | {"errorMessages":["Issue does not exist"],"errors":{}} | Issue does not exist
            JSON:API            | {"errors":[{"status":"422","title":"Invalid Attribute","detail":"First name is too short."}]} | Invalid Attribute: First name is too short.
            problem+json        | {"type":"https://example.com/probs/out-of-credit","title":"Out of credit","status":403,"detail":"Your balance is 30."} | Out of credit: Your balance is 30.
            problem, title only | {"type":"about:blank","title":"Not Found","status":404} | Not Found
            Stripe              | {"error":{"code":"resource_missing","message":"No such customer: 'cus_1'","type":"invalid_request_error"}} | resource_missing: No such customer: 'cus_1'
            Google              | {"error":{"code":400,"message":"Invalid value","status":"INVALID_ARGUMENT"}} | INVALID_ARGUMENT: Invalid value
            Twilio              | {"code":20404,"message":"The requested resource was not found","status":404} | The requested resource was not found
            a JSON string       | "Rate limit exceeded" | Rate limit exceeded
            code and message    | {"code":"NOT_FOUND","message":"No such thing"} | NOT_FOUND: No such thing
            """)
    void summaryPullsTheApisOwnMessageOutOfItsShape(String shape, String body, String expected) {
        assertThat(ApiErrors.summary(body)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            <html><body>Bad Gateway</body></html>
            {"id":7,"name":"x"}
            [1,2,3]
            {}
            """)
    void summaryOfABodyWithoutAKnownShapeIsNull(String body) {
        assertThat(ApiErrors.summary(body)).isNull();
    }

    @Test
    void summaryIsCutAt300Characters() {
        String body = "{\"message\":\"" + "x".repeat(400) + "\"}";

        assertThat(ApiErrors.summary(body)).isEqualTo("x".repeat(300) + "…");
    }

    @Test
    void failureSaysTheApisMessageAndKeepsTheWholeBody() {
        String body = "[{\"message\":\"No such column 'Nmae' on entity 'Contact'\",\"errorCode\":\"INVALID_FIELD\"}]";

        Failure f = ApiErrors.of(Kind.API, "the API answered", result(400, body), "", null);

        assertThat(f.getMessage()).isEqualTo(
                "the API answered 400: INVALID_FIELD: No such column 'Nmae' on entity 'Contact'");
        assertThat(f.apiError()).isEqualTo(body);
        assertThat(f.status()).isEqualTo(400);
    }

    private static HttpResult result(int status, String body) {
        return new HttpResult(status, HttpHeaders.of(Map.of("Content-Type", List.of("application/json")),
                (a, b) -> true), body.getBytes(StandardCharsets.UTF_8), URI.create("https://api.example.com/x"),
                Duration.ZERO);
    }
}
