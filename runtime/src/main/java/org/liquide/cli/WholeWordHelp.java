package org.liquide.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.List;
import java.util.Map;

/**
 * Usage help that wraps between words only. Picocli wraps with the JDK's line break rules, which break after
 * a full stop, a colon or a slash inside a word ({@code e.} / {@code g.}, {@code showcase.} / {@code yaml},
 * {@code FILE.} / {@code png}); here those characters stand in for letters while the text is laid out.
 */
final class WholeWordHelp extends Help {
    /** Installs this help on a command line and all its subcommands. */
    static CommandLine install(CommandLine commandLine) {
        commandLine.setHelpFactory(WholeWordHelp::new);
        return commandLine;
    }

    WholeWordHelp(CommandSpec spec, ColorScheme colorScheme) {
        super(spec, colorScheme);
    }

    @Override
    protected String makeSynopsisFromParts(int synopsisHeadingLength, Text optionText, Text groupsText,
                                           Text endOfOptionsText, Text positionalParamText, Text commandText) {
        return WordGlue.release(super.makeSynopsisFromParts(synopsisHeadingLength, WordGlue.hold(optionText),
                WordGlue.hold(groupsText), WordGlue.hold(endOfOptionsText), WordGlue.hold(positionalParamText),
                WordGlue.hold(commandText)));
    }

    @Override
    public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
                                      ColorScheme colorScheme) {
        Layout layout = super.createDefaultLayout(options, positionals, colorScheme);
        return new Layout(colorScheme, new WholeWordTable(colorScheme, layout.textTable()),
                layout.optionRenderer(), layout.parameterRenderer());
    }

    @Override
    public TextTable createTextTable(Map<?, ?> map) {
        return new WholeWordTable(colorScheme(), super.createTextTable(map));
    }

    @Override
    public String description(Object... params) {
        String[] lines = commandSpec().usageMessage().description();
        if (lines.length == 0) {
            return "";
        }
        TextTable table = new WholeWordTable(colorScheme(),
                TextTable.forColumnWidths(colorScheme(), commandSpec().usageMessage().width()));
        table.indentWrappedLines = 0;
        for (String line : lines) {
            for (Text part : colorScheme().text(String.format(line, params)).splitLines()) {
                table.addRowValues(part);
            }
        }
        return table.toString();
    }

    /** A text table of the same columns as another whose cells wrap between words only. */
    private static final class WholeWordTable extends TextTable {
        WholeWordTable(ColorScheme colorScheme, TextTable like) {
            super(colorScheme, like.columns());
            indentWrappedLines = like.indentWrappedLines;
            setAdjustLineBreaksForWideCJKCharacters(like.isAdjustLineBreaksForWideCJKCharacters());
        }

        @Override
        public Cell putValue(int row, int col, Text value) {
            return super.putValue(row, col, WordGlue.hold(value));
        }

        @Override
        public StringBuilder toString(StringBuilder text) {
            return text.append(WordGlue.release(super.toString(new StringBuilder()).toString()));
        }

        @Override
        public String toString() {
            return toString(new StringBuilder()).toString();
        }
    }

    /**
     * Swaps the characters after which the JDK breaks a line inside a word for private-use characters (which
     * it treats as letters), and back. Only characters between two non-blank ones are held.
     */
    private static final class WordGlue {
        private static final String BREAKING = "./:,–";
        private static final char FIRST_HELD = '\uE000';

        private WordGlue() {
        }

        static Text hold(Text text) {
            if (text == null) {
                return null;
            }
            String plain = text.plainString();
            Text held = null;
            int from = 0;
            for (int i = 1; i < plain.length() - 1; i++) {
                int kind = BREAKING.indexOf(plain.charAt(i));
                if (kind >= 0 && !Character.isWhitespace(plain.charAt(i - 1))
                        && !Character.isWhitespace(plain.charAt(i + 1))) {
                    Text piece = text.substring(from, i).concat(String.valueOf((char) (FIRST_HELD + kind)));
                    held = held == null ? piece : held.concat(piece);
                    from = i + 1;
                }
            }
            return held == null ? text : held.concat(text.substring(from));
        }

        static String release(String text) {
            StringBuilder released = new StringBuilder(text);
            for (int i = 0; i < released.length(); i++) {
                int kind = released.charAt(i) - FIRST_HELD;
                if (kind >= 0 && kind < BREAKING.length()) {
                    released.setCharAt(i, BREAKING.charAt(kind));
                }
            }
            return released.toString();
        }
    }
}
