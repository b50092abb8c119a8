package dev.connectorruntime.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The one Mustache.java factory, shared by every template: compiling and executing through it is
 * thread-safe, and it holds no per-template state (compiling from a reader caches nothing).
 *
 * <ul>
 *   <li>{@code encode} is the identity: no HTML escaping (SPEC §5.1); the caller encodes each
 *       rendered field for its destination.</li>
 *   <li>No resolver: a template can never make the runtime read a file or a class-path resource
 *       (partials are refused before compiling; this is the second lock).</li>
 *   <li>Names resolve through {@link InputObjectHandler} only.</li>
 * </ul>
 */
final class StrictMustacheFactory extends DefaultMustacheFactory {

    static final StrictMustacheFactory INSTANCE = new StrictMustacheFactory();

    private StrictMustacheFactory() {
        super(name -> null);
        setObjectHandler(new InputObjectHandler());
    }

    @Override
    public void encode(String value, Writer writer) {
        try {
            writer.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Mustache compilePartial(String name) {
        throw new MustacheException("partials are not supported");
    }
}
