package io.neuralbytes.experiments.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.management.HotSpotDiagnosticMXBean;
import io.neuralbytes.core.ArrayProducts;
import io.neuralbytes.core.WorkerPool;
import io.neuralbytes.experiments.output.AtomicFiles;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results of one {@code bench} command as a text table and as bench.json. */
final class BenchReport {

    private final List<BenchResult> results;
    private final double warmupSeconds;
    private final double settleLimitSeconds;
    private final int repeats;
    private final long seed;

    BenchReport(List<BenchResult> results, double warmupSeconds, double settleLimitSeconds,
                int repeats, long seed) {
        this.results = List.copyOf(results);
        this.warmupSeconds = warmupSeconds;
        this.settleLimitSeconds = settleLimitSeconds;
        this.repeats = repeats;
        this.seed = seed;
    }

    /**
     * Returns the table printed on standard output, one line per run and thread count. Each
     * line shows its times in the unit that fits its median: s, ms or µs.
     */
    String table() {
        StringBuilder table = new StringBuilder();
        String format = "%-10s %-6s %7s %10s %10s %10s %8s %10s %8s  %s%n";
        table.append(String.format(Locale.ROOT, format, "run", "per", "threads", "median",
                "min", "cpu", "speed-up", "load", "warm-up", "workload"));
        for (BenchResult result : results) {
            TimeUnit unit = TimeUnit.fitting(result.medianSeconds());
            table.append(String.format(Locale.ROOT, format,
                    result.run().id(), result.run().unit(), result.threads(),
                    unit.format(result.medianSeconds()), unit.format(result.minSeconds()),
                    unit.format(result.medianCallerCpuSeconds()), speedUp(result),
                    String.format(Locale.ROOT, "%.2f-%.2f", result.loadBefore(),
                            result.loadAfter()),
                    warmUp(result.warmUp()), result.run().title()));
        }
        table.append("median and min: wall-clock time; cpu: the calling thread's CPU time;"
                + " speed-up: one thread's median over this one; load: one-minute load average"
                + " before and after; warm-up: untimed seconds before timing, * where the"
                + " sample time had not settled (and on a speed-up that uses such a run).\n");
        return table.toString();
    }

    private static String warmUp(WarmUp.Outcome outcome) {
        return String.format(Locale.ROOT, "%.1f s%s", outcome.seconds(),
                outcome.settled() ? "" : "*");
    }

    /** A unit for showing a duration with about three significant digits. */
    enum TimeUnit {
        SECONDS("s", 1.0),
        MILLISECONDS("ms", 1e-3),
        MICROSECONDS("µs", 1e-6);

        private final String symbol;
        private final double seconds;

        TimeUnit(String symbol, double seconds) {
            this.symbol = symbol;
            this.seconds = seconds;
        }

        /**
         * Returns the largest unit in which {@code seconds} is at least 1, or microseconds for
         * shorter durations.
         */
        static TimeUnit fitting(double seconds) {
            for (TimeUnit unit : values()) {
                if (seconds >= unit.seconds) {
                    return unit;
                }
            }
            return MICROSECONDS;
        }

        /** Formats {@code seconds} in this unit with about three significant digits. */
        String format(double seconds) {
            double value = seconds / this.seconds;
            return String.format(Locale.ROOT, "%." + decimals(value) + "f %s", value, symbol);
        }

        /** Returns the number of decimals that leaves about three significant digits. */
        private static int decimals(double value) {
            if (value >= 100) {
                return 0;
            }
            if (value >= 10) {
                return 1;
            }
            if (value >= 1) {
                return 2;
            }
            return 3;
        }
    }

    /**
     * Returns the one-thread median over this result's median, or "" for one thread. The
     * ratio gets a * when either run had not settled, because it may then compare unoptimised
     * code with optimised code.
     */
    String speedUp(BenchResult result) {
        if (result.threads() == 1) {
            return "";
        }
        for (BenchResult other : results) {
            if (other.run() == result.run() && other.threads() == 1) {
                boolean settled = other.warmUp().settled() && result.warmUp().settled();
                return String.format(Locale.ROOT, "%.2fx%s",
                        other.medianSeconds() / result.medianSeconds(), settled ? "" : "*");
            }
        }
        return "";
    }

    /** Writes bench.json to {@code file} atomically. */
    void writeJson(Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("time", Instant.now().toString());
        root.put("machine", machine());
        root.put("warmup_seconds", warmupSeconds);
        root.put("settle_limit_seconds", settleLimitSeconds);
        root.put("warmup_rule", WarmUp.rule());
        root.put("timed_samples", repeats);
        root.put("seed", seed);
        root.put("data", "random tokens and images of the README runs' shapes");
        List<Map<String, Object>> runs = new ArrayList<>();
        for (BenchResult result : results) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("run", result.run().id());
            entry.put("title", result.run().title());
            entry.put("unit", result.run().unit());
            entry.put("threads", result.threads());
            entry.put("warmup_taken_seconds", result.warmUp().seconds());
            entry.put("warmup_samples", result.warmUp().samples());
            entry.put("warmup_settled", result.warmUp().settled());
            entry.put("median_seconds", result.medianSeconds());
            entry.put("min_seconds", result.minSeconds());
            entry.put("median_caller_cpu_seconds", result.medianCallerCpuSeconds());
            entry.put("load_average_before", result.loadBefore());
            entry.put("load_average_after", result.loadAfter());
            entry.put("samples_seconds", result.wallSeconds());
            runs.add(entry);
        }
        root.put("runs", runs);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.writeString(file, mapper.writeValueAsString(root) + "\n");
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("processors", WorkerPool.availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"));
        machine.put("vector_api_kernels", ArrayProducts.usesVectorApi());
        machine.put("object_alignment_bytes", objectAlignment());
        return machine;
    }

    /**
     * Returns the JVM's object alignment in bytes ({@code -XX:ObjectAlignmentInBytes}), or 0 on
     * a JVM that does not tell. At 64, the work arrays of {@code AlignedArrays} start on a cache
     * line, which makes the char runs 10 to 15% faster.
     */
    static int objectAlignment() {
        try {
            HotSpotDiagnosticMXBean hotspot =
                    ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return Integer.parseInt(hotspot.getVMOption("ObjectAlignmentInBytes").getValue());
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
