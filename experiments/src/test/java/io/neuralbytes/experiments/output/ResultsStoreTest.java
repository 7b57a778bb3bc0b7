package io.neuralbytes.experiments.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.neuralbytes.experiments.ExperimentResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {

    @TempDir
    Path temp;

    private final List<String> order = List.of("mlp", "cnn", "rnn", "lstm");

    private static ExperimentResult result(String name, String... runs) {
        List<Map<String, Object>> entries = new java.util.ArrayList<>();
        for (String run : runs) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("run", run);
            entry.put("seconds", 1.5);
            entries.add(entry);
        }
        String section = "## " + name + " section\n\nruns " + runs.length;
        return new ExperimentResult(name, entries, section);
    }

    @Test
    void entriesFollowExperimentOrder() throws IOException {
        ResultsStore store = new ResultsStore(temp, order);
        store.save(result("rnn", "a"));
        store.save(result("mlp", "x", "y"));
        List<Map<String, Object>> summary = store.readSummary();
        assertEquals(3, summary.size());
        assertEquals("mlp", summary.get(0).get("experiment"));
        assertEquals("x", summary.get(0).get("run"));
        assertEquals("y", summary.get(1).get("run"));
        assertEquals("rnn", summary.get(2).get("experiment"));
        assertEquals(1.5, summary.get(2).get("seconds"));
    }

    @Test
    void rerunReplacesEntriesAndSection() throws IOException {
        ResultsStore store = new ResultsStore(temp, order);
        store.save(result("mlp", "x", "y"));
        store.save(result("cnn", "c"));
        store.save(result("mlp", "z"));
        List<Map<String, Object>> summary = store.readSummary();
        assertEquals(2, summary.size());
        assertEquals("z", summary.get(0).get("run"));
        assertEquals("c", summary.get(1).get("run"));

        String report = Files.readString(store.reportFile());
        assertTrue(report.contains("## mlp section\n\nruns 1"), report);
        assertFalse(report.contains("runs 2"), report);
        assertTrue(report.indexOf("## mlp") < report.indexOf("## cnn"), report);
        assertEquals(1, report.split("<!-- begin mlp -->", -1).length - 1, report);
    }

    @Test
    void nonFiniteNumbersBecomeNull() throws IOException {
        ResultsStore store = new ResultsStore(temp, order);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("run", "r");
        entry.put("final_loss", Double.NaN);
        entry.put("best", Double.POSITIVE_INFINITY);
        store.save(new ExperimentResult("mlp", List.of(entry), "## mlp"));
        Map<String, Object> read = store.readSummary().get(0);
        assertTrue(read.containsKey("final_loss"));
        assertNull(read.get("final_loss"));
        assertNull(read.get("best"));
    }

    @Test
    void nonFiniteListEntriesBecomeNull() throws IOException {
        ResultsStore store = new ResultsStore(temp, order);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("run", "r");
        entry.put("epoch_costs", List.of(2.5, Double.NaN));
        entry.put("predictions", new double[] {0.25, Double.POSITIVE_INFINITY});
        entry.put("losses", new float[] {Float.NEGATIVE_INFINITY, 1.5f});
        entry.put("nested", Map.of("costs", List.of(List.of(Double.NaN))));
        store.save(new ExperimentResult("cnn", List.of(entry), "## cnn"));

        String text = Files.readString(store.summaryFile());
        assertFalse(text.contains("NaN"), text);
        assertFalse(text.contains("Infinity"), text);
        Map<String, Object> read = store.readSummary().get(0);
        assertEquals(java.util.Arrays.asList(2.5, null), read.get("epoch_costs"));
        assertEquals(java.util.Arrays.asList(0.25, null), read.get("predictions"));
        assertEquals(java.util.Arrays.asList(null, 1.5), read.get("losses"));
        assertEquals(Map.of("costs", List.of(java.util.Arrays.asList((Object) null))),
                read.get("nested"));
    }

    @Test
    void unknownExperimentGoesLast() throws IOException {
        ResultsStore store = new ResultsStore(temp, order);
        store.save(result("zeta", "q"));
        store.save(result("lstm", "l"));
        assertEquals("lstm", store.readSummary().get(0).get("experiment"));
        assertEquals("zeta", store.readSummary().get(1).get("experiment"));
    }

    @Test
    void corruptSummaryIsNotOverwritten() throws IOException {
        ResultsStore store = new ResultsStore(temp, order);
        Files.writeString(store.summaryFile(), "{\"not\": \"an array\"}");
        IOException failure = assertThrows(IOException.class, () -> store.save(result("mlp", "x")));
        assertTrue(failure.getMessage().contains(store.summaryFile().toString()),
                failure.getMessage());
        assertEquals("{\"not\": \"an array\"}", Files.readString(store.summaryFile()));
    }

    @Test
    void reportWithForeignTextIsRejected() throws IOException {
        ResultsStore store = new ResultsStore(temp, order);
        store.save(result("mlp", "a"));
        store.checkMergeable();

        Files.writeString(store.reportFile(), "my own notes\n", java.nio.file.StandardOpenOption.APPEND);
        IOException failure = assertThrows(IOException.class, store::checkMergeable);
        assertEquals(store.reportFile() + " contains text outside the sections a run writes, which"
                + " saving would lose; move it away or choose another --out", failure.getMessage());
    }

    @Test
    void reportWithUnclosedSectionIsRejected() throws IOException {
        ResultsStore store = new ResultsStore(temp, order);
        store.save(result("mlp", "a"));
        String report = Files.readString(store.reportFile());
        Files.writeString(store.reportFile(), report.replace("<!-- end mlp -->", ""));

        assertThrows(IOException.class, store::checkMergeable);
    }

    @Test
    void summaryProblemsAreNamed() throws IOException {
        ResultsStore store = new ResultsStore(temp, order);
        Files.writeString(store.summaryFile(), "garbage{");
        IOException invalid = assertThrows(IOException.class, store::checkMergeable);
        assertEquals(store.summaryFile() + " is not valid JSON (line 1, column 9); expected the"
                + " JSON array of runs an earlier run wrote", invalid.getMessage());

        Files.writeString(store.summaryFile(), "[1, 2]");
        IOException notRuns = assertThrows(IOException.class, store::checkMergeable);
        assertEquals(store.summaryFile() + " is JSON but not an array of run objects; expected"
                + " the summary an earlier run wrote", notRuns.getMessage());

        Files.delete(store.summaryFile());
        Files.createDirectory(store.summaryFile());
        IOException folder = assertThrows(IOException.class, store::checkMergeable);
        assertEquals(store.summaryFile() + " is not a file; expected the summary an earlier run"
                + " wrote, or nothing", folder.getMessage());
    }

    @Test
    void lockFileThatIsAFolderRejected() throws IOException {
        ResultsStore store = new ResultsStore(temp, order);
        Files.createDirectory(store.lockFile());

        IOException folder = assertThrows(IOException.class, store::checkMergeable);

        assertEquals(store.lockFile() + " is not a file; expected the empty lock file that runs"
                + " saving into this folder share, or nothing. Delete it or choose another"
                + " --out", folder.getMessage());
    }

    @Test
    void existingLockFileAccepted() throws IOException {
        ResultsStore store = new ResultsStore(temp, order);
        store.save(result("mlp", "a"));

        store.checkMergeable();

        assertTrue(Files.isRegularFile(store.lockFile()));
    }

    @Test
    void danglingLinkAsLockFileRejected() throws IOException {
        ResultsStore store = new ResultsStore(temp, order);
        Path target = temp.getParent().resolve(temp.getFileName() + "-outside.lock");
        Files.createSymbolicLink(store.lockFile(), target);

        IOException e = assertThrows(IOException.class, store::checkMergeable);

        assertEquals(store.lockFile() + " is a link to a missing file; expected the empty lock"
                + " file that runs saving into this folder share, or nothing. Delete it or"
                + " choose another --out", e.getMessage());
        assertFalse(Files.exists(target), "nothing may be created outside the folder");
    }

    @Test
    void readOnlyLockFileRejected() throws IOException {
        ResultsStore store = new ResultsStore(temp, order);
        Files.createFile(store.lockFile());
        Files.setPosixFilePermissions(store.lockFile(),
                java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        // Root may write any file, so the check cannot fail there.
        assumeFalse(Files.isWritable(store.lockFile()), "this user may write read-only files");

        IOException readOnly = assertThrows(IOException.class, store::checkMergeable);

        assertEquals(store.lockFile() + " is not writable; expected the empty lock file that runs"
                + " saving into this folder share. Make it writable or choose another --out",
                readOnly.getMessage());
    }
}
