package dev.connectorruntime.bind;

import static dev.connectorruntime.bind.Binding.actionProblems;
import static dev.connectorruntime.bind.Binding.describeAll;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 12: what `run` would refuse in an input's declaration is caught when the action is checked. */
class InputDeclarationsTest {

    private static final String HEAD = """
            name: demo
            connector: api
            inputs:
            """;

    private static final String REQUEST = """
            request:
              method: GET
              path: /things
            """;

    @Test
    void bindWhenAPatternIsNotAJavaRegularExpressionThenBadPatternAtThePatternWithTheReason() {
        assertThat(describeAll(actionProblems(HEAD + """
                  id: { type: string, pattern: "[a-" }
                  code:
                    type: string
                    pattern: "*abc"
                  tags:
                    type: array
                    items: { type: string, pattern: "(x" }
                  filter:
                    type: object
                    properties:
                      pattern: { type: string, pattern: "a{2,1}" }
                    additionalProperties: { type: string, pattern: "^ok$" }
                  fine: { type: string, pattern: "^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$" }
                """ + REQUEST))).containsExactly(
                "bad-pattern @ 4:32: `pattern` of input `id` is not a valid regular expression: illegal character"
                        + " range at the end [patterns are Java regular expressions (java.util.regex), as the runtime"
                        + " checks values with them: escape a character meant literally with a backslash]",
                "bad-pattern @ 7:14: `pattern` of input `code` is not a valid regular expression: dangling meta"
                        + " character '*' near character 1 [patterns are Java regular expressions (java.util.regex), as"
                        + " the runtime checks values with them: escape a character meant literally with a backslash]",
                "bad-pattern @ 10:37: `items.pattern` of input `tags` is not a valid regular expression: unclosed"
                        + " group at the end [patterns are Java regular expressions (java.util.regex), as the runtime"
                        + " checks values with them: escape a character meant literally with a backslash]",
                "bad-pattern @ 14:41: `properties.pattern.pattern` of input `filter` is not a valid regular"
                        + " expression: illegal repetition range near character 6 [patterns are Java regular"
                        + " expressions (java.util.regex), as the runtime checks values with them: escape a character"
                        + " meant literally with a backslash]");
    }

    @Test
    void bindWhenAnInputIsNamedAfterAnEscaperThenBadNameAtTheName() {
        assertThat(describeAll(actionProblems(HEAD + """
                  soql: { type: string }
                  soql_like: { type: string }
                  soql_text: { type: string }
                """ + REQUEST))).containsExactly(
                "bad-name @ 4:3: an input may not be named `soql`: it is the name of a SOQL escaper [rename the input:"
                        + " `{{#soql}}…{{/soql}}` and `{{#soql_like}}…{{/soql_like}}` escape the value of another]",
                "bad-name @ 5:3: an input may not be named `soql_like`: it is the name of a SOQL escaper [rename the"
                        + " input: `{{#soql}}…{{/soql}}` and `{{#soql_like}}…{{/soql_like}}` escape the value of"
                        + " another]");
    }
}
