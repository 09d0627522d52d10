package org.liquide.config;

import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

import java.util.Optional;

/**
 * The parser's events on their way to the composer, checked against {@link YamlLimits}: the composer
 * builds nested collections by recursion (20,000 brackets overflow the stack) and resolves aliases into
 * shared nodes that a reader then walks in full (a billion laughs), so both are cut off here, at the
 * bracket or the alias that passes the bound.
 */
final class BoundedEvents implements Parser {
    private final Parser parser;
    private final YamlLimits limits;
    private int depth;
    private int aliases;

    BoundedEvents(Parser parser, YamlLimits limits) {
        this.parser = parser;
        this.limits = limits;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
        return parser.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }

    @Override
    public Event next() {
        Event event = parser.next();
        switch (event.getEventId()) {
            case SequenceStart, MappingStart -> {
                if (++depth > limits.maxDepth()) {
                    throw new Exceeded(event.getStartMark(), "nested deeper than " + limits.maxDepth()
                            + " levels: a configuration nests a few lists and maps");
                }
            }
            case SequenceEnd, MappingEnd -> depth--;
            case Alias -> {
                if (++aliases > limits.maxAliases()) {
                    throw new Exceeded(event.getStartMark(), "more than " + limits.maxAliases()
                            + " aliases (*name) in one file: write the values out, or use fewer anchors");
                }
            }
            case Scalar -> {
                if (((ScalarEvent) event).getValue().length() > limits.maxScalarChars()) {
                    throw new Exceeded(event.getStartMark(), "a value longer than " + limits.maxScalarChars()
                            + " characters: expected a setting, a name or a prompt");
                }
            }
            default -> {
            }
        }
        return event;
    }

    /** A bound passed, at the event that passed it. */
    static final class Exceeded extends RuntimeException {
        private final Optional<Mark> mark;

        Exceeded(Optional<Mark> mark, String message) {
            super(message, null, false, false);
            this.mark = mark;
        }

        Optional<Mark> mark() {
            return mark;
        }
    }
}
