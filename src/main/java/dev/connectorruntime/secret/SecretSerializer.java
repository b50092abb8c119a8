package dev.connectorruntime.secret;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Makes Jackson fail on a {@link Secret} instead of writing it, wherever it stands in an object tree
 * (SPEC §3: no JSON form of any object carries a secret). Jackson instantiates it reflectively.
 */
final class SecretSerializer extends StdSerializer<Secret> {

    private static final long serialVersionUID = 1L;

    static final String MESSAGE = "a Secret is never serialised";

    SecretSerializer() {
        super(Secret.class);
    }

    @Override
    public void serialize(Secret value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        throw JsonMappingException.from(provider, MESSAGE);
    }
}
