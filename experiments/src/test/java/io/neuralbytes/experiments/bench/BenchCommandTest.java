package io.neuralbytes.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuralbytes.experiments.ChildProgram;
import io.neuralbytes.experiments.LogCapture;
import io.neuralbytes.experiments.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void oneThreadRunsLogOneThread() {
        LogCapture.Result logged = LogCapture.run(BenchCommand.class, () -> run("bench",
                "--runs", "mlp", "--threads", "1,2", "--warmup", "0", "--settle-limit", "0",
                "--repeats", "2", "--out", temp.toString()));

        assertEquals(0, logged.exitCode(), err.toString());
        String start = logged.messages().stream()
                .filter(message -> message.startsWith("bench: runs")).findFirst().orElseThrow();
        assertTrue(start.startsWith("bench: runs [mlp], threads [1], "), start);
    }

    @Test
    void benchWritesTableAndJson() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two processors");
        Path folder = temp.resolve("results");

        int exit = run("bench", "--runs", "mlp,rnn-char", "--threads", "1,2", "--warmup", "0",
                "--settle-limit", "0.5", "--repeats", "3", "--out", folder.toString());

        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("char RNN"), out.toString());
        assertTrue(out.toString().contains("MLP"), out.toString());
        String mlpLine = out.toString().lines().filter(line -> line.startsWith("mlp "))
                .findFirst().orElseThrow();
        // An MLP epoch takes about a microsecond, which milliseconds would show as 0.000.
        assertTrue(mlpLine.contains(" µs"), mlpLine);
        assertTrue(out.toString().lines().anyMatch(line -> line.startsWith("rnn-char ")),
                out.toString());
        JsonNode json = new ObjectMapper().readTree(Files.readString(folder.resolve("bench.json")));
        JsonNode runs = json.get("runs");
        // The MLP runs on one thread only, the char RNN on 1 and 2.
        assertEquals(3, runs.size());
        assertEquals("mlp", runs.get(0).get("run").asText());
        assertEquals("rnn-char", runs.get(1).get("run").asText());
        assertEquals(2, runs.get(2).get("threads").asInt());
        assertEquals(3, runs.get(1).get("samples_seconds").size());
        assertTrue(runs.get(1).get("median_seconds").asDouble() > 0.0);
        assertEquals(0.5, json.get("settle_limit_seconds").asDouble());
        // Surefire starts the tests' JVM with -XX:ObjectAlignmentInBytes=64, as ./neuralbytes does.
        assertEquals(64, json.get("machine").get("object_alignment_bytes").asInt());
        assertTrue(json.get("warmup_rule").asText().contains("within 5%"));
        for (JsonNode entry : runs) {
            assertTrue(entry.get("warmup_samples").asInt() >= WarmUp.MIN_SAMPLES, entry.toString());
            assertTrue(entry.get("warmup_taken_seconds").asDouble() > 0.0, entry.toString());
            assertTrue(entry.get("warmup_settled").isBoolean(), entry.toString());
        }
        assertFalse(Files.list(folder).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }

    @Test
    void timeUnitFitsDuration() {
        assertEquals("1.80 µs", BenchReport.TimeUnit.fitting(1.8e-6).format(1.8e-6));
        assertEquals("0.350 µs", BenchReport.TimeUnit.fitting(3.5e-7).format(3.5e-7));
        assertEquals("999 µs", BenchReport.TimeUnit.fitting(999e-6).format(999e-6));
        assertEquals("29.2 ms", BenchReport.TimeUnit.fitting(0.0292).format(0.0292));
        assertEquals("1.00 ms", BenchReport.TimeUnit.fitting(1e-3).format(1e-3));
        assertEquals("8.40 s", BenchReport.TimeUnit.fitting(8.4).format(8.4));
        assertEquals("120 s", BenchReport.TimeUnit.fitting(120.0).format(120.0));
    }

    @Test
    void timeUnitAppliesToOtherColumns() {
        assertEquals("250 µs", BenchReport.TimeUnit.MICROSECONDS.format(2.5e-4));
        assertEquals("0.025 ms", BenchReport.TimeUnit.MILLISECONDS.format(2.5e-5));
    }

    @Test
    void unknownRunRejected() {
        int exit = run("bench", "--runs", "gru", "--out", temp.toString());

        assertEquals(2, exit);
        assertTrue(err.toString().contains("unknown run 'gru'"), err.toString());
        assertFalse(Files.exists(temp.resolve("bench.json")));
    }

    @Test
    void repeatedRunOrThreadCountRejected() {
        assertEquals(2, run("bench", "--runs", "mlp,cnn,mlp", "--out", temp.toString()));
        assertTrue(err.toString().contains("--runs lists 'mlp' more than once; give each value"
                + " once"), err.toString());
        assertEquals(2, run("bench", "--runs", "mlp", "--threads", "1,1", "--out",
                temp.toString()));
        assertTrue(err.toString().contains("--threads lists '1' more than once; give each value"
                + " once"), err.toString());
        assertFalse(Files.exists(temp.resolve("bench.json")));
    }

    @Test
    void emptyRunOrThreadListRejected() {
        String[][] commands = {
            {"--runs", ","}, {"--runs", ""}, {"--runs", "mlp,,cnn"}, {"--threads", ","},
            {"--threads", "1,"},
        };
        for (String[] option : commands) {
            err.getBuffer().setLength(0);
            assertEquals(2, run("bench", option[0], option[1], "--out", temp.toString()),
                    option[0] + " " + option[1]);
            String label = option[0].equals("--runs") ? "RUN" : "N";
            assertEquals("neuralbytes: " + option[0] + " has an empty item; expected one or more "
                    + label + " values separated by commas. See 'neuralbytes bench --help'.",
                    err.toString().strip());
        }
        assertFalse(Files.exists(temp.resolve("bench.json")));
    }

    @Test
    void zeroThreadsRejected() {
        int exit = run("bench", "--threads", "0", "--out", temp.toString());

        assertEquals(2, exit);
        assertTrue(err.toString().contains("--threads"), err.toString());
    }

    @Test
    void threadsAboveProcessorsRejected() {
        int processors = Runtime.getRuntime().availableProcessors();
        String tooMany = String.valueOf(processors + 1);

        int exit = run("bench", "--runs", "mlp", "--threads", "1," + tooMany, "--out",
                temp.toString());

        assertEquals(2, exit);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("--threads must list counts of at most " + processors
                + ", the number of available processors, got " + tooMany), err.toString());
        assertFalse(Files.exists(temp.resolve("bench.json")));
    }

    @Test
    void threadsBeyondIntRangeRejected() {
        int processors = Runtime.getRuntime().availableProcessors();

        int exit = run("bench", "--runs", "mlp", "--threads", "1,99999999999", "--out",
                temp.toString());

        assertEquals(2, exit);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("--threads must list counts of at most " + processors
                + ", the number of available processors, got 99999999999"), err.toString());
        err.getBuffer().setLength(0);

        assertEquals(2, run("bench", "--threads", "-99999999999", "--out", temp.toString()));
        assertTrue(err.toString().contains("--threads must list counts of at least 1, got"
                + " -99999999999"), err.toString());
        assertFalse(Files.exists(temp.resolve("bench.json")));
    }

    @Test
    void outOfMemoryInChildJvmReported() throws Exception {
        // The word LSTM's output layer alone, 5000 x 128 doubles, with its gradient and
        // Adagrad memory, takes 15 MB, nearly the child's whole heap.
        ChildProgram.Outcome child = ChildProgram.run(temp, "16m", "bench", "--runs",
                "lstm-word", "--threads", "1", "--warmup", "0", "--settle-limit", "0",
                "--repeats", "1", "--out", temp.resolve("results").toString());
        String failure = child.failureLine();

        assertTrue(failure.startsWith("neuralbytes: failed: out of memory (Java heap space)"
                + " with a maximum heap of "), failure);
        assertTrue(failure.endsWith(" MiB; give Java more heap, for example"
                + " JAVA_TOOL_OPTIONS=-Xmx1g"), failure);
    }

    @Test
    void zeroRepeatsRejected() {
        int exit = run("bench", "--repeats", "0", "--out", temp.toString());

        assertEquals(2, exit);
        assertTrue(err.toString().contains("--repeats must be from 1 to 100000, got 0"),
                err.toString());
    }

    @Test
    void hugeRepeatsRejected() {
        int exit = run("bench", "--runs", "mlp", "--repeats", "2147483647", "--out",
                temp.toString());

        assertEquals(2, exit);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("--repeats must be from 1 to 100000, got 2147483647"),
                err.toString());
    }

    @Test
    void repeatsBeyondIntNamesOwnRange() {
        int exit = run("bench", "--repeats", "99999999999", "--out", temp.toString());

        assertEquals(2, exit);
        assertEquals("neuralbytes: --repeats must be from 1 to 100000, got '99999999999'. See"
                + " 'neuralbytes bench --help'.", err.toString().strip());
    }

    @Test
    void hugeWarmupRejected() {
        int exit = run("bench", "--runs", "mlp", "--warmup", "1e10", "--out", temp.toString());

        assertEquals(2, exit);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains(
                "--warmup must be a number of seconds from 0 to 3600, got 1.0E10"), err.toString());
    }

    @Test
    void negativeSettleLimitRejected() {
        int exit = run("bench", "--runs", "mlp", "--settle-limit", "-1", "--out",
                temp.toString());

        assertEquals(2, exit);
        assertTrue(err.toString().contains(
                "--settle-limit must be a number of seconds from 0 to 3600, got -1.0"),
                err.toString());
    }

    @Test
    void oneThreadRunWithoutOneThreadRejected() throws Exception {
        Path earlier = Files.writeString(temp.resolve("bench.json"), "{\"runs\": [1]}\n");

        int exit = run("bench", "--runs", "cnn", "--threads", "2", "--out", temp.toString());

        assertEquals(2, exit);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("--threads 2 leaves run cnn untimed: the cnn and mlp"
                + " runs use one thread only; add 1 to --threads"), err.toString());
        assertEquals("{\"runs\": [1]}\n", Files.readString(earlier));
    }

    @Test
    void benchJsonFolderRejectedBeforeTiming() throws Exception {
        Path folder = Files.createDirectory(temp.resolve("bench.json"));

        int exit = run("bench", "--runs", "mlp", "--warmup", "30", "--out", temp.toString());

        assertEquals(2, exit);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("--out " + temp + ": " + folder
                + " is a folder; expected a file or no file there"), err.toString());
        // Nothing was timed, so no table was printed.
        assertEquals("", out.toString());
    }

    @Test
    void jsonFileNameAsOutRejected() {
        Path named = temp.resolve("x").resolve("bench.json");

        int exit = run("bench", "--runs", "mlp", "--warmup", "30", "--out", named.toString());

        assertEquals(2, exit);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("--out " + named + ": expected a folder, got a .json"
                + " file name; bench writes bench.json inside the --out folder, so give --out "
                + temp.resolve("x")), err.toString());
        assertFalse(Files.exists(temp.resolve("x")), "no folder is created");
        assertEquals("", out.toString());
    }

    @Test
    void existingJsonNamedFolderAccepted() throws Exception {
        Path folder = Files.createDirectory(temp.resolve("runs.json"));

        int exit = run("bench", "--runs", "mlp", "--warmup", "0", "--settle-limit", "0",
                "--repeats", "1", "--out", folder.toString());

        assertEquals(0, exit, err.toString());
        assertTrue(Files.isRegularFile(folder.resolve("bench.json")));
    }

    @Test
    void outFileRejectedBeforeTiming() throws Exception {
        Path file = Files.writeString(temp.resolve("afile"), "x");

        int exit = run("bench", "--runs", "mlp", "--repeats", "1", "--out", file.toString());

        assertEquals(2, exit);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("--out " + file + ": not a folder"), err.toString());
    }

    @Test
    void emptyOutRejected() {
        assertEquals(2, run("bench", "--runs", "mlp", "--out", ""));
        assertTrue(err.toString().contains("--out must not be empty"), err.toString());
    }
}
