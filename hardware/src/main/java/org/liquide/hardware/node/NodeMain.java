package org.liquide.hardware.node;

import picocli.CommandLine;

/**
 * What a Raspberry Pi runs: {@code java -cp 'liquide-hardware.jar:lib/*' org.liquide.hardware.node.NodeMain
 * entree.yaml}. Same options as {@code liquide node}.
 */
public final class NodeMain {
    static final String LOGGING_CONFIGURATION = "org/liquide/hardware/node/node-logback.xml";

    private NodeMain() {
    }

    public static void main(String[] args) {
        // Before any logger exists; -Dlogback.configurationFile=... still wins.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGGING_CONFIGURATION);
        }
        System.exit(new CommandLine(new NodeCommand()).execute(args));
    }
}
