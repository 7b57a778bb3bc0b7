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
    assertTrue(err.toString().contains("; use a smaller --steps, or give Java more heap, for"
        + " example JAVA_TOOL_OPTIONS=-Xmx97g."), err.toString());
    assertFalse(Files.exists(out));
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
