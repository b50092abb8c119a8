package dev.connectorruntime.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one shared Jackson {@link ObjectMapper}, built on first use (building one costs a noticeable part of a
 * short run's start-up). Numbers decode exactly: big decimals stay decimals, never doubles.
 */
public final class Json {

    private Json() {
    }

    private static final class Holder {
        // no source snippets in parse errors: a response body may carry credentials
        static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /** Parses JSON text; throws {@link IOException} for anything that is not exactly one JSON value. */
    public static JsonNode parse(String text) throws IOException {
        return mapper().readTree(text);
    }

    /** Compact JSON text. */
    public static String compact(JsonNode node) {
        try {
            return mapper().writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indented JSON text, for people at a terminal. */
    public static String pretty(JsonNode node) {
        try {
            return mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
