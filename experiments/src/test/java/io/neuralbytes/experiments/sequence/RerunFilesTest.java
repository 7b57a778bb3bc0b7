package io.neuralbytes.experiments.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuralbytes.experiments.Main;
import io.neuralbytes.experiments.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rerun with fewer runs leaves only its own files in the experiment's folder. */
class RerunFilesTest {

  @TempDir
  Path temp;

  @Test
  void fileNamesCoverEveryKindOfFile() {
    Pattern names = TextRunReport.fileNames(List.of(TextRunSpec.CHAR_RNN, TextRunSpec.WORD_RNN));

    for (String suffix : List.of("loss.csv", "loss.png", "samples.txt", "vocabulary.txt",
        "epochs.csv")) {
      assertTrue(names.matcher("word-rnn-" + suffix).matches(), suffix);
      assertTrue(names.matcher("char-rnn-" + suffix).matches(), suffix);
    }
    assertFalse(names.matcher("word-rnn-notes.txt").matches());
    assertFalse(names.matcher("char-lstm-loss.csv").matches());
    assertFalse(names.matcher("word-rnn-loss.csv.bak").matches());
  }

  @Test
  void rerunWithOneLevelDeletesTheOtherLevelsFiles() throws IOException {
    Path data = SharedData.withNovels();
    Path folder = temp.resolve("rnn");
    assertEquals(0, reproduce(data, "--epochs", "1", "--hidden", "4", "--window", "2000",
        "--words", "2", "--sample-length", "5"));
    assertTrue(Files.exists(folder.resolve("word-rnn-epochs.csv")));
    Files.writeString(folder.resolve("notes.txt"), "mine");

    assertEquals(0, reproduce(data, "--level", "char", "--steps", "1", "--hidden", "4",
        "--sample-length", "5", "--sample-every", "1"));

    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(List.of("char-rnn-loss.csv", "char-rnn-loss.png", "char-rnn-samples.txt",
              "char-rnn-vocabulary.txt", "notes.txt"),
          files.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void runShorterThanSampleEveryWritesNoSamples() throws IOException {
    Path data = SharedData.withNovels();
    Path folder = temp.resolve("rnn");
    assertEquals(0, reproduce(data, "--level", "char", "--steps", "2", "--hidden", "4",
        "--sample-every", "1", "--sample-length", "5"));
    assertTrue(Files.exists(folder.resolve("char-rnn-samples.txt")));

    assertEquals(0, reproduce(data, "--level", "char", "--steps", "5", "--hidden", "4",
        "--sample-length", "5"));

    assertFalse(Files.exists(folder.resolve("char-rnn-samples.txt")));
    String report = Files.readString(temp.resolve("report.md"));
    assertTrue(report.contains("No samples: the first sample follows step 20"
        + " (--sample-every), and the run had only 5 steps.\n"), report);
    assertTrue(report.contains("Files: `rnn/char-rnn-loss.csv`, `rnn/char-rnn-vocabulary.txt`."),
        report);
    assertFalse(report.contains("stopped"), report);
  }

  private int reproduce(Path data, String... options) {
    List<String> args = new java.util.ArrayList<>(List.of("reproduce", "rnn", "--out",
        temp.toString(), "--data", data.toString(), "--offline"));
    args.addAll(List.of(options));
    StringWriter err = new StringWriter();
    int exitCode = Main.run(new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true), args.toArray(String[]::new));
    assertEquals("", err.toString());
    return exitCode;
  }
}
