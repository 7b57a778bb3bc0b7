package io.neuralbytes.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    @Test
    void runAlongsideCoversEveryIndexOnce() {
        for (int threads = 1; threads <= 3; threads++) {
            for (int n : new int[] {0, 1, 7, 8, 9, 100, 1000}) {
                AtomicIntegerArray visits = new AtomicIntegerArray(n);
                AtomicReference<Thread> ranAlongside = new AtomicReference<>();
                WorkerPool.shared(threads).runAlongside(
                        () -> ranAlongside.set(Thread.currentThread()), n, 8, (from, to) -> {
                            for (int i = from; i < to; i++) {
                                visits.incrementAndGet(i);
                            }
                        });
                String where = n + " indices on " + threads + " threads";
                assertEquals(Thread.currentThread(), ranAlongside.get(), where);
                for (int i = 0; i < n; i++) {
                    assertEquals(1, visits.get(i), "index " + i + ", " + where);
                }
            }
        }
    }

    @Test
    void chunksStartAtMultiplesOfTheChunkSize() {
        AtomicIntegerArray starts = new AtomicIntegerArray(3);
        WorkerPool.shared(2).runAlongside(() -> { }, 20, 8, (from, to) -> {
            assertEquals(0, from % 8, "chunk start " + from);
            assertEquals(Math.min(20, from + 8), to, "end of the chunk from " + from);
            starts.incrementAndGet(from / 8);
        });
        for (int c = 0; c < 3; c++) {
            assertEquals(1, starts.get(c), "chunk " + c);
        }
    }

    @Test
    void serialPoolRunsAlongsideFirst() {
        StringBuilder order = new StringBuilder();
        WorkerPool.SERIAL.runAlongside(() -> order.append("alongside;"), 20, 8,
                (from, to) -> order.append(from).append("-").append(to).append(";"));
        assertEquals("alongside;0-20;", order.toString());
    }

    @Test
    void workersRunChunksDuringAlongside() {
        // The caller waits inside alongside until another thread has run a chunk.
        WorkerPool pool = WorkerPool.shared(2);
        AtomicReference<Thread> ranChunk = new AtomicReference<>();
        pool.runAlongside(() -> {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (ranChunk.get() == null && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }, 1, 1, (from, to) -> ranChunk.set(Thread.currentThread()));
        assertNotEquals(Thread.currentThread(), ranChunk.get());
    }

    @Test
    void runAlongsidePassesOnExceptions() {
        WorkerPool pool = WorkerPool.shared(2);

        IllegalStateException ofChunk = assertThrows(IllegalStateException.class,
                () -> pool.runAlongside(() -> { }, 100, 10, (from, to) -> {
                    if (from == 50) {
                        throw new IllegalStateException("chunk from " + from);
                    }
                }));
        IllegalArgumentException ofAlongside = assertThrows(IllegalArgumentException.class,
                () -> pool.runAlongside(() -> {
                    throw new IllegalArgumentException("alongside");
                }, 100, 10, (from, to) -> { }));

        assertEquals("chunk from 50", ofChunk.getMessage());
        assertEquals("alongside", ofAlongside.getMessage());
        // The pool still works after both.
        AtomicIntegerArray visits = new AtomicIntegerArray(1);
        pool.runAlongside(() -> { }, 1, 1, (from, to) -> visits.incrementAndGet(0));
        assertEquals(1, visits.get(0));
    }

    @Test
    void nestedLoopsRunInline() {
        WorkerPool pool = WorkerPool.shared(2);
        AtomicIntegerArray visits = new AtomicIntegerArray(400);
        WorkerPool.RangeTask inner = (from, to) -> {
            for (int i = from; i < to; i++) {
                visits.incrementAndGet(i);
            }
        };

        // Without running inline, a worker would wait for the pool forever: fail after 10 s.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            pool.runAlongside(() -> pool.forRanges(100, 4, inner), 2, 1,
                    (from, to) -> pool.forRanges(100, 4, (f, t) -> inner.run(100 + from * 100 + f,
                            100 + from * 100 + t)));
            pool.forRanges(2, 1, (from, to) -> pool.runAlongside(() -> { }, 50, 10,
                    (f, t) -> inner.run(300 + from * 50 + f, 300 + from * 50 + t)));
        });

        for (int i = 0; i < 400; i++) {
            assertEquals(1, visits.get(i), "index " + i);
        }
    }

    @Test
    void runAlongsideRejectsInvalidSizes() {
        WorkerPool pool = WorkerPool.shared(2);

        assertThrows(IllegalArgumentException.class,
                () -> pool.runAlongside(() -> { }, -1, 1, (f, t) -> { }));
        assertThrows(IllegalArgumentException.class,
                () -> pool.runAlongside(() -> { }, 10, 0, (f, t) -> { }));
    }
}
