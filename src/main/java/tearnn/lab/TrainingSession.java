package tearnn.lab;

import tearnn.file.SavedModel;
import tearnn.json.JsonObject;
import tearnn.json.JsonWriter;
import tearnn.task.TrainingRun;

/**
 * The engine side of one panel's model in training. {@link Lab} handles what every panel does the
 * same way (start, load, train, save, tune); a session adds what is its own ({@link #handle}).
 */
interface TrainingSession {
    /** Trains {@code steps} whole steps and writes the progress, their mean loss and what {@link #trained} adds. */
    default void train(int steps, JsonWriter out) {
        double loss = run().train(steps);
        progress(out);
        out.name("loss").value(loss);
        trained(out);
    }

    /** Writes how far the model has come (its step, and the examples or tokens it has seen). */
    void progress(JsonWriter out);

    /** Writes what the panel shows after steps finished (the adder: its accuracy on a sample); nothing by default. */
    default void trained(JsonWriter out) {
    }

    /** The task's run: its model, trainer and progress, and training in parts. */
    TrainingRun<?> run();

    /** Writes what the page shows after a start or a load: the model's settings and sizes. */
    void describe(JsonWriter out);

    /** How a panel's session starts: new, from the request's settings, or continuing a loaded model (not null). */
    interface Starter {
        TrainingSession start(JsonObject request, SavedModel loaded);
    }

    /**
     * One of the panel's own commands ({@code command} without the panel's prefix); {@code budget}
     * (may be null) is the time it may take, if the request gave one ({@code "ms"}).
     */
    void handle(String command, JsonObject request, Budget budget, JsonWriter out);
}
