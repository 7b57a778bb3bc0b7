package io.neuralbytes.experiments.bench;

import io.neuralbytes.core.ArrayProducts;
import io.neuralbytes.core.WorkerPool;
import io.neuralbytes.experiments.IntRange;
import io.neuralbytes.experiments.ListOptions;
import io.neuralbytes.experiments.RangedOptions;
import io.neuralbytes.experiments.ThreadCounts;
import io.neuralbytes.experiments.output.OutputFolder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * <p>Each run is warmed up first until its sample time has settled (so that the JIT has
 * compiled the hot loops, see {@link WarmUp}), then timed
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
public final class BenchCommand implements Callable<Integer>, RangedOptions {

    private static final Logger LOG = LoggerFactory.getLogger(BenchCommand.class);
    /** Upper bound of --warmup and --settle-limit in seconds: one hour. */
    static final double MAX_WARMUP_SECONDS = 3600;
    private static final String MAX_WARMUP_TEXT = "3600";
    /** Upper bound of --repeats, so that the samples fit in memory and a run ends. */
    static final int MAX_REPEATS = 100_000;

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
            description = "Minimum seconds of untimed samples before timing each run, from 0 to"
                    + " " + MAX_WARMUP_TEXT + " (default: ${DEFAULT-VALUE}). After at least 10"
                    + " samples and this time, warm-up goes on until the median of the last 10"
                    + " samples is within 5%% of the 10 before and the JIT compiled nothing"
                    + " during those 20 nor in the last 2 seconds, for at most --settle-limit"
                    + " more seconds. The JIT"
                    + " compiles the vector kernels only after many calls, later still on a busy"
                    + " machine, and timing before then measures unoptimised code.")
    double warmup;

    @Option(names = "--settle-limit", paramLabel = "SECONDS", defaultValue = "60",
            description = "Maximum seconds of warm-up after --warmup while the sample time still"
                    + " changes, from 0 to " + MAX_WARMUP_TEXT + " (default: ${DEFAULT-VALUE}). A"
                    + " run that has not settled by then is timed anyway and marked in the table"
                    + " and bench.json.")
    double settleLimit;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "50",
            description = "Timed samples per run and thread count, from 1 to " + MAX_REPEATS
                    + "; the table shows their median (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the random data and weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FOLDER", defaultValue = "results",
            description = "Folder that receives bench.json, created if missing (default:"
                    + " ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException {
        List<BenchRun> selected = selectedRuns();
        List<Integer> threadCounts = selectedThreadCounts();
        checkEveryRunTimed(selected, threadCounts);
        checkSeconds("--warmup", warmup);
        checkSeconds("--settle-limit", settleLimit);
        intRanges().get("--repeats").require("--repeats", repeats, spec.commandLine());
        Path file = checkedOutputFile();
        // The CNN and MLP run on one thread only, so a selection of only those names 1 thread.
        List<Integer> threadsUsed = selected.stream().anyMatch(BenchRun::parallel)
                ? threadCounts : List.of(1);
        LOG.info("bench: runs {}, threads {}, at least {} s of warm-up (at most {} s more until"
                + " the sample time settles) and {} timed samples each, seed {}, Vector API"
                + " kernels {}, objects aligned to {} bytes", selected.stream().map(BenchRun::id)
                .toList(), threadsUsed, warmup, settleLimit, repeats, seed,
                ArrayProducts.usesVectorApi() ? "on" : "off (plain Java kernels)",
                BenchReport.objectAlignment());

        List<BenchResult> results = new ArrayList<>();
        for (BenchRun run : selected) {
            for (int threadCount : threadCounts) {
                if (threadCount > 1 && !run.parallel()) {
                    continue;
                }
                results.add(time(run, threadCount));
            }
        }
        BenchReport report = new BenchReport(results, warmup, settleLimit, repeats, seed);
        spec.commandLine().getOut().print(report.table());
        spec.commandLine().getOut().flush();
        report.writeJson(file);
        LOG.info("bench: results written to {}", file.toAbsolutePath());
        return 0;
    }

    @Override
    public Map<String, IntRange> intRanges() {
        return Map.of("--repeats", new IntRange(1, MAX_REPEATS));
    }

    private void checkSeconds(String option, double seconds) {
        if (!(seconds >= 0.0 && seconds <= MAX_WARMUP_SECONDS)) {
            throw new ParameterException(spec.commandLine(), option + " must be a number of"
                    + " seconds from 0 to " + MAX_WARMUP_TEXT + ", got " + seconds);
        }
    }

    /**
     * Rejects thread counts that leave a one-thread run (CNN, MLP) untimed, so that bench
     * never writes a bench.json without a run that was asked for.
     */
    private void checkEveryRunTimed(List<BenchRun> selected, List<Integer> threadCounts) {
        if (threadCounts.contains(1)) {
            return;
        }
        for (BenchRun run : selected) {
            if (!run.parallel()) {
                throw new ParameterException(spec.commandLine(), "--threads "
                        + joined(threadCounts) + " leaves run " + run.id() + " untimed: the cnn"
                        + " and mlp runs use one thread only; add 1 to --threads");
            }
        }
    }

    private static String joined(List<Integer> counts) {
        return String.join(",", counts.stream().map(String::valueOf).toList());
    }

    /** Checks --out and returns the bench.json inside it, before anything is timed. */
    private Path checkedOutputFile() {
        rejectFileName();
        OutputFolder.check(spec.commandLine(), "--out", out);
        Path file = out.resolve("bench.json");
        if (Files.isDirectory(file)) {
            throw new ParameterException(spec.commandLine(), "--out " + out + ": " + file
                    + " is a folder; expected a file or no file there");
        }
        return file;
    }

    /**
     * Rejects an --out such as {@code results/bench.json} that names the file instead of its
     * folder, unless a folder of that name exists. Without this check, bench would create a
     * folder {@code bench.json} and write the file inside it.
     */
    private void rejectFileName() {
        Path name = out.getFileName();
        if (name == null || !name.toString().toLowerCase(Locale.ROOT).endsWith(".json")
                || Files.isDirectory(out)) {
            return;
        }
        Path parent = out.getParent() == null ? Path.of(".") : out.getParent();
        throw new ParameterException(spec.commandLine(), "--out " + out + ": expected a"
                + " folder, got a .json file name; bench writes bench.json inside the --out"
                + " folder, so give --out " + parent);
    }

    private List<BenchRun> selectedRuns() {
        if (runs == null || runs.isEmpty()) {
            return Arrays.asList(BenchRun.values());
        }
        List<BenchRun> selected = new ArrayList<>();
        for (String id : runs) {
            try {
                selected.add(BenchRun.byId(id.trim()));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--runs: " + e.getMessage());
            }
        }
        BenchRun repeated = ListOptions.firstRepeated(selected, run -> run);
        if (repeated != null) {
            throw new ParameterException(spec.commandLine(),
                    ListOptions.repeatedMessage("--runs", repeated.id()));
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
                        ThreadCounts.belowOneMessage(true, String.valueOf(count)));
            }
            if (count > processors) {
                throw new ParameterException(spec.commandLine(),
                        ThreadCounts.aboveProcessorsMessage(true, String.valueOf(count)));
            }
        }
        Integer repeated = ListOptions.firstRepeated(threads, count -> count);
        if (repeated != null) {
            throw new ParameterException(spec.commandLine(),
                    ListOptions.repeatedMessage("--threads", repeated));
        }
        return List.copyOf(threads);
    }

    /** Warms up and times one run on one thread count. */
    private BenchResult time(BenchRun run, int threadCount) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double loadBefore = os.getSystemLoadAverage();
        BenchRun.Workload workload = run.create(threadCount, seed);
        WarmUp.Outcome warm = WarmUp.run(workload, warmup, settleLimit, System::nanoTime,
                WarmUp::jitMillis);
        if (warm.settled()) {
            LOG.info("bench: {}, {} {}: warm-up settled after {} samples in {} s", run.id(),
                    threadCount, threadCount == 1 ? "thread" : "threads", warm.samples(),
                    String.format(Locale.ROOT, "%.1f", warm.seconds()));
        } else {
            LOG.warn("bench: {}, {} {}: sample time still changing after {} samples and {} s of"
                    + " warm-up; timing anyway (raise --settle-limit, or rerun at a quieter"
                    + " moment)", run.id(), threadCount, threadCount == 1 ? "thread" : "threads",
                    warm.samples(), String.format(Locale.ROOT, "%.1f", warm.seconds()));
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
        BenchResult result = new BenchResult(run, threadCount, warm, wall, callerCpu,
                loadBefore, loadAfter);
        BenchReport.TimeUnit unit = BenchReport.TimeUnit.fitting(result.medianSeconds());
        LOG.info("bench: {}, {} {}: median {} per {} (load {} to {})", run.id(), threadCount,
                threadCount == 1 ? "thread" : "threads", unit.format(result.medianSeconds()),
                run.unit(), String.format(Locale.ROOT, "%.2f", loadBefore),
                String.format(Locale.ROOT, "%.2f", loadAfter));
        return result;
    }
}
