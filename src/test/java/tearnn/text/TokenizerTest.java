package tearnn.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    @Test
    void wordRules() {
        Tokenizer t = new Tokenizer(false, true);
        assertEquals(List.of("the", "dog's", "well-known", "trick", ":", "it", "doesn't", "stop", "!", "(", "42", "%", ")"),
                t.tokenize("The dog's well-known trick: it doesn\u2019t stop! (42%)"));
        assertEquals(List.of("'", "quoted", "'", "-", "dash"), t.tokenize("'quoted' - dash"));
        assertEquals(List.of("end", ".", "\n", "new", "para"), t.tokenize("end.\n\n  New para"));
        assertEquals(List.of("one", "line", "two"), t.tokenize("one line\ntwo"));
        assertEquals(List.of("caf\u00e9", "na\u00efve"), t.tokenize("Caf\u00e9 na\u00efve"));
        assertEquals(List.of("Keep", "Case"), new Tokenizer(false, false).tokenize("Keep Case"));
        assertEquals(List.of(), t.tokenize("  \n\t "));
    }

    @Test
    void anEmojiIsOneTokenAtEitherLevel() {
        String smile = "\ud83d\ude00";
        assertEquals(List.of("a", smile, "b", " ", "\u00e9"), new Tokenizer(true, true).tokenize("a" + smile + "b\r \u00c9"));
        assertEquals(List.of("hi", smile, "there"), new Tokenizer(false, true).tokenize("hi " + smile + " there"));
        assertEquals("a" + smile + "b", new Tokenizer(true, false).join(List.of("a", smile, "b")));
        assertEquals("a\ufffdb", new Tokenizer(true, false).join(List.of("a", "<unk>", "b")));
    }

    @Test
    void joinPutsPunctuationBack() {
        Tokenizer t = new Tokenizer(false, true);
        assertEquals("the dog (big) runs, fast.\n\nnext", t.join(List.of("the", "dog", "(", "big", ")", "runs", ",", "fast", ".",
                "\n", "next")));
    }

    @Test
    void characterLevel() {
        Tokenizer t = new Tokenizer(true, false);
        assertEquals(List.of("A", " ", "b", "\n"), t.tokenize("A b\r\n"));
        assertEquals("A b\n", t.join(t.tokenize("A b\r\n")));
        assertEquals(List.of("a"), new Tokenizer(true, true).tokenize("A"));
        assertThrows(IllegalArgumentException.class, () -> t.tokenize(null));
    }

    @Test
    void vocabularyCapAndUnknown() {
        Vocabulary v = Vocabulary.build(List.of("b", "a", "b", "c", "a", "b", "d"), 3);
        assertEquals(List.of("<unk>", "b", "a"), v.tokens());
        assertEquals(0, v.indexOf("c"));
        assertEquals(1, v.indexOf("b"));
        var e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.build(List.of("a"), 1));
        assertEquals("vocabulary size must be at least 2 (<unk> and one token), got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> v.token(3));
        assertEquals("token index 3 is outside the vocabulary [0, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Vocabulary(List.of("<unk>", "a", "a")));
        assertEquals("vocabulary lists the token \"a\" twice", e.getMessage());
    }

    @Test
    void preTokenizedTextKeepsItsTokensAndEndsLinesWithEos() {
        Tokenizer t = Tokenizer.preTokenized();
        String ptb = " consumers may want to move their telephones a little closer to the tv set \n"
                + " <unk> <unk> watching abc 's monday night football can now vote during <unk> for N years \n";
        List<String> tokens = t.tokenize(ptb);
        assertEquals(List.of("consumers", "may", "want"), tokens.subList(0, 3));
        assertEquals("<eos>", tokens.get(14));
        assertEquals(List.of("<unk>", "<unk>", "watching", "abc", "'s"), tokens.subList(15, 20));
        assertEquals("N", tokens.get(tokens.size() - 3));
        assertEquals("<eos>", tokens.get(tokens.size() - 1));
        assertEquals("a b\nc", t.join(List.of("a", "b", "<eos>", "c")));
        assertEquals(List.of("the", "cat"), t.tokenize("the cat"), "a prompt: what follows cat, not a new line");
        assertEquals(List.of("a", "<eos>", "b", "<eos>"), t.tokenize("a\n\n  \nb\n"), "no <eos> for an empty line");
        // Vocabulary: a written <unk> is the vocabulary's own <unk>
        Vocabulary v = Vocabulary.build(tokens, 100);
        assertEquals(0, v.encode(List.of("<unk>"))[0]);
    }

    @Test
    void preTokenizedTextIsToldFromProse() {
        assertTrue(Tokenizer.looksPreTokenized("the <unk> said N shares 's"));
        String wiki = " = Valkyria Chronicles III = \n Senjō no Valkyria 3 : Chronicles ( Japanese : 戦場のヴァルキュリア3 ) , "
                + "commonly referred to as Valkyria Chronicles III outside Japan , is a tactical role @-@ playing game . ";
        assertTrue(Tokenizer.looksPreTokenized(wiki.repeat(4)), "WikiText: punctuation stands apart");
        String prose = "It was the best of times, it was the worst of times. It was the age of wisdom; it was the age of "
                + "foolishness! Was it? Yes: it was. ";
        assertFalse(Tokenizer.looksPreTokenized(prose.repeat(5)), "prose: punctuation sticks to its word");
        assertFalse(Tokenizer.looksPreTokenized("a < b and c > d, as x<y>z."), "angle brackets are not <unk> tokens");
        assertFalse(Tokenizer.looksPreTokenized(""));
        // a licence's prose names a <year> and a <program> a few times in thousands of words (the GPL:
        // it was split at spaces, 1,411 words for 5,577, perplexity 1,029)
        String licence = prose.repeat(40) + " Copyright (C) <year> <name of author> This program, <program>, is free. "
                + prose.repeat(40) + " <year> <https://www.gnu.org/licenses/> " + prose.repeat(40);
        assertFalse(Tokenizer.looksPreTokenized(licence), "prose with a few placeholders in angle brackets");
        assertTrue(Tokenizer.looksPreTokenized(("the <unk> said N shares . " + prose).repeat(40)), "<unk> every 36 words");
    }
}
