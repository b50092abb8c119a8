package dev.connectorruntime.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import dev.connectorruntime.error.Location;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One HTTP operation with typed inputs: one {@code actions/<name>.yaml} (SPEC §4).
 *
 * @param name           equals the file's base name
 * @param description    for people and tool definitions, or {@code null}
 * @param connector      the connector's name
 * @param inputs         the typed inputs, in the order written
 * @param request        what to send
 * @param paginate       how to fetch every page, or {@code null}
 * @param output         a JMESPath expression over the result, or {@code null}
 * @param outputFrom     what {@code output} reads: the body (the default, also for {@code null}) or the whole
 *                       response; only the body when the action paginates
 * @param examples       documented runs
 * @param idempotent     whether POST and PATCH may be sent again after a failure
 * @param retry          overrides the connector's retry policy, or {@code null}
 * @param timeout        overrides the connector's timeout, or {@code null}
 * @param tool           how the action is served (SPEC §11): {@link Tool#DEFAULT} without a {@code tool:} block
 *                       (also for {@code null}); its name through {@link ToolNames#of(Action)}
 * @param location       the file
 * @param outputLocation where {@code output} stands, or {@code null}
 * @param connectorLocation where {@code connector} stands
 */
public record Action(@NotNull @Pattern(regexp = Names.PATTERN, message = Names.MESSAGE) String name, String description,
                     @NotNull @Pattern(regexp = Names.PATTERN, message = Names.MESSAGE) String connector,
                     List<@Valid Input> inputs, @NotNull @Valid Request request, @Valid Paginate paginate, String output,
                     OutputFrom outputFrom, List<Example> examples, boolean idempotent,
                     @Valid RetryPolicy retry, Duration timeout, @Valid Tool tool, Location location,
                     Location outputLocation, Location connectorLocation) {

    public Action {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(location, "location");
        inputs = Copies.list(inputs);
        examples = Copies.list(examples);
        outputFrom = outputFrom == null ? OutputFrom.BODY : outputFrom;
        tool = tool == null ? Tool.DEFAULT : tool;
    }

    /** A paginated action's output is its pages' items: there is no one response to read. */
    @AssertTrue(message = "must be `body` for a paginated action: its output is the pages' items")
    public boolean isOutputFromOnePage() {
        return paginate == null || outputFrom == OutputFrom.BODY;
    }

    /** The input of that name, or {@code null}. */
    public Input input(String inputName) {
        for (Input i : inputs) {
            if (i.name().equals(inputName)) {
                return i;
            }
        }
        return null;
    }
}
