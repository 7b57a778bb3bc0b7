package io.neuralbytes.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuralbytes.core.GradientCheck;
import io.neuralbytes.core.Parameter;
import io.neuralbytes.core.RandomSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Central-difference checks of every filter weight, filter bias, dense weight and dense bias. */
class ConvNetGradientCheckTest {

  private static final double EPSILON = 1e-5;
  private static final double TOLERANCE = 1e-6;

  /** 2 channels, 5x6 images, 3 filters of 2x3. */
  private static ConvNetConfig tiny(boolean filterBias, int classes) {
    return new ConvNetConfig(2, 5, 6, 3, 2, 3, filterBias, classes);
  }

  @Test
  void softmaxWithoutFilterBias() {
    checkOneImage(tiny(false, 4), List.of("conv.F", "dense.W", "dense.b"));
  }

  @Test
  void softmaxWithFilterBias() {
    checkOneImage(tiny(true, 4), List.of("conv.F", "conv.b", "dense.W", "dense.b"));
  }

  @Test
  void sigmoidSquaredErrorWithoutFilterBias() {
    checkOneImage(tiny(false, 1), List.of("conv.F", "dense.W", "dense.b"));
  }

  @Test
  void sigmoidSquaredErrorWithFilterBias() {
    checkOneImage(tiny(true, 1), List.of("conv.F", "conv.b", "dense.W", "dense.b"));
  }

  @Test
  void summedGradientOfSeveralImages() {
    ConvNetConfig config = tiny(true, 3);
    ConvNet model = new ConvNet(config, new RandomSource(11));
    ImageSet images = TestImages.random(config, 3, 12);
    model.zeroGrad();
    for (int n = 0; n < images.count(); n++) {
      model.accumulateGradients(images, n);
    }
    GradientCheck.Result result = GradientCheck.check(model.parameters(), () -> {
      double sum = 0.0;
      for (int n = 0; n < images.count(); n++) {
        sum += model.cost(images, n);
      }
      return sum;
    }, EPSILON);
    assertTrue(result.maxRelativeError() < TOLERANCE, result::toString);
  }

  private static void checkOneImage(ConvNetConfig config, List<String> expectedNames) {
    for (int seed = 0; seed < 3; seed++) {
      ConvNet model = new ConvNet(config, new RandomSource(seed));
      ImageSet images = TestImages.random(config, 1, 100 + seed);
      model.zeroGrad();
      model.accumulateGradients(images, 0);
      assertEquals(expectedNames, model.parameters().stream().map(Parameter::name).toList());
      assertNonZeroGradients(model);

      GradientCheck.Result result =
          GradientCheck.check(model.parameters(), () -> model.cost(images, 0), EPSILON);

      assertEquals(expectedNames, List.copyOf(result.maxRelativeErrorByParameter().keySet()));
      assertTrue(result.maxRelativeError() < TOLERANCE, result::toString);
    }
  }

  /** Guards against a check that passes because every gradient is zero. */
  private static void assertNonZeroGradients(ConvNet model) {
    for (Parameter parameter : model.parameters()) {
      double largest = 0.0;
      for (double g : parameter.grad()) {
        largest = Math.max(largest, Math.abs(g));
      }
      assertTrue(largest > 1e-6, parameter.name() + " has no gradient larger than 1e-6");
    }
  }
}
