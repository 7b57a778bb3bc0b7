package io.neuralbytes.experiments.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuralbytes.experiments.Main;
import io.neuralbytes.experiments.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code reproduce rnn lstm} once on the real novels, as a user would, and checks what
 * it wrote against the original's four runs.
 */
class ReproduceSequenceTest {
  /**
   * Wall-clock limit of the four runs: a guard against a slowdown of ten times, not a
   * measurement. They take 5 to 30 s on a quiet 2-core machine, and several times that when
   * other builds share it.
   */
  private static final double TIME_LIMIT_SECONDS = 300;

  @TempDir
  static Path temp;

  private static int exitCode;
  private static String errors;
  private static Map<String, JsonNode> entries;

  @BeforeAll
  static void reproduce() throws Exception {
    Path data = SharedData.withNovels();
    StringWriter err = new StringWriter();
    exitCode = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "reproduce", "rnn", "lstm", "--offline", "--out", temp.toString(), "--data",
        data.toString());
    errors = err.toString();
    entries = new HashMap<>();
    if (Files.exists(temp.resolve("summary.json"))) {
      for (JsonNode entry : new ObjectMapper().readTree(temp.resolve("summary.json").toFile())) {
        entries.put(entry.get("run").asText(), entry);
      }
    }
  }

  @Test
  void allFourRunsSucceed() {
    assertEquals(0, exitCode, errors);
    assertEquals(4, entries.size(), entries.keySet().toString());
    double seconds = 0;
    for (JsonNode entry : entries.values()) {
      assertEquals(100, entry.get("steps").asInt());
      seconds += entry.get("seconds").asDouble();
    }
    assertTrue(seconds < TIME_LIMIT_SECONDS, "the four runs took " + seconds + " s");
  }

  @Test
  void charRunsStartUniformAndLearn() {
    for (String run : List.of("char-rnn", "char-lstm")) {
      JsonNode entry = entries.get(run);
      double uniform = 50 * Math.log(257);
      assertEquals(uniform, entry.get("uniform_loss").asDouble(), 1e-9);
      assertEquals(uniform, entry.get("initial_loss").asDouble(), 0.02 * uniform, run);
      double last = entry.get("mean_loss_last_steps").asDouble();
      assertTrue(last < 0.6 * uniform, run + ": mean of steps 91-100 " + last);
    }
  }

  @Test
  void wordRunsStartUniformAndLearn() {
    for (String run : List.of("word-rnn", "word-lstm")) {
      JsonNode entry = entries.get(run);
      double uniform = 50 * Math.log(5001);
      assertEquals(5001, entry.get("vocabulary_size").asInt());
      assertEquals(uniform, entry.get("initial_loss").asDouble(), 0.02 * uniform, run);
      double last = entry.get("mean_loss_last_steps").asDouble();
      assertTrue(last < 0.9 * uniform, run + ": mean of steps 91-100 " + last);
    }
  }

  @Test
  void summaryNamesNovelsAndOriginalTimes() {
    assertEquals(103, entries.get("char-rnn").get("ebook").asInt());
    assertEquals(3809, entries.get("word-rnn").get("ebook").asInt());
    assertEquals(1268, entries.get("char-lstm").get("ebook").asInt());
    assertEquals(83, entries.get("word-lstm").get("ebook").asInt());
    assertEquals(139, entries.get("char-rnn").get("original_seconds").asDouble());
    assertEquals(2457, entries.get("word-rnn").get("original_seconds").asDouble());
    assertEquals(407, entries.get("char-lstm").get("original_seconds").asDouble());
    assertEquals(5776, entries.get("word-lstm").get("original_seconds").asDouble());
    JsonNode charRnn = entries.get("char-rnn");
    assertEquals(charRnn.get("final_loss").asDouble(), lastCsvLoss("rnn", "char-rnn"), 1e-9);
  }

  @Test
  void filesWrittenForEveryRun() throws Exception {
    for (String experiment : List.of("rnn", "lstm")) {
      for (String level : List.of("char", "word")) {
        String run = level + "-" + experiment;
        Path folder = temp.resolve(experiment);
        List<String> csv = Files.readAllLines(folder.resolve(run + "-loss.csv"));
        assertEquals("step,window_tokens,loss,loss_per_token", csv.get(0));
        assertEquals(101, csv.size());
        assertTrue(csv.get(100).startsWith("100,50,"), csv.get(100));
        assertTrue(Files.size(folder.resolve(run + "-loss.png")) > 1000);
        assertTrue(Files.size(folder.resolve(run + "-vocabulary.txt")) > 100);
        String samples = Files.readString(folder.resolve(run + "-samples.txt"));
        for (int step = 20; step <= 100; step += 20) {
          assertTrue(samples.contains("step " + step + ", "), run + " sample at step " + step);
        }
      }
    }
  }

  @Test
  void reportHasBothSectionsWithPlotsAndSamples() throws Exception {
    String report = Files.readString(temp.resolve("report.md"));
    int rnn = report.indexOf("## rnn: vanilla RNN, character and word language models");
    int lstm = report.indexOf("## lstm: LSTM, character and word language models");
    assertTrue(rnn >= 0, report);
    assertTrue(lstm > rnn, report);
    for (String image : List.of("rnn/char-rnn-loss.png", "rnn/word-rnn-loss.png",
        "lstm/char-lstm-loss.png", "lstm/word-lstm-loss.png")) {
      assertTrue(report.contains("](" + image + ")"), image);
    }
    // Each run's "Files:" line lists every file the run wrote besides its plot.
    for (String run : List.of("rnn/char-rnn", "rnn/word-rnn", "lstm/char-lstm",
        "lstm/word-lstm")) {
      assertTrue(report.contains("Files: `" + run + "-loss.csv`, `" + run + "-samples.txt`, `"
          + run + "-vocabulary.txt`."), run);
      assertTrue(Files.exists(temp.resolve(run + "-samples.txt")), run);
    }
    assertTrue(report.contains("step 100, after "), report);
    assertTrue(report.contains("the original called such a step an \"epoch\"")
        || report.contains("The original called such a step an \"epoch\""), report);
  }

  private static double lastCsvLoss(String experiment, String run) {
    try {
      List<String> csv = Files.readAllLines(temp.resolve(experiment).resolve(run + "-loss.csv"));
      return Double.parseDouble(csv.get(csv.size() - 1).split(",")[2]);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
