package tearnn.train;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Threads that run the shares of one step side by side: {@link #run} hands share i to thread i (share
 * 0 to the caller) and returns when all are done. A step of a small model takes a fraction of a
 * millisecond, so the threads wait for the next step spinning for a few microseconds before they
 * sleep, and the hand-off costs about as much as a cache line crossing between cores.
 */
final class ShareThreads {
    /** Spins before sleeping: about 20 microseconds. */
    private static final int SPINS = 20_000;

    private final Thread[] threads;
    private final Thread[] waiting = new Thread[1];
    private final AtomicInteger pending = new AtomicInteger();
    private volatile int generation;
    private volatile boolean closed;
    private volatile IntConsumer work;
    private volatile int shares;
    private final RuntimeException[] failures;

    /** {@code n - 1} threads beside the caller's (daemons: they never hold up a program's end). */
    ShareThreads(int n) {
        threads = new Thread[n - 1];
        failures = new RuntimeException[n];
        for (int i = 0; i < threads.length; i++) {
            int share = i + 1;
            threads[i] = new Thread(() -> loop(share), "tearnn-share-" + share);
            threads[i].setDaemon(true);
            threads[i].start();
        }
    }

    /**
     * Runs {@code work.accept(i)} for shares i in [0, n), share 0 on the calling thread; returns once
     * all are done. A share that throws makes this throw (the first share's failure first).
     */
    void run(IntConsumer work, int n) {
        if (n - 1 > threads.length) {
            throw new IllegalArgumentException(n + " shares for " + (threads.length + 1) + " threads");
        }
        this.work = work;
        this.shares = n;
        java.util.Arrays.fill(failures, null);
        pending.set(n - 1);
        waiting[0] = Thread.currentThread();
        generation++;
        for (int i = 0; i < n - 1; i++) {
            LockSupport.unpark(threads[i]);
        }
        try {
            work.accept(0);
        } catch (RuntimeException e) {
            failures[0] = e;
        }
        int spins = 0;
        while (pending.get() > 0) {
            if (++spins < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        for (RuntimeException e : failures) {
            if (e != null) {
                throw e;
            }
        }
    }

    private void loop(int share) {
        int seen = 0;
        while (true) {
            int spins = 0;
            while (generation == seen && !closed) {
                if (++spins < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = generation;
            if (share < shares) {
                try {
                    work.accept(share);
                } catch (RuntimeException e) {
                    failures[share] = e;
                }
                if (pending.decrementAndGet() == 0) {
                    LockSupport.unpark(waiting[0]);
                }
            }
        }
    }

    /** Stops the threads. */
    void close() {
        closed = true;
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
    }
}
