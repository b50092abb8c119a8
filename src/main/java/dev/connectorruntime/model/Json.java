package dev.connectorruntime.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON trees in and out with Jackson's streaming API and its node classes, but without a databind
 * {@code ObjectMapper}: building one costs about 0.2 s of a short run's start-up (measured), and trees need none.
 * Numbers decode exactly (decimals as {@code BigDecimal}) and are written plainly ({@code 10000000000}, not
 * {@code 1E+10}).
 */
public final class Json {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Json() {
    }

    private static final class Factory {
        // no source snippets in parse errors: a response body may carry credentials
        static final JsonFactory JSON = JsonFactory.builder()
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = JsonMapper.builder(Factory.JSON).nodeFactory(NODES).build();
    }

    /** A databind mapper, for the few places that map objects; building it is slow, so trees never use it. */
    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /** The node factory: decimals kept exactly as written. */
    public static JsonNodeFactory nodes() {
        return NODES;
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Parses JSON text; throws {@link IOException} for anything that is not exactly one JSON value. */
    public static JsonNode parse(String text) throws IOException {
        try (JsonParser p = Factory.JSON.createParser(text)) {
            return read(p);
        }
    }

    /** Parses UTF-8 (or UTF-16/32, detected) JSON bytes. */
    public static JsonNode parse(byte[] bytes) throws IOException {
        try (JsonParser p = Factory.JSON.createParser(bytes)) {
            return read(p);
        }
    }

    public static JsonNode parse(InputStream in) throws IOException {
        try (JsonParser p = Factory.JSON.createParser(in)) {
            return read(p);
        }
    }

    private static JsonNode read(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw new IOException("no JSON value (the text is empty)");
        }
        JsonNode root = value(p, first);
        if (p.nextToken() != null) {
            throw new IOException("more than one JSON value (trailing content at " + p.currentLocation().getLineNr()
                    + ":" + p.currentLocation().getColumnNr() + ")");
        }
        return root;
    }

    /** Builds the value that starts at {@code token}, iteratively: deep nesting cannot overflow the stack. */
    private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
        Deque<JsonNode> stack = new ArrayDeque<>();
        Deque<String> names = new ArrayDeque<>();
        JsonNode done = null;
        JsonToken t = token;
        while (true) {
            JsonNode node;
            switch (t) {
                case START_OBJECT:
                    stack.push(NODES.objectNode());
                    t = p.nextToken();
                    continue;
                case START_ARRAY:
                    stack.push(NODES.arrayNode());
                    t = p.nextToken();
                    continue;
                case FIELD_NAME:
                    names.push(p.currentName());
                    t = p.nextToken();
                    continue;
                case END_OBJECT:
                case END_ARRAY:
                    node = stack.pop();
                    break;
                case VALUE_STRING:
                    node = NODES.textNode(p.getText());
                    break;
                case VALUE_NUMBER_INT:
                    node = switch (p.getNumberType()) {
                        case INT -> NODES.numberNode(p.getIntValue());
                        case LONG -> NODES.numberNode(p.getLongValue());
                        default -> NODES.numberNode(p.getBigIntegerValue());
                    };
                    break;
                case VALUE_NUMBER_FLOAT:
                    node = NODES.numberNode(p.getDecimalValue());
                    break;
                case VALUE_TRUE:
                    node = NODES.booleanNode(true);
                    break;
                case VALUE_FALSE:
                    node = NODES.booleanNode(false);
                    break;
                case VALUE_NULL:
                    node = NODES.nullNode();
                    break;
                default:
                    throw new IOException("unexpected JSON token " + t);
            }
            if (stack.isEmpty()) {
                done = node;
                return done;
            }
            JsonNode parent = stack.peek();
            if (parent instanceof ObjectNode o) {
                o.set(names.pop(), node);
            } else {
                ((ArrayNode) parent).add(node);
            }
            t = p.nextToken();
            if (t == null) {
                throw new IOException("the JSON text ends before its value is complete");
            }
        }
    }

    /** Compact JSON text. */
    public static String compact(JsonNode node) {
        return write(node, false);
    }

    /** Indented JSON text, for people at a terminal. */
    public static String pretty(JsonNode node) {
        return write(node, true);
    }

    /** Compact JSON as UTF-8 bytes. */
    public static byte[] bytes(JsonNode node) {
        return compact(node).getBytes(StandardCharsets.UTF_8);
    }

    private static String write(JsonNode node, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Factory.JSON.createGenerator(out)) {
            if (pretty) {
                g.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode item : node) {
                    write(g, item);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case NUMBER -> {
                if (node.isIntegralNumber()) {
                    g.writeNumber(node.bigIntegerValue());
                } else {
                    BigDecimal d = decimal(node);
                    if (d == null) {
                        g.writeNumber(node.doubleValue());
                    } else {
                        writeDecimal(g, d);
                    }
                }
            }
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL, MISSING -> g.writeNull();
            default -> g.writeString(node.asText());
        }
    }

    /**
     * A non-integral number as the decimal the user wrote: a {@code BigDecimal} as it is; a double or float as the
     * decimal its shortest text means ({@code 0.5}, {@code 1.0}), where the {@code .0} of Java's exponent notation
     * ({@code 1.0E-7}) is not a digit anyone wrote, so it goes ({@code 0.0000001}); {@code null} for NaN and
     * infinities.
     */
    public static BigDecimal decimal(JsonNode number) {
        if (number.isBigDecimal()) {
            return number.decimalValue();
        }
        double d = number.doubleValue();
        if (!Double.isFinite(d)) {
            return null;
        }
        String text = number.isFloat() ? Float.toString(number.floatValue()) : Double.toString(d);
        BigDecimal decimal = new BigDecimal(text);
        return text.indexOf('E') < 0 ? decimal : decimal.stripTrailingZeros();
    }

    /** Plainly, unless the scale is beyond what plain writing allows: then in exponent form, still valid JSON. */
    private static void writeDecimal(JsonGenerator g, BigDecimal d) throws IOException {
        if (Math.abs(d.scale()) > 9999) {
            g.writeRawValue(d.toString());
        } else {
            g.writeNumber(d);
        }
    }
}
