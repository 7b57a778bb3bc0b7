package io.neuralbytes.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Main class of {@code benchmarks.jar}: JMH's own command line, which by default runs
 * {@link MatrixProductBenchmark} and then prints one line per size with both products in
 * GFLOP/s (2 n^3 operations per product), after JMH's own report.
 *
 * <p>Every JMH option works as with {@code org.openjdk.jmh.Main}, for example {@code -f 3 -wi
 * 10}. Benchmark names or regular expressions after the options run those benchmarks instead
 * of the matrix product, and requests that run nothing ({@code -h}, {@code -l}, {@code -lp},
 * {@code -lprof}, {@code -lrf}) go to JMH's main unchanged.
 */
public final class ProductBenchmarks {

    private ProductBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions commandLine;
        try {
            commandLine = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            // JMH's main prints its own message for an invalid option and exits with code 1.
            org.openjdk.jmh.Main.main(args);
            return;
        }
        if (!runsBenchmarks(commandLine)) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        Collection<RunResult> results = new Runner(options(commandLine)).run();
        String table = gflopsTable(results);
        if (!table.isEmpty()) {
            System.out.println();
            System.out.println(table);
        }
    }

    /** Returns whether {@code commandLine} runs benchmarks, not only prints help or a list. */
    static boolean runsBenchmarks(CommandLineOptions commandLine) {
        return !(commandLine.shouldHelp() || commandLine.shouldList()
                || commandLine.shouldListWithParams() || commandLine.shouldListProfilers()
                || commandLine.shouldListResultFormats());
    }

    /**
     * Returns the options to run: those of {@code commandLine}, with the matrix product as the
     * benchmark when the command line names none.
     */
    static Options options(CommandLineOptions commandLine) {
        if (!commandLine.getIncludes().isEmpty()) {
            return commandLine;
        }
        return new OptionsBuilder()
                .parent(commandLine)
                .include(MatrixProductBenchmark.class.getSimpleName())
                .build();
    }

    /**
     * Returns "n, core GFLOP/s, EJML GFLOP/s, core / EJML" lines from JMH's times (us/op), or
     * an empty string when {@code results} contains no matrix product.
     */
    static String gflopsTable(Collection<RunResult> results) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%6s %14s %14s %12s", "n", "core GFLOP/s",
                "EJML GFLOP/s", "core / EJML"));
        for (String size : new String[] {"64", "256", "1024"}) {
            double core = gflops(results, "core", size);
            double ejml = gflops(results, "ejml", size);
            if (Double.isNaN(core) && Double.isNaN(ejml)) {
                continue;
            }
            lines.add(String.format(Locale.ROOT, "%6s %14.2f %14.2f %12.2f", size, core, ejml,
                    core / ejml));
        }
        if (lines.size() == 1) {
            return "";
        }
        return String.join(System.lineSeparator(), lines);
    }

    private static double gflops(Collection<RunResult> results, String method, String size) {
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            if (label.endsWith("." + method) && size.equals(result.getParams().getParam("n"))) {
                double n = Double.parseDouble(size);
                double microseconds = result.getPrimaryResult().getScore();
                return 2.0 * n * n * n / (microseconds * 1e-6) / 1e9;
            }
        }
        return Double.NaN;
    }
}
