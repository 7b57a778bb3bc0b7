package io.neuralbytes.experiments.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuralbytes.datasets.DataDirectory;
import io.neuralbytes.experiments.Main;
import io.neuralbytes.experiments.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce cnn} end to end, on the real CIFAR-10 files named by NEURALBYTES_DATA. Every
 * run is {@code --offline}, so a missing file fails the test instead of starting a download.
 */
class CnnExperimentTest {

    @TempDir
    Path temp;

    private final StringWriter err = new StringWriter();

    /**
     * Wall-clock limit of one 50-epoch run: a guard against a slowdown of ten times, not a
     * measurement. The run takes 1 to 4 s on a 2-core machine, and took 17 s there with
     * 7 other jobs running.
     */
    private static final double RUN_LIMIT_SECONDS = 60;

    @Test
    void originalRunLearnsAndRepeats() throws IOException {
        Path data = SharedData.withCifar10();
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");

        assertEquals(0, run("reproduce", "cnn", "--offline", "--out", first.toString(),
                "--data", data.toString()), err.toString());
        assertEquals(0, run("reproduce", "cnn", "--offline", "--out", second.toString(),
                "--data", data.toString()), err.toString());

        Map<String, Object> entry = onlyEntry(first);
        assertEquals("cnn", entry.get("experiment"));
        assertEquals("cifar10-grey", entry.get("run"));
        assertEquals(350, entry.get("train_images"));
        assertEquals(150, entry.get("heldout_images"));
        assertEquals(1000, entry.get("test_images"));
        assertEquals(false, entry.get("diverged"));
        assertTrue(entry.containsKey("diverged_at"), entry.toString());
        assertEquals(null, entry.get("diverged_at"));
        List<Double> costs = costs(entry);
        assertEquals(costs.get(0), ((Number) entry.get("initial_loss")).doubleValue(), 0.0);
        String firstReport = Files.readString(first.resolve("report.md"));
        assertTrue(firstReport.contains("## cnn: small CNN on CIFAR-10\n\nCommand: "
                + "`./neuralbytes reproduce --offline --out " + first + " --data "
                + data.toAbsolutePath().normalize() + " cnn`"), firstReport);
        assertEquals(50, costs.size());
        assertTrue(costs.get(49) < costs.get(9) - 0.3,
                "cost at epoch 10 " + costs.get(9) + ", at epoch 50 " + costs.get(49));
        assertEquals(costs.get(49), (Double) entry.get("final_loss"), 0.0);
        double testAccuracy = (Double) entry.get("test_accuracy");
        assertTrue(testAccuracy >= 0.15, "test accuracy " + testAccuracy);
        double heldOutAccuracy = (Double) entry.get("heldout_accuracy");
        assertTrue(heldOutAccuracy > 0.10, "held-out accuracy " + heldOutAccuracy);
        double seconds = ((Number) entry.get("seconds")).doubleValue();
        assertTrue(seconds < RUN_LIMIT_SECONDS, "run took " + seconds + " s");

        Map<String, Object> again = onlyEntry(second);
        assertEquals(costs, costs(again));
        assertEquals(entry.get("test_accuracy"), again.get("test_accuracy"));
        assertEquals(entry.get("heldout_accuracy"), again.get("heldout_accuracy"));

        for (String file : List.of(CnnOutputs.COST_PLOT, CnnOutputs.CONFUSION_PLOT,
                CnnOutputs.FILTER_PLOT, CnnOutputs.COST_CSV, CnnOutputs.CONFUSION_CSV)) {
            assertTrue(Files.size(first.resolve("cnn").resolve(file)) > 100, file);
        }
        String report = Files.readString(first.resolve("report.md"));
        assertTrue(report.contains("## cnn: small CNN on CIFAR-10"), report);
        assertTrue(report.contains("| 50 | " + CnnOutputs.format(costs.get(49), 4)
                + " | 1.2269 |"), report);
        assertTrue(report.contains("| 1 | " + CnnOutputs.format(costs.get(0), 4) + " | - |"),
                report);
        assertTrue(report.contains("![Average cost per epoch](cnn/cost.png)"), report);
        assertTrue(report.contains("| test_batch.bin | 1000 | `8314c96d"), report);
    }

    @Test
    void otherSeedGivesOtherSplit() throws IOException {
        Path data = SharedData.withCifar10();
        Path seed0 = temp.resolve("seed0");
        Path seed1 = temp.resolve("seed1");
        String[] quick = {"--epochs", "2", "--images-per-file", "20"};

        assertEquals(0, run(concat(new String[] {"reproduce", "cnn", "--offline", "--out",
                seed0.toString(), "--data", data.toString()}, quick)), err.toString());
        // Without --data the run reads the same folder, from NEURALBYTES_DATA.
        assertEquals(0, run(concat(new String[] {"reproduce", "cnn", "--offline", "--out",
                seed1.toString(), "--seed", "1", "--threads", "1", "--gutenberg-url",
                "http://127.0.0.1:1/"}, quick)), err.toString());

        assertFalse(costs(onlyEntry(seed0)).equals(costs(onlyEntry(seed1))));
        String report = Files.readString(seed0.resolve("report.md"));
        List<Double> costs = costs(onlyEntry(seed0));
        assertTrue(report.contains("| epoch | average cost |\n| ---: | ---: |\n| 1 | "
                + CnnOutputs.format(costs.get(0), 4) + " |\n| 2 | "
                + CnnOutputs.format(costs.get(1), 4) + " |\n"), report);
        assertTrue(report.contains("differ from the original's README run"), report);
        // The CNN trains on one thread and reads no novels, so those two options go.
        Path resolved = DataDirectory.resolve(null).path();
        assertEquals(data.toAbsolutePath().normalize(), resolved);
        String seed1Report = Files.readString(seed1.resolve("report.md"));
        assertTrue(seed1Report.contains("Command: `./neuralbytes reproduce --offline --out "
                + seed1 + " --seed 1 --data " + resolved + " cnn --epochs 2 --images-per-file"
                + " 20`"), seed1Report);
    }

    @Test
    void epochCostLoggedOnce() {
        Path data = SharedData.withCifar10();
        List<String> lines = runLogged("reproduce", "cnn", "--offline", "--out",
                temp.resolve("results").toString(), "--data", data.toString(), "--epochs", "2",
                "--images-per-file", "20").stream()
                .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
        assertEquals(0, lines.stream().filter(line -> line.contains("Epoch")).count(),
                lines.toString());
        assertEquals(1, lines.stream().filter(line -> line.startsWith("cnn: 1/2 epochs (50%),"
                + " loss ")).count(), lines.toString());
        assertEquals(1, lines.stream().filter(line -> line.startsWith("cnn: 2/2 epochs (100%),"
                + " loss ")).count(), lines.toString());
    }

    @Test
    void divergedRunNotedOnce() throws IOException {
        Path data = SharedData.withCifar10();
        Path out = temp.resolve("results");
        List<ch.qos.logback.classic.spi.ILoggingEvent> logged = runLogged("reproduce", "cnn",
                "--offline", "--out", out.toString(), "--data", data.toString(), "--epochs", "3",
                "--lr", "1e300", "--images-per-file", "20");

        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"epoch_costs\" : [ null ]"), summary);
        assertFalse(summary.contains("NaN"), summary);
        Map<String, Object> entry = onlyEntry(out);
        assertEquals(true, entry.get("diverged"));
        assertEquals(1, entry.get("diverged_at"));
        assertNull(entry.get("final_loss"));

        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains(" |\n\nThese accuracies are of the network as it was when"
                + " training stopped at epoch 1, on an average cost of NaN, so its weights may"
                + " be NaN or infinite. They do not measure a trained network.\n\n"), report);

        List<String> warnings = logged.stream()
                .filter(event -> event.getLevel() == ch.qos.logback.classic.Level.WARN)
                .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
        assertEquals(List.of("cnn: training stopped at epoch 1 of 3 because the average cost"
                + " became NaN; try a smaller --lr"), warnings);
    }

    @Test
    void rgbMiniBatchShuffledRunWorks() throws IOException {
        Path data = SharedData.withCifar10();
        Path out = temp.resolve("rgb");

        assertEquals(0, run("reproduce", "cnn", "--offline", "--out", out.toString(), "--data",
                data.toString(), "--rgb", "--batch-size", "8", "--shuffle", "--epochs", "3",
                "--images-per-file", "20", "--filters", "2", "--filter-size", "5x4",
                "--filter-bias", "--lr", "0.01"), err.toString());

        Map<String, Object> entry = onlyEntry(out);
        assertEquals("cifar10-rgb", entry.get("run"));
        assertEquals(3, entry.get("channels"));
        assertEquals(8, entry.get("batch_size"));
        assertEquals(true, entry.get("shuffle"));
        assertEquals(5, entry.get("filter_height"));
        assertEquals(4, entry.get("filter_width"));
        assertEquals(70, entry.get("train_images"));
        assertEquals(3, costs(entry).size());
        assertTrue(Files.size(out.resolve("cnn").resolve(CnnOutputs.FILTER_PLOT)) > 100);
    }

    @Test
    void missingDataOfflineFailsWithHint() throws IOException {
        Path empty = Files.createDirectory(temp.resolve("empty"));
        Path out = temp.resolve("out");

        int exit = run("reproduce", "cnn", "--offline", "--out", out.toString(), "--data",
                empty.toString());

        assertEquals(1, exit);
        String message = err.toString();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("CIFAR-10 not found: expected a folder cifar-10-batches-bin"
                + " in " + empty.toAbsolutePath()), message);
        assertTrue(message.strip().endsWith(", or run: ./neuralbytes data download --data "
                + empty.toAbsolutePath() + " cifar10"), message);
        assertTrue(message.contains("--data or the NEURALBYTES_DATA environment variable"),
                message);
        assertEquals(List.of(), listFolder(empty));
        assertFalse(Files.exists(out));
    }

    @Test
    void incompleteDataFailsWithHint() throws IOException {
        Path data = temp.resolve("data");
        Path cifar = Files.createDirectories(data.resolve("cifar-10-batches-bin"));
        Files.write(cifar.resolve("test_batch.bin"), new byte[3073]);
        Path out = temp.resolve("out");

        int exit = run("reproduce", "cnn", "--offline", "--out", out.toString(), "--data",
                data.toString());

        assertEquals(1, exit);
        String message = err.toString();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("CIFAR-10 folder " + cifar.toAbsolutePath()
                + " is missing data_batch_1.bin"), message);
        // reproduce checks CIFAR-10 before training, with the hint of every invalid data set.
        assertTrue(message.startsWith("neuralbytes: data not ready, so no experiment ran:"
                + " CIFAR-10 is invalid: "), message);
        assertTrue(message.strip().endsWith("; to replace it, run: ./neuralbytes data"
                + " download --data " + data.toAbsolutePath() + " --force cifar10"), message);
        assertFalse(Files.exists(out));
    }

    private static List<Path> listFolder(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        }
    }

    @Test
    void badOptionsRejectedBeforeRunning() {
        Path out = temp.resolve("out");
        String[][] cases = {
            {"--epochs", "0", "--epochs must be at least 1, got 0"},
            {"--lr", "-1", "--lr must be a positive finite number, got -1"},
            {"--lr", "NaN", "--lr must be a decimal number such as 0.01 or 1e-3, got 'NaN'"},
            {"--filters", "0", "--filters must be at least 1, got 0"},
            {"--filter-size", "3by3", "--filter-size must be HxW or N, such as 3x3 or 5,"
                    + " got '3by3'"},
            {"--filter-size", "33x3", "--filter-size must be between 1x1 and 32x32 for 32x32"
                    + " images, got '33x3'"},
            {"--filter-size", "0", "--filter-size must be between 1x1 and 32x32 for 32x32"
                    + " images, got '0'"},
            {"--batch-size", "351", "--batch-size must be between 1 and the 350 training"
                    + " images, got 351"},
            {"--images-per-file", "0", "--images-per-file must be from 1 to 10000, got 0"},
            {"--images-per-file", "99999999999", "--images-per-file must be from 1 to 10000,"
                    + " got '99999999999'"},
            {"--epochs", "-99999999999", "--epochs must be from 1 to 2147483647, got"
                    + " '-99999999999'"},
            {"--epochs", "2147483647", "--epochs 2147483647 would record about 32.0 GiB of"
                    + " history (16 bytes per epoch), more than half of the maximum heap of "},
            {"--filters", "99999999", "--filters 99999999 and --filter-size 3x3 would need"
                    + " the dense weights, an array of 10 x 89999999100 = 899999991000 doubles,"
                    + " more than a Java array can contain (2147483639); use smaller --filters"
                    + " or --filter-size"},
            {"--filters", "200000", "--filters 200000, --filter-size 3x3,"
                    + " --images-per-file 100 and --epochs 50 would need about 31.0 GiB for"
                    + " the main arrays"},
            {"--train-fraction", "1", "--train-fraction must be greater than 0 and less than 1,"
                    + " got 1"},
            {"--train-fraction", "0", "--train-fraction must be greater than 0 and less than 1,"
                    + " got 0"},
            {"--train-fraction", "0.9999", "--train-fraction 0.9999 of 500 images leaves 500"
                    + " for training and 0 held out; expected at least 1 of each"},
            {"--train-fraction", "0.0001", "--train-fraction 0.0001 of 500 images leaves 0 for"
                    + " training and 500 held out; expected at least 1 of each"},
        };
        for (String[] c : cases) {
            err.getBuffer().setLength(0);
            int exit = run("reproduce", "cnn", "--offline", "--out", out.toString(), c[0], c[1]);
            assertEquals(2, exit, String.join(" ", c));
            assertEquals(1, err.toString().lines().count(), err.toString());
            assertTrue(err.toString().contains(c[2]), err.toString());
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void loggedEpochsFirstEveryTenAndLast() {
        assertEquals(List.of(1, 10, 20, 30, 40, 50), CnnReport.loggedEpochs(50));
        assertEquals(List.of(1, 10, 20, 25), CnnReport.loggedEpochs(25));
        assertEquals(List.of(1, 3), CnnReport.loggedEpochs(3));
        assertEquals(List.of(1), CnnReport.loggedEpochs(1));
    }

    @Test
    void csvFilesHaveHeaderAndRows() {
        assertEquals("epoch,average_cost\n1,2.5\n2,NaN\n",
                CnnOutputs.costCsv(new double[] {2.5, Double.NaN}));
        assertEquals("true\\predicted,cat,dog\ncat,3,1\ndog,0,2\n",
                CnnOutputs.confusionCsv(List.of("cat", "dog"), new int[][] {{3, 1}, {0, 2}}));
    }

    private int run(String... args) {
        return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                args);
    }

    /**
     * Runs the program, expecting exit code 0, and returns the events that the
     * io.neuralbytes loggers logged at INFO or above meanwhile.
     */
    private List<ch.qos.logback.classic.spi.ILoggingEvent> runLogged(String... args) {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger("io.neuralbytes");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        ch.qos.logback.classic.Level level = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        logger.addAppender(logged);
        try {
            assertEquals(0, run(args), err.toString());
        } finally {
            logger.detachAppender(logged);
            logger.setLevel(level);
        }
        return logged.list;
    }

    private static Map<String, Object> onlyEntry(Path out) throws IOException {
        List<Map<String, Object>> entries = new ObjectMapper().readValue(
                out.resolve("summary.json").toFile(), new TypeReference<>() { });
        assertEquals(1, entries.size());
        return entries.get(0);
    }

    private static List<Double> costs(Map<String, Object> entry) {
        List<Double> costs = new ArrayList<>();
        for (Object cost : (List<?>) entry.get("epoch_costs")) {
            costs.add(((Number) cost).doubleValue());
        }
        return costs;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
