package io.neuralbytes.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuralbytes.core.Parameter;
import io.neuralbytes.core.RandomSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs the example of the README section "Using models-sequence as a library". The lines
 * between the markers are the README's code, and {@link #readmeShowsThisExample} checks that
 * the two agree line by line, ignoring indentation.
 */
class ReadmeExampleTest {

  @Test
  void readmeExampleTrainsAndSamples() {
    // README example: begin
    String text = "the quick brown fox jumps over the lazy dog. ".repeat(40);
    int[] chars = text.chars().distinct().sorted().toArray();  // token -> character
    int[] tokens = text.chars().map(ch -> Arrays.binarySearch(chars, ch)).toArray();
    Lstm lstm = new Lstm(chars.length, 32, 25, new RandomSource(0));  // V 28, H 32, T 25
    lstm.setThreads(2);                                  // results identical for any count
    double before = SequenceTrainer.meanLoss(lstm, tokens, 25);  // 3.33 nats per character
    SequenceTrainer trainer = new SequenceTrainer(lstm, tokens, 25, 0.1);  // T 25, lr 0.1
    double firstStep = trainer.step();    // 83.3, -ln p summed over the window's 25 targets
    for (int s = 1; s < 300; s++) {
      trainer.step();
    }
    double after = SequenceTrainer.meanLoss(lstm, tokens, 25);   // 0.0051 nats per character
    Sampler sampler = new Sampler(lstm);
    int[] drawn = sampler.sample(new int[] {tokens[0]}, 60, 1.0, new RandomSource(1));
    StringBuilder sample = new StringBuilder();
    for (int token : drawn) {
      sample.appendCodePoint(chars[token]);
    }
    sample.toString();  // "he quick brown fox jumps overothe lazy dog. the quick brown "
    // README example: end

    assertEquals(28, chars.length);
    assertEquals(text.length(), tokens.length);
    assertEquals(300, trainer.steps());
    assertEquals(Math.log(28), before, 0.05 * Math.log(28), "loss per character before");
    assertEquals(25 * Math.log(28), firstStep, 0.05 * 25 * Math.log(28), "first step's loss");
    assertTrue(after < 0.02, "loss per character after 300 steps: " + after);
    assertEquals(60, drawn.length);
    for (int token : drawn) {
      assertTrue(token >= 0, "sampled token " + token);
      assertTrue(token < chars.length, "sampled token " + token);
    }
    assertTrue(sample.toString().contains("quick brown"), "sample: " + sample);
  }

  @Test
  void readmeShowsThisExample() throws IOException {
    Path readme = Path.of("..", "README.md");
    Path source = Path.of("src", "test", "java", "io", "neuralbytes", "sequence",
        "ReadmeExampleTest.java");
    String readmeText = Files.readString(readme);
    int section = readmeText.indexOf("### Using models-sequence as a library");
    assertTrue(section >= 0, "no models-sequence section in " + readme.toAbsolutePath());
    int start = readmeText.indexOf("```java\n", section) + "```java\n".length();
    int end = readmeText.indexOf("```", start);
    List<String> readmeLines = strippedLines(readmeText.substring(start, end));

    String sourceText = Files.readString(source);
    // The markers end with a line break, so that these literals, which contain "\n" as two
    // characters, do not match themselves.
    String begin = "// README example: begin\n";
    int from = sourceText.indexOf(begin) + begin.length();
    int to = sourceText.lastIndexOf('\n', sourceText.indexOf("// README example: end\n")) + 1;
    List<String> testLines = strippedLines(sourceText.substring(from, to));

    assertEquals(testLines, readmeLines);
  }

  private static List<String> strippedLines(String code) {
    return code.lines().map(String::strip).collect(Collectors.toList());
  }

  @Test
  void inputMatricesAreStoredTransposed() {
    Lstm lstm = new Lstm(28, 32, 25, new RandomSource(0));
    Rnn rnn = new Rnn(28, 32, 25, new RandomSource(0));
    for (String name : new String[] {"U_f", "U_i", "U_g", "U_o"}) {
      Parameter U = named(lstm, name);
      assertEquals(28, U.rows(), name + " rows");
      assertEquals(32, U.cols(), name + " columns");
    }
    Parameter U = named(rnn, "U");
    assertEquals(28, U.rows(), "U rows");
    assertEquals(32, U.cols(), "U columns");
  }

  private static Parameter named(SequenceModel model, String name) {
    return model.parameters().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no parameter named " + name));
  }
}
