package tearnn.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tearnn.bench.Timing;
import tearnn.json.JsonWriter;
import tearnn.math.Readable;
import tearnn.model.GradientFlow;
import tearnn.settings.Setting;
import tearnn.settings.SettingValues;
import tearnn.task.LanguageModelSettings;
import tearnn.task.TrainingRun;
import tearnn.train.BlowUpGuard;
import tearnn.train.DivergedException;
import tearnn.train.Trainer;

/**
 * What a training call does for any panel: train whole steps, or for a time in parts of steps at the
 * pace measured on the panel's earlier calls; reply the progress, a blow-up (with the step the model
 * went back to) or a word when it does not learn; change the learning rate or clipping of a model in
 * training; and, when several workers train one model, take this worker's share of each step.
 */
final class PanelTraining {
    /** Steps after which a loss still above the first one means the model is not learning. */
    private static final int STALL_STEPS = 300;

    private final Timing.Clock clock;
    private final Map<String, Pace> paces = new LinkedHashMap<>();
    /** Per panel, the steps the last training reply reported. */
    private final Map<String, Integer> reported = new LinkedHashMap<>();

    PanelTraining(Timing.Clock clock) {
        this.clock = clock;
    }

    /** A session has started on the panel: its steps so far are reported. */
    void started(String panel, TrainingSession s) {
        reported.put(panel, s.run().steps());
    }

    /** The panel's pace (see {@link Pace}), measured on its earlier calls. */
    Pace pace(String panel) {
        return paces.computeIfAbsent(panel, k -> new Pace(clock));
    }

    /**
     * Trains {@code steps} whole steps; a blow-up is replied as {@code diverged}, with the step the
     * model went back to and its progress there; a model whose loss stays above where it started gets
     * a {@code warning}.
     */
    void train(String panel, TrainingSession s, int steps, JsonWriter out) {
        try {
            s.train(steps, out);
        } catch (DivergedException e) {
            throw diverged(s, e);
        }
        reported.put(panel, s.run().steps());
        warn(s.run().trainer(), out);
    }

    /**
     * Trains for about {@code seconds}, finishing at most {@code maxSteps} steps, in parts of steps
     * so that even a big model's call ends in time (see {@link tearnn.model.TrainingPass}): the work
     * is sized by the speed measured on this panel's earlier calls. Replies the progress, the steps
     * finished ({@code done}) with their mean {@code loss} and their {@code stepLog} (see
     * {@link StepLog}), and {@code stepPart}, how far the step under way has come; a worker with a
     * share of each step also replies whether it is {@code waiting} for the sum of the shares, and
     * the learning rate and clipping it trains with.
     * A blow-up is replied as in {@link #train}.
     */
    void trainFor(String panel, TrainingSession s, double seconds, int maxSteps, JsonWriter out) {
        TrainingRun<?> run = s.run();
        Trainer t = run.trainer();
        // a step finished outside training calls (a save finishes an update under way) counts here
        int missed = run.steps() - reported.getOrDefault(panel, run.steps());
        int[] done = {missed};
        double[] loss = {missed * t.lastLoss()};
        StepLog log = new StepLog();
        try {
            pace(panel).fill(seconds, flops -> {
                TrainingRun.Work w = run.work(flops, maxSteps - done[0], log::add);
                if (w.steps() > 0) {
                    done[0] += w.steps();
                    loss[0] += w.loss() * w.steps();
                }
                return w.flops();
            }, () -> done[0] < maxSteps && !t.waiting());
        } catch (DivergedException e) {
            throw diverged(s, e);
        }
        reported.put(panel, run.steps());
        s.progress(out);
        out.name("done").value(done[0]).name("stepPart").value(t.stepFraction());
        if (done[0] > 0) {
            out.name("loss").value(loss[0] / done[0]);
            s.trained(out);
            flow(t, out);
        }
        if (log.size() > 0) {
            log.write(run.steps(), out);
        }
        if (t.shareCount() > 1) {
            // the rate as set (a time budget's scale comes with every request, the same for all workers)
            out.name("waiting").value(t.waiting()).name("lr").value(t.scheduledRate()).name("clip").value(t.clipNorm());
        }
        warn(t, out);
    }

    /**
     * The last step's gradient flow (see {@link GradientFlow}): per layer, the mean over the batch of
     * ||dL/dh_t|| at every step t of the window; and the whole gradient's norm before clipping, with
     * the clipping norm (0: none).
     */
    private static void flow(Trainer t, JsonWriter out) {
        GradientFlow f = t.gradientFlow();
        out.name("flow").beginObject().name("gradNorm").value(t.lastGradNorm()).name("clip").value(t.clipNorm());
        out.name("layers").beginArray();
        double[] means = new double[f.steps()];
        for (int l = 0; l < f.layers(); l++) {
            for (int s = 0; s < means.length; s++) {
                means[s] = f.mean(l, s);
            }
            out.array(means, 0, means.length);
        }
        out.endArray().endObject();
    }

    /** Sets which share of every step this worker computes; a share that does not exist is refused. */
    static void share(Trainer t, int index, int count) {
        if (index >= count) {
            throw new IllegalArgumentException("share " + index + " of " + count + " does not exist");
        }
        t.share(index, count);
    }

    /**
     * Changes the learning rate or the clipping norm (those of {@code tunable} given) of a model in
     * training, without starting a new one; replies with both as they now are.
     */
    static void tune(Trainer trainer, List<Setting> tunable, SettingValues given, JsonWriter out) {
        for (Setting t : tunable) {
            if (!given.has(t.name())) {
                continue;
            }
            if (t.name().equals(LanguageModelSettings.CLIP.name())) {
                trainer.setClipNorm(t.number(given));
            } else {
                trainer.setSchedule(trainer.schedule().withLr(t.number(given)));
            }
        }
        out.name("lr").value(trainer.scheduledRate()).name("clip").value(trainer.clipNorm());
    }

    /** The reply to a blow-up: the error, {@code diverged}, and the progress where the model went back to. */
    private static Lab.Reply diverged(TrainingSession s, DivergedException e) {
        JsonWriter w = Lab.failure(e.getMessage()).name("diverged").value(true);
        s.progress(w);
        return new Lab.Reply(w.endObject().toString());
    }

    /**
     * A word when, {@link #STALL_STEPS} steps on, the loss has not come down: still clearly above where
     * it started (the learning rate may be too high), or where it started, within 1% (its units may
     * have died, as a plain relu RNN's do at a high rate, and no rate brings them back: Reset).
     */
    private static void warn(Trainer t, JsonWriter out) {
        BlowUpGuard g = t.guard();
        // the steps since the loss it compares with: a model opened after 700 steps has taken none yet here
        int steps = g.remembered();
        if (steps < STALL_STEPS || !(g.recentLoss() > 0.99 * g.firstLoss())) {
            return;
        }
        String said = "Not learning: after " + Readable.count(steps) + " steps the loss (" + Readable.number(g.recentLoss()) + ") ";
        if (g.recentLoss() > 1.01 * g.firstLoss()) {
            out.name("warning").value(said + "is still above where it started (" + Readable.number(g.firstLoss())
                    + "). The learning rate (" + Setting.format(t.scheduledRate()) + ") may be too high: try "
                    + Setting.format(t.scheduledRate() / 10) + ".");
        } else {
            out.name("warning").value(said + "has not come down from where it started (" + Readable.number(g.firstLoss())
                    + "). Its units may have died (stuck at zero or saturated, as a plain relu RNN's do at a high learning"
                    + " rate), and no learning rate brings them back: Reset starts a new model.");
        }
    }
}
