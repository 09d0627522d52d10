package org.liquide.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Every command and sub-command answers {@code --help} with its usage and exit 0, wrapped between words. */
class HelpTest {
    private record Run(int code, String out, String err) {
    }

    private static Run liquide(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** Every command path below {@code liquide}: [], [demo], [models], [models, check], ... */
    private static List<List<String>> commandPaths(CommandLine command, List<String> path) {
        List<List<String>> paths = new ArrayList<>();
        paths.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            paths.addAll(commandPaths(sub, subPath));
        });
        return paths;
    }

    private static CommandSpec spec(List<String> path) {
        CommandLine command = new CommandLine(new LiquideCommand());
        for (String name : path) {
            command = command.getSubcommands().get(name);
        }
        return command.getCommandSpec();
    }

    @TestFactory
    Stream<DynamicTest> everyCommandAnswersHelp() {
        List<List<String>> paths = commandPaths(new CommandLine(new LiquideCommand()), List.of());
        assertTrue(paths.size() >= 12, "the walk found every command: " + paths);
        return paths.stream().map(path -> DynamicTest.dynamicTest("liquide " + String.join(" ", path) + " --help", () -> {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Run run = liquide(args);
            assertEquals(0, run.code(), run.err());
            assertTrue(run.out().startsWith("Usage: liquide" + path.stream().map(name -> " " + name)
                    .collect(Collectors.joining())), run.out());
            assertWordsWhole(spec(path), run.out());
        }));
    }

    @Test
    void theLauncherCommandsAreListed() {
        String out = liquide(List.of("--help")).out();
        assertTrue(out.lines().anyMatch(line -> line.startsWith("  build ")), out);
        assertTrue(out.lines().anyMatch(line -> line.startsWith("  test ")), out);
        assertTrue(out.lines().noneMatch(line -> line.length() > 80), out);
    }

    @Test
    void eachCommandSummaryIsASentence() {
        for (String name : new CommandLine(new LiquideCommand()).getSubcommands().keySet()) {
            String summary = spec(List.of(name)).usageMessage().description()[0];
            assertTrue(summary.endsWith("."), name + "'s summary in the command list: " + summary);
        }
    }

    /**
     * Each word of the descriptions, and each option with its parameter label, appears unbroken: the JDK's line
     * breaking would split {@code e.g.}, {@code showcase.yaml} and {@code --snapshot=FILE.png} at the dot.
     */
    private static void assertWordsWhole(CommandSpec spec, String help) {
        Set<String> tokens = new HashSet<>(Arrays.asList(help.split("\\s+")));
        List<String> descriptions = new ArrayList<>(Arrays.asList(spec.usageMessage().description()));
        spec.options().forEach(option -> descriptions.addAll(Arrays.asList(option.description())));
        spec.positionalParameters().forEach(parameter -> descriptions.addAll(Arrays.asList(parameter.description())));
        for (String description : descriptions) {
            for (String word : String.format(description).split("\\s+")) {
                if (!word.isEmpty() && !word.contains("${")) {
                    assertTrue(tokens.stream().anyMatch(token -> token.contains(word)),
                            "'" + word + "' is broken in:\n" + help);
                }
            }
        }
        for (OptionSpec option : spec.options()) {
            if (option.arity().max() > 0 && !option.usageHelp() && !option.versionHelp()) {
                String withLabel = option.longestName() + "=" + option.paramLabel();
                long whole = tokens.stream().filter(token -> token.contains(withLabel)).count();
                assertTrue(whole >= 1 && occurrences(help, withLabel) >= 2,
                        withLabel + " is broken in the synopsis or the list:\n" + help);
            }
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
