package org.liquide.cli;

import org.liquide.config.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** The exit codes every command follows, and the handlers that map failures onto them. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL_FAILURE = 1;
    public static final int BAD_INPUT = 2;

    private static final Logger LOG = LoggerFactory.getLogger(ExitCodes.class);

    private ExitCodes() {
    }

    /** Bad input prints its message alone; anything else is an internal failure with its stack trace logged. */
    static final class ExceptionHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            if (e instanceof BadInputException bad) {
                commandLine.getErr().println(bad.getMessage());
                commandLine.getErr().flush();
                return BAD_INPUT;
            }
            LOG.error("internal failure", e);
            commandLine.getErr().println("liquide: internal failure: " + e);
            commandLine.getErr().flush();
            return INTERNAL_FAILURE;
        }
    }

    /** Unknown options and malformed values: the message, the usage, exit 2. */
    static final class ParameterHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            CommandLine commandLine = e.getCommandLine();
            commandLine.getErr().println(e.getMessage());
            commandLine.usage(commandLine.getErr());
            commandLine.getErr().flush();
            return BAD_INPUT;
        }
    }
}
