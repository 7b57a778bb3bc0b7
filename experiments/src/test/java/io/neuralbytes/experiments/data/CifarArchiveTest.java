package io.neuralbytes.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;

/** The generated archive is the same whenever it is built, so tests may build it twice. */
class CifarArchiveTest {

    @Test
    void entriesHaveFixedTime() throws IOException {
        byte[] archive = CifarArchive.build(2);
        int entries = 0;

        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null;
                    entry = tar.getNextEntry()) {
                assertEquals(1_767_225_600_000L, entry.getModTime().getTime(), entry.getName());
                entries++;
            }
        }

        // The folder, five training batches, the test batch and the class names.
        assertEquals(8, entries);
    }
}
