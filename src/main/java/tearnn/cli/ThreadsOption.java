package tearnn.cli;

/**
 * {@code --threads N}: how many threads compute each training step's gradient, by shares of the
 * batch (see {@link tearnn.train.DataParallel}); by default as many as the machine has processors.
 */
final class ThreadsOption {
    static final int MAX = 256;

    private ThreadsOption() {
    }

    static int read(Args a) {
        int processors = Runtime.getRuntime().availableProcessors();
        int n = a.integer("threads", processors);
        if (n < 1 || n > MAX) {
            throw new IllegalArgumentException("--threads must be from 1 to " + MAX + ", got " + n
                    + " (this machine has " + processors + " processors)");
        }
        return n;
    }
}
