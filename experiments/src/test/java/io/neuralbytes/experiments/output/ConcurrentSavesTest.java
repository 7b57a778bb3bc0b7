package io.neuralbytes.experiments.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs that save into one output folder at the same time keep each other's results. */
class ConcurrentSavesTest {

    private static final int SAVES = 40;

    @TempDir
    Path temp;

    @Test
    void threadsWithTheirOwnStoresLoseNothing() throws Exception {
        List<String> experiments = List.of("a", "b", "c", "d");
        ExecutorService pool = Executors.newFixedThreadPool(experiments.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> saves = new ArrayList<>();
            for (String experiment : experiments) {
                ResultsStore store = new ResultsStore(temp, List.of());
                saves.add(pool.submit(() -> {
                    start.await();
                    for (int save = 0; save < SAVES; save++) {
                        store.save(ChildWriter.result(experiment, save));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> save : saves) {
                save.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertAllSaved(experiments);
    }

    @Test
    void processesLoseNothing() throws Exception {
        List<String> experiments = List.of("p", "q", "r");
        Path go = temp.resolve("go");
        List<Process> children = new ArrayList<>();
        for (String experiment : experiments) {
            children.add(ChildJvm.start(temp.resolve(experiment + "-errors.txt"), "merge",
                    temp.toString(), experiment, String.valueOf(SAVES), go.toString()));
        }
        for (Process child : children) {
            ChildJvm.awaitReady(child);
        }
        Files.createFile(go);
        for (Process child : children) {
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue());
        }
        assertAllSaved(experiments);
    }

    private void assertAllSaved(List<String> experiments) throws Exception {
        ResultsStore store = new ResultsStore(temp, List.of());
        List<Map<String, Object>> summary = store.readSummary();
        List<String> found = summary.stream().map(e -> e.get("experiment") + "/" + e.get("run"))
                .sorted().toList();
        List<String> expected = experiments.stream().map(e -> e + "/save" + (SAVES - 1))
                .toList();
        assertEquals(expected, found);
        String report = Files.readString(store.reportFile(), StandardCharsets.UTF_8);
        for (String experiment : experiments) {
            assertTrue(report.contains("<!-- begin " + experiment + " -->\n## " + experiment
                    + "\n\nsave " + (SAVES - 1)), "section of " + experiment + " in\n" + report);
        }
    }
}
