package io.neuralbytes.experiments.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Starts {@link ChildWriter} in a new JVM with the test class path. */
final class ChildJvm {

    private ChildJvm() {
    }

    static Process start(Path errors, String... args) throws IOException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "-cp", System.getProperty("java.class.path"), ChildWriter.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectError(errors.toFile())
                .start();
    }

    /** Waits until the child writes its "ready" line, skipping any log lines before it. */
    static void awaitReady(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        do {
            line = out.readLine();
            if (line == null) {
                throw new IOException("child JVM ended before writing ready");
            }
        } while (!line.equals("ready"));
    }
}
