package io.neuralbytes.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.neuralbytes.datasets.DataDirectory;
import io.neuralbytes.experiments.output.ResultsStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class MainTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = fakeCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** Returns the program's command line with the fake experiments in place of the real. */
    private static CommandLine fakeCommandLine() {
        CommandLine commandLine = Main.newCommandLine();
        CommandLine reproduce = commandLine.getSubcommands().get("reproduce");
        for (String name : List.copyOf(reproduce.getSubcommands().keySet())) {
            reproduce.getCommandSpec().removeSubcommand(name);
        }
        reproduce.addSubcommand(new FakeExperiment.First());
        reproduce.addSubcommand(new FakeExperiment.Second());
        return commandLine;
    }

    /** Returns the data folder a run without --data uses (the variable's, else ./data). */
    private static String resolvedDataFolder() {
        return ReproduceStrategy.shellQuoted(DataDirectory.resolve(null).path().toString());
    }

    @BeforeEach
    void clearRuns() {
        FakeExperiment.RUNS.clear();
    }

    private static List<String> ranNames() {
        return FakeExperiment.RUNS.stream().map(FakeExperiment.Run::name).toList();
    }

    private static RunContext onlyContext() {
        assertEquals(1, FakeExperiment.RUNS.size());
        return FakeExperiment.RUNS.get(0).context();
    }

    private Path out() {
        return temp.resolve("results");
    }

    @Test
    void reproduceAloneRunsEveryExperiment() throws Exception {
        assertEquals(0, run("reproduce", "--out", out().toString()), err.toString());
        assertEquals(List.of("first", "second"), ranNames());
        String report = Files.readString(out().resolve("report.md"));
        assertTrue(report.indexOf("## first") < report.indexOf("## second"), report);
        assertTrue(Files.exists(out().resolve("first/out.txt")));
    }

    @Test
    void experimentNamedTwiceRejected() {
        assertEquals(2, run("reproduce", "second", "second", "--out", out().toString()));
        assertTrue(err.toString().contains("experiment 'second' is named more than once"),
                err.toString());
        assertEquals(List.of(), ranNames());
        assertFalse(Files.exists(out()));
    }

    @Test
    void sharedOptionAfterTwoNamesRejected() {
        assertEquals(2, run("reproduce", "first", "--seed", "4", "second", "--seed", "5",
                "--out", out().toString()));
        assertTrue(err.toString().contains("--seed is given more than once; it applies to every"
                + " experiment, so give it once"), err.toString());
        assertEquals(List.of(), ranNames());
        assertFalse(Files.exists(out()));
    }

    @Test
    void sharedOptionBeforeAndAfterNameRejected() {
        assertEquals(2, run("reproduce", "--out", out().resolve("a").toString(), "first",
                "--out", out().resolve("b").toString()));
        assertTrue(err.toString().contains("--out is given more than once"), err.toString());
        assertEquals(List.of(), ranNames());
    }

    @Test
    void namedExperimentRunsAlone() {
        assertEquals(0, run("reproduce", "second", "--out", out().toString()));
        assertEquals(List.of("second"), ranNames());
    }

    @Test
    void repeatedSubcommandsRunBoth() {
        assertEquals(0, run("reproduce", "second", "first", "--out", out().toString()),
                err.toString());
        assertEquals(List.of("first", "second"), ranNames());
    }

    @Test
    void sharedOptionsBeforeExperimentName() {
        assertEquals(0, run("reproduce", "--seed", "7", "--threads", "1", "--data", "d",
                "--out", out().toString(), "first"));
        assertEquals(7, onlyContext().seed());
        assertEquals(1, onlyContext().threads());
        assertEquals(Path.of("d").toAbsolutePath(), onlyContext().dataFolder());
        assertEquals(out(), onlyContext().outputFolder());
    }

    @Test
    void sharedOptionsAfterExperimentName() {
        assertEquals(0, run("reproduce", "first", "--seed", "7", "--threads", "1",
                "--out", out().toString()));
        assertEquals(7, onlyContext().seed());
        assertEquals(1, onlyContext().threads());
        assertEquals(out(), onlyContext().outputFolder());
    }

    @Test
    void defaultsApplyWithoutOptions() {
        assertEquals(0, run("reproduce", "first", "--out", out().toString()));
        assertEquals(0, onlyContext().seed());
        assertEquals(Runtime.getRuntime().availableProcessors(), onlyContext().threads());
    }

    @Test
    void foreignReportStopsBeforeTraining() throws IOException {
        Files.createDirectories(out());
        Files.writeString(out().resolve("report.md"), "my own notes\n");

        assertEquals(2, run("reproduce", "first", "--out", out().toString()));
        assertEquals(List.of(), ranNames());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("report.md contains text outside the sections"),
                err.toString());
        assertEquals("my own notes\n", Files.readString(out().resolve("report.md")));
    }

    @Test
    void lockFolderStopsBeforeTraining() throws IOException {
        Path lock = Files.createDirectories(out().resolve(ResultsStore.LOCK_FILE));

        assertEquals(2, run("reproduce", "first", "--out", out().toString()));

        assertEquals(List.of(), ranNames());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("--out: " + lock.toAbsolutePath() + " is not a file;"),
                err.toString());
        assertTrue(Files.isDirectory(lock));
        assertFalse(Files.exists(out().resolve("first")));
    }

    @Test
    void experimentFolderThatIsAFileStopsBeforeTraining() throws IOException {
        Files.createDirectories(out());
        Files.writeString(out().resolve("first"), "x");

        assertEquals(2, run("reproduce", "first", "--out", out().toString()));
        assertEquals(List.of(), ranNames());
        assertTrue(err.toString().contains("first is a file; expected a folder for the first"
                + " results"), err.toString());
    }

    @Test
    void unknownExperimentFailsWithOneLine() {
        assertEquals(2, run("reproduce", "nosuch", "--out", out().toString()));
        String message = err.toString();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("unknown experiment 'nosuch'"), message);
        assertTrue(message.contains("first, second"), message);
        assertFalse(Files.exists(out()));
    }

    @Test
    void unknownNameAfterExperimentFailsWithOneLine() {
        assertEquals(2, run("reproduce", "first", "nosuch", "--out", out().toString()));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("unknown experiment 'nosuch'"), err.toString());
        assertEquals(List.of(), ranNames());
        assertFalse(Files.exists(out()));
    }

    @Test
    void invalidExperimentOptionWritesNothing() {
        assertEquals(2, run("reproduce", "first", "second", "--value", "-1",
                "--out", out().toString()));
        String message = err.toString();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("--value must be a positive number, got -1.0"), message);
        assertEquals(List.of(), ranNames());
        assertFalse(Files.exists(out()));
    }

    @Test
    void zeroThreadsRejected() {
        assertEquals(2, run("reproduce", "first", "--threads", "0", "--out", out().toString()));
        assertTrue(err.toString().contains("--threads must be at least 1, got 0"), err.toString());
        assertFalse(Files.exists(out()));
    }

    @Test
    void threadsAboveProcessorsRejected() {
        int processors = Runtime.getRuntime().availableProcessors();
        String tooMany = String.valueOf(processors + 1);

        assertEquals(2, run("reproduce", "first", "--threads", tooMany, "--out", out().toString()));

        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("--threads must be at most " + processors
                + ", the number of available processors, got " + tooMany), err.toString());
        assertEquals(List.of(), ranNames());
        assertFalse(Files.exists(out()));
    }

    @Test
    void threadsEqualToProcessorsAccepted() {
        int processors = Runtime.getRuntime().availableProcessors();

        assertEquals(0, run("reproduce", "first", "--threads", String.valueOf(processors),
                "--out", out().toString()), err.toString());

        assertEquals(processors, onlyContext().threads());
    }

    @Test
    void unparsableNumberRejected() {
        assertEquals(2, run("reproduce", "first", "--seed", "x", "--out", out().toString()));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("--seed must be an integer, got 'x'"), err.toString());
        assertFalse(err.toString().contains("is not a long"), err.toString());
    }

    @Test
    void sharedOptionErrorPointsToReproduceHelp() {
        assertEquals(2, run("reproduce", "first", "--threads", "abc", "--out", out().toString()));
        assertEquals("neuralbytes: --threads must be an integer, got 'abc'. See 'neuralbytes"
                + " reproduce --help'.", err.toString().strip());
        err.getBuffer().setLength(0);

        assertEquals(2, run("reproduce", "first", "--threads", "0", "--out", out().toString()));
        assertEquals("neuralbytes: --threads must be at least 1, got 0. See 'neuralbytes"
                + " reproduce --help'.", err.toString().strip());
        err.getBuffer().setLength(0);

        assertEquals(2, run("reproduce", "first", "--value", "abc", "--out", out().toString()));
        assertEquals("neuralbytes: --value must be a decimal number such as 0.01 or 1e-3, got"
                + " 'abc'. See 'neuralbytes reproduce first --help'.", err.toString().strip());
    }

    @Test
    void unparsableDecimalRejected() {
        assertEquals(2, run("reproduce", "first", "--value", "abc", "--out", out().toString()));
        assertTrue(err.toString().contains("--value must be a decimal number such as 0.01 or"
                + " 1e-3, got 'abc'"), err.toString());
    }

    @Test
    void reportCommandKeepsSharedOptionsAfterOtherName() throws Exception {
        assertEquals(0, run("reproduce", "first", "second", "--offline", "--threads", "1",
                "--seed", "3", "--out", out().toString()), err.toString());

        String report = Files.readString(out().resolve("report.md"));
        // first reads no data, so --offline goes, and second runs on one thread, so --threads
        // goes.
        assertTrue(report.contains("## first\n\nCommand: `./neuralbytes reproduce --threads 1"
                + " --seed 3 --out " + out() + " first`"), report);
        assertTrue(report.contains("## second\n\nCommand: `./neuralbytes reproduce --offline"
                + " --seed 3 --out " + out() + " --data " + resolvedDataFolder() + " second`"),
                report);
    }

    @Test
    void reportCommandKeepsOnlyOwnExperimentOptions() throws Exception {
        assertEquals(0, run("reproduce", "first", "--value", "2", "--seed", "3", "second",
                "--offline", "--out", out().toString()), err.toString());

        String report = Files.readString(out().resolve("report.md"));
        assertTrue(report.contains("## first\n\nCommand: `./neuralbytes reproduce --seed 3"
                + " --out " + out() + " first --value 2`"), report);
        assertTrue(report.contains("## second\n\nCommand: `./neuralbytes reproduce --seed 3"
                + " --offline --out " + out() + " --data " + resolvedDataFolder() + " second`"),
                report);
        assertEquals(3, FakeExperiment.RUNS.get(1).context().seed());
        assertEquals(1.0, FakeExperiment.RUNS.get(1).value());
    }

    @Test
    void reportCommandMakesFoldersAbsolute() {
        CommandLine commandLine = fakeCommandLine();
        ParseResult reproduce = commandLine.parseArgs("reproduce", "--out", "results",
                "--data", "some/../data", "first", "second").subcommand();
        RunContext context = ((ReproduceCommand) reproduce.commandSpec().userObject()).context();
        List<ParseResult> experiments = reproduce.subcommands();

        String first = ReproduceStrategy.commandLine(reproduce, experiments, experiments.get(0),
                context);
        String second = ReproduceStrategy.commandLine(reproduce, experiments,
                experiments.get(1), context);

        String absoluteOut = ReproduceStrategy.shellQuoted(
                Path.of("results").toAbsolutePath().toString());
        String absoluteData = ReproduceStrategy.shellQuoted(
                Path.of("data").toAbsolutePath().toString());
        assertEquals("./neuralbytes reproduce --out " + absoluteOut + " first", first);
        assertEquals("./neuralbytes reproduce --out " + absoluteOut + " --data " + absoluteData
                + " second", second);
    }

    @Test
    void repeatedOptionRejected() {
        assertEquals(2, run("reproduce", "first", "--seed", "1", "--seed", "2", "--out",
                out().toString()));
        assertTrue(err.toString().contains("--seed is given more than once; give it once"),
                err.toString());
        assertFalse(err.toString().contains("should be specified only once"), err.toString());
    }

    @Test
    void missingCommandIsUsageError() {
        assertEquals(2, run());
        assertTrue(err.toString().contains("missing command"), err.toString());
    }

    @Test
    void helpAndVersionSucceed() {
        assertEquals(0, run("reproduce", "--help"));
        assertTrue(out.toString().contains("--out"), out.toString());
        assertEquals(0, run("--version"));
        assertTrue(out.toString().contains("neuralbytes"), out.toString());
        assertEquals(List.of(), ranNames());
    }

    @Test
    void startLogCountsThreadsUsed() {
        LogCapture.Result logged = LogCapture.run(ReproduceStrategy.class, () -> run(
                "reproduce", "first", "second", "--threads", "2", "--out", out().toString()));

        assertEquals(0, logged.exitCode(), err.toString());
        List<String> starts = logged.messages().stream()
                .filter(line -> line.contains(": starting (")).toList();
        assertEquals(2, starts.size(), starts.toString());
        assertTrue(starts.get(0).startsWith("first: starting (seed 0, 2 threads, "), starts.get(0));
        // The second fake experiment, like the CNN, trains on one thread whatever the --threads value.
        assertTrue(starts.get(1).startsWith("second: starting (seed 0, 1 thread, "), starts.get(1));
    }

    @Test
    void commandWithBackticksStaysOneCodeSpan() {
        assertEquals("`reproduce mlp`", ReproduceStrategy.codeSpan("reproduce mlp"));
        assertEquals("`` reproduce rnn --prime 'a`b' ``",
                ReproduceStrategy.codeSpan("reproduce rnn --prime 'a`b'"));
        assertEquals("``` x ``y` ```", ReproduceStrategy.codeSpan("x ``y`"));
    }

    @Test
    void experimentOptionBeforeNameGetsHint() {
        assertEquals(2, run("reproduce", "--value=3", "first", "--out", out().toString()));
        assertTrue(err.toString().contains("unknown option '--value=3'; it is an option of"
                + " first, second, so it goes after the experiment's name, as in"
                + " 'reproduce first --value ...'."), err.toString());
        assertEquals(List.of(), ranNames());

        err.getBuffer().setLength(0);
        assertEquals(2, run("reproduce", "--bogus", "first", "--out", out().toString()));
        assertTrue(err.toString().contains("unknown option '--bogus'. See"), err.toString());
    }

    @Test
    void integerOutOfRangeNamesTheBound() {
        int processors = Runtime.getRuntime().availableProcessors();
        assertEquals(2, run("reproduce", "first", "--threads", "99999999999", "--out",
                out().toString()));
        assertTrue(err.toString().contains("--threads must be at most " + processors
                + ", the number of available processors, got 99999999999"), err.toString());
        assertEquals(2, run("reproduce", "first", "--threads", "-99999999999", "--out",
                out().toString()));
        assertTrue(err.toString().contains("--threads must be at least 1, got -99999999999"),
                err.toString());
        assertEquals(2, run("reproduce", "first", "--seed", "99999999999999999999", "--out",
                out().toString()));
        assertTrue(err.toString().contains("--seed must be at most 9223372036854775807, got"
                + " '99999999999999999999'"), err.toString());
        assertEquals(2, run("reproduce", "first", "--seed", " 5", "--out", out().toString()));
        assertTrue(err.toString().contains("--seed must be an integer, got ' 5'"),
                err.toString());
    }

    @Test
    void subcommandVersionPrintsVersion() {
        for (String[] args : List.of(new String[] {"reproduce", "--version"},
                new String[] {"data", "status", "-V"}, new String[] {"bench", "-V"})) {
            out.getBuffer().setLength(0);
            assertEquals(0, run(args), String.join(" ", args));
            assertTrue(out.toString().startsWith("neuralbytes "), String.join(" ", args) + ": "
                    + out);
        }
    }

    @Test
    void rerunReplacesOnlyItsOwnEntries() throws Exception {
        assertEquals(0, run("reproduce", "--out", out().toString()));
        assertEquals(0, run("reproduce", "first", "--value", "2", "--out", out().toString()));
        String summary = Files.readString(out().resolve("summary.json"));
        assertTrue(summary.contains("\"value\" : 2.0"), summary);
        assertTrue(summary.contains("\"experiment\" : \"second\""), summary);
        String report = Files.readString(out().resolve("report.md"));
        assertTrue(report.contains("value 2.0"), report);
        assertFalse(report.contains("value 1.0\n<!-- end first"), report);
        assertTrue(report.contains("## second"), report);
    }

    @Test
    void outFileRejectedOnceBeforeRunning() throws Exception {
        Path file = Files.writeString(temp.resolve("afile"), "x");

        assertEquals(2, run("reproduce", "--out", file.toString()));

        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("--out " + file + ": not a folder"), err.toString());
        assertEquals(List.of(), ranNames());
    }

    @Test
    void outUnderFileRejected() throws Exception {
        Path file = Files.writeString(temp.resolve("afile"), "x");
        Path below = file.resolve("results");

        assertEquals(2, run("reproduce", "first", "--out", below.toString()));

        assertTrue(err.toString().contains("--out " + below + ": " + file + " is not a folder"),
                err.toString());
        assertEquals(List.of(), ranNames());
    }

    @Test
    void outThatCannotBeCreatedRejected() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs the Linux /proc folder");

        assertEquals(2, run("reproduce", "first", "--out", "/proc/neuralbytes-results"));

        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("--out /proc/neuralbytes-results: cannot be"
                + " created"), err.toString());
        assertEquals(List.of(), ranNames());
    }

    @Test
    void failedRunInNewFoldersLeavesNothing() {
        Path nested = temp.resolve("a/b/results");

        assertEquals(1, run("reproduce", "first", "--fail", "--out", nested.toString()));

        assertTrue(err.toString().contains("experiment first failed: failing as --fail asks"),
                err.toString());
        assertFalse(Files.exists(temp.resolve("a")));
    }

    @Test
    void emptyOutRejected() {
        assertEquals(2, run("reproduce", "first", "--out", ""));

        assertTrue(err.toString().contains("--out must not be empty"), err.toString());
        assertEquals(List.of(), ranNames());
    }

    @Test
    void failedRunLeavesNoEmptyFolder() {
        assertEquals(1, run("reproduce", "first", "--fail", "--out", out().toString()));

        assertEquals(List.of("first"), ranNames());
        assertFalse(Files.exists(out().resolve("first")));
        assertFalse(Files.exists(out()));
    }

    @Test
    void outOfMemoryReportedOnOneLine() throws Exception {
        assertEquals(1, run("reproduce", "first", "--out-of-memory", "second", "--out",
                out().toString()));

        String expected = OneLineErrors.outOfMemoryMessage(
                new OutOfMemoryError("Java heap space"), List.of(),
                Runtime.getRuntime().maxMemory());
        assertEquals("neuralbytes: experiment first failed: " + expected,
                err.toString().strip());
        assertEquals(List.of("first", "second"), ranNames());
        // The file being written when memory ran out is gone, temporary file included, and
        // so is the folder the run created.
        assertFalse(Files.exists(out().resolve("first")));
        assertTrue(Files.exists(out().resolve("second").resolve("out.txt")));
    }

    @Test
    void outOfMemoryMessageNamesRemedies() {
        OutOfMemoryError error = new OutOfMemoryError("Java heap space");
        assertEquals("out of memory (Java heap space) with a maximum heap of 512 MiB; use"
                + " smaller sizes (--hidden, --window), or give Java more heap, for example"
                + " JAVA_TOOL_OPTIONS=-Xmx1g",
                OneLineErrors.outOfMemoryMessage(error, List.of("--hidden", "--window"),
                        512L << 20));
        assertEquals("out of memory with a maximum heap of 3072 MiB; give Java more heap, for"
                + " example JAVA_TOOL_OPTIONS=-Xmx6g",
                OneLineErrors.outOfMemoryMessage(new OutOfMemoryError(), List.of(), 3L << 30));
        assertTrue(OneLineErrors.outOfMemoryMessage(error, List.of(), (3L << 30) + 1)
                .endsWith("-Xmx7g"));
        assertEquals("out of memory (Requested array size exceeds VM limit): an array longer"
                + " than Java allows; use smaller sizes (--epochs)",
                OneLineErrors.outOfMemoryMessage(
                        new OutOfMemoryError("Requested array size exceeds VM limit"),
                        List.of("--epochs"), 3L << 30));
        assertEquals("out of memory (Requested array size exceeds VM limit): an array longer"
                + " than Java allows",
                OneLineErrors.outOfMemoryMessage(
                        new OutOfMemoryError("Requested array size exceeds VM limit"),
                        List.of(), 3L << 30));
    }

    @Test
    void outOfMemoryOutsideReproduceOnOneLine() {
        CommandLine line = Main.newCommandLine();
        line.addSubcommand("exhaust", new ExhaustingCommand());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));

        assertEquals(1, line.execute("exhaust"));

        assertEquals("neuralbytes: failed: " + OneLineErrors.outOfMemoryMessage(
                new OutOfMemoryError("Java heap space"), List.of(),
                Runtime.getRuntime().maxMemory()), err.toString().strip());
    }

    /** A command like data or bench that runs out of memory. */
    @CommandLine.Command(name = "exhaust")
    static final class ExhaustingCommand implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void failedRunKeepsExistingFolder() throws Exception {
        Files.createDirectories(out().resolve("first"));

        assertEquals(1, run("reproduce", "first", "--fail", "--out", out().toString()));

        assertTrue(Files.isDirectory(out().resolve("first")));
    }
}
