package io.neuralbytes.experiments.sequence;

import io.neuralbytes.experiments.MemoryEstimate;
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

  @Override
  void addModelArrays(MemoryEstimate estimate, long H, long T) {
    // Each gate's W, its gradient and Adagrad memory.
    estimate.doubles("the recurrent weights of a gate", H, H, 12, "--hidden");
    // The four gates' weights side by side, in two working copies.
    estimate.doubles("the recurrent weights of the four gates", H, 4 * H, 2,
        "--hidden");
    // The gates' activations and their gradients.
    estimate.doubles("the gate activations of a window", T, 4 * H, 2, "--hidden",
        "--window");
    // Cells, tanh of the cells, hidden states, and the output layer's copies of the states.
    estimate.doubles("the hidden states of a window", T + 1, H, 5,
        "--hidden", "--window");
  }
}
