package dev.connectorruntime.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.error.Failure;

/** One line of a batch that holds something (blank lines are skipped, though counted): inputs, or why not. */
public sealed interface Line {

    /** The line's number in the file, counting from 1, blank lines included. */
    long number();

    /** A JSON object of input values. */
    record Inputs(long number, ObjectNode values) implements Line {
    }

    /** A line that is not a JSON object of inputs: its error, code {@code batch-line}. */
    record Bad(long number, Failure problem) implements Line {
    }
}
