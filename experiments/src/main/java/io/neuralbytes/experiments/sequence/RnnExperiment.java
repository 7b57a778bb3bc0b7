package io.neuralbytes.experiments.sequence;

import java.util.List;
import picocli.CommandLine.Command;

/** {@code reproduce rnn}: the vanilla RNN on characters and on words. */
@Command(name = "rnn", mixinStandardHelpOptions = true, usageHelpWidth = 100,
    description = {"Train the vanilla RNN as the original did: on characters of Around the"
        + " World in Eighty Days and on words of The Master of the World; hidden 128,"
        + " windows of 50 tokens, Adagrad lr 0.01, 100 steps, samples of 40 tokens every 20"
        + " steps."})
public final class RnnExperiment extends SequenceExperiment {

  @Override
  public String name() {
    return "rnn";
  }

  @Override
  List<TextRunSpec> runs() {
    return TextRunSpec.rnnRuns();
  }

  @Override
  String title() {
    return "vanilla RNN, character and word language models";
  }
}
