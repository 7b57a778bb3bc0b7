package io.neuralbytes.experiments.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuralbytes.experiments.Main;
import io.neuralbytes.experiments.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad options are rejected with one line before anything is written. */
class SequenceOptionsTest {
  @TempDir
  Path temp;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "--hidden|0|--hidden must be at least 1, got 0",
      "--window|0|--window must be at least 1, got 0",
      "--temperature|-0.5|--temperature must be a finite number of 0 or more, got -0.5",
      "--lr|0|--lr must be a positive finite number, got 0.0",
      "--lr|NaN|--lr must be a decimal number such as 0.01 or 1e-3, got 'NaN'",
      "--steps|0|--steps must be at least 1, got 0",
      "--epochs|-1|--epochs must be at least 1, got -1",
      "--sample-length|0|--sample-length must be at least 1, got 0",
      "--steps|\u0662|--steps must be an integer in the digits 0-9, got '\u0662'",
      "--lr|'0,1'|--lr must be a decimal number such as 0.01 or 1e-3, got '0,1'; write the"
          + " decimal with a point, as in 0.1",
      "--steps|99999999999|--steps must be from 1 to 2147483647, got '99999999999'",
      "--words|-99999999999|--words must be from 2 to 2147483647, got '-99999999999'",
      "--level|chars|--level must be char, word or char,word, got 'chars'",
      "--level|'char,char'|--level lists 'char' more than once; give each value once",
      "--level|'word, Word'|--level lists 'Word' more than once; give each value once",
      "--level|,|--level has an empty item; expected one or more LEVEL values separated by"
          + " commas",
      "--level|'char,'|--level has an empty item; expected one or more LEVEL values separated"
          + " by commas",
  })
  void badOptionRejected(String option, String value, String message) {
    Path out = temp.resolve("results");
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "reproduce", "rnn", "--offline", option, value, "--out", out.toString());
    assertEquals(2, code, err.toString());
    assertTrue(err.toString().contains(message), err.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertFalse(Files.exists(out));
  }

  @Test
  void stepsBeyondHeapRejected() {
    Path out = temp.resolve("results");
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "reproduce", "rnn", "--offline", "--level", "char", "--steps", "2147483647", "--out",
        out.toString());
    assertEquals(2, code, err.toString());
    // 2147483647 steps of 24 bytes are 48.0 GiB, beyond any heap a test runs with.
    assertTrue(err.toString().startsWith("neuralbytes: --steps 2147483647 would record about"
        + " 48.0 GiB of history (24 bytes per step), more than half of the maximum heap of "),
        err.toString());
    // Whether a larger heap is suggested depends on the machine's memory.
    assertTrue(err.toString().contains("; use a smaller --steps, "), err.toString());
    assertFalse(Files.exists(out));
  }

  @Test
  void hiddenBeyondArrayLimitRejected() {
    Path out = temp.resolve("results");
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "reproduce", "lstm", "--offline", "--steps", "1", "--hidden", "99999999", "--out",
        out.toString());
    assertEquals(2, code, err.toString());
    assertTrue(err.toString().startsWith("neuralbytes: --hidden 99999999 would need the"
        + " recurrent weights of the four gates, an array of 99999999 x 399999996 ="
        + " 39999999200000004 doubles, more than a Java array can contain (2147483639); use a"
        + " smaller --hidden."), err.toString());
    assertFalse(Files.exists(out));
  }

  @Test
  void windowBeyondArrayLimitRejected() {
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "reproduce", "rnn", "--offline", "--steps", "1", "--window", "2147483647", "--out",
        temp.resolve("results").toString());
    assertEquals(2, code, err.toString());
    assertTrue(err.toString().startsWith("neuralbytes: --hidden 128 and --window 2147483647"
        + " would need the hidden states of a window, an array of 2147483648 x 128 ="
        + " 274877906944 doubles, more than a Java array can contain (2147483639); use"
        + " smaller --hidden or --window."), err.toString());
  }

  @Test
  void hiddenBeyondHeapRejected() {
    StringWriter err = new StringWriter();
    // Five 40000 x 40000 arrays of W and its copies are 59.6 GiB, beyond a test's heap.
    int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "reproduce", "rnn", "--offline", "--steps", "1", "--hidden", "40000", "--out",
        temp.resolve("results").toString());
    assertEquals(2, code, err.toString());
    assertTrue(err.toString().startsWith("neuralbytes: --hidden 40000, --window 50 and --steps"
        + " 1 would need about 59.7 GiB for the main arrays (weights, gradients, optimiser"
        + " memory, work arrays and histories), more than the maximum heap of "),
        err.toString());
  }

  @Test
  void lstmEstimateCountsGates() {
    SequenceExperiment lstm = new LstmExperiment();
    new picocli.CommandLine(lstm).parseArgs("--hidden", "10", "--window", "3", "--steps", "2");
    // The gates' W, gradients and memory take 12 H^2, their two copies 2 x H x 4H, the gate
    // activations 2 x T x 4H and the states 5 x (T + 1) x H. Each of the 2 steps adds 24 bytes.
    double doubles = 12 * 100 + 2 * 400 + 2 * 3 * 40 + 5 * 4 * 10;
    assertEquals(8 * doubles + 48, lstm.memoryEstimate().totalBytes());
  }

  @Test
  void stepsAndEpochsExcludeEachOther() {
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "reproduce", "lstm", "--offline", "--steps", "10", "--epochs", "1", "--out",
        temp.resolve("results").toString());
    assertEquals(2, code);
    assertTrue(err.toString().contains("--steps and --epochs exclude each other"),
        err.toString());
  }

  @Test
  void levelGivenTwiceRejected() {
    Path out = temp.resolve("results");
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "reproduce", "lstm", "--offline", "--level", "word", "--level", "char", "--level",
        "word", "--out", out.toString());
    assertEquals(2, code, err.toString());
    assertEquals("neuralbytes: --level lists 'word' more than once; give each value once."
        + " See 'neuralbytes reproduce lstm --help'.", err.toString().strip());
    assertFalse(Files.exists(out));
  }

  @Test
  void windowLongerThanTextFailsTheRun() {
    Path data = SharedData.withNovels();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "reproduce", "rnn", "--offline", "--level", "word", "--window", "100000", "--out",
        temp.resolve("results").toString(), "--data", data.toString());
    assertEquals(1, code);
    assertTrue(err.toString().contains("fewer than the 100,001"), err.toString());
  }
}
