package org.liquide.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, or "development" when running from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = LiquideCommand.class.getPackage().getImplementationVersion();
        return new String[]{"liquide " + (version == null ? "development" : version)
                + " (Java " + Runtime.version() + ")"};
    }
}
