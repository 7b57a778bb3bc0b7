package io.neuralbytes.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link MatrixProductBenchmark} through JMH and prints, after JMH's own report, one line
 * per size with both products in GFLOP/s (2 n^3 operations per product). Arguments are JMH's
 * own (for example {@code -f 3 -wi 10}); {@code -h} lists them.
 */
public final class ProductBenchmarks {

    private ProductBenchmarks() {
    }

    public static void main(String[] args)
            throws RunnerException, CommandLineOptionException, IOException {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        if (commandLine.shouldHelp()) {
            commandLine.showHelp();
            return;
        }
        Options options = new OptionsBuilder()
                .parent(commandLine)
                .include(MatrixProductBenchmark.class.getSimpleName())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.println(gflopsTable(results));
    }

    /** Returns "n, core GFLOP/s, EJML GFLOP/s, core / EJML" lines from JMH's times (us/op). */
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
