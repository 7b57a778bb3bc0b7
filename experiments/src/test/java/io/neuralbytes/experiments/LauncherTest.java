package io.neuralbytes.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code ./neuralbytes} launcher from a copy of the repository root with stand-in
 * {@code mvn} and {@code java} commands, so that no real build starts.
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("..", "neuralbytes");

    @TempDir
    Path temp;

    private Path root;
    private Path bin;

    @BeforeEach
    void copyLauncher() throws IOException {
        assumeTrue(Files.isRegularFile(LAUNCHER), "launcher not found at " + LAUNCHER);
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs /bin/bash");
        root = Files.createDirectories(temp.resolve("repo"));
        Files.copy(LAUNCHER, root.resolve("neuralbytes"));
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        bin = Files.createDirectories(temp.resolve("bin"));
        // Stand-in for java: prints its last argument, the program's first.
        script("java", "echo \"java ran: ${@: -1}\"\n");
    }

    private void script(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/bash\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Outcome(int exit, String out, String err) {}

    private Outcome launch() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", "neuralbytes", "reproduce")
                .directory(root.toFile());
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "launcher timed out");
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void firstBuildPrintsNoColourCodes() throws Exception {
        // Stand-in for Debian's Maven 3.8.7, which writes colour resets despite -B -q.
        script("mvn", "printf '\\033[0m\\033[1mbuilding\\033[0m\\n\\033[0m\\033[0m'\n"
                + "printf '\\033[0m' >&2\n"
                + "mkdir -p experiments/target && touch experiments/target/neuralbytes.jar\n");

        Outcome outcome = launch();

        assertEquals(0, outcome.exit(), outcome.err());
        assertEquals("java ran: reproduce\n", outcome.out());
        assertTrue(outcome.err().contains("neuralbytes: building"), outcome.err());
        assertTrue(outcome.err().contains("building\n"), outcome.err());
        assertFalse(outcome.err().contains("\u001b"), outcome.err());
    }

    @Test
    void linkToLauncherFindsRepository() throws Exception {
        script("mvn", "mkdir -p experiments/target && touch experiments/target/neuralbytes.jar\n");
        Path links = Files.createDirectories(temp.resolve("links"));
        Files.createSymbolicLink(links.resolve("nb"), Path.of("..", "repo", "neuralbytes"));
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", "links/nb", "reproduce")
                .directory(temp.toFile());
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "launcher timed out");

        assertEquals(0, process.exitValue(), output);
        assertTrue(output.endsWith("java ran: reproduce\n"), output);
        // The build ran in the repository, not in the folder of the link.
        assertTrue(Files.exists(root.resolve("experiments/target/neuralbytes.jar")));
        assertFalse(Files.exists(links.resolve("experiments")));
        assertFalse(Files.exists(links.resolve(".neuralbytes-build.lock")));
    }

    /**
     * Runs {@code command} with bash in {@code folder}, with a built jar and a stand-in java
     * that prints the command the launcher passes in neuralbytes.launcher, and returns that.
     */
    private String calledAs(Path folder, String command) throws Exception {
        script("mvn", "mkdir -p experiments/target && touch experiments/target/neuralbytes.jar\n");
        script("java", "for a in \"$@\"; do\n"
                + "  case \"$a\" in -Dneuralbytes.launcher=*) echo \"${a#*=}\";; esac\n"
                + "done\n");
        Path links = Files.createDirectories(temp.resolve("links"));
        if (!Files.exists(links.resolve("nb"), LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(links.resolve("nb"), root.resolve("neuralbytes"));
        }
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", "-c", command)
                .directory(folder.toFile());
        builder.environment().put("PATH", bin + ":" + links + ":/usr/bin:/bin");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "launcher timed out");
        assertEquals(0, process.exitValue(), errors);
        return output.strip();
    }

    @Test
    void launcherPassesCommandAsCalled() throws Exception {
        Files.setPosixFilePermissions(root.resolve("neuralbytes"),
                PosixFilePermissions.fromString("rwxr-xr-x"));
        Path elsewhere = Files.createDirectories(temp.resolve("work"));

        assertEquals("./neuralbytes", calledAs(root, "./neuralbytes reproduce"));
        assertEquals("./neuralbytes", calledAs(root, "bash neuralbytes reproduce"));
        assertEquals("../repo/neuralbytes", calledAs(elsewhere, "../repo/neuralbytes reproduce"));
        // A link in a folder on PATH: its bare name runs it from anywhere.
        assertEquals("nb", calledAs(elsewhere, "nb reproduce"));
    }

    @Test
    void failedBuildStopsLauncher() throws Exception {
        script("mvn", "echo '[ERROR] compilation failed'\nexit 1\n");

        Outcome outcome = launch();

        assertNotEquals(0, outcome.exit());
        assertEquals("", outcome.out());
        assertTrue(outcome.err().contains("[ERROR] compilation failed"), outcome.err());
    }
}
