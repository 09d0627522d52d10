package org.liquide.cli;

import org.liquide.render.gl.NativeLibraries;
import picocli.CommandLine;

import java.io.PrintWriter;

/** Entry point of the {@code liquide} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        NativeLibraries.loadEarly();
        int code = run(args);
        System.exit(code);
    }

    /** Runs a command line and returns its exit code (0 success, 2 bad input, 1 internal failure). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command line writing to the given streams. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = WholeWordHelp.install(new CommandLine(new LiquideCommand()))
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(new ExitCodes.ExceptionHandler())
                .setParameterExceptionHandler(new ExitCodes.ParameterHandler());
        return commandLine.execute(args);
    }
}
