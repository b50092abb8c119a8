package dev.connectorruntime.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Failure;
import dev.connectorruntime.error.Kind;
import dev.connectorruntime.http.CallContext;
import dev.connectorruntime.http.HttpCall;
import dev.connectorruntime.http.Headers;
import dev.connectorruntime.http.HttpResult;
import dev.connectorruntime.http.Form;
import dev.connectorruntime.http.Origins;
import dev.connectorruntime.http.Retrier;
import dev.connectorruntime.http.SendPolicy;
import dev.connectorruntime.model.Json;
import dev.connectorruntime.model.Request.Method;
import dev.connectorruntime.model.RetryPolicy;
import dev.connectorruntime.secret.Redactor;
import dev.connectorruntime.secret.Secret;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The token endpoint client: one form-encoded POST, the answer checked (RFC 6749 §5.1, §5.2). It only does
 * HTTP; which fields to send is the grant's business.
 */
public final class TokenClient {

    private static final long MAX_TOKEN_RESPONSE = 1024 * 1024;

    private final Retrier retrier;
    private final Clock clock;
    private final Duration timeout;
    private final Redactor redactor;

    /** @param redactor learns every derived secret: the form body, the tokens issued */
    public TokenClient(Retrier retrier, Clock clock, Duration timeout, Redactor redactor) {
        this.retrier = retrier;
        this.clock = clock;
        this.timeout = timeout;
        this.redactor = redactor;
    }

    Redactor redactor() {
        return redactor;
    }

    /** One token request. */
    record Request(URI tokenUrl, List<TokenForm.Field<Secret>> form, Secret basicAuthorization,
                   boolean refresh, String baseUrlFrom, Duration expiresInDefault) {
    }

    Token request(Request r, CallContext context) {
        StringBuilder body = new StringBuilder();
        for (TokenForm.Field<Secret> f : r.form()) {
            body.append(body.length() == 0 ? "" : "&").append(Form.pair(f.name(), f.value().reveal()));
        }
        String form = body.toString();
        redactor.registerTransient(form);
        HttpCall.Builder call = HttpCall.builder(Method.POST, r.tokenUrl());
        for (Map.Entry<String, String> h : TokenForm.HEADERS.entrySet()) {
            call.header(h.getKey(), h.getValue());
        }
        call.body(form, Form.MEDIA_TYPE);
        if (r.basicAuthorization() != null) {
            call.header("Authorization", r.basicAuthorization().reveal());
        }
        // A refresh-token request is never re-sent blindly: with rotation, the old token may already be spent.
        SendPolicy policy = new SendPolicy(RetryPolicy.DEFAULT, !r.refresh(), r.refresh(), timeout,
                MAX_TOKEN_RESPONSE);
        Instant sentAt = clock.instant();
        HttpResult result;
        try {
            result = retrier.send(call.build(), policy, context);
        } catch (Failure f) {
            // SPEC §7: whatever the token endpoint answers is an authentication failure (exit 4)
            throw f.kind() == Kind.API ? f.as(Kind.AUTH) : f;
        }
        if (!result.ok()) {
            throw refused(result, r);
        }
        return token(result, r, sentAt);
    }

    private Token token(HttpResult result, Request r, Instant issuedAt) {
        JsonNode json;
        try {
            json = Json.parse(result.text());
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            // never the body: a token endpoint that answers in another format (form-encoded, say) may hold the
            // token in it, which the runtime could not recognise, so could not mask
            String type = result.header("Content-Type");
            throw Failure.of(Kind.AUTH, "the token endpoint answered " + result.status() + " without a JSON object ("
                            + result.body().length + " bytes" + (type == null ? "" : " of " + type.strip()) + ")")
                    .code(Code.TOKEN_RESPONSE).status(result.status())
                    .hint("check `token_url`: it should be the OAuth2 token endpoint, which answers JSON (RFC 6749"
                            + " §5.1); the body is not shown, since it may hold a token").build();
        }
        JsonNode access = json.get("access_token");
        if (access == null || !access.isTextual() || access.asText().isEmpty()) {
            throw Failure.of(Kind.AUTH, "the token endpoint's answer has no `access_token`")
                    .code(Code.TOKEN_RESPONSE).status(result.status()).build();
        }
        if (Headers.badValueChar(access.asText()) >= 0) { // it goes out as `Authorization: Bearer …`
            throw Failure.of(Kind.AUTH, "the token endpoint's `access_token` holds a character that is not visible"
                    + " ASCII: it cannot be sent in a header")
                    .code(Code.TOKEN_RESPONSE).status(result.status()).build();
        }
        Secret accessToken = Secret.of(access.asText());
        redactor.registerTransient(accessToken);
        JsonNode type = json.get("token_type");
        if (type != null && !type.asText().toLowerCase(Locale.ROOT).equals("bearer")) {
            throw Failure.of(Kind.AUTH, "the token endpoint issued a `" + type.asText()
                    + "` token; only bearer tokens are supported").code(Code.TOKEN_RESPONSE)
                    .status(result.status()).build();
        }
        Secret refreshToken = null;
        JsonNode refresh = json.get("refresh_token");
        if (refresh != null && refresh.isTextual() && !refresh.asText().isEmpty()) {
            refreshToken = Secret.of(refresh.asText());
            redactor.registerTransient(refreshToken);
        }
        Instant expiresAt = null;
        JsonNode expiresIn = json.get("expires_in");
        if (expiresIn != null && (expiresIn.isNumber() || expiresIn.isTextual() && expiresIn.asText().matches("\\d{1,9}"))) {
            expiresAt = issuedAt.plusSeconds(expiresIn.asLong());
        } else if (r.expiresInDefault() != null) {
            expiresAt = issuedAt.plus(r.expiresInDefault());
        }
        JsonNode scope = json.get("scope");
        return new Token(accessToken, issuedAt, expiresAt, scope == null ? null : scope.asText(),
                baseUrl(json, r.baseUrlFrom()), refreshToken);
    }

    private static String baseUrl(JsonNode json, String field) {
        if (field == null) {
            return null;
        }
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw Failure.of(Kind.AUTH, "the token response has no `" + field + "` for `base_url_from`")
                    .code(Code.TOKEN_RESPONSE)
                    .hint("check `auth.base_url_from`: the field must be in the token endpoint's answer").build();
        }
        String url = value.asText();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        String problem = Origins.problem(url);
        if (problem != null) {
            throw Failure.of(Kind.AUTH, "the token response's `" + field + "` (" + url + ") " + problem)
                    .code(Code.TOKEN_RESPONSE).build();
        }
        return url;
    }

    private static Failure refused(HttpResult result, Request r) {
        String error = null;
        String description = null;
        try {
            JsonNode json = Json.parse(result.text());
            if (json.isObject()) {
                error = json.path("error").isTextual() ? json.get("error").asText() : null;
                description = json.path("error_description").isTextual() ? json.get("error_description").asText()
                        : null;
            }
        } catch (IOException e) {
            error = null;
        }
        StringBuilder message = new StringBuilder("the token endpoint answered ").append(result.status());
        if (error != null) {
            message.append(": ").append(error);
            if (description != null) {
                message.append(" (").append(description).append(')');
            }
        }
        message.append(result.attemptsSuffix());
        return Failure.of(Kind.AUTH, message.toString()).code(Code.TOKEN_REFUSED).status(result.status())
                .apiError(result.text())
                .hint(hint(result.status(), error, r)).build();
    }

    private static String hint(int status, String error, Request r) {
        if (error == null) {
            return status == 429 || status >= 500 ? "the token endpoint is busy or down: try again later"
                    : "check the connector's `token_url`";
        }
        return switch (error) {
            case "invalid_grant" -> r.refresh()
                    ? "the refresh token is expired or revoked: obtain a new one"
                    : "check the credentials (for Salesforce: the username, and the password immediately followed by"
                    + " the security token; orgs created since Summer '23 must also allow OAuth username-password"
                    + " flows)";
            case "invalid_client", "invalid_client_id", "unauthorized_client" ->
                    "check `client_id` and `client_secret` (Salesforce: the connected app's consumer key and secret)";
            case "unsupported_grant_type" -> "the server does not support this `grant_type`";
            case "invalid_scope" -> "check `scope`";
            default -> null;
        };
    }
}
