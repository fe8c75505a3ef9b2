package tearnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import tearnn.json.JsonObject;
import tearnn.testing.ReferenceCases;

/** What every whole-model reference case checks of a training pass: its loss and every gradient, whole, in parts, evaluated. */
final class PassChecks {
    private PassChecks() {
    }

    /**
     * The case's "loss" and "grad" (to 1e-9) from a training pass of {@code m} over {@code b} done whole,
     * then in parts of 50 operations (the page's way with a big model), and the loss evaluated.
     */
    static void lossAndGradients(JsonObject c, Model m, Batch b) {
        double loss = c.number("loss");
        double tolerance = 1e-9 * Math.max(1, Math.abs(loss));
        assertEquals(loss, m.forwardBackward(b, null, 0), tolerance, "loss");
        ReferenceCases.checkGradients(c, m.params(), "gradient");
        ModelPass pass = m.beginPass(b, null, 0);
        while (!pass.done()) {
            pass.advance(50);
        }
        assertEquals(loss, pass.loss(), tolerance, "loss, in parts");
        ReferenceCases.checkGradients(c, m.params(), "gradient, in parts");
        assertEquals(loss, m.evaluate(b, null), tolerance, "evaluated");
    }
}
