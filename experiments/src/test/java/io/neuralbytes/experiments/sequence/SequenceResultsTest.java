package io.neuralbytes.experiments.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuralbytes.experiments.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code reproduce rnn} on a small made-up novel in a temporary data folder and checks
 * what the results report: the Gutenberg stripping, divergence, the command line, the losses
 * of whole passes and the checks made before training.
 */
class SequenceResultsTest {
  private static final String BODY = "the cat sat on the mat.\nthe dog sat on the log.\n";

  @TempDir
  Path temp;

  private Path out;
  private String errors;

  /** Writes ebook 103 (char-rnn's novel) with or without the Gutenberg marker lines. */
  private Path dataFolder(boolean markers) throws IOException {
    Path folder = temp.resolve("data").resolve("jules-verne");
    Files.createDirectories(folder);
    String body = BODY.repeat(20);
    String text = markers
        ? "Licence words before the book.\n*** START OF THE PROJECT GUTENBERG EBOOK TEST ***\n"
            + body + "*** END OF THE PROJECT GUTENBERG EBOOK TEST ***\nLicence words after.\n"
        : body;
    Files.writeString(folder.resolve("pg103-test.txt"), text);
    return folder.getParent();
  }

  private int reproduce(Path data, String... options) {
    out = temp.resolve("results");
    List<String> args = new ArrayList<>(List.of("reproduce", "--out", out.toString(),
        "--data", data.toString(), "--offline", "rnn", "--level", "char", "--hidden", "8",
        "--window", "10", "--sample-every", "2", "--sample-length", "5"));
    args.addAll(List.of(options));
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        args.toArray(String[]::new));
    errors = err.toString();
    return code;
  }

  private JsonNode entry() throws IOException {
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals(1, summary.size(), summary.toString());
    return summary.get(0);
  }

  private String report() throws IOException {
    return Files.readString(out.resolve("report.md"));
  }

  @Test
  void meanOfHugeFiniteLossesIsFinite() {
    double[] losses = new double[12];
    Arrays.fill(losses, 4e307);
    losses[11] = 1.0;

    // The sum of ten values of 4e307 overflows, but their mean does not.
    assertEquals(4e307, TextRunResult.mean(losses, 0, 10), 4e307 * 1e-15);
    assertEquals(0.9 * 4e307 + 0.1, TextRunResult.mean(losses, 2, 12), 4e307 * 1e-15);
    assertEquals(2.5, TextRunResult.mean(new double[] {1, 2, 3, 4}, 0, 4), 0.0);
    assertEquals(Double.POSITIVE_INFINITY,
        TextRunResult.mean(new double[] {1, Double.POSITIVE_INFINITY}, 0, 2), 0.0);
    assertTrue(Double.isNaN(TextRunResult.mean(new double[] {1, Double.NaN}, 0, 2)));

    double[] averages = TextRunReport.movingAverage(losses, 10);
    for (int n = 0; n < 11; n++) {
      assertEquals(4e307, averages[n], 4e307 * 1e-15, "mean at step " + (n + 1));
    }
    assertEquals(0.9 * 4e307 + 0.1, averages[11], 4e307 * 1e-15);
    assertArrayEquals(new double[] {1, 1.5, 2.5, 3.5},
        TextRunReport.movingAverage(new double[] {1, 2, 3, 4}, 2), 0.0);
  }

  @Test
  void hugeLossesGetAnExponent() {
    assertEquals("277.7", TextRunReport.loss(277.66, 1));
    assertEquals("9999999.0", TextRunReport.loss(9_999_999.0, 1));
    assertEquals("1.403e+303", TextRunReport.loss(1.4031e303, 1));
    assertEquals("50", TextRunReport.loss(49.6, 0));
  }

  @Test
  void novelWithoutMarkersKeptWhole() throws IOException {
    assertEquals(0, reproduce(dataFolder(false), "--steps", "2"), errors);
    JsonNode entry = entry();
    assertFalse(entry.get("gutenberg_header_stripped").asBoolean());
    assertFalse(entry.get("gutenberg_footer_stripped").asBoolean());
    assertTrue(report().contains("whole file: no Project Gutenberg START or END line found,"
        + " so nothing was removed"), report());
    assertFalse(report().contains("header and footer removed"), report());
  }

  @Test
  void novelWithMarkersStripped() throws IOException {
    assertEquals(0, reproduce(dataFolder(true), "--steps", "2"), errors);
    JsonNode entry = entry();
    assertTrue(entry.get("gutenberg_header_stripped").asBoolean());
    assertTrue(entry.get("gutenberg_footer_stripped").asBoolean());
    assertEquals(BODY.length() * 20, entry.get("text_tokens").asInt());
    assertTrue(report().contains("Project Gutenberg header and footer removed"), report());
  }

  @Test
  void primeOutsideVocabularyStopsBeforeAnythingIsWritten() throws IOException {
    Path data = dataFolder(true);
    int code = reproduce(data, "--steps", "2", "--prime", "caf\u00e9 \u2014");
    assertEquals(2, code, errors);
    assertEquals(1, errors.strip().lines().count(), errors);
    assertTrue(errors.contains("--prime 'caf\u00e9 \u2014' has ["), errors);
    assertTrue(errors.contains("outside the vocabulary of char-rnn"), errors);
    assertFalse(Files.exists(out));
  }

  @Test
  void emptyPrimeStopsBeforeAnythingIsWritten() throws IOException {
    int code = reproduce(dataFolder(true), "--steps", "2", "--prime", "");
    assertEquals(2, code, errors);
    assertTrue(errors.contains("--prime '' has no character; give at least one"), errors);
    assertFalse(Files.exists(out));
  }

  @Test
  void divergedRunKeepsEarlierLosses() throws IOException {
    assertEquals(0, reproduce(dataFolder(true), "--steps", "20", "--lr", "1e308"), errors);
    JsonNode entry = entry();
    assertTrue(entry.get("diverged").asBoolean(), entry.toString());
    long at = entry.get("diverged_at").asLong();
    assertTrue(at >= 1, entry.toString());
    assertTrue(at <= 20, entry.toString());
    assertTrue(entry.get("final_loss").isNull(), entry.toString());
    assertTrue(entry.get("divergence").asText().startsWith("training diverged at step " + at),
        entry.toString());
    assertEquals(at - 1, entry.get("steps").asLong());
    List<String> csv = Files.readAllLines(out.resolve("rnn").resolve("char-rnn-loss.csv"));
    assertEquals(at, csv.size());
    assertTrue(Files.size(out.resolve("rnn").resolve("char-rnn-loss.png")) > 1000);
    assertTrue(report().contains("**char-rnn diverged at step " + at + ":** training diverged"),
        report());
  }

  @Test
  void runThatDoesNotDivergeSaysSo() throws IOException {
    assertEquals(0, reproduce(dataFolder(true), "--steps", "5"), errors);
    JsonNode entry = entry();
    assertFalse(entry.get("diverged").asBoolean());
    assertTrue(entry.get("diverged_at").isNull());
    assertTrue(entry.get("divergence").isNull());
    assertFalse(entry.has("first_loss"));
    assertEquals(entry.get("initial_loss").asDouble(), firstCsvLoss(), 0.0);
  }

  @Test
  void reportShowsTheCommandThatRepeatsTheRun() throws IOException {
    assertEquals(0, reproduce(dataFolder(true), "--steps", "3", "--prime", "the cat",
        "--threads", "1", "--cifar10-url", "http://127.0.0.1:1/cifar.tar.gz"), errors);
    // The RNN reads no CIFAR-10, so its mirror option is left out.
    String expected = "Command: `./neuralbytes reproduce --out " + out + " --data "
        + temp.resolve("data") + " --offline --threads 1 rnn --level char --hidden 8"
        + " --window 10 --sample-every 2 --sample-length 5 --steps 3 --prime 'the cat'`";
    assertTrue(report().contains(expected), report());
    assertTrue(report().startsWith("## rnn: ", report().indexOf("## ")), report());
  }

  @Test
  void fewerThanTenStepsAverageAllOfThem() throws IOException {
    assertEquals(0, reproduce(dataFolder(true), "--steps", "4"), errors);
    JsonNode entry = entry();
    assertEquals(4, entry.get("last_steps_averaged").asInt());
    assertFalse(entry.has("mean_loss_last_10_steps"));
    List<String> csv = Files.readAllLines(out.resolve("rnn").resolve("char-rnn-loss.csv"));
    double sum = 0;
    for (String line : csv.subList(1, 5)) {
      sum += Double.parseDouble(line.split(",")[2]);
    }
    assertEquals(sum / 4, entry.get("mean_loss_last_steps").asDouble(), 1e-9);
  }

  @Test
  void epochFinalLossIsLastPassPerToken() throws IOException {
    assertEquals(0, reproduce(dataFolder(true), "--epochs", "2"), errors);
    JsonNode entry = entry();
    JsonNode passes = entry.get("train_loss_per_token");
    assertEquals(2, passes.size());
    assertEquals(passes.get(1).asDouble(), entry.get("final_loss").asDouble(), 0.0);
    assertTrue(entry.get("final_loss_means").asText().contains("per token"));
    // 90% of 960 characters is 864: 86 whole windows of 10 inputs and one of 3.
    List<String> csv = Files.readAllLines(out.resolve("rnn").resolve("char-rnn-loss.csv"));
    assertEquals(2 * 87 + 1, csv.size());
    assertTrue(csv.get(87).startsWith("87,3,"), csv.get(87));
    assertTrue(entry.get("final_loss").asDouble() < 2 * Math.log(257));
  }

  @Test
  void lineBreaksInSamplesShowTheSameEverywhere() throws IOException {
    assertEquals(0, reproduce(dataFolder(true), "--steps", "6", "--temperature", "0"),
        errors);
    String samples = Files.readString(out.resolve("rnn").resolve("char-rnn-samples.txt"));
    for (String block : samples.split("\n\n")) {
      assertEquals(2, block.split("\n", -1).length, block);
    }
    assertFalse(report().contains("\\n"), report());
    assertEquals("\"\u21b5\"", TextRunReport.quote("\n"));
    assertEquals("a\u21b5b", TextRunReport.showLineBreaks("a\nb"));
  }

  @Test
  void emptyTextBetweenMarkersNamesTheStripping() throws IOException {
    Path folder = temp.resolve("data").resolve("jules-verne");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("pg103-test.txt"), "Licence.\n"
        + "*** START OF THE PROJECT GUTENBERG EBOOK TEST ***\nx\n"
        + "*** END OF THE PROJECT GUTENBERG EBOOK TEST ***\nLicence words after.\n");
    assertEquals(1, reproduce(folder.getParent(), "--steps", "2"), errors);
    assertTrue(errors.contains("has 2 tokens, fewer than the 11"), errors);
    assertTrue(errors.contains("only the text between the Project Gutenberg START and END"
        + " lines"), errors);
  }

  private double firstCsvLoss() throws IOException {
    List<String> csv = Files.readAllLines(out.resolve("rnn").resolve("char-rnn-loss.csv"));
    return Double.parseDouble(csv.get(1).split(",")[2]);
  }
}
