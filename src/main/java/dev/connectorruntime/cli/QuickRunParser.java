package dev.connectorruntime.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import dev.connectorruntime.model.Sizes;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The everyday shapes of a {@code run} command line, read without picocli: {@code run ACTION} with
 * {@code -i NAME=VALUE}, {@code --dir DIR} and the other options of {@link RunCommand} and {@link CommonOptions},
 * each as {@code --name value} or {@code --name=value}. picocli's first use costs about 0.15 s of start-up
 * (reflection over the annotations, its converters, about 170 classes), which is most of what a warm run spends
 * before its first byte of work.
 *
 * <p>It declines, by returning {@code null}, every line it is not sure to read exactly as picocli would: help and
 * version, unknown or repeated options, clustered short options, {@code --}, {@code @files}, values that look
 * like options, a missing or second action, a value picocli would refuse. picocli then reads the line, with its
 * own messages. {@code QuickRunParserTest} holds it to picocli's reading on a large set of lines.
 */
final class QuickRunParser {

    private QuickRunParser() {
    }

    /** The command, with its options set, or {@code null} when picocli must read this line. */
    static RunCommand parse(String[] args, Context context) {
        if (args.length < 2 || !args[0].equals("run")) {
            return null;
        }
        RunCommand run = new RunCommand(context);
        run.common = new CommonOptions();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.isEmpty() || arg.startsWith("@")) {
                return null;
            }
            if (!arg.startsWith("-")) {
                if (run.action != null) {
                    return null;
                }
                run.action = arg;
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            String key = switch (name) {
                case "-i", "--input" -> "--input";
                case "-v", "--verbose" -> "--verbose";
                default -> name;
            };
            if (!key.equals("--input") && !seen.add(key)) {
                return null; // picocli refuses an option given twice
            }
            if (value == null && set(run, key)) {
                continue; // a flag; `--flag=value` falls through and is refused below, as an unknown option is
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    return null;
                }
                value = args[++i];
            }
            if (value.startsWith("-") || value.startsWith("@") || !set(run, key, value)) {
                return null;
            }
        }
        return run.action == null ? null : run;
    }

    /** Sets a flag; {@code false} when this is no flag of {@code run}. */
    private static boolean set(RunCommand run, String flag) {
        switch (flag) {
            case "--no-token-cache" -> run.noTokenCache = true;
            case "--sandbox" -> run.sandbox = true;
            case "--dry-run" -> run.dryRun = true;
            case "--verbose" -> run.verbose = true;
            case "--debug" -> run.common.debug = true;
            case "--json-errors" -> run.common.jsonErrors = true;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Sets an option's value; {@code false} when this is no such option, or picocli would refuse the value. */
    private static boolean set(RunCommand run, String option, String value) {
        switch (option) {
            case "--input" -> {
                int eq = value.indexOf('=');
                if (eq <= 0) {
                    return false;
                }
                run.inputs.put(value.substring(0, eq), value.substring(eq + 1));
            }
            case "--inputs" -> run.inputsFile = value;
            case "--example" -> run.example = value;
            case "--token-store" -> run.tokenStore.url = value;
            case "--secrets" -> {
                run.secrets = path(value);
                return run.secrets != null;
            }
            case "--dir" -> {
                run.common.dir = path(value);
                return run.common.dir != null;
            }
            case "--timeout" -> {
                Duration d = DurationConverter.parse(value);
                run.timeout = d;
                return d != null;
            }
            case "--max-body" -> {
                run.maxBody = Sizes.parse(value);
                return run.maxBody != null;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
