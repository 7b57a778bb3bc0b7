package io.neuralbytes.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leftover staging folders: deleted only when no download, in any process, uses them. */
class StagingFolderTest {

    private static final FileTime OLD = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    Path data;

    @Test
    void folderLockedInThisJvmKept() throws IOException {
        StagingFolder staging = StagingFolder.create(data);
        Path partial = Files.writeString(staging.path().resolve("cifar-10-binary.tar.gz"), "x");
        Files.setLastModifiedTime(staging.path(), OLD);

        List<Path> deleted = StagingFolder.deleteLeftovers(data, Instant.now());

        assertEquals(List.of(), deleted);
        assertEquals("x", Files.readString(partial));
        staging.close();
        assertTrue(Files.notExists(staging.path()));
    }

    @Test
    void folderOfOtherProcessKeptUntilKilled() throws Exception {
        Process child = startHolder();
        try {
            Path held = Path.of(readLine(child));
            assertEquals(data, held.getParent());
            Files.setLastModifiedTime(held, OLD);

            assertEquals(List.of(), StagingFolder.deleteLeftovers(data, Instant.now()));
            assertTrue(Files.isDirectory(held));

            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child JVM did not stop in 30 s");

            assertEquals(List.of(held), StagingFolder.deleteLeftovers(data, Instant.now()));
            assertTrue(Files.notExists(held));
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void folderWithoutLockFileDeleted() throws IOException {
        Path leftover = Files.createDirectory(data.resolve(StagingFolder.PREFIX + "7"));
        Files.writeString(leftover.resolve("pg103.txt"), "partial");
        Files.setLastModifiedTime(leftover, OLD);

        List<Path> deleted = StagingFolder.deleteLeftovers(data, Instant.now());

        assertEquals(List.of(leftover), deleted);
        assertTrue(Files.notExists(leftover));
    }

    private Process startHolder() throws IOException {
        String classPath = System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", classPath,
                StagingFolderHolderMain.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static String readLine(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
        String line = out.readLine();
        assertNotNull(line, "child JVM ended before printing its staging folder");
        return line;
    }
}
