package io.neuralbytes.experiments.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuralbytes.experiments.output.ProgressReporter;
import io.neuralbytes.experiments.sequence.TextRunResult.Sample;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TextRunTest {

  private static TextRunSettings settings(int steps, long seed) {
    return new TextRunSettings(128, 50, 0.01, steps, 0, 40, 20, 1.0, 5000, true, seed);
  }

  private static TextRunResult run(TextRunSpec spec, TextRunSettings settings)
      throws IOException {
    return TextRun.run(spec, settings, SharedNovels.folder(),
        planned -> ProgressReporter.logOnly(spec.run(), "steps", planned));
  }

  @Test
  void sameSeedRepeatsInOneJvm() throws IOException {
    for (TextRunSpec spec : new TextRunSpec[] {TextRunSpec.CHAR_RNN, TextRunSpec.CHAR_LSTM}) {
      TextRunResult first = run(spec, settings(100, 3));
      TextRunResult second = run(spec, settings(100, 3));
      assertArrayEquals(first.losses(), second.losses(), 0.0, spec.run());
      assertEquals(5, first.samples().size());
      for (int n = 0; n < first.samples().size(); n++) {
        assertArrayEquals(first.samples().get(n).tokens(), second.samples().get(n).tokens());
        assertEquals(first.samples().get(n).text(), second.samples().get(n).text());
      }
    }
  }

  @Test
  void otherSeedOtherLosses() throws IOException {
    TextRunResult first = run(TextRunSpec.CHAR_RNN, settings(20, 3));
    TextRunResult other = run(TextRunSpec.CHAR_RNN, settings(20, 4));
    assertTrue(first.losses()[19] != other.losses()[19]);
  }

  @Test
  void wordSamplesAreVocabularyTokens() throws IOException {
    TextRunResult result = run(TextRunSpec.WORD_LSTM, settings(40, 0));
    assertEquals(2, result.samples().size());
    assertEquals(5001, result.vocabulary().size());
    for (Sample sample : result.samples()) {
      assertEquals(40, sample.tokens().length);
      StringBuilder decoded = new StringBuilder();
      for (int token : sample.tokens()) {
        assertTrue(token >= 0, "token " + token);
        assertTrue(token < result.vocabulary().size(), "token " + token);
        decoded.append(decoded.length() == 0 ? "" : " ").append(result.vocabulary().token(token));
      }
      assertEquals(decoded.toString(), sample.text());
      assertEquals(40, sample.text().split(" ").length);
    }
    assertEquals(20, result.samples().get(0).step());
    assertEquals(40, result.samples().get(1).step());
  }

  @Test
  void charSamplesAreVocabularyTokens() throws IOException {
    TextRunResult result = run(TextRunSpec.CHAR_RNN, settings(20, 0));
    Sample sample = result.samples().get(0);
    assertEquals(40, sample.tokens().length);
    for (int token : sample.tokens()) {
      assertTrue(token >= 0, "token " + token);
      assertTrue(token < 257, "token " + token);
    }
    assertEquals(40, sample.text().codePointCount(0, sample.text().length()));
  }

  @Test
  void windowLongerThanTextRejected() {
    TextRunSettings tooLong = new TextRunSettings(8, 50_000, 0.01, 1, 0, 4, 1, 1.0, 5000, true, 0);
    Path data = SharedNovels.folder();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TextRun.run(TextRunSpec.WORD_RNN, tooLong, data,
            planned -> ProgressReporter.logOnly("word-rnn", "steps", planned)));
    assertTrue(e.getMessage().contains("fewer than the 50,001"), e.getMessage());
  }

  @Test
  void keepingTheHeaderTrainsOnLicenceText() throws IOException {
    TextRunSettings whole = new TextRunSettings(16, 50, 0.01, 1, 0, 4, 1, 1.0, 5000, false, 0);
    TextRunResult withHeader = run(TextRunSpec.CHAR_RNN, whole);
    TextRunResult stripped = run(TextRunSpec.CHAR_RNN,
        new TextRunSettings(16, 50, 0.01, 1, 0, 4, 1, 1.0, 5000, true, 0));
    assertTrue(withHeader.textTokens() > stripped.textTokens() + 10_000,
        withHeader.textTokens() + " vs " + stripped.textTokens());
  }

  @Test
  void primingTextContinuesAfterTraining() throws IOException {
    TextRunSettings primed = new TextRunSettings(32, 50, 0.01, 20, 0, 12, 20, 1.0, 5000, true,
        0, "Phileas Fogg");
    TextRunResult result = run(TextRunSpec.CHAR_RNN, primed);

    assertEquals(2, result.samples().size());
    Sample sample = result.samples().get(1);
    assertTrue(sample.primed());
    assertEquals("phileas fogg", sample.start());
    assertEquals(12, sample.tokens().length);
    assertEquals(20, sample.step());
  }

  @Test
  void primingWordOutsideVocabularyRejected() {
    TextRunSettings primed = new TextRunSettings(8, 50, 0.01, 1, 0, 4, 1, 1.0, 5000, true, 0,
        "the zyzzyva");
    Path data = SharedNovels.folder();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TextRun.run(TextRunSpec.WORD_RNN, primed, data,
            planned -> ProgressReporter.logOnly("word-rnn", "steps", planned)));
    assertEquals("--prime 'the zyzzyva' has [zyzzyva] outside the vocabulary of word-rnn"
        + " (5,000 words + unknown (5,001 indices)); use tokens of The Master of the World",
        e.getMessage());
  }

  @Test
  void primingCharacterOutsideVocabularyRejected() {
    TextRunSpec spec = TextRunSpec.CHAR_LSTM;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TextRun.encodePriming("caf\u00e9 \u2014", io.neuralbytes.datasets.CharVocabulary
            .codes256(), spec));
    assertTrue(e.getMessage().startsWith("--prime 'caf\u00e9 \u2014' has ["),
        e.getMessage());
    assertTrue(e.getMessage().contains("outside the vocabulary of char-lstm"), e.getMessage());
  }

  @Test
  void threadCountDoesNotChangeLosses() throws IOException {
    TextRunSettings settings = settings(6, 5);
    Path data = SharedNovels.folder();
    TextRunResult serial = TextRun.run(TextRunSpec.WORD_RNN, settings, data, 1,
        planned -> ProgressReporter.logOnly("word-rnn", "steps", planned));
    for (int repeat = 0; repeat < 2; repeat++) {
      TextRunResult parallel = TextRun.run(TextRunSpec.WORD_RNN, settings, data, 2,
          planned -> ProgressReporter.logOnly("word-rnn", "steps", planned));
      assertArrayEquals(serial.losses(), parallel.losses(), 0.0, "repeat " + repeat);
    }
  }
}
