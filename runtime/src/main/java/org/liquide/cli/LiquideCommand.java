package org.liquide.cli;

import picocli.CommandLine.Command;

/** The top-level {@code liquide} command; each show task is a subcommand. */
@Command(name = "liquide",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Liquide: a runtime for interactive, AI-assisted exhibition installations.",
        subcommands = {
                DemoCommand.class,
                RunCommand.class,
                ValidateCommand.class,
                org.liquide.hardware.node.NodeCommand.class,
                GenerateCommand.class,
                ModelsCommand.class,
                ShaderCommand.class,
                SignalsCommand.class,
                BenchCommand.class,
                SoakCommand.class,
        },
        footerHeading = "%nRun by the ./liquide launcher itself:%n",
        footer = {"  build     Builds the project (any command does it after a source change).",
                "  test      Runs the test suite (mvn verify) with the Debian packages it needs."})
public final class LiquideCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
