package io.neuralbytes.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuralbytes.core.Parameter;
import io.neuralbytes.core.ProgressListener;
import io.neuralbytes.core.RandomSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvNetTrainerTest {

  private static final ConvNetConfig BARS = new ConvNetConfig(1, 6, 6, 4, 3, 3, true, 2);

  @Test
  void learnsToTellBarsApart() {
    ImageSet train = TestImages.bars(40, 1);
    ImageSet test = TestImages.bars(40, 2);
    ConvNet model = new ConvNet(BARS, new RandomSource(3));

    TrainingHistory history = ConvNetTrainer.train(model, train,
        new TrainingSettings(40, 0.05, 1, true), new RandomSource(4), ProgressListener.NONE);

    assertFalse(history.diverged());
    assertEquals(40, history.epochs());
    assertTrue(history.costAtEpoch(1) > 0.6, "first epoch " + history.costAtEpoch(1));
    assertTrue(history.finalCost() < 0.05, "last epoch " + history.finalCost());
    assertEquals(1.0, Evaluation.of(model, test).accuracy());
  }

  @Test
  void miniBatchesLearnBarsToo() {
    ConvNet model = new ConvNet(BARS, new RandomSource(3));

    TrainingHistory history = ConvNetTrainer.train(model, TestImages.bars(40, 1),
        new TrainingSettings(200, 0.2, 4, true), new RandomSource(4), ProgressListener.NONE);

    assertTrue(history.finalCost() < 0.05, "last epoch " + history.finalCost());
    assertEquals(1.0, Evaluation.of(model, TestImages.bars(40, 2)).accuracy());
  }

  @Test
  void sigmoidOutputLearnsBarsToo() {
    ConvNetConfig config = new ConvNetConfig(1, 6, 6, 4, 3, 3, false, 1);
    ImageSet train = TestImages.bars(40, 1);
    ConvNet model = new ConvNet(config, new RandomSource(3));

    TrainingHistory history = ConvNetTrainer.train(model, train,
        new TrainingSettings(60, 0.1, 1, false), new RandomSource(4), ProgressListener.NONE);

    assertTrue(history.costAtEpoch(1) > 0.1, "first epoch " + history.costAtEpoch(1));
    assertTrue(history.finalCost() < 0.02, "last epoch " + history.finalCost());
    assertEquals(1.0, Evaluation.of(model, TestImages.bars(40, 2)).accuracy());
  }

  @Test
  void epochCostAveragesImageCosts() {
    ConvNetConfig config = new ConvNetConfig(1, 4, 4, 2, 2, 2, false, 3);
    ImageSet images = TestImages.random(config, 5, 1);
    ConvNet trained = new ConvNet(config, new RandomSource(2));
    ConvNet manual = new ConvNet(config, new RandomSource(2));

    TrainingHistory history = ConvNetTrainer.train(trained, images,
        new TrainingSettings(2, 0.1, 1, false), new RandomSource(0), ProgressListener.NONE);

    for (int epoch = 1; epoch <= 2; epoch++) {
      double sum = 0.0;
      for (int n = 0; n < images.count(); n++) {
        sum += manual.trainSgd(images, n, 0.1);
      }
      assertEquals(sum / images.count(), history.costAtEpoch(epoch), 1e-15);
    }
    assertSameWeights(manual, trained);
  }

  @Test
  void miniBatchStepUsesMeanGradient() {
    ConvNetConfig config = new ConvNetConfig(2, 4, 5, 2, 2, 3, true, 3);
    ImageSet images = TestImages.random(config, 5, 6);
    ConvNet trained = new ConvNet(config, new RandomSource(7));
    ConvNet manual = new ConvNet(config, new RandomSource(7));
    double lr = 0.2;

    // Five images in batches of two: updates on images {0, 1}, {2, 3} and then {4} alone.
    TrainingHistory history = ConvNetTrainer.train(trained, images,
        new TrainingSettings(1, lr, 2, false), new RandomSource(0), ProgressListener.NONE);

    double costSum = 0.0;
    for (int[] batch : new int[][] {{0, 1}, {2, 3}, {4}}) {
      manual.zeroGrad();
      for (int n : batch) {
        costSum += manual.accumulateGradients(images, n);
      }
      for (Parameter parameter : manual.parameters()) {
        for (int i = 0; i < parameter.size(); i++) {
          parameter.value()[i] -= lr * (parameter.grad()[i] / batch.length);
        }
      }
    }
    assertSameWeights(manual, trained);
    assertEquals(costSum / 5, history.finalCost(), 1e-15);
  }

  @Test
  void shuffledOrderIsReproducibleFromSeed() {
    ImageSet images = TestImages.bars(12, 5);
    TrainingSettings shuffled = new TrainingSettings(3, 0.05, 1, true);
    ConvNet first = new ConvNet(BARS, new RandomSource(1));
    ConvNet second = new ConvNet(BARS, new RandomSource(1));
    ConvNet otherSeed = new ConvNet(BARS, new RandomSource(1));
    ConvNet fixed = new ConvNet(BARS, new RandomSource(1));

    TrainingHistory a = ConvNetTrainer.train(first, images, shuffled, new RandomSource(9),
        ProgressListener.NONE);
    TrainingHistory b = ConvNetTrainer.train(second, images, shuffled, new RandomSource(9),
        ProgressListener.NONE);
    TrainingHistory c = ConvNetTrainer.train(otherSeed, images, shuffled, new RandomSource(10),
        ProgressListener.NONE);
    TrainingHistory d = ConvNetTrainer.train(fixed, images,
        new TrainingSettings(3, 0.05, 1, false), new RandomSource(9), ProgressListener.NONE);

    assertArrayEquals(a.epochCosts(), b.epochCosts(), 0.0);
    assertSameWeights(first, second);
    assertFalse(a.finalCost() == c.finalCost(), "another seed gave the same cost");
    assertFalse(a.finalCost() == d.finalCost(), "the fixed order gave the same cost");
  }

  @Test
  void fixedOrderLeavesRandomSourceUntouched() {
    RandomSource rng = new RandomSource(5);
    ConvNetTrainer.train(new ConvNet(BARS, new RandomSource(1)), TestImages.bars(4, 1),
        new TrainingSettings(2, 0.1, 1, false), rng, ProgressListener.NONE);
    assertEquals(new RandomSource(5).nextDouble(), rng.nextDouble(), 0.0);
  }

  @Test
  void stopsOnNonFiniteCost() {
    ImageSet images = TestImages.bars(10, 1);
    images.pixels()[images.offset(3)] = Double.NaN;
    ConvNet model = new ConvNet(BARS, new RandomSource(1));
    List<Double> reported = new ArrayList<>();

    TrainingHistory history = ConvNetTrainer.train(model, images,
        new TrainingSettings(5, 0.1, 1, false), new RandomSource(0),
        (done, total, cost) -> reported.add(cost));

    assertTrue(history.diverged());
    assertEquals(1, history.epochs());
    assertTrue(Double.isNaN(history.finalCost()));
    assertFalse(Double.isFinite(history.finalCost()));
    assertEquals(1, reported.size());
  }

  @Test
  void keepsFiniteEpochsBeforeDivergence() {
    ImageSet images = TestImages.bars(10, 1);
    ConvNet model = new ConvNet(BARS, new RandomSource(1));
    // The set stores its array, so a NaN written after epoch 2 reaches epoch 3.
    ProgressListener breakAfterSecondEpoch = (done, total, cost) -> {
      if (done == 2) {
        images.pixels()[images.offset(7) + 5] = Double.NaN;
      }
    };

    TrainingHistory history = ConvNetTrainer.train(model, images,
        new TrainingSettings(6, 0.1, 1, false), new RandomSource(0), breakAfterSecondEpoch);

    assertTrue(history.diverged());
    assertEquals(3, history.epochs());
    assertTrue(Double.isFinite(history.costAtEpoch(1)));
    assertTrue(Double.isFinite(history.costAtEpoch(2)));
    assertTrue(Double.isNaN(history.costAtEpoch(3)));
  }

  @Test
  void reportsProgressEveryEpoch() {
    List<String> calls = new ArrayList<>();
    TrainingHistory history = ConvNetTrainer.train(new ConvNet(BARS, new RandomSource(1)),
        TestImages.bars(6, 1), new TrainingSettings(3, 0.1, 2, false), new RandomSource(0),
        (done, total, cost) -> calls.add(done + "/" + total + " " + cost));
    assertEquals(List.of(
        "1/3 " + history.costAtEpoch(1),
        "2/3 " + history.costAtEpoch(2),
        "3/3 " + history.costAtEpoch(3)), calls);
  }

  @Test
  void rejectsBadSettingsAndData() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new TrainingSettings(0, 0.1, 1, false));
    assertTrue(error.getMessage().contains("epochs"), error.getMessage());
    error = assertThrows(IllegalArgumentException.class,
        () -> new TrainingSettings(1, Double.NaN, 1, false));
    assertTrue(error.getMessage().contains("learning rate"), error.getMessage());
    assertTrue(error.getMessage().contains("NaN"), error.getMessage());
    error = assertThrows(IllegalArgumentException.class,
        () -> new TrainingSettings(1, 0.1, 0, false));
    assertTrue(error.getMessage().contains("batch size"), error.getMessage());

    ConvNet model = new ConvNet(BARS, new RandomSource(1));
    error = assertThrows(IllegalArgumentException.class, () -> ConvNetTrainer.train(model,
        TestImages.bars(4, 1), new TrainingSettings(1, 0.1, 5, false), new RandomSource(0),
        ProgressListener.NONE));
    assertEquals("batch size must be at most the 4 training images, got 5", error.getMessage());
  }

  @Test
  void rejectsBadLabelBeforeAnyUpdate() {
    ImageSet images = TestImages.bars(4, 1);
    images.labels()[3] = 2;
    ConvNet model = new ConvNet(BARS, new RandomSource(1));
    double[] before = model.dense().weights().value().clone();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ConvNetTrainer.train(model, images, TrainingSettings.original(),
            new RandomSource(0), ProgressListener.NONE));

    assertEquals("label of image 3 must be below 2 for a network with 2 output units, got 2",
        error.getMessage());
    assertArrayEquals(before, model.dense().weights().value(), 0.0);
  }

  @Test
  void evaluationCountsConfusion() {
    ConvNet model = new ConvNet(BARS, new RandomSource(1));
    ImageSet images = TestImages.bars(9, 3);
    Evaluation evaluation = Evaluation.of(model, images);
    int correct = 0;
    int[][] expected = new int[2][2];
    for (int n = 0; n < images.count(); n++) {
      int predicted = model.predict(images, n).label();
      expected[images.label(n)][predicted]++;
      correct += predicted == images.label(n) ? 1 : 0;
    }
    assertArrayEquals(expected, evaluation.confusion());
    assertEquals(9, evaluation.count());
    assertEquals(correct, evaluation.correct());
    assertEquals(correct / 9.0, evaluation.accuracy(), 1e-15);
  }

  private static void assertSameWeights(ConvNet expected, ConvNet actual) {
    for (int q = 0; q < expected.parameters().size(); q++) {
      assertArrayEquals(expected.parameters().get(q).value(), actual.parameters().get(q).value(),
          1e-15, expected.parameters().get(q).name());
    }
  }
}
