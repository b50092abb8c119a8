package dev.connectorruntime.load;

import dev.connectorruntime.error.Location;
import dev.connectorruntime.error.Problem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Builds the tree from SnakeYAML's event stream, with an explicit stack rather than recursion, and
 * collects every tree-level problem (duplicates, anchors, aliases, tags, non-scalar keys, unquoted
 * templates, depth, extra documents). Events rather than the composer, because the composer resolves
 * aliases and tags before we could see and refuse them.
 */
final class TreeBuilder {

    private static final String CORE_TAG_PREFIX = "tag:yaml.org,2002:";

    private final SourceText source;
    private final List<Problem> problems = new ArrayList<>();
    private final Deque<Frame> open = new ArrayDeque<>();
    private YNode root;
    private int skipping;
    private Location skippedAt;

    TreeBuilder(SourceText source) {
        this.source = source;
    }

    /** Reads events up to the end of the first document; SnakeYAML's exceptions pass through. */
    YNode build(Parser parser) {
        int documents = 0;
        while (true) {
            Event event = parser.getEvent();
            switch (event.getEventId()) {
                case StreamEnd -> {
                    return root;
                }
                case DocumentStart -> {
                    if (++documents > 1) {
                        problems.add(YamlProblems.multipleDocuments(at(event.getStartMark())));
                        return root;
                    }
                }
                case MappingStart, SequenceStart -> start((CollectionStartEvent) event);
                case MappingEnd, SequenceEnd -> end(event);
                case Scalar -> scalar((ScalarEvent) event);
                case Alias -> alias(event);
                default -> {
                }
            }
        }
    }

    List<Problem> problems() {
        return problems;
    }

    /** The outermost open flow mapping that starts with {@code {{}, or null: for syntax errors. */
    Mark openTemplateStart() {
        Iterator<Frame> outermostFirst = open.descendingIterator();
        while (outermostFirst.hasNext()) {
            Frame frame = outermostFirst.next();
            if (frame.flowMapping && startsWithBraces(frame.start)) {
                return frame.start;
            }
        }
        return null;
    }

    private void start(CollectionStartEvent event) {
        if (skipping > 0) {
            skipping++;
            return;
        }
        properties(event, event.getTag());
        if (open.size() >= YamlProblems.MAX_DEPTH) {
            if (skippedAt == null) {
                problems.add(YamlProblems.tooDeep(at(event.getStartMark())));
            }
            skipping = 1;
            skippedAt = at(event.getStartMark());
            return;
        }
        boolean mapping = event.getEventId() == Event.ID.MappingStart;
        Frame frame = new Frame(event.getStartMark(), at(event.getStartMark()), mapping, mapping && event.isFlow());
        if (frame.flowMapping && isTemplateBraces(frame.start)) {
            open.element().template = true;
        }
        open.push(frame);
    }

    private void end(Event event) {
        if (skipping > 0) {
            if (--skipping == 0) {
                add(new YScalar(skippedAt, "", true));
            }
            return;
        }
        Frame frame = open.pop();
        if (frame.template) {
            Mark end = event.getEndMark();
            String written = end.getLine() == frame.start.getLine()
                    ? source.slice(end.getLine(), frame.start.getColumn(), end.getColumn())
                    : null;
            problems.add(YamlProblems.unquotedTemplate(frame.location, written));
        }
        add(frame.mapping ? new YMap(frame.location, frame.entries) : new YList(frame.location, frame.items));
    }

    private void scalar(ScalarEvent event) {
        if (skipping > 0) {
            return;
        }
        properties(event, event.getTag());
        add(new YScalar(at(event.getStartMark()), event.getValue(), event.isPlain()));
    }

    private void alias(Event event) {
        if (skipping > 0) {
            return;
        }
        Location location = at(event.getStartMark());
        problems.add(YamlProblems.alias(location));
        add(new YScalar(location, "", true));
    }

    private void properties(NodeEvent event, String tag) {
        Location location = at(event.getStartMark());
        if (event.getAnchor() != null) {
            problems.add(YamlProblems.anchor(location));
        }
        if (tag != null) {
            problems.add(YamlProblems.tag(location, written(tag)));
        }
    }

    private void add(YNode node) {
        Frame frame = open.peek();
        if (frame == null) {
            root = root == null ? node : root;
        } else if (!frame.mapping) {
            frame.items.add(node);
        } else if (!frame.awaitingValue) {
            frame.awaitingValue = true;
            frame.keys++;
            frame.key = node instanceof YScalar key ? key : null;
            if (frame.key == null && !insideTemplate()) {
                problems.add(YamlProblems.keyNotScalar(node.location()));
            }
        } else {
            frame.awaitingValue = false;
            if (frame.key != null) {
                YScalar key = frame.key;
                Integer first = frame.firstLines.putIfAbsent(key.text(), key.location().line());
                if (first == null) {
                    frame.entries.add(new YMap.Entry(key.text(), key.location(), node));
                } else {
                    problems.add(YamlProblems.duplicateKey(key.location(), key.text(), first));
                }
            }
        }
    }

    /**
     * {@code q: {{limit}}} parses as a flow mapping whose first key is a flow mapping; the inner one
     * starts right after the outer one's brace.
     */
    private boolean isTemplateBraces(Mark inner) {
        Frame outer = open.peek();
        return outer != null && outer.flowMapping && outer.keys == 0 && !outer.awaitingValue && !insideTemplate()
                && outer.start.getLine() == inner.getLine() && outer.start.getColumn() + 1 == inner.getColumn();
    }

    private boolean insideTemplate() {
        for (Frame frame : open) {
            if (frame.template) {
                return true;
            }
        }
        return false;
    }

    private boolean startsWithBraces(Mark mark) {
        return source.slice(mark.getLine(), mark.getColumn(), mark.getColumn() + 2).equals("{{");
    }

    private Location at(Mark mark) {
        return source.at(mark);
    }

    /** The tag as the user most likely wrote it: {@code !!str} for the core schema's {@code tag:yaml.org,2002:str}. */
    private static String written(String tag) {
        if (tag.startsWith(CORE_TAG_PREFIX)) {
            return "!!" + tag.substring(CORE_TAG_PREFIX.length());
        }
        return tag.startsWith("!") ? tag : "!<" + tag + ">";
    }

    /** One open mapping or list. */
    private static final class Frame {
        final Mark start;
        final Location location;
        final boolean mapping;
        final boolean flowMapping;
        final List<YNode> items = new ArrayList<>();
        final List<YMap.Entry> entries = new ArrayList<>();
        final Map<String, Integer> firstLines = new HashMap<>();
        YScalar key;
        boolean awaitingValue;
        int keys;
        boolean template;

        Frame(Mark start, Location location, boolean mapping, boolean flowMapping) {
            this.start = start;
            this.location = location;
            this.mapping = mapping;
            this.flowMapping = flowMapping;
        }
    }
}
