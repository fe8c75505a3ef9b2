package tearnn.lab;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the page sends a verb when several workers hold a panel's model (see {@code web/pool.js}); the
 * engine says it of every verb in its {@code describe} reply, so the page holds no list of its own.
 */
enum Verb {
    /** Starts the model: sent to every worker, each builds the same one (new, load). */
    START,
    /** Trains: a timed call is shared by the workers, each computing its share of every step. */
    TRAIN,
    /** Measures the model on held-out data: a timed call is shared by streams of the data. */
    VALIDATE,
    /** Only reads the model: the first worker answers at once, even while a step is shared. */
    READ,
    /** The first worker answers, after the shared call under way (save, tune, and the rest). */
    LEADER;

    /** The name the page reads. */
    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The verbs every training panel answers the same way (see {@link Lab}), in the order the protocol lists them. */
    static Map<String, Verb> common() {
        Map<String, Verb> m = new LinkedHashMap<>();
        m.put("new", START);
        m.put("load", START);
        m.put("train", TRAIN);
        m.put("status", READ);
        m.put("tune", LEADER);
        m.put("save", LEADER);
        return m;
    }
}
