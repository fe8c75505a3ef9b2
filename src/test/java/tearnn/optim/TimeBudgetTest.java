package tearnn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The time budget's learning-rate scale: a warm-up, a cosine to 0 at the end; bad budgets refused. */
class TimeBudgetTest {
    @Test
    void warmsUpThenDecaysToZeroAtTheEnd() {
        assertEquals(0.1, TimeBudget.scale(0), 1e-15);
        assertEquals(1.0, TimeBudget.scale(TimeBudget.WARM_UP), 1e-15);
        assertEquals(0.5, TimeBudget.scale(TimeBudget.WARM_UP + (1 - TimeBudget.WARM_UP) / 2), 1e-12);
        assertTrue(TimeBudget.scale(0.999) < 1e-4, "near 0 just before the end");
        assertEquals(0.0, TimeBudget.scale(1));
        assertEquals(0.0, TimeBudget.scale(7));
        double before = 2;
        for (double f = TimeBudget.WARM_UP; f < 1; f += 0.01) {
            double s = TimeBudget.scale(f);
            assertTrue(s <= before, "decreasing after the warm-up, at " + f);
            before = s;
        }
        assertEquals(0.5, new TimeBudget(180).fraction(90), 1e-15);
    }

    @Test
    void badBudgetsAreRefusedWithTheReason() {
        assertEquals("the time budget must be a number of seconds from more than 0 to 86400 (a day), got 0.0",
                assertThrows(IllegalArgumentException.class, () -> TimeBudget.parse("0")).getMessage());
        assertEquals("the time budget must be a number of seconds, got 'three minutes'",
                assertThrows(IllegalArgumentException.class, () -> TimeBudget.parse("three minutes")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeBudget.parse("NaN"));
        assertThrows(IllegalArgumentException.class, () -> TimeBudget.parse("-5"));
    }
}
