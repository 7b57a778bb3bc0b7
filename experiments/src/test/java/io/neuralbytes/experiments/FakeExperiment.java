package io.neuralbytes.experiments;

import io.neuralbytes.experiments.output.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Test experiments that write one small file each and record, in {@link #RUNS}, the order
 * and context they ran with. Picocli may create new instances, so the record is static.
 * {@link Second} declares that it reads the novels and runs on one thread, so that its
 * report's "Command:" line differs from {@link First}'s, but it reads no data.
 */
abstract class FakeExperiment implements Experiment {

    record Run(String name, RunContext context, double value) { }

    static final List<Run> RUNS = new ArrayList<>();

    @Spec
    CommandSpec spec;

    /** Set only through its annotation default, to check that defaults reach every experiment. */
    @Option(names = "--value", defaultValue = "1", description = "A positive number.")
    double value;

    /** Makes the run fail after it has created its folder. */
    @Option(names = "--fail", description = "Fail after creating the folder.")
    boolean fail;

    /** Makes the run fail as if out of memory, in the middle of writing a file. */
    @Option(names = "--out-of-memory", description = "Run out of memory while writing a file.")
    boolean outOfMemory;

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public void validate() {
        if (!(value > 0)) {
            throw new ParameterException(spec.commandLine(),
                    "--value must be a positive number, got " + value);
        }
    }

    @Override
    public ExperimentResult run(RunContext context) throws IOException {
        RUNS.add(new Run(name(), context, value));
        Path folder = Files.createDirectories(context.experimentFolder(name()));
        if (fail) {
            throw new IOException("failing as --fail asks");
        }
        if (outOfMemory) {
            AtomicFiles.write(folder.resolve("out.txt"), out -> {
                out.write(new byte[100]);
                throw new OutOfMemoryError("Java heap space");
            });
        }
        Files.writeString(folder.resolve("out.txt"), "value " + value);
        return new ExperimentResult(name(),
                List.of(Map.of("run", "only", "seconds", 0.0, "value", value)),
                "## " + name() + "\n\nvalue " + value + "\n");
    }

    @Command(name = "first", mixinStandardHelpOptions = true)
    static final class First extends FakeExperiment {
    }

    @Command(name = "second", mixinStandardHelpOptions = true)
    static final class Second extends FakeExperiment {

        @Override
        public Set<DataSet> dataSets() {
            return Set.of(DataSet.NOVELS);
        }

        @Override
        public boolean usesThreads() {
            return false;
        }
    }
}
