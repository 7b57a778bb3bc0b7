package io.neuralbytes.experiments.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pre-run check of an output folder. */
class OutputFolderTest {

    private static final int THREADS = 4;
    private static final int CHECKS_PER_THREAD = 200;

    @TempDir
    Path temp;

    private List<Path> entries(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.toList();
        }
    }

    @Test
    void checkOfMissingFolderCreatesNothing() throws IOException {
        Path missing = temp.resolve("a").resolve("b").resolve("results");

        assertNull(OutputFolder.problem(missing));

        assertEquals(List.of(), entries(temp));
    }

    @Test
    void checkOfExistingFolderKeepsIt() throws IOException {
        Path results = Files.createDirectory(temp.resolve("results"));

        assertNull(OutputFolder.problem(results));

        assertEquals(List.of(results), entries(temp));
        assertEquals(List.of(), entries(results));
    }

    @Test
    void concurrentChecksOfOneMissingFolderPass() throws Exception {
        Path missing = temp.resolve("results");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<String>>> problems = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                problems.add(pool.submit(checkRepeatedly(missing)));
            }
            for (Future<List<String>> problem : problems) {
                assertEquals(List.of(), problem.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), entries(temp));
    }

    /** Checks {@code folder} many times and returns the problems found. */
    private static Callable<List<String>> checkRepeatedly(Path folder) {
        return () -> {
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < CHECKS_PER_THREAD; i++) {
                String problem = OutputFolder.problem(folder);
                if (problem != null) {
                    problems.add(problem);
                }
            }
            return problems;
        };
    }
}
