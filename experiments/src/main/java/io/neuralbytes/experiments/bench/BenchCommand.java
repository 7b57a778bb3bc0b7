package io.neuralbytes.experiments.bench;

import io.neuralbytes.core.ArrayProducts;
import io.neuralbytes.core.WorkerPool;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code neuralbytes bench}: times the README's training runs on random data of their real
 * shapes, on one thread and on all cores, prints a table and writes {@code bench.json}.
 *
 * <p>Each run is warmed up first (so that the JIT has compiled the hot loops), then timed
 * sample by sample with {@link System#nanoTime()}; the table shows the median. The system load
 * average is read before and after each run, because on a shared machine it changes the
 * numbers more than anything else.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        description = "Time a training step (or epoch) of each README run on random data of its"
                + " real shapes, on one thread and on all cores; print a table and write"
                + " <out>/bench.json.")
public final class BenchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BenchCommand.class);
    private static final int MIN_WARMUP_SAMPLES = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--runs", split = ",", paramLabel = "RUN",
            description = "Runs to time, comma-separated: rnn-char, lstm-char, rnn-word,"
                    + " lstm-word, cnn, mlp (default: all).")
    List<String> runs;

    @Option(names = "--threads", split = ",", paramLabel = "N",
            description = "Thread counts to time each run on, comma-separated, each from 1 to the"
                    + " number of processors (default: 1 and the number of processors). The CNN"
                    + " and MLP runs use one thread only.")
    List<Integer> threads;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "3",
            description = "Seconds of untimed samples before timing each run, at least 10"
                    + " samples (default: ${DEFAULT-VALUE}). The JIT compiles the vector kernels"
                    + " only after many calls, so short warm-ups time unoptimised code.")
    double warmup;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "50",
            description = "Timed samples per run and thread count; the table shows their median"
                    + " (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the random data and weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FOLDER", defaultValue = "results",
            description = "Folder that receives bench.json (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException {
        List<BenchRun> selected = selectedRuns();
        List<Integer> threadCounts = selectedThreadCounts();
        if (!(warmup >= 0.0) || Double.isInfinite(warmup)) {
            throw new ParameterException(spec.commandLine(),
                    "--warmup must be a finite number of seconds of at least 0, got " + warmup);
        }
        if (repeats < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--repeats must be at least 1, got " + repeats);
        }
        LOG.info("bench: runs {}, threads {}, {} s of warm-up and {} timed samples each, seed {},"
                + " Vector API kernels {}", selected.stream().map(BenchRun::id).toList(),
                threadCounts, warmup, repeats, seed,
                ArrayProducts.usesVectorApi() ? "on" : "off (plain Java kernels)");

        List<BenchResult> results = new ArrayList<>();
        for (BenchRun run : selected) {
            for (int threadCount : threadCounts) {
                if (threadCount > 1 && !run.parallel()) {
                    continue;
                }
                results.add(time(run, threadCount));
            }
        }
        BenchReport report = new BenchReport(results, warmup, repeats, seed);
        spec.commandLine().getOut().print(report.table());
        spec.commandLine().getOut().flush();
        Path file = out.resolve("bench.json");
        report.writeJson(file);
        LOG.info("bench: results written to {}", file.toAbsolutePath());
        return 0;
    }

    private List<BenchRun> selectedRuns() {
        if (runs == null || runs.isEmpty()) {
            return Arrays.asList(BenchRun.values());
        }
        LinkedHashSet<BenchRun> selected = new LinkedHashSet<>();
        for (String id : runs) {
            try {
                selected.add(BenchRun.byId(id.trim()));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--runs: " + e.getMessage());
            }
        }
        return List.copyOf(selected);
    }

    private List<Integer> selectedThreadCounts() {
        if (threads == null || threads.isEmpty()) {
            int all = WorkerPool.availableProcessors();
            return all == 1 ? List.of(1) : List.of(1, all);
        }
        int processors = WorkerPool.availableProcessors();
        for (int count : threads) {
            if (count < 1) {
                throw new ParameterException(spec.commandLine(),
                        "--threads must list counts of at least 1, got " + count);
            }
            if (count > processors) {
                throw new ParameterException(spec.commandLine(), "--threads must list counts of"
                        + " at most " + processors + ", the number of available processors, got "
                        + count);
            }
        }
        return List.copyOf(new LinkedHashSet<>(threads));
    }

    /** Warms up and times one run on one thread count. */
    private BenchResult time(BenchRun run, int threadCount) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double loadBefore = os.getSystemLoadAverage();
        BenchRun.Workload workload = run.create(threadCount, seed);
        long warmupEnd = System.nanoTime() + (long) (warmup * 1e9);
        for (int n = 0; n < MIN_WARMUP_SAMPLES || System.nanoTime() < warmupEnd; n++) {
            workload.run();
        }
        double[] wall = new double[repeats];
        double[] callerCpu = new double[repeats];
        for (int n = 0; n < repeats; n++) {
            long cpuStart = cpu.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            workload.run();
            wall[n] = (System.nanoTime() - start) / 1e9 / run.unitsPerSample();
            callerCpu[n] = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9 / run.unitsPerSample();
        }
        double loadAfter = os.getSystemLoadAverage();
        BenchResult result = new BenchResult(run, threadCount, wall, callerCpu, loadBefore,
                loadAfter);
        BenchReport.TimeUnit unit = BenchReport.TimeUnit.fitting(result.medianSeconds());
        LOG.info("bench: {}, {} {}: median {} per {} (load {} to {})", run.id(), threadCount,
                threadCount == 1 ? "thread" : "threads", unit.format(result.medianSeconds()),
                run.unit(), String.format(Locale.ROOT, "%.2f", loadBefore),
                String.format(Locale.ROOT, "%.2f", loadAfter));
        return result;
    }
}
