package io.neuralbytes.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of threads that runs one loop over an index range [0, n) at a time, each thread on
 * its own contiguous part. The calling thread works on the first part itself, so a pool of one
 * thread runs everything inline and starts no thread at all.
 *
 * <p>Parts never share an index, so a loop body that writes only the outputs of its own indices
 * gives the same results for every thread count: each output is computed by one thread, in the
 * same order as with one thread. Every parallel loop in this project is written that way.
 *
 * <p>Pools are shared per thread count ({@link #shared}) and their threads are daemons that live
 * as long as the JVM. A pool runs one loop at a time: a second caller waits until the first loop
 * has finished.
 */
public final class WorkerPool {

    /** The body of a parallel loop: handles the indices [from, to). */
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to);
    }

    private static final Map<Integer, WorkerPool> SHARED = new ConcurrentHashMap<>();

    /** A pool of one thread: every loop runs inline in the caller. */
    public static final WorkerPool SERIAL = new WorkerPool(1);

    /**
     * Multiply-adds below which a loop runs on the calling thread alone ({@link #forWork}): handing
     * a part to another thread and waiting for it costs more than the part saves. Chosen from
     * {@code ./neuralbytes bench --runs rnn-char,lstm-char,rnn-word,lstm-word --threads 1,2} on
     * the 2-core build machine (load 1.2, 2026-12-04): the char runs, whose output-layer products
     * are V 257 x H 128 x T 50 = 1.6 million multiply-adds, ran 7 to 18% slower on two threads,
     * while the word runs (V 5,001: 32 million) ran 6 to 12% faster. 2^23 (8.4 million) lies between
     * the two, about a factor of 5 above the first and 4 below the second.
     */
    public static final long MIN_SPLIT_WORK = 1L << 23;

    /**
     * Nanoseconds a waiting thread stays awake before it parks. Waking a parked thread took about
     * 30 microseconds on the 2-core build machine (a virtual machine, 2026-12-04), against 0.3 for
     * one that spins. A training step calls several loops with up to a millisecond of serial work
     * between them, and with a shorter wait the threads parked at every gap, so a loop cost 30 to
     * 60 microseconds before any work was done. The price is a core kept busy for up to this long
     * after each loop.
     */
    private static final long AWAKE_NANOS = 2_000_000;
    /**
     * Nanoseconds of that wait spent spinning. After them a waiting thread yields its core at
     * each check, so that on a loaded machine the thread it waits for (or another program) can
     * run there.
     */
    private static final long SPIN_NANOS = 20_000;

    private final int threads;
    private final Worker[] workers;
    private final AtomicInteger pending = new AtomicInteger();

    private volatile Thread caller;
    private RangeTask task;
    private int size;
    private int align;
    /** True while {@link #runAlongside} runs: threads take chunks from {@link #nextChunk}. */
    private boolean chunked;
    private int chunks;
    private final AtomicInteger nextChunk = new AtomicInteger();
    private volatile Throwable failure;

    private WorkerPool(int threads) {
        this.threads = threads;
        this.workers = new Worker[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker(w + 1);
        }
    }

    /**
     * Returns the pool of {@code threads} threads, creating it on first use.
     *
     * @throws IllegalArgumentException if {@code threads} is below 1
     */
    public static WorkerPool shared(int threads) {
        Checks.requirePositive("thread count", threads);
        if (threads == 1) {
            return SERIAL;
        }
        return SHARED.computeIfAbsent(threads, WorkerPool::new);
    }

    /** Returns the number of available processors, the default thread count for "all cores". */
    public static int availableProcessors() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Returns the number of threads a loop is split over. */
    public int threads() {
        return threads;
    }

    /**
     * Returns this pool when a loop of {@code work} multiply-adds (or element operations) is
     * worth splitting (at least {@link #MIN_SPLIT_WORK}), and {@link #SERIAL} otherwise, so a small
     * loop does not pay for handing parts to other threads. Results do not depend on the choice.
     */
    public WorkerPool forWork(long work) {
        return work < MIN_SPLIT_WORK ? SERIAL : this;
    }

    /**
     * Runs {@code task} over [0, n) split into one contiguous part per thread, and returns when
     * every part is done. Part boundaries are multiples of {@code align} (except n itself), so a
     * body can work in blocks of {@code align} indices. A loop of one block or less runs inline.
     *
     * @throws IllegalArgumentException if n is negative or align is below 1
     * @throws RuntimeException         the first exception a part threw, after all parts ended
     */
    public void forRanges(int n, int align, RangeTask task) {
        if (n < 0) {
            throw new IllegalArgumentException("loop size must be at least 0, got " + n);
        }
        Checks.requirePositive("block size", align);
        if (threads == 1 || n <= align || insideLoop()) {
            // Inline, without the pool's lock: callers on different threads do not wait here.
            task.run(0, n);
            return;
        }
        split(n, align, task);
    }

    /**
     * Returns whether the current thread is inside a loop of this pool: the caller, in its part
     * or in {@code alongside}, or a worker. A loop it starts then runs inline, because the pool
     * is busy with the outer loop (a worker would wait for the lock forever).
     */
    private boolean insideLoop() {
        if (Thread.holdsLock(this)) {
            return true;
        }
        for (Worker worker : workers) {
            if (worker.thread == Thread.currentThread()) {
                return true;
            }
        }
        return false;
    }

    private synchronized void split(int n, int align, RangeTask task) {
        start(n, align, task, false);
        try {
            runPart(0);
        } finally {
            finish();
        }
        rethrowFailure();
    }

    /**
     * Runs {@code alongside} on the calling thread while the pool's other threads run
     * {@code task} over [0, n) in chunks of {@code chunk} indices, each chunk taken by whichever
     * thread is free next. Once {@code alongside} has returned, the calling thread takes chunks
     * too. Returns when both are done. On a pool of one thread, {@code alongside} runs first and
     * then {@code task} over [0, n) in one call.
     *
     * <p>This keeps the other threads busy while the caller does serial work. Which thread runs a
     * chunk changes from call to call, so results do not depend on it only if {@code task}
     * writes nothing but the outputs of its own indices and {@code alongside} touches nothing
     * that {@code task} reads or writes.
     *
     * @throws IllegalArgumentException if n is negative or chunk is below 1
     * @throws RuntimeException         the first exception {@code alongside} or a chunk threw,
     *                                  after all chunks ended
     */
    public void runAlongside(Runnable alongside, int n, int chunk, RangeTask task) {
        if (n < 0) {
            throw new IllegalArgumentException("loop size must be at least 0, got " + n);
        }
        Checks.requirePositive("chunk size", chunk);
        if (threads == 1 || n == 0 || insideLoop()) {
            alongside.run();
            task.run(0, n);
            return;
        }
        runChunksAlongside(alongside, n, chunk, task);
    }

    private synchronized void runChunksAlongside(Runnable alongside, int n, int chunk,
            RangeTask task) {
        start(n, chunk, task, true);
        try {
            alongside.run();
            takeChunks();
        } catch (Throwable t) {
            // Hand out no more chunks. The workers finish the chunks they have taken.
            nextChunk.set(chunks);
            throw t;
        } finally {
            finish();
        }
        rethrowFailure();
    }

    /** Publishes a loop to the workers and wakes them. */
    private void start(int n, int align, RangeTask task, boolean chunked) {
        this.task = task;
        this.size = n;
        this.align = align;
        this.chunked = chunked;
        this.chunks = (int) (((long) n + align - 1) / align);
        this.failure = null;
        this.caller = Thread.currentThread();
        nextChunk.set(0);
        pending.set(workers.length);
        for (Worker worker : workers) {
            worker.start();
        }
    }

    private void finish() {
        awaitWorkers();
        this.task = null;
    }

    private void rethrowFailure() {
        Throwable thrown = failure;
        if (thrown instanceof RuntimeException) {
            throw (RuntimeException) thrown;
        }
        if (thrown instanceof Error) {
            throw (Error) thrown;
        }
    }

    /** Runs chunk after chunk of the current loop until none is left. */
    private void takeChunks() {
        for (int c = nextChunk.getAndIncrement(); c < chunks; c = nextChunk.getAndIncrement()) {
            int from = c * align;
            task.run(from, from + Math.min(align, size - from));
        }
    }

    private void runPart(int part) {
        int blocks = (size + align - 1) / align;
        int from = Math.min(size, (int) ((long) blocks * part / threads) * align);
        int to = Math.min(size, (int) ((long) blocks * (part + 1) / threads) * align);
        if (from < to) {
            task.run(from, to);
        }
    }

    private void awaitWorkers() {
        long waitStart = System.nanoTime();
        while (pending.get() > 0) {
            idle(waitStart);
        }
    }

    /** Waits a little, in the way that suits a wait that began at {@code waitStart}. */
    private void idle(long waitStart) {
        long waited = System.nanoTime() - waitStart;
        if (waited < SPIN_NANOS) {
            Thread.onSpinWait();
        } else if (waited < AWAKE_NANOS) {
            Thread.yield();
        } else {
            LockSupport.park(this);
        }
    }

    /** One pool thread; waits for a new loop, runs its part, and reports back. */
    private final class Worker implements Runnable {
        private final int part;
        private final Thread thread;
        private volatile long generation;

        Worker(int part) {
            this.part = part;
            this.thread = new Thread(this, "neuralbytes-worker-" + threads + "-" + part);
            this.thread.setDaemon(true);
            this.thread.start();
        }

        void start() {
            generation++;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            long done = 0;
            while (true) {
                long waitStart = System.nanoTime();
                while (generation == done) {
                    idle(waitStart);
                }
                done = generation;
                try {
                    if (chunked) {
                        takeChunks();
                    } else {
                        runPart(part);
                    }
                } catch (Throwable t) {
                    nextChunk.set(chunks);
                    failure = t;
                } finally {
                    if (pending.decrementAndGet() == 0) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        }
    }
}
