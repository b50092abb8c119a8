package dev.connectorruntime.sandbox;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code test --junit FILE}: the outcomes as JUnit XML, the format CI servers read (Jenkins, GitLab, GitHub
 * test-report actions): {@code <testsuites>} with one {@code <testsuite>} per action, one {@code <testcase>} per
 * example, a {@code <failure>} in each that failed. Text is masked by the redactor, and characters XML 1.0
 * cannot hold are replaced.
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    public static String xml(List<ExampleCheck.Outcome> outcomes, Instant timestamp) {
        Map<String, List<ExampleCheck.Outcome>> byAction = new LinkedHashMap<>();
        outcomes.forEach(o -> byAction.computeIfAbsent(o.action(), a -> new ArrayList<>()).add(o));
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuites");
            w.writeAttribute("name", "connector-runtime test");
            counts(w, outcomes);
            for (Map.Entry<String, List<ExampleCheck.Outcome>> suite : byAction.entrySet()) {
                w.writeCharacters("\n  ");
                w.writeStartElement("testsuite");
                w.writeAttribute("name", clean(suite.getKey()));
                counts(w, suite.getValue());
                w.writeAttribute("timestamp", timestamp.truncatedTo(ChronoUnit.SECONDS).toString());
                for (ExampleCheck.Outcome o : suite.getValue()) {
                    w.writeCharacters("\n    ");
                    testcase(w, o);
                }
                w.writeCharacters("\n  ");
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return text.toString();
    }

    private static void counts(XMLStreamWriter w, List<ExampleCheck.Outcome> outcomes) throws XMLStreamException {
        long failures = outcomes.stream().filter(o -> !o.passed()).count();
        Duration time = outcomes.stream().map(ExampleCheck.Outcome::time).reduce(Duration.ZERO, Duration::plus);
        w.writeAttribute("tests", Integer.toString(outcomes.size()));
        w.writeAttribute("failures", Long.toString(failures));
        w.writeAttribute("errors", "0");
        w.writeAttribute("skipped", "0");
        w.writeAttribute("time", seconds(time));
    }

    private static void testcase(XMLStreamWriter w, ExampleCheck.Outcome o) throws XMLStreamException {
        if (o.passed()) {
            w.writeEmptyElement("testcase");
        } else {
            w.writeStartElement("testcase");
        }
        w.writeAttribute("classname", clean(o.action()));
        w.writeAttribute("name", clean(o.example()));
        w.writeAttribute("time", seconds(o.time()));
        if (!o.passed()) {
            w.writeCharacters("\n      ");
            w.writeStartElement("failure");
            w.writeAttribute("message", clean(summary(o.reasons())));
            w.writeAttribute("type", "ExampleFailed");
            w.writeCharacters(clean(String.join("\n", o.reasons())));
            w.writeEndElement();
            w.writeCharacters("\n    ");
            w.writeEndElement();
        }
    }

    /** One line: the first reason, and its first detail when it announces some ("…differs:"). */
    private static String summary(List<String> reasons) {
        String first = reasons.get(0);
        return first.endsWith(":") && reasons.size() > 1 ? first + " " + reasons.get(1).strip() : first;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }

    /**
     * Every character XML 1.0 cannot hold (most C0 controls, lone surrogates) as U+FFFD. Nothing to mask: the
     * sandbox's secrets are its own, and failures were redacted by the engine.
     */
    static String clean(String s) {
        String masked = s;
        StringBuilder sb = new StringBuilder(masked.length());
        for (int i = 0; i < masked.length(); i++) {
            char c = masked.charAt(i);
            boolean surrogatePair = Character.isHighSurrogate(c) && i + 1 < masked.length()
                    && Character.isLowSurrogate(masked.charAt(i + 1));
            if (surrogatePair) {
                sb.append(c).append(masked.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD) {
                sb.append(c);
            } else {
                sb.append('\uFFFD');
            }
        }
        return sb.toString();
    }
}
