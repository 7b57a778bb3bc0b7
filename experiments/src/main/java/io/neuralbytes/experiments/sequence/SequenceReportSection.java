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
    md.append("## ").append(experiment).append(": ").append(title).append("\n\n");
    md.append(settingsLine(settings)).append("\n\n");
    md.append("A step trains on the next window of ").append(settings.window())
        .append(" tokens and carries the hidden state to the next window. The original called"
            + " such a step an \"epoch\", so its 100 \"epochs\" are 100 steps here, about 1% of"
            + " a novel. An epoch here is a whole pass over the text. Losses are summed over"
            + " the window, so a uniform guess costs T ln V, where T is the window length (")
        .append(TextRun.count(settings.window(), "token"))
        .append(") and V the size of the vocabulary.\n\n");

    md.append("| run | novel | tokens | vocabulary | steps | first loss | uniform guess |"
        + " mean loss of the last 10 steps (all, if fewer) | that mean / uniform | seconds |"
        + " the original's seconds for 100 steps |\n");
    md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (TextRunResult result : results) {
      double uniform = TextRunReport.uniformLoss(result);
      boolean any = result.losses().length > 0;
      double last = any ? TextRunReport.meanOfLast(result) : Double.NaN;
      md.append(String.format(Locale.ROOT,
          "| %s | %s (ebook %d) | %,d | %,d | %,d | %s | %.1f | %s | %s | %.2f | %,.0f |%n",
          result.spec().run(), result.spec().title(), result.spec().ebook(),
          result.textTokens(), result.vocabulary().size(), result.losses().length,
          any ? TextRunReport.loss(result.losses()[0], 1) : "none", uniform,
          any ? TextRunReport.loss(last, 1) : "none",
          any ? TextRunReport.loss(100 * last / uniform, 0) + "%" : "none",
          result.seconds(), result.spec().originalSeconds()));
    }
    md.append('\n');
    for (TextRunResult result : results) {
      if (result.diverged()) {
        md.append(String.format(Locale.ROOT, "**%s diverged at step %d:** %s. The losses of"
                + " the %s before it are kept; its final loss in summary.json is null. A"
                + " smaller --lr avoids this.%n%n", result.spec().run(),
            result.divergence().step(), result.divergence().reason(),
            TextRun.count(result.losses().length, "step")));
      }
    }

    if (settings.epochMode()) {
      md.append("Mean loss per token after each pass (training text: the first 90%;"
          + " held-out text: the last 10%). The final loss in summary.json is the training"
          + " value of the last pass, per token, because the last window of a pass is shorter"
          + " than the others; the loss plots show the loss per token of each step for the"
          + " same reason:\n\n");
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
      appendRun(md, experiment, settings, result);
    }
    return md.toString();
  }

  /** Returns why a run drew no sample, such as a run shorter than --sample-every. */
  static String noSamplesText(TextRunSettings settings, TextRunResult result) {
    if (result.diverged()) {
      return "No samples: training stopped at step " + result.divergence().step()
          + " on a non-finite loss or gradient, before the first sample.";
    }
    return "No samples: the first sample follows step " + settings.sampleEvery()
        + " (--sample-every), and the run had only "
        + TextRun.count(result.losses().length, "step") + ".";
  }

  private static void appendRun(StringBuilder md, String experiment, TextRunSettings settings,
      TextRunResult result) {
    String run = result.spec().run();
    md.append("### ").append(run).append("\n\n");
    md.append("Data: `").append(result.file().getFileName()).append("` (SHA-256 ")
        .append(result.fileSha256(), 0, 16).append("...), ")
        .append(gutenbergText(settings, result))
        .append(", lower-cased; ").append(result.vocabulary().describe()).append("; ")
        .append(String.format(Locale.ROOT, "%,d", result.unknownTokens()))
        .append(" tokens of the text are unknown. Files: `").append(experiment).append('/')
        .append(run).append("-loss.csv`, ");
    if (!result.samples().isEmpty()) {
      md.append('`').append(experiment).append('/').append(run).append("-samples.txt`, ");
    }
    md.append('`').append(experiment).append('/').append(run).append("-vocabulary.txt`.\n\n");
    md.append("![").append(run).append(" loss per step](").append(experiment).append('/')
        .append(run).append("-loss.png)\n\n");
    if (result.samples().isEmpty()) {
      md.append(noSamplesText(settings, result)).append("\n\n");
      return;
    }
    md.append("Samples of ").append(settings.sampleLength()).append(" tokens at temperature ")
        .append(settings.temperature()).append(", each started from the first token of the"
            + " step's window and the state after the step (a line break is shown as ")
        .append(TextRunReport.LINE_BREAK).append("):\n\n");
    md.append("```text\n");
    for (Sample sample : result.samples()) {
      String label = sample.epoch() > 0
          ? "epoch " + sample.epoch()
          : "step " + sample.step();
      if (sample.primed()) {
        label = "primed from a zero state";
      }
      md.append(label).append(", after ").append(TextRunReport.quote(sample.start()))
          .append(": ").append(TextRunReport.showLineBreaks(sample.text())).append('\n');
    }
    md.append("```\n\n");
  }

  /** Says whether the Project Gutenberg header and footer were really removed. */
  static String gutenbergText(TextRunSettings settings, TextRunResult result) {
    if (!settings.stripGutenbergHeader()) {
      return "whole file, Project Gutenberg header and footer included"
          + " (--keep-gutenberg-header)";
    }
    if (result.headerStripped() && result.footerStripped()) {
      return "Project Gutenberg header and footer removed";
    }
    if (result.headerStripped()) {
      return "Project Gutenberg header removed; no END line found, so the footer is kept";
    }
    if (result.footerStripped()) {
      return "Project Gutenberg footer removed; no START line found, so the header is kept";
    }
    return "whole file: no Project Gutenberg START or END line found, so nothing was removed";
  }

  private static String settingsLine(TextRunSettings settings) {
    return String.format(Locale.ROOT,
        "Seed %d; hidden %d; window %d; Adagrad lr %s; gradients clipped to [-5, 5]; %s;"
            + " samples of %s at temperature %s.",
        settings.seed(), settings.hiddenSize(), settings.window(),
        settings.learningRate(),
        settings.epochMode()
            ? TextRun.count(settings.epochs(), "epoch") + " over the first 90% of each text"
            : TextRun.count(settings.steps(), "step") + ", a sample every "
                + TextRun.count(settings.sampleEvery(), "step"),
        TextRun.count(settings.sampleLength(), "token"), settings.temperature());
  }
}
