package dev.connectorruntime.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectorruntime.error.Location;

/**
 * One node of a definition file as written: a mapping, a list or a scalar, each with the place it
 * starts in the file. The tree is what {@link YamlLoader} returns; validation and binding read it and
 * point their problems at {@link #location()}.
 *
 * <p>Scalars follow the YAML 1.2 core schema (SPEC §1): only {@code true}/{@code false} are booleans,
 * a quoted value is always a string, and every scalar keeps its source text.
 */
public sealed interface YNode permits YMap, YList, YScalar {

    /** Where the node starts: for a block mapping its first key, for a scalar its first character. */
    Location location();

    /** The node as a Jackson tree, scalars typed per the YAML 1.2 core schema. */
    JsonNode toJson();

    /**
     * What the node is, for messages such as "expected a mapping, found a list": {@code mapping},
     * {@code list}, {@code string}, {@code number}, {@code boolean} or {@code null}. The caller adds the
     * article.
     */
    String kindName();
}
