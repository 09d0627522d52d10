package org.liquide.config;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a YAML file into its node tree, keeping every node's line and column, and reporting a syntax
 * error, an unreadable file or an empty document to {@link Problems} with its position.
 */
public final class YamlDocument {
    private YamlDocument() {
    }

    /** The document's root node, or empty when it could not be read (the reason is in {@code problems}). */
    public static Optional<Node> read(Path file, Problems problems, String whatItShouldHold) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), problems, whatItShouldHold);
        } catch (NoSuchFileException e) {
            problems.atStart("no such file");
        } catch (IOException | UncheckedIOException e) {
            problems.atStart("cannot read the file: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Like {@link #read} for text already in memory. */
    public static Optional<Node> parse(String text, Problems problems, String whatItShouldHold) {
        return parse(new StringReader(text), problems, whatItShouldHold);
    }

    private static Optional<Node> parse(Reader reader, Problems problems, String whatItShouldHold) {
        Optional<Node> root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(problems.file()).setMaxAliasesForCollections(20).build())
                    .composeReader(reader);
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
