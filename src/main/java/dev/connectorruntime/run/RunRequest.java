package dev.connectorruntime.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectorruntime.load.Workspace;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code run} was asked to do.
 *
 * @param workspace       where the definitions are
 * @param action          the action's name
 * @param inputs          typed values ({@code --inputs}); may be empty
 * @param inputTexts      {@code -i NAME=VALUE} pairs, parsed by type; they win over {@code inputs}
 * @param secretsFile     the secrets file, or {@code null} for none
 * @param secretsExplicit whether the user named it ({@code --secrets}): then it must exist
 * @param environment     the process environment, where secrets are looked up first
 * @param target          where to send the requests instead of the connector's URLs, or {@code null}
 */
public record RunRequest(Workspace workspace, String action, ObjectNode inputs, Map<String, String> inputTexts,
                         Path secretsFile, boolean secretsExplicit, Map<String, String> environment,
                         Target target) {

    public RunRequest(Workspace workspace, String action, ObjectNode inputs, Map<String, String> inputTexts,
                      Path secretsFile, boolean secretsExplicit, Map<String, String> environment) {
        this(workspace, action, inputs, inputTexts, secretsFile, secretsExplicit, environment, null);
    }

    public RunRequest {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(action, "action");
        inputs = inputs.deepCopy();
        inputTexts = Map.copyOf(inputTexts);
        environment = Map.copyOf(environment);
    }

    /**
     * The same run sent to {@code target}: {@code inputs} are the base values ({@code -i} still wins over them),
     * and secrets come from {@code environment} and placeholder defaults only, never from a secrets file.
     */
    public RunRequest retargeted(Target target, ObjectNode inputs, Map<String, String> environment) {
        return new RunRequest(workspace, action, inputs, inputTexts, null, false, environment, target);
    }
}
