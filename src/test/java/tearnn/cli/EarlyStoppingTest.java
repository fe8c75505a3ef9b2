package tearnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Early stopping on a validation metric, as {@code train --patience} uses it. */
class EarlyStoppingTest {
    @Test
    void earlyStopping() {
        EarlyStopping es = new EarlyStopping(2, 0.0, false);
        assertTrue(es.record(1.0));
        assertTrue(es.record(0.9));
        assertFalse(es.record(0.95));
        assertFalse(es.shouldStop());
        assertFalse(es.record(Double.NaN));
        assertTrue(es.shouldStop());
        assertEquals(0.9, es.best());
        assertEquals(1, es.bestIndex());
        EarlyStopping up = new EarlyStopping(1, 0.1, true);
        assertTrue(up.record(0.5));
        assertFalse(up.record(0.55));
        assertTrue(up.shouldStop());
    }
}
