package io.neuralbytes.experiments.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuralbytes.experiments.ChildProgram;
import io.neuralbytes.experiments.Experiment;
import io.neuralbytes.experiments.Main;
import io.neuralbytes.experiments.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The options an out-of-memory message names as the ones that set a run's size. */
class SequenceSizeOptionsTest {
  @TempDir
  Path temp;

  /** Returns the experiment that {@code args}, after "reproduce", select. */
  private static Experiment parsed(String... args) {
    CommandLine line = new CommandLine(new Main());
    String[] all = new String[args.length + 1];
    all[0] = "reproduce";
    System.arraycopy(args, 0, all, 1, args.length);
    ParseResult reproduce = line.parseArgs(all).subcommand();
    return (Experiment) reproduce.subcommand().commandSpec().userObject();
  }

  @Test
  void charLevelOmitsWords() {
    assertEquals(List.of("--hidden", "--window", "--steps"),
        parsed("rnn", "--level", "char").sizeOptions());
    assertEquals(List.of("--hidden", "--window", "--epochs"),
        parsed("lstm", "--level", "char", "--epochs", "2").sizeOptions());
  }

  @Test
  void wordLevelNamesWords() {
    assertEquals(List.of("--hidden", "--window", "--words", "--steps"),
        parsed("rnn", "--level", "word").sizeOptions());
    assertEquals(List.of("--hidden", "--window", "--words", "--steps"),
        parsed("lstm").sizeOptions());
  }

  @Test
  void charRunOutOfMemoryOmitsWords() throws Exception {
    Path data = SharedData.withNovels();
    Path out = temp.resolve("results");
    // The char run trains first, so it fails while both levels are selected. The up-front
    // estimate of its arrays, about 19 MiB, passes, but the arrays it leaves out and the
    // JVM's own objects take the rest of the 32 MiB heap.
    ChildProgram.Outcome child = ChildProgram.run(temp, "32m", "reproduce", "rnn", "--offline",
        "--data", data.toString(), "--hidden", "700", "--steps", "1", "--threads", "1",
        "--out", out.toString());
    String failure = child.failureLine();

    assertTrue(failure.startsWith("neuralbytes: experiment rnn failed: out of memory"), failure);
    assertTrue(failure.contains("use smaller sizes (--hidden, --window, --steps), or give"),
        failure);
  }
}
