package tearnn.task;

import tearnn.nn.CellType;

/**
 * Everything a person chooses for a next-token model, with the defaults used by the page and the
 * command line.
 *
 * @param characters  character level instead of word level
 * @param vocabularyCap the most tokens kept, {@code <unk>} included
 * @param embedding   embedding width (0: one-hot input)
 * @param bptt        steps per training window (truncated backpropagation length)
 * @param batch       parallel streams per step
 * @param clipNorm    global gradient-norm clipping (0: off)
 */
public record LanguageModelSettings(boolean characters, int vocabularyCap, CellType cell, int layers, int hidden,
        int embedding, int bptt, int batch, String optimizer, double learningRate, double clipNorm, double dropout,
        int seed) {

    public LanguageModelSettings {
        range("vocabulary cap", vocabularyCap, 2, 100_000);
        range("layers", layers, 1, 8);
        range("hidden size", hidden, 1, 2048);
        range("embedding size", embedding, 0, 2048);
        range("BPTT length", bptt, 1, 1000);
        range("batch size", batch, 1, 1024);
        if (cell == null) {
            throw new IllegalArgumentException("no cell type");
        }
        if (!(learningRate > 0 && learningRate <= 10)) {
            throw new IllegalArgumentException("learning rate must be in (0, 10], got " + learningRate);
        }
        if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) {
            throw new IllegalArgumentException("clipping norm must be >= 0 (0 = off), got " + clipNorm);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    private static void range(String what, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(what + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }

    /** Word-level LSTM defaults. */
    public static LanguageModelSettings defaults() {
        return new LanguageModelSettings(false, 5000, CellType.LSTM, 1, 64, 32, 20, 16, "adam", 0.005, 5.0, 0.0, 1);
    }
}
