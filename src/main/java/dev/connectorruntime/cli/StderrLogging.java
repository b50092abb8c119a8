package dev.connectorruntime.cli;

import dev.connectorruntime.secret.Redactor;
import java.io.PrintWriter;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Where the libraries' SLF4J logs go in {@code serve} (the MCP SDK, Reactor): warnings and errors only, one line
 * each on stderr, through the command's redactor, never on stdout (the protocol's). The SDK logs raw JSON-RPC,
 * tool arguments and results included, at debug: that level is never printed. Chosen with the
 * {@code slf4j.provider} property, so no service file competes with a program that embeds the runtime.
 */
public final class StderrLogging implements SLF4JServiceProvider {

    private static volatile PrintWriter err;
    private static volatile Redactor redactor;

    private final BasicMarkerFactory markers = new BasicMarkerFactory();
    private final NOPMDCAdapter mdc = new NOPMDCAdapter();
    private final ILoggerFactory loggers = StderrLogger::new;

    /** Sends SLF4J's logs to {@code sink}, redacted; call before any library logs. */
    static void install(PrintWriter sink, Redactor masking) {
        err = sink;
        redactor = masking;
        System.setProperty("slf4j.provider", StderrLogging.class.getName());
        System.setProperty("slf4j.internal.verbosity", "WARN"); // not its "Attempting to load provider" line
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }

    private static final class StderrLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        StderrLogger(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return false;
        }

        @Override
        public boolean isWarnEnabled() {
            return err != null;
        }

        @Override
        public boolean isErrorEnabled() {
            return err != null;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
                                                   Throwable thrown) {
            PrintWriter sink = err;
            Redactor r = redactor;
            if (sink == null || r == null) {
                return;
            }
            String message = MessageFormatter.basicArrayFormat(pattern, args);
            String where = name.substring(name.lastIndexOf('.') + 1);
            String line = level.name().toLowerCase(java.util.Locale.ROOT) + ": " + where + ": " + message
                    + (thrown != null ? " (" + thrown + ")" : "");
            synchronized (sink) {
                sink.println(Terminal.clean(r.redact(line)));
                sink.flush();
            }
        }
    }
}
