package io.neuralbytes.experiments;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, which Maven fills from the POM. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"neuralbytes " + (version != null ? version : "(development build)")};
    }
}
