package io.neuralbytes.experiments.sequence;

import java.util.List;
import picocli.CommandLine.Command;

/** {@code reproduce lstm}: the LSTM on characters and on words. */
@Command(name = "lstm", mixinStandardHelpOptions = true, usageHelpWidth = 100,
    description = {"Train the LSTM as the original did: on characters of The Mysterious"
        + " Island and on words of From the Earth to the Moon; hidden 128, windows of 50"
        + " tokens, Adagrad lr 0.01, 100 steps, samples of 40 tokens every 20 steps."})
public final class LstmExperiment extends SequenceExperiment {

  @Override
  public String name() {
    return "lstm";
  }

  @Override
  List<TextRunSpec> runs() {
    return TextRunSpec.lstmRuns();
  }

  @Override
  String title() {
    return "LSTM, character and word language models";
  }
}
