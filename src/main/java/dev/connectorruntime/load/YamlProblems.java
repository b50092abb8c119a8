package dev.connectorruntime.load;

import dev.connectorruntime.error.Code;
import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import java.util.Locale;

/** Every problem the loader reports, codes and texts in one place. */
final class YamlProblems {

    static final long MAX_BYTES = 4L * 1024 * 1024;
    static final int MAX_DEPTH = 64;

    private static final String WRITE_IN_FULL = "write the value out in full";

    private YamlProblems() {
    }

    static Problem syntax(Location at, String problem, String hint) {
        return Problem.error(Code.YAML_SYNTAX, at, problem, hint);
    }

    static Problem unquotedTemplate(Location at, String value) {
        String hint = value == null || value.isBlank()
                ? "quote the whole value in double quotes"
                : "quote the value: \"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return Problem.error(Code.YAML_UNQUOTED_TEMPLATE, at, "`{{` starts a YAML flow mapping here, not a template",
                hint);
    }

    static Problem duplicateKey(Location at, String key, int firstLine) {
        return Problem.error(Code.YAML_DUPLICATE_KEY, at,
                "duplicate key `" + key + "` (first at line " + firstLine + ")", "keep only one `" + key + "` entry");
    }

    static Problem anchor(Location at) {
        return Problem.error(Code.YAML_ANCHOR, at, "anchors are not allowed in definitions", WRITE_IN_FULL);
    }

    static Problem alias(Location at) {
        return Problem.error(Code.YAML_ALIAS, at, "aliases are not allowed in definitions", WRITE_IN_FULL);
    }

    static Problem tag(Location at, String tag) {
        return Problem.error(Code.YAML_TAG, at, "tags such as `" + tag + "` are not allowed in definitions",
                "remove the tag; quote the value if it must be a string");
    }

    static Problem keyNotScalar(Location at) {
        return Problem.error(Code.YAML_KEY_NOT_SCALAR, at, "keys must be plain strings",
                "write the key as a name, not a mapping or a list");
    }

    static Problem multipleDocuments(Location at) {
        return Problem.error(Code.YAML_MULTIPLE_DOCUMENTS, at, "a definition file holds one YAML document",
                "move each definition to a file of its own");
    }

    static Problem empty(Location at) {
        return Problem.error(Code.YAML_EMPTY, at, "the file is empty",
                "a definition is a mapping that starts with `name:`");
    }

    static Problem tooLarge(Location at, long bytes) {
        String mib = String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
        return Problem.error(Code.YAML_TOO_LARGE, at,
                "the file is " + mib + " MiB; definition files are limited to 4 MiB", null);
    }

    static Problem tooDeep(Location at) {
        return Problem.error(Code.YAML_TOO_DEEP, at, "nesting is deeper than " + MAX_DEPTH + " levels", null);
    }

    static Problem encoding(Location at) {
        return Problem.error(Code.YAML_ENCODING, at, "the file is not valid UTF-8", "save the file as UTF-8");
    }

    static Problem unreadable(Location at, String reason) {
        return Problem.error(Code.YAML_UNREADABLE, at, "cannot read the file: " + reason, null);
    }

    static Problem wrongExtension(Location at, String extension, String rename) {
        return Problem.error(Code.WRONG_EXTENSION, at, "`" + extension + "` is not read: definitions end in `.yaml`",
                "rename it to " + rename);
    }

    static Problem unreadableFolder(Location at, String reason) {
        return Problem.error(Code.YAML_UNREADABLE, at, "cannot read the folder: " + reason, null);
    }
}
