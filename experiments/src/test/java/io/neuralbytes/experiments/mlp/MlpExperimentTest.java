package io.neuralbytes.experiments.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuralbytes.experiments.ChildProgram;
import io.neuralbytes.experiments.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MlpExperimentTest {

    @TempDir
    Path temp;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                args);
    }

    private List<Map<String, Object>> summary(Path out) throws IOException {
        return new ObjectMapper().readValue(out.resolve("summary.json").toFile(),
                new TypeReference<>() { });
    }

    private static Map<String, Object> entry(List<Map<String, Object>> summary, String run) {
        return summary.stream().filter(e -> run.equals(e.get("run"))).findFirst().orElseThrow();
    }

    private static long countPngs(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".png")).count();
        }
    }

    /**
     * Wall-clock limit of the whole sweep: a guard against a slowdown of ten times, not a
     * measurement. The sweep takes about 10 s on a quiet 2-core machine, and took 50 s there
     * with 7 other jobs running.
     */
    private static final double SWEEP_LIMIT_SECONDS = 120;

    @Test
    void fullSweepWritesEveryRun() throws IOException {
        Path out = temp.resolve("results");
        long start = System.nanoTime();
        assertEquals(0, run("reproduce", "mlp", "--out", out.toString()), err.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < SWEEP_LIMIT_SECONDS, "the sweep took " + seconds + " s");

        assertEquals(112, countPngs(out.resolve("mlp")));
        List<Map<String, Object>> summary = summary(out);
        assertEquals(56, summary.size());
        for (Map<String, Object> e : summary) {
            for (String key : List.of("experiment", "run", "seconds", "epochs", "learning_rate",
                    "final_loss", "accuracy")) {
                assertTrue(e.containsKey(key), key + " missing in " + e);
            }
            double accuracy = ((Number) e.get("accuracy")).doubleValue();
            assertTrue(accuracy >= 0, "accuracy " + accuracy);
            assertTrue(accuracy <= 1, "accuracy " + accuracy);
            double training = ((Number) e.get("training_seconds")).doubleValue();
            assertTrue(training >= 0, "training_seconds in " + e);
            assertTrue(training <= ((Number) e.get("seconds")).doubleValue(), e.toString());
        }
        // 80,000 epochs train far longer than 100, which the plots' time used to hide.
        double longest = ((Number) entry(summary, "e80000-lr0.01").get("training_seconds"))
                .doubleValue();
        double shortest = ((Number) entry(summary, "e100-lr0.01").get("training_seconds"))
                .doubleValue();
        assertTrue(longest > 10 * shortest, longest + " s against " + shortest + " s");

        Map<String, Object> best = entry(summary, "e10000-lr0.1");
        assertEquals(1.0, ((Number) best.get("accuracy")).doubleValue());
        assertTrue(((Number) best.get("final_loss")).doubleValue() < 0.02, best.toString());
        assertEquals(80_000, entry(summary, "e80000-lr0.01").get("epochs"));

        String predictions = Files.readString(out.resolve("mlp/predictions.txt"));
        assertEquals(56, predictions.lines().filter(l -> l.startsWith("epochs ")).count());
        String report = Files.readString(out.resolve("report.md"));
        assertEquals(56, report.lines().filter(l -> l.matches("\\| e[0-9].*")).count());
        assertTrue(report.contains("<img src=\"mlp/e10000-lr0.1-boundary.png\""), "plot embedded");
    }

    @Test
    void tinyLearningRateBarelyMoves() throws IOException {
        Path out = temp.resolve("results");
        assertEquals(0, run("reproduce", "mlp", "--epochs", "100", "--lr", "0.000001",
                "--out", out.toString()), err.toString());
        Map<String, Object> e = summary(out).get(0);
        double initial = ((Number) e.get("initial_loss")).doubleValue();
        double last = ((Number) e.get("final_loss")).doubleValue();
        assertTrue(Math.abs(initial - last) < 1e-4, initial + " -> " + last);
        assertTrue(last < initial, "gradient descent must lower the cost");
    }

    @Test
    void singleRunSummaryAndCommand() throws IOException {
        Path out = temp.resolve("results");
        assertEquals(0, run("reproduce", "mlp", "--epochs", "100", "--lr", "0.1",
                "--out", out.toString()), err.toString());
        Map<String, Object> e = summary(out).get(0);
        assertEquals(false, e.get("diverged"));
        assertTrue(e.containsKey("diverged_at"), e.toString());
        assertEquals(null, e.get("diverged_at"));
        assertFalse(e.containsKey("diverged_at_epoch"), e.toString());
        assertEquals(0, ((Number) e.get("seed")).intValue());
        String report = Files.readString(out.resolve("report.md"));
        // The shared --out moves before the experiment's name, where it applies to all.
        assertTrue(report.contains("## mlp: MLP on logical OR\n\nCommand: `./neuralbytes"
                + " reproduce --out " + out + " mlp --epochs 100 --lr 0.1`\n"), report);
        assertTrue(report.contains("every run starts from the same weights. 1 run in "),
                report);
    }

    @Test
    void commandLeavesOutDataOptions() throws IOException {
        Path out = temp.resolve("results");
        assertEquals(0, run("reproduce", "--offline", "--data", temp.resolve("data").toString(),
                "--cifar10-url", "http://127.0.0.1:1/cifar.tar.gz", "--gutenberg-url",
                "http://127.0.0.1:1/", "--threads", "1", "mlp", "--epochs", "100", "--out",
                out.toString()), err.toString());

        String report = Files.readString(out.resolve("report.md"));
        // The MLP reads no data, so only --threads and --out apply to it.
        assertTrue(report.contains("Command: `./neuralbytes reproduce --threads 1 --out " + out
                + " mlp --epochs 100`\n"), report);
        assertFalse(Files.exists(temp.resolve("data")));
    }

    @Test
    void negativeLearningRateRejected() {
        assertRejected("--lr must be a positive finite number, got -1.0",
                "reproduce", "mlp", "--lr", "-1");
    }

    @Test
    void notANumberLearningRateRejected() {
        assertRejected("--lr must be a decimal number such as 0.01 or 1e-3, got 'NaN'",
                "reproduce", "mlp", "--lr", "NaN");
    }

    @Test
    void decimalCommaRateRejectedWithHint() {
        assertRejected("--lr must be a positive finite number, got 0.0 from '0,1'; a comma"
                + " separates list values, so write 0.1 with a decimal point",
                "reproduce", "mlp", "--lr", "0,1");
    }

    @Test
    void epochsInOtherDigitsRejected() {
        // The Arabic-Indic digit two, which Integer.parseInt reads as 2.
        assertRejected("--epochs must be an integer in the digits 0-9, got '\u0662'",
                "reproduce", "mlp", "--epochs", "\u0662", "--lr", "0.1");
    }

    @Test
    void zeroEpochsRejected() {
        assertRejected("--epochs must be at least 1, got 0", "reproduce", "mlp", "--epochs", "0");
    }

    @Test
    void repeatedEpochsRejected() {
        assertRejected("--epochs lists '100' more than once; give each value once",
                "reproduce", "mlp", "--epochs", "100,200", "--epochs", "100");
    }

    @Test
    void repeatedLearningRateRejected() {
        // 0.1 and 1e-1 are the same rate, so the second would repeat the first run.
        assertRejected("--lr lists '0.1' more than once; give each value once",
                "reproduce", "mlp", "--epochs", "100", "--lr", "0.1,0.01,1e-1");
    }

    @Test
    void emptyListRejectedBeforeTouchingResults() throws IOException {
        Path out = temp.resolve("results");
        assertEquals(0, run("reproduce", "mlp", "--epochs", "100", "--lr", "0.1", "--out",
                out.toString()), err.toString());
        String report = Files.readString(out.resolve("report.md"));
        String[][] commands = {
            {"--lr", ","}, {"--epochs", ","}, {"--lr", "0.1,,0.01"}, {"--epochs", "100,"},
            {"--lr", ""},
        };
        for (String[] option : commands) {
            err.getBuffer().setLength(0);
            assertEquals(2, run("reproduce", "mlp", option[0], option[1], "--out",
                    out.toString()), option[0] + " " + option[1]);
            String label = option[0].equals("--lr") ? "RATE" : "N";
            assertEquals("neuralbytes: " + option[0] + " has an empty item; expected one or more "
                    + label + " values separated by commas. See 'neuralbytes reproduce mlp"
                    + " --help'.", err.toString().strip());
        }
        assertEquals(report, Files.readString(out.resolve("report.md")));
        assertTrue(Files.exists(out.resolve("mlp/e100-lr0.1-loss.png")));
    }

    @Test
    void outOfMemoryInChildJvmReported() throws Exception {
        Path out = temp.resolve("results");
        // The decision-boundary plot's 10000 grid points give the 150 hidden units two
        // activation matrices of 12 MB. The up-front estimate of about 23 MiB passes, but
        // the JVM's own objects leave too little of the 32 MiB heap for them.
        ChildProgram.Outcome child = ChildProgram.run(temp, "32m", "reproduce", "mlp",
                "--epochs", "1", "--lr", "0.1", "--hidden-layers", "1", "--hidden-width", "150",
                "--threads", "1", "--out", out.toString());
        String failure = child.failureLine();

        assertTrue(failure.startsWith("neuralbytes: experiment mlp failed: out of memory"
                + " (Java heap space) with a maximum heap of "), failure);
        assertTrue(failure.endsWith(" MiB; use smaller sizes (--hidden-layers,"
                + " --hidden-width, --epochs), or give Java more heap, for example"
                + " JAVA_TOOL_OPTIONS=-Xmx1g"), failure);
        // The loss plot is written before the boundary plot runs out of memory.
        assertFalse(Files.exists(out.resolve("summary.json")), "no summary may be written");
        assertFalse(Files.exists(out.resolve("report.md")), "no report may be written");
    }

    @Test
    void unknownExperimentRejected() {
        assertRejected("unknown experiment 'mlpx'", "reproduce", "mlpx");
    }

    @Test
    void zeroHiddenWidthRejected() {
        assertRejected("--hidden-width must be at least 1, got 0",
                "reproduce", "mlp", "--hidden-width", "0");
    }

    private void assertRejected(String expected, String... args) {
        Path out = temp.resolve("results");
        String[] withOut = Stream.concat(Stream.of(args), Stream.of("--out", out.toString()))
                .toArray(String[]::new);
        assertEquals(2, run(withOut));
        String message = err.toString();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains(expected), message);
        assertFalse(Files.exists(out), "nothing may be written");
    }

    private static MlpExperiment parse(String... args) {
        MlpExperiment experiment = new MlpExperiment();
        new CommandLine(experiment).parseArgs(args);
        return experiment;
    }

    @Test
    void defaultPlanIsOriginalSweep() {
        List<MlpRunSettings> runs = parse().plannedRuns();
        assertEquals(56, runs.size());
        assertEquals(new MlpRunSettings(100, 1e-6), runs.get(0));
        assertTrue(runs.contains(new MlpRunSettings(80_000, 0.01)));
        assertTrue(runs.contains(new MlpRunSettings(80_000, 0.1)));
        assertFalse(runs.contains(new MlpRunSettings(80_000, 0.001)));
    }

    @Test
    void learningRateOptionRestrictsSweep() {
        List<MlpRunSettings> runs = parse("--lr", "0.1").plannedRuns();
        assertEquals(10, runs.size());
        assertTrue(runs.stream().allMatch(r -> r.learningRate() == 0.1));
        assertTrue(runs.contains(new MlpRunSettings(80_000, 0.1)));
    }

    @Test
    void epochsOptionRestrictsSweep() {
        List<MlpRunSettings> runs = parse("--epochs", "200,100", "--lr", "0.1", "--lr", "0.01")
                .plannedRuns();
        assertEquals(List.of(new MlpRunSettings(100, 0.01), new MlpRunSettings(100, 0.1),
                new MlpRunSettings(200, 0.01), new MlpRunSettings(200, 0.1)), runs);
    }

    @Test
    void repeatedValuesPlannedOnce() {
        // Without validate(), which rejects them, 1e-1 and 0.1 are the same rate.
        List<MlpRunSettings> runs = parse("--epochs", "200,100,200", "--lr", "0.1,1e-1")
                .plannedRuns();
        assertEquals(List.of(new MlpRunSettings(100, 0.1), new MlpRunSettings(200, 0.1)), runs);
    }

    @Test
    void unusedSharedOptionsStillAccepted() {
        // Its help leaves out the data options, but a command line naming them after mlp,
        // where they would apply to another experiment, still parses.
        Path out = temp.resolve("results");

        int exit = run("reproduce", "mlp", "--epochs", "1", "--lr", "0.1", "--offline",
                "--data", temp.resolve("data").toString(), "--out", out.toString());

        assertEquals(0, exit, err.toString());
        assertTrue(Files.isDirectory(out.resolve("mlp")));
    }

    @Test
    void resultsIndependentOfThreads() throws IOException {
        Path oneThread = temp.resolve("one-thread");
        Path twoThreads = temp.resolve("two-threads");
        String[] sweep = {"reproduce", "mlp", "--epochs", "300,700", "--lr", "0.1,0.01"};
        assertEquals(0, run(concat(sweep, "--threads", "1", "--out", oneThread.toString())));
        assertEquals(0, run(concat(sweep, "--threads", "2", "--out", twoThreads.toString())));
        List<Map<String, Object>> first = summary(oneThread);
        List<Map<String, Object>> second = summary(twoThreads);
        assertEquals(4, first.size());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).get("run"), second.get(i).get("run"));
            assertEquals(first.get(i).get("final_loss"), second.get(i).get("final_loss"));
            assertEquals(first.get(i).get("predictions"), second.get(i).get("predictions"));
        }
    }

    @Test
    void hiddenLayerOptionsShapeNetwork() throws IOException {
        Path out = temp.resolve("results");
        assertEquals(0, run("reproduce", "mlp", "--hidden-layers", "2", "--hidden-width", "3",
                "--epochs", "100", "--lr", "0.1", "--out", out.toString()), err.toString());
        assertEquals(List.of(3, 3), summary(out).get(0).get("hidden_widths"));
        assertTrue(Files.readString(out.resolve("report.md")).contains("Network 2-3-3-1"));
    }

    @Test
    void deepNetworkWrittenShort() throws IOException {
        Path out = temp.resolve("results");
        assertEquals(0, run("reproduce", "mlp", "--hidden-layers", "1000", "--epochs", "1",
                "--lr", "0.1", "--out", out.toString()), err.toString());
        assertTrue(Files.readString(out.resolve("report.md")).contains("Network 2-(2 x 1000)-1:"));
        assertTrue(Files.readString(out.resolve("mlp/predictions.txt"))
                .contains("\n# network 2-(2 x 1000)-1, seed 0\n"));
    }

    @Test
    void networkTextCompressesEqualLayers() {
        assertEquals("2-1", MlpExperiment.networkText(new int[0]));
        assertEquals("2-3-3-3-3-1", MlpExperiment.networkText(new int[] {3, 3, 3, 3}));
        assertEquals("2-(2 x 5)-1", MlpExperiment.networkText(new int[] {2, 2, 2, 2, 2}));
        assertEquals("2-4-(2 x 6)-1",
                MlpExperiment.networkText(new int[] {4, 2, 2, 2, 2, 2, 2}));
        int[] deep = new int[100_000];
        java.util.Arrays.fill(deep, 2);
        assertEquals("2-(2 x 100000)-1", MlpExperiment.networkText(deep));
    }

    @Test
    void widthBeyondArrayLimitRejected() {
        assertRejected("neuralbytes: --hidden-width 100000 would need the weights W2, an array"
                        + " of 100000 x 100000 = 10000000000 doubles, more than a Java array can"
                        + " contain (2147483639); use a smaller --hidden-width.",
                "reproduce", "mlp", "--hidden-width", "100000", "--hidden-layers", "1000",
                "--epochs", "1", "--lr", "0.1");
    }

    @Test
    void epochsBeyondHeapRejected() {
        // 2000000000 epochs of 24 bytes are 44.7 GiB, beyond any heap a test runs with.
        assertRejected("neuralbytes: --epochs 2000000000 would record about 44.7 GiB of history"
                        + " (24 bytes per epoch), more than half of the maximum heap of ",
                "reproduce", "mlp", "--epochs", "2000000000", "--lr", "0.1");
    }

    @Test
    void wideNetworkEstimateCountsGridActivations() {
        MlpExperiment experiment = parse("--hidden-width", "1000", "--hidden-layers", "2");
        // Each hidden layer has 2 x 10000 grid activations and 2 x 1000 biases. The weights
        // take 2 x (1000 x 2 + 1000 x 1000 + 1 x 1000). The output layer adds 2 x 10000
        // activations and 2 biases, and the one epoch 24 bytes.
        double doubles = 2 * (2 * 10000 * 1000.0 + 2 * 1000) + 2 * (2000 + 1_000_000 + 1000)
                + 2 * 10000 + 2;
        assertEquals(8 * doubles + 24, experiment.networkEstimate(1).totalBytes());
    }

    @Test
    void tooManyHiddenLayersRejected() {
        assertRejected("--hidden-layers must be from 0 to 1000, got 1001",
                "reproduce", "mlp", "--hidden-layers", "1001");
    }

    @Test
    void accuracyCountsNaNAsWrong() {
        double[] targets = {0, 1, 1, 1};
        assertEquals(1.0, MlpRun.accuracy(new double[] {0.1, 0.9, 0.5, 0.7}, targets));
        assertEquals(0.5, MlpRun.accuracy(new double[] {0.6, 0.9, 0.4, 0.7}, targets));
        assertEquals(0.0, MlpRun.accuracy(new double[] {Double.NaN, Double.NaN, Double.NaN,
            Double.NaN}, targets));
    }

    @Test
    void runNamesUsePlainDecimals() {
        assertEquals("e100-lr0.000001", new MlpRunSettings(100, 1e-6).name());
        assertEquals("e80000-lr0.1", new MlpRunSettings(80_000, 0.1).name());
        List<String> sweepRates = MlpExperiment.SWEEP_RATES.stream()
                .map(MlpRunSettings::formatRate).toList();
        assertEquals(List.of("0.000001", "0.00001", "0.0001", "0.001", "0.01", "0.1"),
                sweepRates);
        assertEquals("0.123456789", MlpRunSettings.formatRate(0.123456789));
        assertEquals("0.000000000000000001", MlpRunSettings.formatRate(1e-18));
    }

    @Test
    void extremeRatesUseScientificNotation() {
        assertEquals("e100-lr1e+308", new MlpRunSettings(100, 1e308).name());
        assertEquals("1e-19", MlpRunSettings.formatRate(1e-19));
        assertEquals("1.5e-20", MlpRunSettings.formatRate(1.5e-20));
        assertEquals("4.9e-324", MlpRunSettings.formatRate(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", MlpRunSettings.formatRate(Double.MAX_VALUE));
        assertEquals("1.23456789e+28", MlpRunSettings.formatRate(1.23456789e28));
        assertEquals("1.234567890123e-7", MlpRunSettings.formatRate(1.234567890123e-7));
    }

    @Test
    void everyRateGivesShortName() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            double rate = Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE);
            if (!Double.isFinite(rate) || rate == 0) {
                continue;
            }
            String name = new MlpRunSettings(Integer.MAX_VALUE, rate).name();
            assertTrue(name.length() <= 40, name);
            assertEquals(rate, Double.parseDouble(name.substring(name.indexOf("-lr") + 3)),
                    name);
        }
    }

    @Test
    void rerunDeletesPlotsOfDroppedRuns() throws IOException {
        Path out = temp.resolve("results");
        Path folder = out.resolve("mlp");
        assertEquals(0, run("reproduce", "mlp", "--epochs", "2,3", "--lr", "0.1,0.01", "--out",
                out.toString()), err.toString());
        Files.writeString(folder.resolve("notes.txt"), "mine");
        Files.writeString(folder.resolve("e2-lr0.01-loss.png.bak"), "mine");

        assertEquals(0, run("reproduce", "mlp", "--epochs", "2", "--lr", "0.1", "--out",
                out.toString()), err.toString());

        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("e2-lr0.01-loss.png.bak", "e2-lr0.1-boundary.png",
                    "e2-lr0.1-loss.png", "notes.txt", "predictions.txt"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void hugeLearningRateWritesShortFileNames() throws IOException {
        Path out = temp.resolve("results");

        assertEquals(0, run("reproduce", "mlp", "--lr", "1e308", "--epochs", "2", "--out",
                out.toString()), err.toString());

        assertTrue(Files.isRegularFile(out.resolve("mlp").resolve("e2-lr1e+308-loss.png")));
        assertTrue(Files.isRegularFile(out.resolve("mlp").resolve("e2-lr1e+308-boundary.png")));
        assertEquals("e2-lr1e+308", summary(out).get(0).get("run"));
    }

    private static String[] concat(String[] first, String... rest) {
        return Stream.concat(Stream.of(first), Stream.of(rest)).toArray(String[]::new);
    }
}
