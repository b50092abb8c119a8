package dev.connectorruntime.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.connectorruntime.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The small input checker that runs on every {@code run} (a general validator's start-up would dominate a short
 * run) accepts and refuses exactly what the JSON Schema validator does, on the keywords SPEC §4 allows.
 */
class InputCheckerAgainstValidatorTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                c("{'type':'integer'}", "5"), c("{'type':'integer'}", "5.0"), c("{'type':'integer'}", "5.5"),
                c("{'type':'integer'}", "'5'"), c("{'type':'number'}", "0.25"), c("{'type':'number'}", "true"),
                c("{'type':'string'}", "'x'"), c("{'type':'string'}", "1"), c("{'type':'boolean'}", "false"),
                c("{'type':'boolean'}", "'false'"), c("{'type':'array'}", "[]"), c("{'type':'object'}", "[]"),
                c("{'type':'integer','minimum':1,'maximum':2000}", "0"),
                c("{'type':'integer','minimum':1,'maximum':2000}", "1"),
                c("{'type':'integer','minimum':1,'maximum':2000}", "2000"),
                c("{'type':'integer','minimum':1,'maximum':2000}", "2001"),
                c("{'type':'number','exclusiveMinimum':0,'exclusiveMaximum':1}", "0"),
                c("{'type':'number','exclusiveMinimum':0,'exclusiveMaximum':1}", "0.5"),
                c("{'type':'number','exclusiveMinimum':0,'exclusiveMaximum':1}", "1"),
                c("{'type':'string','minLength':2,'maxLength':3}", "'a'"),
                c("{'type':'string','minLength':2,'maxLength':3}", "'abc'"),
                c("{'type':'string','minLength':2,'maxLength':3}", "'abcd'"),
                c("{'type':'string','maxLength':2}", "'😀😀'"),
                c("{'type':'string','pattern':'^[a-z]+$'}", "'abc'"),
                c("{'type':'string','pattern':'^[a-z]+$'}", "'abC'"),
                c("{'type':'string','pattern':'b'}", "'abc'"),
                c("{'type':'string','enum':['open','closed']}", "'open'"),
                c("{'type':'string','enum':['open','closed']}", "'all'"),
                c("{'type':'integer','enum':[1,2]}", "2"), c("{'const':'x'}", "'x'"), c("{'const':'x'}", "'y'"),
                c("{'type':'string','format':'date'}", "'2026-11-29'"),
                c("{'type':'string','format':'date'}", "'2026-13-01'"),
                c("{'type':'string','format':'date-time'}", "'2026-11-29T08:00:00Z'"),
                c("{'type':'string','format':'date-time'}", "'2026-11-29 08:00'"),
                c("{'type':'string','format':'email'}", "'ada@example.com'"),
                c("{'type':'string','format':'email'}", "'ada.example.com'"),
                c("{'type':'string','format':'uri'}", "'https://example.com/a?b=c'"),
                c("{'type':'string','format':'uri'}", "'not a uri'"),
                c("{'type':'string','format':'uuid'}", "'123e4567-e89b-12d3-a456-426614174000'"),
                c("{'type':'string','format':'uuid'}", "'123e4567-e89b-12d3-a456'"),
                c("{'type':'array','items':{'type':'string'},'minItems':1,'maxItems':2}", "[]"),
                c("{'type':'array','items':{'type':'string'},'minItems':1,'maxItems':2}", "['a']"),
                c("{'type':'array','items':{'type':'string'},'minItems':1,'maxItems':2}", "['a',1]"),
                c("{'type':'array','items':{'type':'string'},'minItems':1,'maxItems':2}", "['a','b','c']"),
                c("{'type':'object','properties':{'id':{'type':'integer'}},'additionalProperties':false}",
                        "{'id':7}"),
                c("{'type':'object','properties':{'id':{'type':'integer'}},'additionalProperties':false}",
                        "{'id':'7'}"),
                c("{'type':'object','properties':{'id':{'type':'integer'}},'additionalProperties':false}",
                        "{'id':7,'x':1}"),
                c("{'type':'object','additionalProperties':{'type':'string'}}", "{'a':'b','c':1}"),
                c("{'type':'object','properties':{'city':{'type':'string'}},'required':['city']}", "{}"),
                c("{'type':'object','properties':{'city':{'type':'string'}},'required':['city']}", "{'city':'x'}"),
                c("{'type':'object','required':['city']}", "{'city':null}"),
                c("{'type':'array','items':{'type':'object','required':['sku']}}", "[{'sku':1},{}]"),
                c("{'type':'array','items':{'type':'object','required':['sku']}}", "[{'sku':1}]"));
    }

    static Arguments c(String schema, String value) {
        return Arguments.of(schema.replace('\'', '"'), value.replace('\'', '"'));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("cases")
    void checkerAgreesWithTheJsonSchemaValidator(String schemaText, String valueText) throws Exception {
        JsonNode schema = Json.parse(schemaText);
        JsonNode value = Json.parse(valueText);
        List<String> problems = new ArrayList<>();
        InputChecker.check("input `x`", schema, value, problems);

        boolean validatorAccepts = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(schema, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build())
                .validate(value).isEmpty();

        assertThat(problems.isEmpty()).as("checker %s, validator %s", problems, validatorAccepts)
                .isEqualTo(validatorAccepts);
    }
}
