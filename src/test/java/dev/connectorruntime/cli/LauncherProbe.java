package dev.connectorruntime.cli;

/** A stand-in for the runtime in {@code LauncherScriptTest}: prints its arguments; {@code exit=N} sets its code. */
public final class LauncherProbe {

    private LauncherProbe() {
    }

    public static void main(String[] args) {
        System.out.println(String.join("|", args));
        System.err.println("to stderr");
        for (String a : args) {
            if (a.startsWith("exit=")) {
                System.exit(Integer.parseInt(a.substring(5)));
            }
        }
    }
}
