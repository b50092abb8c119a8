package dev.connectorruntime.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How secrets are masked on the way out (SPEC §8): free text as text, JSON aware of its structure (string values
 * only, never keys, numbers or literals, so the JSON stays valid and means what it meant). The redactor implements
 * it; the failure type uses it without knowing where the secrets come from.
 */
public interface Masking {

    /** The text with every secret masked. */
    String text(String text);

    /** The tree with every string value that holds a secret masked: the same tree when there is none. */
    JsonNode json(JsonNode tree);
}
