package tearnn.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tearnn.file.ModelFile;
import tearnn.json.JsonObject;

/**
 * Several workers training one model, as the page's pool of workers does it, played on the JVM with
 * one {@link Lab} per worker: each trains its share of every step for a while; once all wait, their
 * contributions are added in share order and the sum given back to each. All workers then hold the
 * same model, bit for bit, and that model is the one a single worker trains, within rounding.
 */
class SharedTrainingTest {
    static final String ADDER = "{\"cmd\":\"adder.new\",\"settings\":{\"cell\":\"lstm\",\"hidden\":12,\"batch\":16,\"seed\":3}}";
    static final String WORDS = "{\"cmd\":\"word.new\",\"settings\":{\"cell\":\"gru\",\"hidden\":24,\"embedding\":8,\"layers\":2,"
            + "\"bptt\":9,\"batch\":6,\"dropout\":0.2,\"lr\":0.01}}";

    static JsonObject ok(Lab lab, String request) {
        JsonObject r = JsonObject.parse(lab.handle(request), "reply");
        assertTrue(r.bool("ok"), () -> request + " -> " + r.map());
        return r;
    }

    static Lab[] workers(int n, String start) {
        Lab[] labs = new Lab[n];
        for (int i = 0; i < n; i++) {
            labs[i] = new Lab(() -> System.nanoTime() / 1e9);
            ok(labs[i], start);
        }
        return labs;
    }

    /** Rounds of short training calls on every worker, gathering whenever all wait, until every one has done {@code steps}. */
    static void trainShared(Lab[] labs, String panel, int steps, double ms) {
        trainShared(labs, panel, steps, ms, "");
    }

    /** As above, with {@code extra} fields in every training request. */
    static void trainShared(Lab[] labs, String panel, int steps, double ms, String extra) {
        int n = labs.length;
        int rounds = 0;
        while (true) {
            JsonObject first = null;
            boolean all = true;
            int least = Integer.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                JsonObject r = ok(labs[i], "{\"cmd\":\"" + panel + ".train\",\"ms\":" + ms + ",\"share\":" + i + ",\"shares\":" + n
                        + extra + "}");
                all &= r.bool("waiting");
                least = Math.min(least, r.integer("steps"));
                if (i == 0) {
                    first = r;
                }
            }
            // every worker past the step: one whose call ran out of time between the gathering and the
            // update would save the model as it stood before that step (a slow machine did so)
            if (least >= steps) {
                return;
            }
            if (all) {
                double[][] contributions = new double[n][];
                for (int i = 0; i < n; i++) {
                    contributions[i] = labs[i].contribution(panel).clone();
                }
                String gather = "{\"cmd\":\"" + panel + ".gather\",\"settings\":{\"lr\":" + first.number("lr") + ",\"clip\":"
                        + first.number("clip") + "}}";
                for (int i = 0; i < n; i++) {
                    double[][] handed = contributions.clone();
                    handed[i] = i % 2 == 0 ? null : new double[0]; // its own: taken from the worker
                    JsonObject r = JsonObject.parse(labs[i].gather(gather, handed), "reply");
                    assertTrue(r.bool("ok"), () -> r.map().toString());
                }
            }
            assertTrue(++rounds < 100_000, "stuck");
        }
    }

    static double[] weights(Lab lab, String panel) {
        return ModelFile.read(ok(lab, "{\"cmd\":\"" + panel + ".save\"}").string("model")).model.params().value;
    }

    static void sameAsOneWorker(String start, String panel, int workers, double ms) {
        Lab[] labs = workers(workers, start);
        trainShared(labs, panel, 12, ms);
        String saved = ok(labs[0], "{\"cmd\":\"" + panel + ".save\"}").string("model");
        for (int i = 1; i < workers; i++) {
            assertEquals(saved, ok(labs[i], "{\"cmd\":\"" + panel + ".save\"}").string("model"), "worker " + i + " holds the same model");
        }
        int steps = (int) ModelFile.read(saved).counter("steps", -1);
        Lab one = workers(1, start)[0];
        ok(one, "{\"cmd\":\"" + panel + ".train\",\"steps\":" + steps + "}");
        double[] expected = weights(one, panel);
        double[] got = ModelFile.read(saved).model.params().value;
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], got[k], 1e-12, panel + " on " + workers + " workers, weight " + k);
        }
    }

    @Test
    void anAdderOnTwoAndThreeWorkersIsTheAdderOnOne() {
        sameAsOneWorker(ADDER, "adder", 2, 5);
        sameAsOneWorker(ADDER, "adder", 3, 1);
    }

    @Test
    void aWordModelWithDropoutAndCarriedStateOnThreeWorkersIsTheModelOnOne() {
        sameAsOneWorker(WORDS, "word", 3, 20);
        sameAsOneWorker(WORDS, "word", 2, 1);
    }

    @Test
    void anAdaptiveSoftmaxOnTwoWorkersIsTheModelOnOne() {
        sameAsOneWorker(WORDS.replace("\"lr\":0.01", "\"lr\":0.01,\"output\":\"adaptive\""), "word", 2, 20);
    }

    @Test
    void aTimeBudgetScalesTheRateOfEveryWorkerAlikeAndLeavesTheSetRate() {
        Lab[] labs = workers(2, WORDS);
        // the end of a budget's warm-up, then late in it: the sum of the shares is taken with the rate as set
        trainShared(labs, "word", 6, 5, ",\"budget\":0.03");
        trainShared(labs, "word", 12, 5, ",\"budget\":0.9");
        for (int i = 0; i < 2; i++) {
            assertEquals(0.01, ok(labs[i], "{\"cmd\":\"word.train\",\"ms\":1,\"share\":" + i + ",\"shares\":2,\"budget\":0.95}")
                    .number("lr"), "the set rate, not the budget's share of it");
        }
        String saved = ok(labs[0], "{\"cmd\":\"word.save\"}").string("model");
        assertEquals(saved, ok(labs[1], "{\"cmd\":\"word.save\"}").string("model"), "both hold the same model");
    }

    @Test
    void aWorkerOnlyGathersWhenItWaits() {
        Lab lab = workers(1, ADDER)[0];
        assertNull(lab.contribution("adder"));
        JsonObject r = JsonObject.parse(lab.gather("{\"cmd\":\"adder.gather\",\"settings\":{}}", new double[][] {new double[3]}), "reply");
        assertFalse(r.bool("ok"));
        assertEquals("no shared step waits for its shares", r.string("error"));
        r = JsonObject.parse(lab.handle("{\"cmd\":\"adder.train\",\"ms\":5,\"share\":2,\"shares\":2}"), "reply");
        assertEquals("share 2 of 2 does not exist", r.string("error"));
        r = ok(lab, "{\"cmd\":\"adder.train\",\"ms\":50,\"share\":1,\"shares\":2}");
        assertTrue(r.bool("waiting"));
        double[] c = lab.contribution("adder");
        r = JsonObject.parse(lab.gather("{\"cmd\":\"adder.gather\",\"settings\":{}}", new double[][] {new double[c.length + 1], null}),
                "reply");
        assertFalse(r.bool("ok"));
        assertEquals("the contribution of worker 1 has " + (c.length + 1) + " values, this model's needs " + c.length, r.string("error"));
        r = JsonObject.parse(lab.gather("{\"cmd\":\"adder.gather\",\"settings\":{}}", new double[][] {c}), "reply");
        assertEquals("the contributions of 2 workers are needed, got 1", r.string("error"));
        r = JsonObject.parse(lab.handle("{\"cmd\":\"adder.train\",\"steps\":1}"), "reply");
        assertEquals("a run shared among workers trains by a budget of work, not by whole steps", r.string("error"));
    }

    /** bench.html on several workers: each timed step's batches shared, gathered batch after batch. */
    @Test
    void theBenchmarkOnTwoWorkersTrainsTheModelOfOne() {
        Lab[] labs = workers(2, "{\"cmd\":\"bench.setup\",\"workload\":\"W-ADD-batched\"}");
        for (int i = 0; i < 2; i++) {
            ok(labs[i], "{\"cmd\":\"bench.setup\",\"workload\":\"W-ADD-batched\",\"share\":" + i + ",\"shares\":2}");
        }
        Lab one = workers(1, "{\"cmd\":\"bench.setup\",\"workload\":\"W-ADD-batched\"}")[0];
        // the first step begun by bench.step; each step's last sum asks for the next (but the last's)
        for (Lab lab : labs) {
            assertTrue(ok(lab, "{\"cmd\":\"bench.step\"}").bool("waiting"));
        }
        for (int step = 0; step < 3; step++) {
            ok(one, "{\"cmd\":\"bench.step\"}");
            boolean last = step == 2;
            int batches = 0;
            boolean stepDone = false;
            while (!stepDone) {
                double[][] contributions = {labs[0].contribution("bench").clone(), labs[1].contribution("bench").clone()};
                JsonObject[] replies = new JsonObject[2];
                for (int i = 0; i < 2; i++) {
                    replies[i] = JsonObject.parse(labs[i].gather("{\"cmd\":\"bench.gather\",\"next\":" + !last + "}", contributions), "reply");
                    assertTrue(replies[i].bool("ok"), replies[i].map()::toString);
                }
                batches++;
                stepDone = replies[0].has("computing");
                assertEquals(stepDone, replies[1].has("computing"));
                assertEquals(!stepDone || !last, replies[0].bool("waiting", false), "waits unless the last step is done");
                if (stepDone) {
                    assertTrue(replies[0].number("computing") > 0);
                }
            }
            assertEquals(10, batches, "a timed step of W-ADD-batched is 10 batches");
        }
        double[] expected = one.bench().weights();
        for (Lab lab : labs) {
            double[] got = lab.bench().weights();
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], got[k], 1e-12, "weight " + k);
            }
        }
        assertTrue(Arrays.equals(labs[0].bench().weights(), labs[1].bench().weights()), "both workers hold the same weights");
        JsonObject report = ok(labs[0], "{\"cmd\":\"bench.report\",\"seconds\":[" + "0.01,".repeat(19) + "0.01]}");
        assertTrue(report.string("line").startsWith("W-ADD-batched     32000 examples/s"), report.string("line"));
        JsonObject wrong = JsonObject.parse(labs[0].handle("{\"cmd\":\"bench.report\",\"seconds\":[1]}"), "reply");
        assertFalse(wrong.bool("ok"));
        assertNull(labs[0].contribution("bench"));
    }

    /** Validation shared by workers: each measures its share of the held-out streams; the sums make the whole's perplexity. */
    @Test
    void aValidationSharedByThreeWorkersIsTheValidationOfOne() {
        Lab[] labs = workers(3, WORDS);
        trainShared(labs, "word", 5, 20);
        int steps = (int) ModelFile.read(ok(labs[0], "{\"cmd\":\"word.save\"}").string("model")).counter("steps", -1);
        Lab one = workers(1, WORDS)[0];
        ok(one, "{\"cmd\":\"word.train\",\"steps\":" + steps + "}");
        double whole = ok(one, "{\"cmd\":\"word.validate\"}").number("perplexity");
        double sum = 0;
        double count = 0;
        for (int i = 0; i < 3; i++) {
            JsonObject r;
            int calls = 0;
            do {
                r = ok(labs[i], "{\"cmd\":\"word.validate\",\"ms\":1,\"share\":" + i + ",\"shares\":3}");
                assertTrue(++calls < 10_000, "stuck");
            } while (!r.bool("done"));
            assertFalse(r.has("perplexity"), "a share's sums, not a perplexity");
            sum += r.number("lossSum");
            count += r.number("count");
        }
        assertEquals(whole, Math.exp(sum / count), 1e-9 * whole, "the shares' perplexity is the whole's");
        assertEquals(ok(one, "{\"cmd\":\"word.validate\"}").number("tokens"), count, "every held-out token once");
    }
}
