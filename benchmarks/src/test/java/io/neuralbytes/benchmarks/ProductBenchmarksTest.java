package io.neuralbytes.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/** The jar's main class: JMH's options, and the matrix product as the default benchmark. */
class ProductBenchmarksTest {

    private static final String PACKAGE = "io.neuralbytes.benchmarks.";

    /** Runs the main class with {@code args} and returns what it printed. */
    private static String mainOutput(String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            ProductBenchmarks.main(args);
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listOptionListsEveryBenchmark() throws Exception {
        String listed = mainOutput("-l");

        assertTrue(listed.startsWith("Benchmarks:"), listed);
        assertTrue(listed.contains(PACKAGE + "MatrixProductBenchmark.core"), listed);
        assertTrue(listed.contains(PACKAGE + "MatrixProductBenchmark.ejml"), listed);
        assertTrue(listed.contains(PACKAGE + "SequenceKernelBenchmark.recurrence"), listed);
        assertTrue(listed.contains(PACKAGE + "ExponentialsBenchmark.expOurs"), listed);
        assertFalse(listed.contains("GFLOP/s"), listed);
    }

    @Test
    void listOptionHonoursPattern() throws Exception {
        String listed = mainOutput("-l", "Exponentials");

        assertTrue(listed.contains(PACKAGE + "ExponentialsBenchmark.tanhOurs"), listed);
        assertFalse(listed.contains("MatrixProductBenchmark"), listed);
    }

    @Test
    void helpOptionShowsJmhOptions() throws Exception {
        String help = mainOutput("-h");

        assertTrue(help.contains("Usage: java -jar ... [regexp*] [options]"), help);
        assertTrue(help.contains("-wi <int>"), help);
    }

    @Test
    void benchmarkRequestsRecognised() throws Exception {
        assertTrue(ProductBenchmarks.runsBenchmarks(new CommandLineOptions()));
        assertTrue(ProductBenchmarks.runsBenchmarks(new CommandLineOptions("-f", "3")));
        for (String option : List.of("-h", "-l", "-lp", "-lprof", "-lrf")) {
            assertFalse(ProductBenchmarks.runsBenchmarks(new CommandLineOptions(option)), option);
        }
    }

    @Test
    void matrixProductRunsByDefault() throws Exception {
        CommandLineOptions commandLine = new CommandLineOptions("-f", "3", "-wi", "7");

        var options = ProductBenchmarks.options(commandLine);

        assertEquals(List.of("MatrixProductBenchmark"), options.getIncludes());
        assertEquals(3, options.getForkCount().get());
        assertEquals(7, options.getWarmupIterations().get());
    }

    @Test
    void namedBenchmarkReplacesDefault() throws Exception {
        var options = ProductBenchmarks.options(
                new CommandLineOptions("SequenceKernelBenchmark", "-f", "1"));

        assertEquals(List.of("SequenceKernelBenchmark"), options.getIncludes());
        assertEquals(1, options.getForkCount().get());
    }

    @Test
    void gflopsTableEmptyWithoutProducts() {
        assertEquals("", ProductBenchmarks.gflopsTable(List.of()));
    }
}
