package io.neuralbytes.benchmarks;

import io.neuralbytes.core.ArrayProducts;
import io.neuralbytes.core.Initializers;
import io.neuralbytes.core.RandomSource;
import io.neuralbytes.core.UpdateKernels;
import io.neuralbytes.core.WorkerPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Core's kernels on the exact shapes of the sequence models' training step (window L = 50,
 * padded to 56 columns, hidden H = 128, vocabulary 256 or 5,000), one thread:
 *
 * <ul>
 *   <li>{@code recurrence}: one step's matrix-vector product h W, 1 x 128 times 128 x 128
 *       (RNN, and the LSTM backward, once per gate) and 128 x 512 (LSTM forward), and
 *       1 x 512 times 512 x 128 (the four backward products as one, over a stacked copy
 *       of the W_q, which the LSTM no longer makes);
 *   <li>{@code logits}: Z += V H, vocabulary x 128 times 128 x 56;
 *   <li>{@code hiddenGradient}: dH = dY^T V, 50 x vocabulary times vocabulary x 128;
 *   <li>{@code outputGradient}: dV = dY H^T, vocabulary x 50 times 50 x 128;
 *   <li>{@code adagrad}: clipping and one Adagrad step over the vocabulary x 128 values of V.
 * </ul>
 *
 * Run with {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main
 * SequenceKernelBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector",
        "-XX:ObjectAlignmentInBytes=64"})
public class SequenceKernelBenchmark {

    private static final int L = 50;
    private static final int LP = 56;
    private static final int H = 128;

    /** One step of a recurrence: h W for h of length k and W k x m. */
    @State(Scope.Thread)
    public static class Recurrence {

        /** W's shape, "k x m". */
        @Param({"128x128", "128x512", "512x128"})
        public String shape;

        int k;
        int m;
        double[] h;
        double[] W;
        double[] hW;

        @Setup(Level.Trial)
        public void setUp() {
            RandomSource rng = new RandomSource(1);
            String[] km = shape.split("x");
            k = Integer.parseInt(km[0]);
            m = Integer.parseInt(km[1]);
            h = random(k, rng);
            W = random(k * m, rng);
            hW = new double[m];
        }
    }

    /** The output layer of a window: V is vocab x H, the hidden states L x H. */
    @State(Scope.Thread)
    public static class Output {

        @Param({"256", "5000"})
        public int vocab;

        double[] V;
        double[] hiddenT;
        double[] hs;
        double[] logits;
        double[] dHidden;
        double[] dV;
        double[] g;
        double[] memory;

        @Setup(Level.Trial)
        public void setUp() {
            RandomSource rng = new RandomSource(2);
            V = random(vocab * H, rng);
            hiddenT = random(H * LP, rng);
            hs = random(L * H, rng);
            logits = random(vocab * LP, rng);
            dHidden = new double[L * H];
            dV = new double[vocab * H];
            g = random(vocab * H, rng);
            memory = new double[vocab * H];
        }
    }

    private static double[] random(int length, RandomSource rng) {
        double[] values = new double[length];
        Initializers.uniform(values, -1.0, 1.0, rng);
        return values;
    }

    @Benchmark
    public double[] recurrence(Recurrence step) {
        ArrayProducts.multiplyAdd(step.h, 0, step.k, step.W, 0, step.m, step.hW, 0, step.m, 1,
                step.k, step.m);
        return step.hW;
    }

    @Benchmark
    public double[] logits(Output layer) {
        ArrayProducts.multiplyAdd(layer.V, 0, H, layer.hiddenT, 0, LP, layer.logits, 0, LP,
                layer.vocab, H, LP);
        return layer.logits;
    }

    @Benchmark
    public double[] hiddenGradient(Output layer) {
        ArrayProducts.multiplyTransA(WorkerPool.SERIAL, layer.logits, 0, LP, layer.V, 0, H,
                layer.dHidden, 0, H, L, layer.vocab, H);
        return layer.dHidden;
    }

    @Benchmark
    public double[] outputGradient(Output layer) {
        ArrayProducts.multiply(WorkerPool.SERIAL, layer.logits, 0, LP, layer.hs, 0, H, layer.dV,
                0, H, layer.vocab, L, H);
        return layer.dV;
    }

    @Benchmark
    public double[] adagrad(Output layer) {
        // Each call changes V and the memory a little, but the cost does not depend on values.
        UpdateKernels.clipAndAdagrad(layer.V, layer.g, layer.memory, 0, layer.vocab * H, 5.0,
                0.1, 1e-8);
        return layer.V;
    }
}
