package org.liquide.config;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a YAML file into its node tree, keeping every node's line and column, and reporting a syntax
 * error, an unreadable file or an empty document to {@link Problems} with its position. A file past
 * {@link YamlLimits#DEFAULTS} (size, nesting, aliases, length of a value) is refused where it passes them.
 */
public final class YamlDocument {
    private YamlDocument() {
    }

    /** The document's root node, or empty when it could not be read (the reason is in {@code problems}). */
    public static Optional<Node> read(Path file, Problems problems, String whatItShouldHold) {
        YamlLimits limits = YamlLimits.DEFAULTS;
        String text;
        try {
            text = TextFile.read(file, limits.maxBytes());
        } catch (UnreadableTextException e) {
            problems.at(e.error().line(), e.error().column(), e.error().message());
            return Optional.empty();
        }
        return compose(text, problems, whatItShouldHold, limits);
    }

    /** Like {@link #read} for text already in memory. */
    public static Optional<Node> parse(String text, Problems problems, String whatItShouldHold) {
        YamlLimits limits = YamlLimits.DEFAULTS;
        if (text.length() > limits.maxBytes()) {
            problems.atStart("the text is longer than " + limits.maxBytes() + " characters: expected a configuration of a few kilobytes");
            return Optional.empty();
        }
        return compose(text, problems, whatItShouldHold, limits);
    }

    private static Optional<Node> compose(String text, Problems problems, String whatItShouldHold, YamlLimits limits) {
        LoadSettings settings = LoadSettings.builder().setLabel(problems.file())
                .setCodePointLimit(limits.maxBytes())
                .setMaxAliasesForCollections(limits.maxAliases())
                .build();
        Optional<Node> root;
        try {
            root = new Composer(settings, new BoundedEvents(new ParserImpl(settings, new StreamReader(settings, text)), limits))
                    .getSingleNode();
        } catch (BoundedEvents.Exceeded e) {
            problems.at(e.mark(), e.getMessage());
            return Optional.empty();
        } catch (MarkedYamlEngineException e) {
            problems.at(e.getProblemMark().or(e::getContextMark), "not valid YAML: " + e.getProblem());
            return Optional.empty();
        } catch (YamlEngineException e) {
            problems.atStart("not valid YAML: " + e.getMessage());
            return Optional.empty();
        }
        boolean blank = root.isEmpty() || root.get() instanceof ScalarNode && Scalars.scalar(root.get()).isEmpty();
        if (blank) {
            problems.atStart("the file is empty: expected " + whatItShouldHold);
            return Optional.empty();
        }
        return root;
    }
}
