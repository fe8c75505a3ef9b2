package tearnn.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tearnn.math.Rng;

/** The dates' phrases: the examples, the calendar, and an alphabet and a length that hold every phrase there is. */
class DatePhrasesTest {
    private static final int MAY_3_1987 = DatePhrases.daysFromCivil(1987, 5, 3);

    private static String phrase(int format) {
        return DatePhrases.phrase(1987, 5, 3, DatePhrases.weekday(MAY_3_1987), format);
    }

    @Test
    void theExamplesPeopleWrite() {
        assertEquals("3 May 1987", phrase(0));
        assertEquals("05/03/87", phrase(1));
        assertEquals("Sunday, May 3rd 1987", phrase(2));
        assertEquals("May 3, 1987", phrase(3));
        assertEquals("03 MAY 1987", phrase(4));
        assertEquals("3.5.1987", phrase(5));
        assertEquals("Sun 3 May 87", phrase(6));
        assertEquals("3rd of May 1987", phrase(8));
        assertEquals("19870503", phrase(12));
        assertEquals("1987-05-03", DatePhrases.iso(1987, 5, 3));
        assertEquals("11th of March 2001", DatePhrases.phrase(2001, 3, 11, 6, 8));
        assertEquals("22nd of March 2001", DatePhrases.phrase(2001, 3, 22, 3, 8));
    }

    @Test
    void theCalendar() {
        assertEquals(0, DatePhrases.daysFromCivil(1970, 1, 1));
        assertEquals(3, DatePhrases.weekday(0), "1970-01-01 was a Thursday");
        assertEquals(6, DatePhrases.weekday(MAY_3_1987), "1987-05-03 was a Sunday");
        assertEquals(1, DatePhrases.weekday(DatePhrases.daysFromCivil(2000, 2, 29)), "2000-02-29 was a Tuesday");
        assertEquals(4, DatePhrases.weekday(DatePhrases.daysFromCivil(2049, 12, 31)), "2049-12-31 is a Friday");
        for (int d = DatePhrases.daysFromCivil(1950, 1, 1); d < DatePhrases.daysFromCivil(2050, 1, 1); d += 17) {
            int[] ymd = DatePhrases.civilFromDays(d);
            assertEquals(d, DatePhrases.daysFromCivil(ymd[0], ymd[1], ymd[2]));
        }
        assertArrayEquals(new int[] {2000, 2, 29}, DatePhrases.civilFromDays(DatePhrases.daysFromCivil(2000, 2, 29)));
    }

    @Test
    void everyPhraseFitsTheAlphabetAndTheLength() {
        DatePhrases p = new DatePhrases();
        Set<Character> used = new TreeSet<>();
        int longest = 0;
        for (int d = DatePhrases.daysFromCivil(1950, 1, 1); d < DatePhrases.daysFromCivil(2050, 1, 1); d++) {
            int[] ymd = DatePhrases.civilFromDays(d);
            for (int f = 0; f < DatePhrases.FORMATS; f++) {
                String s = DatePhrases.phrase(ymd[0], ymd[1], ymd[2], DatePhrases.weekday(d), f);
                longest = Math.max(longest, s.length());
                for (char c : s.toCharArray()) {
                    used.add(c);
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        used.forEach(sb::append);
        assertEquals(p.sourceAlphabet(), sb.toString(), "the alphabet is exactly the characters phrases use");
        assertEquals(p.maxSourceLength(), longest);
    }

    @Test
    void drawsAreSeededAndVaried() {
        DatePhrases p = new DatePhrases();
        Rng a = new Rng(1);
        Rng b = new Rng(1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String[] x = p.draw(a);
            assertArrayEquals(x, p.draw(b));
            assertTrue(x[1].matches("(19[5-9]|20[0-4])\\d-\\d\\d-\\d\\d"), x[1]);
            seen.add(x[0]);
        }
        assertTrue(seen.size() > 990, "a thousand draws are nearly all different: " + seen.size());
    }

    @Test
    void aTextOutsideTheAlphabetIsRefusedByName() {
        DatePhrases p = new DatePhrases();
        assertEquals("'Q' (character 1) is not one this task reads; it reads: " + p.sourceAlphabet(),
                assertThrows(IllegalArgumentException.class, () -> p.encodeSource("Q3 May")).getMessage());
        assertEquals("the text to translate is empty", assertThrows(IllegalArgumentException.class, () -> p.encodeSource(""))
                .getMessage());
    }
}
