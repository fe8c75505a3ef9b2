package tearnn.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tearnn.math.Rng;
import tearnn.text.Tokenizer;

class GrammarTest {
    @Test
    void entropyRateMatchesTheMeanLogLossOfALongSample() {
        Grammar g = new Grammar();
        List<String> words = g.generate(400_000, new Rng(3));
        assertEquals(g.entropyPerWord(), g.crossEntropy(words), 0.01);
        assertEquals(Math.exp(g.entropyPerWord()), g.bestPerplexity(), 1e-12);
    }

    @Test
    void generatedTextTokenizesBackToTheSameWords() {
        Grammar g = new Grammar();
        Tokenizer tok = new Tokenizer(false, true);
        List<String> words = g.generate(2000, new Rng(4));
        assertEquals(words, tok.tokenize(tok.join(words)));
    }

    @Test
    void sameSeedSameText() {
        Grammar g = new Grammar();
        assertEquals(g.generate(500, new Rng(9)), g.generate(500, new Rng(9)));
    }

    @Test
    void crossEntropyRejectsAWordTheGrammarCannotEmit() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Grammar().crossEntropy(List.of("the", "the")));
        assertEquals("the grammar cannot emit \"the\" in state subject.any", e.getMessage());
    }
}
