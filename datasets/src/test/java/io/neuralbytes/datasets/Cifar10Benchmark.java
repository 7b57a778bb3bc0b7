package io.neuralbytes.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times reading all six CIFAR-10 files of a data folder in a warm JVM. Not a test: Surefire
 * runs only classes named like {@code *Test}, so this runs only by hand:
 *
 * <pre>
 * mvn -B -o -q -pl datasets test-compile
 * java -cp datasets/target/classes:datasets/target/test-classes:$(ls ~/.m2/repository/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar) \
 *     io.neuralbytes.datasets.Cifar10Benchmark "$NEURALBYTES_DATA"
 * </pre>
 *
 * Without an argument it reads the data folder chosen by DataDirectory. It prints the median and minimum of 50
 * timed rounds after 20 warm-up rounds.
 */
public final class Cifar10Benchmark {

    private static final int WARM_UP_ROUNDS = 20;
    private static final int TIMED_ROUNDS = 50;

    private Cifar10Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = args.length > 0 ? Path.of(args[0])
                : DataDirectory.resolve(null).path();
        Cifar10 cifar = Cifar10.open(folder);
        long checksum = 0;
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            checksum += readAll(cifar);
        }
        double[] millis = new double[TIMED_ROUNDS];
        for (int round = 0; round < TIMED_ROUNDS; round++) {
            long start = System.nanoTime();
            checksum += readAll(cifar);
            millis[round] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("read 6 CIFAR-10 files from %s: median %.1f ms, min %.1f ms"
                + " over %d rounds (checksum %d)%n", cifar.folder(), millis[TIMED_ROUNDS / 2],
                millis[0], TIMED_ROUNDS, checksum);
    }

    /** Reads every file into memory and returns the sum of labels, so no read is skipped. */
    private static long readAll(Cifar10 cifar) throws IOException {
        long sum = 0;
        for (int k = 1; k <= Cifar10.TRAIN_BATCHES; k++) {
            sum += labelSum(cifar.trainBatch(k));
        }
        return sum + labelSum(cifar.testBatch());
    }

    private static long labelSum(Cifar10Batch batch) {
        long sum = 0;
        for (int i = 0; i < batch.size(); i++) {
            sum += batch.label(i);
        }
        return sum;
    }
}
