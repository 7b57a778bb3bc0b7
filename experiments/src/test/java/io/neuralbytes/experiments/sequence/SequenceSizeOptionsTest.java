package io.neuralbytes.experiments.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuralbytes.experiments.Experiment;
import io.neuralbytes.experiments.Main;
import io.neuralbytes.experiments.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    assertEquals(List.of("--hidden", "--window"),
        parsed("rnn", "--level", "char").sizeOptions());
    assertEquals(List.of("--hidden", "--window"),
        parsed("lstm", "--level", "char").sizeOptions());
  }

  @Test
  void wordLevelNamesWords() {
    assertEquals(List.of("--hidden", "--window", "--words"),
        parsed("rnn", "--level", "word").sizeOptions());
    assertEquals(List.of("--hidden", "--window", "--words"),
        parsed("lstm").sizeOptions());
  }

  @Test
  void charRunOutOfMemoryOmitsWords() throws Exception {
    Path data = SharedData.withNovels();
    Path out = temp.resolve("results");
    Path errors = temp.resolve("stderr.txt");
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    // The char run trains first. Its 3000 x 3000 recurrent weights take 72 MB, more than the
    // child's whole heap, so it fails while both levels are selected.
    Process child = new ProcessBuilder(java.toString(), "-Xmx32m", "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "reproduce", "rnn",
        "--offline", "--data", data.toString(), "--hidden", "3000", "--steps", "1",
        "--threads", "1", "--out", out.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(errors.toFile())
        .start();
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not end");
    String stderr = Files.readString(errors);

    assertEquals(1, child.exitValue(), stderr);
    List<String> failures = stderr.lines().filter(l -> l.startsWith("neuralbytes:")).toList();
    assertEquals(1, failures.size(), stderr);
    assertTrue(failures.get(0).startsWith("neuralbytes: experiment rnn failed: out of memory"),
        stderr);
    assertTrue(failures.get(0).contains("use smaller sizes (--hidden, --window), or give"),
        stderr);
    assertFalse(stderr.contains("\tat "), stderr);
  }
}
