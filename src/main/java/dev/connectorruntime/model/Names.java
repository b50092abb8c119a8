package dev.connectorruntime.model;

/** The name rule of SPEC §1, shared by the constraints on connectors and actions. */
final class Names {

    static final String PATTERN = "[a-z][a-z0-9_-]*";
    static final String MESSAGE = "must be lower-case letters, digits, - and _, starting with a letter";

    private Names() {
    }
}
