package io.neuralbytes.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RandomSourceTest {

    @Test
    void sameSeedGivesSameStream() {
        assertArrayEquals(draw(new RandomSource(42), 50), draw(new RandomSource(42), 50));
    }

    @Test
    void seedZeroIsOrdinary() {
        double[] zero = draw(new RandomSource(0), 50);

        assertArrayEquals(zero, draw(new RandomSource(0), 50));
        assertFalse(Arrays.equals(zero, draw(new RandomSource(1), 50)));
        // An ordinary stream: not constant, and spread over [0, 1).
        assertEquals(50, Arrays.stream(zero).distinct().count());
        assertTrue(Arrays.stream(zero).min().getAsDouble() < 0.2);
        assertTrue(Arrays.stream(zero).max().getAsDouble() > 0.8);
    }

    @Test
    void uniformStaysInRange() {
        RandomSource rng = new RandomSource(3);
        double sum = 0;
        for (int i = 0; i < 10_000; i++) {
            double u = rng.uniform(-0.1, 0.1);
            assertTrue(u >= -0.1, "got " + u);
            assertTrue(u < 0.1, "got " + u);
            sum += u;
        }
        assertEquals(0.0, sum / 10_000, 0.005);
    }

    @Test
    void uniformRejectsEmptyRange() {
        RandomSource rng = new RandomSource(3);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rng.uniform(1, 1));
        assertTrue(e.getMessage().contains("[1.0, 1.0)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> rng.uniform(0, Double.NaN));
    }

    @Test
    void nextIntCoversBound() {
        RandomSource rng = new RandomSource(5);
        int[] counts = new int[3];
        for (int i = 0; i < 3000; i++) {
            counts[rng.nextInt(3)]++;
        }
        for (int count : counts) {
            assertEquals(1000, count, 100, Arrays.toString(counts));
        }
        assertThrows(IllegalArgumentException.class, () -> rng.nextInt(0));
    }

    @Test
    void shuffleIsPermutationAndReproducible() {
        int[] first = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        int[] second = first.clone();

        new RandomSource(7).shuffle(first);
        new RandomSource(7).shuffle(second);

        assertArrayEquals(first, second);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
                Arrays.stream(first).sorted().toArray());
        assertFalse(Arrays.equals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, first));
    }

    @Test
    void splitIsDeterministicAndIndependent() {
        RandomSource parentA = new RandomSource(9);
        RandomSource parentB = new RandomSource(9);
        RandomSource childA = parentA.split();
        RandomSource childB = parentB.split();

        assertArrayEquals(draw(childA, 20), draw(childB, 20));
        assertArrayEquals(draw(parentA, 20), draw(parentB, 20));
        assertNotEquals(draw(parentA, 1)[0], draw(parentA.split(), 1)[0]);
    }

    @Test
    void sampleIndexFollowsWeights() {
        RandomSource rng = new RandomSource(4);
        double[] p = {0.0, 0.25, 0.75};
        int[] counts = new int[3];
        for (int i = 0; i < 4000; i++) {
            counts[rng.sampleIndex(p)]++;
        }

        assertEquals(0, counts[0]);
        assertEquals(1000, counts[1], 100);
        assertEquals(3000, counts[2], 100);
    }

    @Test
    void sampleIndexRejectsBadWeights() {
        RandomSource rng = new RandomSource(4);

        assertThrows(IllegalArgumentException.class, () -> rng.sampleIndex(new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> rng.sampleIndex(new double[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rng.sampleIndex(new double[] {0.5, Double.NaN}));
        assertTrue(e.getMessage().contains("p[1] is NaN"), e.getMessage());
    }

    private static double[] draw(RandomSource rng, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = rng.nextDouble();
        }
        return values;
    }
}
