package dev.connectorruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectorruntime.secret.Redactor;
import dev.connectorruntime.secret.Secret;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** Library logs in serve: warnings and errors on stderr, redacted; never the debug dump of JSON-RPC. */
class StderrLoggingTest {

    @Test
    void warningsAreOneRedactedLineAndDebugIsNeverPrinted() {
        StringWriter sink = new StringWriter();
        Redactor redactor = new Redactor();
        redactor.register(Secret.of("tok-5a7e9c1d2b"));
        StderrLogging.install(new PrintWriter(sink), redactor);
        System.clearProperty("slf4j.provider"); // this JVM's other tests keep their own SLF4J set-up
        System.clearProperty("slf4j.internal.verbosity");
        Logger log = new StderrLogging().getLoggerFactory().getLogger("io.modelcontextprotocol.spec.McpServerSession");

        log.debug("Received request: {}", "{\"params\":{\"token\":\"tok-5a7e9c1d2b\"}}");
        log.info("started");
        log.warn("Unexpected response for unknown id {} with {}", 7, "tok-5a7e9c1d2b");

        assertThat(sink.toString()).isEqualTo("warn: McpServerSession: Unexpected response for unknown id 7 with ****"
                + System.lineSeparator());
    }
}
