package tearnn.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import tearnn.file.ModelFile;
import tearnn.settings.SettingException;
import tearnn.testing.MadeUpReviews;

/**
 * Many-to-one classification: the digits and a person's tables read as the data says (and refused,
 * by line and column, where they cannot be), a stratified split fixed by the seed, a GRU that learns
 * the digits row by row, and a run that saves and resumes with the same bits.
 */
class ClassificationTest {
    static String digitsText() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of("web", "data", "digits.csv.gz")))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDigitsRowByRowOrPixelByPixel() throws IOException {
        ClassificationData rows = ClassificationCsv.digits(digitsText(), false);
        ClassificationData pixels = ClassificationCsv.digits(digitsText(), true);
        assertEquals(1797, rows.size());
        assertEquals(8, rows.inputs());
        assertEquals(8, rows.maxSteps());
        assertEquals(1, pixels.inputs());
        assertEquals(64, pixels.maxSteps());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), rows.classes());
        // the first digit is a 0: its second row of pixels is 0 0 13 15 10 15 5 0
        assertArrayEquals(new double[] {0, 0, 13, 15, 10, 15, 5, 0}, java.util.Arrays.copyOfRange(rows.values[0], 8, 16));
        assertEquals(0, rows.labels[0]);
    }

    @Test
    void aStratifiedSplitFixedByTheSeed() throws IOException {
        ClassificationData d = ClassificationCsv.digits(digitsText(), false);
        ClassificationData.Split a = d.split(0.2, 7);
        assertArrayEquals(a.heldOut(), d.split(0.2, 7).heldOut(), "the same seed, the same split");
        assertTrue(!java.util.Arrays.equals(a.heldOut(), d.split(0.2, 8).heldOut()), "another seed, another split");
        assertEquals(d.size(), a.train().length + a.heldOut().length);
        int[] all = d.counts();
        int[] held = new int[10];
        for (int i : a.heldOut()) {
            held[d.labels[i]]++;
        }
        for (int c = 0; c < 10; c++) {
            assertEquals(Math.round(0.2 * all[c]), held[c], "class " + c + ": a fifth held out");
        }
    }

    private static String refusal(String csv, String label, List<String> columns, String id, int window) {
        SettingException e = assertThrows(SettingException.class, () -> ClassificationCsv.table(csv, "t", label, columns, id, window));
        assertEquals("data", e.field);
        return e.getMessage();
    }

    @Test
    void badTablesAreRefusedByLineAndColumn() {
        String head = "a,b,label\n";
        assertEquals("line 3 has 2 fields, the header 3", refusal(head + "1,2,x\n3,y\n5,6,y\n", "label", List.of(), null, 0));
        assertEquals("line 3, column b: 'n/a' is not a number", refusal(head + "1,2,x\n3,n/a,y\n5,6,y\n7,8,x\n", "label", List.of(), null, 0));
        assertEquals("line 2, column a: no value", refusal(head + ",2,x\n3,4,y\n", "label", List.of(), null, 0));
        assertEquals("line 2, column label: no label", refusal(head + "1,2,\n3,4,y\n", "label", List.of(), null, 0));
        assertTrue(refusal(head + "1,2,x\n", "kind", List.of(), null, 0).startsWith("no column 'kind' in the header (a, b, label)"));
        assertEquals("every example is of class 'x': a classifier needs two classes at least",
                refusal(head + "1,2,x\n3,4,x\n", "label", List.of(), null, 0));
        assertEquals("class 'z' has a single example (line 4): it cannot be both trained on and held out",
                refusal(head + "1,2,x\n3,4,x\n5,6,z\n7,8,y\n9,1,y\n", "label", List.of(), null, 0));
        assertEquals("line 3, column label: 'y', where the rows of id 'p' before it say 'x'",
                refusal("id,a,label\np,1,x\np,2,y\nq,3,y\n", "label", List.of(), "id", 0));
        assertEquals("line 2: a quote is opened and not closed (a field may not span lines)",
                refusal(head + "1,\"2,x\n", "label", List.of(), null, 0));
    }

    @Test
    void rowsGroupedByIdAreSequencesOfTheirOwnLengthsAndAWindowReadsTheNextRowsLabel() {
        String csv = "id,date,a,b,label\ns1,1,1,10,x\ns1,2,2,20,x\ns2,3,3,30,y\ns3,4,4,40,x\ns3,5,5,50,x\ns3,6,6,60,x\ns4,7,7,70,y\n";
        ClassificationData d = ClassificationCsv.table(csv, "t", "label", List.of(), "id", 0);
        assertEquals(4, d.size());
        assertEquals(2, d.inputs(), "a and b (id, date and label are not read)");
        assertEquals(List.of(2, 1, 3, 1), List.of(d.steps(0), d.steps(1), d.steps(2), d.steps(3)));
        assertArrayEquals(new double[] {4, 40, 5, 50, 6, 60}, d.values[2]);
        ClassificationData w = ClassificationCsv.table("a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n9,1,x\n2,3,y\n", "t", "label", List.of("a"),
                null, 2);
        assertEquals(4, w.size(), "four windows of 2 rows, each with a row after it");
        assertArrayEquals(new double[] {1, 3}, w.values[0]);
        assertEquals("x", w.classes().get(w.labels[0]), "labelled by the third row");
        ClassificationData quoted = ClassificationCsv.table("name,v,label\n\"Smith, J\",1,\"say \"\"a\"\"\"\nB,2,b\nC,3,b\nD,4,\"say \"\"a\"\"\"\n",
                "t", "label", List.of("v"), null, 0);
        assertEquals(List.of("say \"a\"", "b"), quoted.classes());
    }

    @Test
    void aGruLearnsTheDigitsRowByRowAndResumesWithTheSameBits() throws IOException {
        ClassificationData d = ClassificationCsv.digits(digitsText(), false);
        ClassificationTask t = new ClassificationTask(d, ClassificationSettings.defaults());
        assertTrue(t.heldOut().majorityBaseline() < 0.11, "ten classes, about alike");
        t.train(400);
        double accuracy = t.heldOut().accuracy();
        assertTrue(accuracy > 0.9, "held-out accuracy after 400 steps: " + accuracy);
        String saved = ModelFile.write(t.saved());
        ClassificationTask again = ClassificationTask.resume(d, ModelFile.read(saved));
        assertEquals(t.settings(), again.settings());
        t.train(60);
        again.train(60);
        assertArrayEquals(t.model().params().value, again.model().params().value, "resumed, it goes on as it would have");
        assertEquals(t.progress(), again.progress());
        SettingException e = assertThrows(SettingException.class,
                () -> ClassificationTask.resume(ClassificationCsv.digits(digitsText(), true), ModelFile.read(saved)));
        assertEquals("this model reads 8 values a step; the data has 1", e.getMessage());
    }

    @Test
    void attentionPoolingLearnsTheDigitsSaysWhereItLooksAndResumesWithTheSameBits() throws IOException {
        ClassificationData d = ClassificationCsv.digits(digitsText(), false);
        ClassificationTask t = new ClassificationTask(d, ClassificationSettings.read(ForecastTest.given("attention", "dot")));
        assertTrue(t.stepFlops() > 0, "a step's cost, known before any step");
        assertEquals(tearnn.nn.Attention.Score.DOT, t.model().architecture().attention());
        t.train(300);
        ClassificationMetrics m = t.heldOut();
        assertTrue(m.accuracy() > 0.9, "held-out accuracy after 300 steps: " + m.accuracy());
        assertEquals(10, m.attention().length, "a row per class");
        for (double[] row : m.attention()) {
            assertEquals(8, row.length, "a weight per row of the digit");
            assertEquals(1.0, java.util.Arrays.stream(row).sum(), 1e-9, "each example's weights sum to 1, and so their mean");
        }
        String saved = ModelFile.write(t.saved());
        ClassificationTask again = ClassificationTask.resume(d, ModelFile.read(saved));
        assertEquals(t.settings(), again.settings());
        t.train(30);
        again.train(30);
        assertArrayEquals(t.model().params().value, again.model().params().value, "resumed, it goes on as it would have");
        // the examples it gets wrong: as many as the confusion matrix says, the surest first, each one wrong
        ClassificationMetrics now = t.heldOut();
        int wrong = now.total() - (int) Math.round(now.accuracy() * now.total());
        ClassificationTask.Mistakes mistakes = t.mistakes(5);
        assertEquals(wrong, mistakes.count());
        assertEquals(Math.min(5, wrong), mistakes.shown().size());
        double surest = 1;
        for (Mistake x : mistakes.shown()) {
            assertTrue(x.top()[0] != x.label(), "the class said is not the true one");
            assertTrue(x.probabilities()[0] <= surest && x.probabilities()[0] >= x.probabilities()[1], "the surest first");
            surest = x.probabilities()[0];
            assertEquals(64, x.values().length, "8 rows of 8 pixels, as read");
            assertEquals(1.0, java.util.Arrays.stream(x.attention()).sum(), 1e-9, "its weights");
        }
        assertEquals(null, ClassificationTask.resume(d, ModelFile.read(ModelFile.write(new ClassificationTask(d,
                ClassificationSettings.defaults()).saved()))).heldOut().attention(), "no attention, no weights");

        // a cell of the confusion matrix opens its examples: as many as it counts, each of its classes
        for (int label = 0; label < 10; label++) {
            for (int said : new int[] {label, (label + 1) % 10}) {
                ClassificationTask.Mistakes cell = t.examples(label, said, 60);
                assertEquals(now.confusion()[label][said], cell.count(), "cell " + label + ", " + said);
                for (Mistake x : cell.shown()) {
                    assertEquals(label, x.label());
                    assertEquals(said, x.top()[0]);
                }
            }
        }
        assertEquals("label", assertThrows(SettingException.class, () -> t.examples(10, 0, 5)).field);

        // why and when: the last step's probabilities are the prediction's, a pull and a weight per row
        int right = 0;
        for (int i = 0; i < 20; i++) {
            ClassificationTask.Explained e = t.explain(i);
            assertEquals(8, e.afterEachStep().length);
            assertEquals(8, e.connectivity().length);
            assertEquals(1.0, java.util.Arrays.stream(e.attention()).sum(), 1e-9);
            assertEquals(1.0, java.util.Arrays.stream(e.afterEachStep()[7]).sum(), 1e-9);
            assertTrue(java.util.Arrays.stream(e.connectivity()).allMatch(v -> v >= 0 && Double.isFinite(v)));
            right += e.said() == e.label() ? 1 : 0;
        }
        assertTrue(right >= 17, right + " of the first 20 held-out digits named right");
        assertEquals("example", assertThrows(SettingException.class, () -> t.explain(-1)).field);
        // a digit of one's own, given as the data holds it: a held-out digit's values explain as that digit
        ClassificationTask.Explained held = t.explain(3);
        ClassificationTask.Explained own = t.explain(d.values[held.example()]);
        assertEquals(-1, own.label());
        assertEquals(held.said(), own.said());
        assertArrayEquals(held.connectivity(), own.connectivity(), 1e-12);
        assertArrayEquals(held.afterEachStep()[7], own.afterEachStep()[7], 1e-12);
        assertEquals("a sequence here is 1 to 8 steps of 8 values: 8 to 64 numbers, a multiple of 8, not 12",
                assertThrows(SettingException.class, () -> t.explain(new double[12])).getMessage());
    }

    @Test
    void textsAreReadAsWordsOrCharactersWithTheTokensSeenTwice() {
        String csv = "label,text\npos,\"Good, good film!\"\nneg,Bad film\npos,good\nneg,bad BAD\n";
        ClassificationData words = ClassificationCsv.texts(csv, "t", "label", "text", false);
        assertTrue(words.isText());
        assertEquals(4, words.size());
        assertEquals(List.of("<unk>", "bad", "good", "film"), words.vocabulary().tokens(), "seen twice or more, lowercased");
        assertArrayEquals(new int[] {2, 0, 2, 3, 0}, words.tokens[0], "good , good film ! (the comma and the ! seen once)");
        assertEquals("Good, good film!", words.text(0));
        assertEquals(List.of("pos", "neg"), words.classes());
        ClassificationData characters = ClassificationCsv.texts(csv, "t", "label", "text", true);
        assertEquals(16, characters.steps(0), "a token a character");
        assertTrue(characters.vocabulary().contains("o") && !characters.vocabulary().contains("G"), "G is seen once (case kept)");
        String head = "label,text\n";
        assertEquals("line 3, column text: no word to read",
                assertThrows(SettingException.class, () -> ClassificationCsv.texts(head + "a,x\nb,\nb,y\na,z\n", "t", "label", "text",
                        false)).getMessage());
        assertEquals("line 2 has 3 fields, the header 2 (a text holding the delimiter needs quotes)",
                assertThrows(SettingException.class, () -> ClassificationCsv.texts(head + "a,x, y\nb,z\n", "t", "label", "text", false))
                        .getMessage());
        assertEquals("the column 'label' cannot be both the text and the label",
                assertThrows(SettingException.class, () -> ClassificationCsv.texts(head + "a,x\n", "t", "label", "label", false))
                        .getMessage());
        String longText = "label,text\na," + "w ".repeat(ClassificationCsv.MAX_TOKENS + 20) + "\na,w\nb,w\nb,w\n";
        ClassificationData cut = ClassificationCsv.texts(longText, "t", "label", "text", false);
        assertEquals(ClassificationCsv.MAX_TOKENS, cut.steps(0));
        assertEquals("t (1 of the texts cut to their first 500 words)", cut.name());
    }

    @Test
    void aGruLearnsWhichWordTellsAReviewSaysWhyAndResumesWithTheSameBits() {
        ClassificationData d = ClassificationCsv.texts(MadeUpReviews.of(400, 1), "reviews", "label", "review", false);
        ClassificationTask t = new ClassificationTask(d, ClassificationSettings.defaults());
        assertEquals(tearnn.model.InputKind.EMBEDDING, t.model().architecture().input());
        t.train(120);
        double accuracy = t.heldOut().accuracy();
        assertTrue(accuracy > 0.95, "held-out accuracy after 120 steps: " + accuracy);
        // why: the word that tells pulls most
        ClassificationTask.Explained e = t.explain("the plot was really lovely and the acting very");
        assertEquals("pos", d.classes().get(e.said()));
        assertEquals(List.of("the", "plot", "was", "really", "lovely", "and", "the", "acting", "very"), List.of(e.tokens()));
        int pull = 0;
        for (int k = 1; k < e.connectivity().length; k++) {
            pull = e.connectivity()[k] > e.connectivity()[pull] ? k : pull;
        }
        assertEquals(4, pull, "lovely pulls most: " + java.util.Arrays.toString(e.connectivity()));
        assertTrue(e.afterEachStep()[3][e.said()] < e.afterEachStep()[4][e.said()], "it knew at lovely");
        assertEquals("<unk>", t.explain("zzz").tokens()[0], "a word it never saw");
        assertEquals("text", assertThrows(SettingException.class, () -> t.explain("   ")).field);
        assertEquals("values", assertThrows(SettingException.class, () -> t.explain(new double[3])).field);
        ClassificationTask.Explained held = t.explain(0);
        assertEquals(d.steps(held.example()), held.tokens().length);
        for (Mistake x : t.mistakes(5).shown()) {
            assertEquals(null, x.values(), "a text's mistakes are shown by their text");
        }
        // the file keeps the classes and the vocabulary; resumed, it goes on as it would have
        tearnn.file.SavedModel file = ModelFile.read(ModelFile.write(t.saved()));
        assertEquals(d.classes(), file.classes);
        assertEquals(d.vocabulary().tokens(), file.vocabulary.tokens());
        String saved = ModelFile.write(t.saved());
        ClassificationTask again = ClassificationTask.resume(d, ModelFile.read(saved));
        t.train(20);
        again.train(20);
        assertArrayEquals(t.model().params().value, again.model().params().value);
        assertEquals("this model reads text; the data is numbers", assertThrows(SettingException.class,
                () -> ClassificationTask.resume(ClassificationCsv.table("a,label\n1,x\n2,y\n3,x\n4,y\n", "t", "label", List.of(), null, 0),
                        ModelFile.read(saved))).getMessage());
        // the same reviews, one of the other class first: the classes come in the other order
        List<String> lines = new java.util.ArrayList<>(List.of(MadeUpReviews.of(400, 1).split("\n")));
        String first = lines.get(1).substring(0, 3);
        int other = 1;
        while (lines.get(other).startsWith(first)) {
            other++;
        }
        lines.add(1, lines.remove(other));
        ClassificationData swapped = ClassificationCsv.texts(String.join("\n", lines), "r", "label", "review", false);
        assertEquals(d.vocabulary().tokens(), swapped.vocabulary().tokens());
        assertEquals("this model tells apart " + String.join(", ", d.classes()) + "; the data's classes are "
                + String.join(", ", swapped.classes()), assertThrows(SettingException.class,
                        () -> ClassificationTask.resume(swapped, ModelFile.read(saved))).getMessage(),
                "the file says which output is which");
    }
}
