package io.neuralbytes.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuralbytes.core.Initializers;
import io.neuralbytes.core.Parameter;
import io.neuralbytes.core.RandomSource;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SamplerTest {
  private static final int V = 9;
  private static final int H = 6;

  private static SequenceModel lstm() {
    RandomSource rng = new RandomSource(21);
    Lstm lstm = new Lstm(V, H, 5, rng);
    for (Parameter p : lstm.parameters()) {
      Initializers.uniform(p.value(), -1.0, 1.0, rng);
    }
    return lstm;
  }

  @Test
  void samplesAreValidAndSeeded() {
    SequenceModel model = lstm();
    Sampler sampler = new Sampler(model);
    SequenceState state = model.newState();
    int[] first = sampler.sample(3, state, 200, 1.0, new RandomSource(5));
    int[] second = sampler.sample(3, state, 200, 1.0, new RandomSource(5));
    int[] other = sampler.sample(3, state, 200, 1.0, new RandomSource(6));

    assertEquals(200, first.length);
    assertArrayEquals(first, second);
    assertFalse(Arrays.equals(first, other));
    for (int token : first) {
      assertTrue(token >= 0, "token " + token);
      assertTrue(token < V, "token " + token);
    }
  }

  @Test
  void stateIsNotModified() {
    SequenceModel model = lstm();
    SequenceState state = model.newState();
    state.hidden()[1] = 0.25;
    state.cell()[2] = -0.5;
    SequenceState before = state.copy();
    new Sampler(model).sample(1, state, 10, 1.0, new RandomSource(1));
    assertArrayEquals(before.hidden(), state.hidden(), 0.0);
    assertArrayEquals(before.cell(), state.cell(), 0.0);
  }

  @Test
  void lstmSamplingCarriesCellState() {
    // Greedy decoding must equal feeding each argmax back through step with the full state.
    SequenceModel model = lstm();
    int[] greedy = new Sampler(model).sample(2, model.newState(), 12, 0.0, new RandomSource(1));
    SequenceState state = model.newState();
    double[] logits = new double[V];
    int token = 2;
    for (int n = 0; n < greedy.length; n++) {
      model.step(token, state, logits);
      int best = 0;
      for (int v = 1; v < V; v++) {
        best = logits[v] > logits[best] ? v : best;
      }
      assertEquals(best, greedy[n], "token " + n);
      token = best;
    }
    assertTrue(Math.abs(state.cell()[0]) > 0.0);
  }

  @Test
  void temperatureZeroTakesArgmax() {
    double[] z = {0.1, 2.0, -1.0, 2.0, 0.5};
    double[] p = new double[z.length];
    Sampler.distribution(z, 0.0, p);
    assertArrayEquals(new double[] {0, 1, 0, 0, 0}, p, 0.0);

    SequenceModel model = lstm();
    Sampler sampler = new Sampler(model);
    int[] a = sampler.sample(4, model.newState(), 30, 0.0, new RandomSource(1));
    int[] b = sampler.sample(4, model.newState(), 30, 0.0, new RandomSource(99));
    assertArrayEquals(a, b);
  }

  @Test
  void lowerTemperatureNeverRaisesEntropy() {
    RandomSource rng = new RandomSource(3);
    double[] z = new double[50];
    double[] p = new double[z.length];
    for (int trial = 0; trial < 20; trial++) {
      for (int v = 0; v < z.length; v++) {
        z[v] = rng.uniform(-5.0, 5.0);
      }
      double previous = -1.0;
      for (double temperature : new double[] {0.0, 0.05, 0.2, 0.5, 1.0, 1.5, 3.0, 10.0, 100.0}) {
        Sampler.distribution(z, temperature, p);
        double entropy = entropy(p);
        assertTrue(entropy >= previous - 1e-12,
            "entropy " + entropy + " at temperature " + temperature + " below " + previous);
        previous = entropy;
      }
      assertTrue(previous > 0.99 * Math.log(z.length), "high temperature is near uniform");
    }
  }

  private static double entropy(double[] p) {
    double h = 0.0;
    for (double q : p) {
      if (q > 0) {
        h -= q * Math.log(q);
      }
    }
    return h;
  }

  @Test
  void drawToleratesSumsOffByRounding() {
    double[] low = {0.3, 0.3, 0.39999999};
    double[] high = {0.3, 0.3, 0.40000001};
    int[] counts = new int[3];
    RandomSource rng = new RandomSource(4);
    for (int n = 0; n < 30000; n++) {
      counts[Sampler.draw(low, rng)]++;
      counts[Sampler.draw(high, rng)]++;
    }
    assertEquals(0.4, counts[2] / 60000.0, 0.01);
    assertEquals(0.3, counts[0] / 60000.0, 0.01);
    assertEquals(2, Sampler.draw(new double[] {0.0, 0.0, 1e-300}, rng));
  }

  @Test
  void drawFollowsProbabilities() {
    double[] p = {0.1, 0.0, 0.6, 0.3};
    int[] counts = new int[4];
    RandomSource rng = new RandomSource(8);
    for (int n = 0; n < 50000; n++) {
      counts[Sampler.draw(p, rng)]++;
    }
    assertEquals(0, counts[1]);
    assertEquals(0.1, counts[0] / 50000.0, 0.01);
    assertEquals(0.6, counts[2] / 50000.0, 0.01);
  }

  @Test
  void primingEqualsStartingFromPrimedState() {
    SequenceModel model = lstm();
    Sampler sampler = new Sampler(model);
    int[] primed = sampler.sample(new int[] {1, 2, 3}, 15, 0.8, new RandomSource(2));

    SequenceState state = model.newState();
    double[] logits = new double[V];
    model.step(1, state, logits);
    model.step(2, state, logits);
    int[] direct = sampler.sample(3, state, 15, 0.8, new RandomSource(2));
    assertArrayEquals(direct, primed);
  }

  @Test
  void badArgumentsRejected() {
    SequenceModel model = lstm();
    Sampler sampler = new Sampler(model);
    SequenceState state = model.newState();
    RandomSource rng = new RandomSource(1);

    IllegalArgumentException priming = assertThrows(IllegalArgumentException.class,
        () -> sampler.sample(new int[] {1, 9, 2}, 5, 1.0, rng));
    assertEquals("priming token 9 at position 1 is outside the vocabulary [0, 9)",
        priming.getMessage());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> sampler.sample(1, state, 5, -0.5, rng));
    assertEquals("temperature must be a finite number of 0 or more, got -0.5",
        negative.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> sampler.sample(1, state, 5, Double.NaN, rng));
    assertThrows(IllegalArgumentException.class,
        () -> sampler.sample(new int[0], 5, 1.0, rng));
    assertThrows(IllegalArgumentException.class, () -> sampler.sample(V, state, 5, 1.0, rng));
    assertThrows(IllegalArgumentException.class, () -> sampler.sample(1, state, -1, 1.0, rng));
    assertThrows(IllegalArgumentException.class,
        () -> Sampler.draw(new double[] {0.0, 0.0}, rng));
  }
}
