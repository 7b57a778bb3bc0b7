package io.neuralbytes.experiments.sequence;

import io.neuralbytes.experiments.MemoryEstimate;
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

  @Override
  void addModelArrays(MemoryEstimate estimate, long H, long T) {
    // W, its gradient and Adagrad memory, and two working copies of W.
    estimate.doubles("the recurrent weights W", H, H, 5, "--hidden");
    // Hidden states, the gradients of the tanh inputs, and the output layer's copies of both.
    estimate.doubles("the hidden states of a window", T + 1, H, 4,
        "--hidden", "--window");
  }
}
