package org.liquide.cli;

import picocli.CommandLine;

/** Entry point of the {@code liquide} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args);
        System.exit(code);
    }

    /** Runs a command line and returns its exit code (0 success, 2 bad input, 1 internal failure). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new LiquideCommand())
                .setExecutionExceptionHandler(new ExitCodes.ExceptionHandler())
                .setParameterExceptionHandler(new ExitCodes.ParameterHandler());
        return commandLine.execute(args);
    }
}
