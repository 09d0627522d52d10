package org.liquide.cli;

import org.liquide.generate.engine.OrtBuild;
import picocli.CommandLine;

/**
 * The version from the jar's manifest ("development" when running from classes), and which ONNX Runtime
 * this build runs: CPU or GPU build, its version and execution providers.
 */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = LiquideCommand.class.getPackage().getImplementationVersion();
        return new String[]{"liquide " + (version == null ? "development" : version)
                + " (Java " + Runtime.version() + ")", onnxRuntime()};
    }

    private static String onnxRuntime() {
        try {
            return OrtBuild.current().describe();
        } catch (RuntimeException | LinkageError e) {
            return "ONNX Runtime not usable: " + e.getMessage();
        }
    }
}
