package io.neuralbytes.datasets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Creates a staging folder in the data folder given as the only argument, prints its path,
 * and holds its lock until standard input ends, as a download in another process would.
 */
public final class StagingFolderHolderMain {

    private StagingFolderHolderMain() {
    }

    public static void main(String[] args) throws IOException {
        try (StagingFolder staging = StagingFolder.create(Path.of(args[0]))) {
            System.out.println(staging.path());
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
