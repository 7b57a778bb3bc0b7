package io.neuralbytes.experiments.sequence;

import io.neuralbytes.experiments.sequence.TextRunResult.Sample;
import java.util.List;
import java.util.Locale;

/** Builds the report.md section of {@code reproduce rnn} or {@code reproduce lstm}. */
final class SequenceReportSection {
  private SequenceReportSection() {
  }

  static String markdown(String experiment, String title, TextRunSettings settings,
      List<TextRunResult> results) {
    StringBuilder md = new StringBuilder();
    md.append("## ").append(title).append("\n\n");
    md.append(settingsLine(experiment, settings)).append("\n\n");
    md.append("A step trains on the next window of ").append(settings.window())
        .append(" tokens and carries the hidden state to the next window. The original called"
            + " such a step an \"epoch\", so its 100 \"epochs\" are 100 steps here, about 1% of"
            + " a novel. An epoch here is a whole pass over the text. Losses are summed over"
            + " the window, so a uniform guess costs T ln V.\n\n");

    md.append("| run | novel | tokens | vocabulary | steps | first loss | uniform guess |"
        + " mean loss, last 10 steps | last 10 / uniform | seconds |"
        + " the original's seconds for 100 steps |\n");
    md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (TextRunResult result : results) {
      double uniform = TextRunReport.uniformLoss(result);
      double last = TextRunReport.meanOfLast(result, 10);
      md.append(String.format(Locale.ROOT,
          "| %s | %s (ebook %d) | %,d | %,d | %,d | %.1f | %.1f | %.1f | %.0f%% | %.2f | %,.0f |%n",
          result.spec().run(), result.spec().title(), result.spec().ebook(),
          result.textTokens(), result.vocabulary().size(), result.losses().length,
          result.losses()[0], uniform, last, 100 * last / uniform, result.seconds(),
          result.spec().originalSeconds()));
    }
    md.append('\n');

    if (settings.epochMode()) {
      md.append("Mean loss per token after each pass (training text: the first 90%;"
          + " held-out text: the last 10%):\n\n");
      md.append("| run | epoch | training | held out |\n| --- | ---: | ---: | ---: |\n");
      for (TextRunResult result : results) {
        for (int e = 0; e < result.validationLosses().length; e++) {
          md.append(String.format(Locale.ROOT, "| %s | %d | %.4f | %.4f |%n",
              result.spec().run(), e + 1, result.trainLosses()[e],
              result.validationLosses()[e]));
        }
      }
      md.append('\n');
    }

    for (TextRunResult result : results) {
      String run = result.spec().run();
      md.append("### ").append(run).append("\n\n");
      md.append("Data: `").append(result.file().getFileName()).append("` (SHA-256 ")
          .append(result.fileSha256(), 0, 16).append("...), ")
          .append(settings.stripGutenbergHeader()
              ? "Project Gutenberg header and footer removed"
              : "whole file, Project Gutenberg header and footer included")
          .append(", lower-cased; ").append(result.vocabulary().describe()).append("; ")
          .append(String.format(Locale.ROOT, "%,d", result.unknownTokens()))
          .append(" tokens of the text are unknown. Files: `").append(experiment).append('/')
          .append(run).append("-loss.csv`, `").append(experiment).append('/').append(run)
          .append("-vocabulary.txt`.\n\n");
      md.append("![").append(run).append(" loss per step](").append(experiment).append('/')
          .append(run).append("-loss.png)\n\n");
      md.append("Samples of ").append(settings.sampleLength()).append(" tokens at temperature ")
          .append(settings.temperature()).append(", each started from the first token of the"
              + " step's window and the state after the step (a line break is shown as ↵):\n\n");
      md.append("```text\n");
      for (Sample sample : result.samples()) {
        String label = sample.epoch() > 0
            ? "epoch " + sample.epoch()
            : "step " + sample.step();
        if (sample.primed()) {
          label = "primed from a zero state";
        }
        md.append(label).append(", after ").append(TextRunReport.quote(sample.start()))
            .append(": ").append(sample.text().replace("\n", "↵")).append('\n');
      }
      md.append("```\n\n");
    }
    return md.toString();
  }

  private static String settingsLine(String experiment, TextRunSettings settings) {
    return String.format(Locale.ROOT,
        "Command: `./neuralbytes reproduce %s`; seed %d; hidden %d; window %d; Adagrad lr %s;"
            + " gradients clipped to [-5, 5]; %s; samples of %d tokens at temperature %s.",
        experiment, settings.seed(), settings.hiddenSize(), settings.window(),
        settings.learningRate(),
        settings.epochMode()
            ? TextRun.count(settings.epochs(), "epoch") + " over the first 90% of each text"
            : TextRun.count(settings.steps(), "step") + ", a sample every "
                + TextRun.count(settings.sampleEvery(), "step"),
        settings.sampleLength(), settings.temperature());
  }
}
