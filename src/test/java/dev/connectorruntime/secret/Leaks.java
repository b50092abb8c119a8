package dev.connectorruntime.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The leak scanner of the tests: every secret in each encoding a server or the runtime could write it in (as
 * written, percent-encoded with upper- and lower-case hex, form-encoded, every character as a JSON {@code \\u}
 * escape, base64), searched in a text: an output stream, a file.
 */
public final class Leaks {

    private Leaks() {
    }

    /** Each encoding of the value, named. */
    public static Map<String, String> encodings(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("as written", value);
        String upper = DerivedForms.percentEncode(value);
        out.put("percent-encoded", upper);
        out.put("percent-encoded, lower-case hex", lowerHex(upper));
        out.put("form-encoded", upper.replace("%20", "+"));
        StringBuilder u = new StringBuilder();
        value.chars().forEach(c -> u.append(String.format(Locale.ROOT, "\\u%04x", c)));
        out.put("JSON \\u escapes", u.toString());
        out.put("base64", Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    /** Fails naming the secret's encoding and where it was found. */
    public static void assertNone(String where, String text, String... secrets) {
        for (String secret : secrets) {
            encodings(secret).forEach((encoding, form) -> assertThat(text)
                    .as("%s holds a secret (%s)", where, encoding).doesNotContain(form));
        }
    }

    private static String lowerHex(String percentEncoded) {
        StringBuilder sb = new StringBuilder(percentEncoded);
        for (int i = sb.indexOf("%"); i >= 0 && i + 2 < sb.length(); i = sb.indexOf("%", i + 1)) {
            sb.setCharAt(i + 1, Character.toLowerCase(sb.charAt(i + 1)));
            sb.setCharAt(i + 2, Character.toLowerCase(sb.charAt(i + 2)));
        }
        return sb.toString();
    }
}
