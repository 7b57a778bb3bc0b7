package io.neuralbytes.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the program in a new JVM with the test class path, for tests that need a small heap. */
public final class ChildProgram {

    private ChildProgram() {
    }

    /** The exit code and standard error of a finished child. */
    public record Outcome(int exit, String stderr) {

        /**
         * Returns the one line starting with "neuralbytes:" of a failed run, after checking
         * that the exit code is 1 and that no stack trace was printed.
         */
        public String failureLine() {
            assertEquals(1, exit, stderr);
            List<String> lines = stderr.lines()
                    .filter(line -> line.startsWith("neuralbytes:")).toList();
            assertEquals(1, lines.size(), stderr);
            assertFalse(stderr.contains("Exception"), stderr);
            assertFalse(stderr.contains("\tat "), stderr);
            return lines.get(0);
        }
    }

    /**
     * Runs {@link Main} with {@code args} and a maximum heap of {@code maxHeap} (such as
     * "32m"), waits up to a minute for it, and keeps its standard error in {@code folder}.
     */
    public static Outcome run(Path folder, String maxHeap, String... args) throws Exception {
        Path errors = folder.resolve("stderr.txt");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + maxHeap,
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errors.toFile())
                .start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not end");
        return new Outcome(child.exitValue(), Files.readString(errors));
    }
}
