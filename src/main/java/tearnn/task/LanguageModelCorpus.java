package tearnn.task;

import tearnn.file.SavedModel;
import tearnn.math.Rng;
import tearnn.text.TextOrigin;
import tearnn.text.Tokenizer;

/**
 * The corpus a language model trains on, put together the same way by the page and the command line:
 * a person's text (and, if they have one, a held-out text of their own; else the last tenth is held
 * out) or the built-in grammar's; tokenized as the settings say, or, for a model that goes on
 * training, as it was, with its vocabulary (words outside it become {@code <unk>}).
 */
public final class LanguageModelCorpus {
    private LanguageModelCorpus() {
    }

    /** The built-in grammar's text: {@code words} words drawn with seed 1. */
    public static String grammarText(Grammar grammar, int words) {
        return new Tokenizer(false, true).join(grammar.generate(words, new Rng(1)));
    }

    /** What the built-in grammar's text is called where a model says what it was trained on. */
    public static final String GRAMMAR = "the built-in grammar";

    /**
     * The corpus of {@code text}, called {@code name} ({@code builtin}: the grammar's, called
     * {@link #GRAMMAR}), with {@code validText} held out (null: the last tenth of {@code text});
     * {@code loaded} (may be null) is the model that goes on training, whose tokenizer and vocabulary
     * it keeps. Refuses an empty, binary or too short text by an {@link IllegalArgumentException} that
     * says which ("the validation text has only 1 token").
     */
    public static Corpus assemble(String text, String name, String validText, boolean builtin, LanguageModelSettings settings,
            SavedModel loaded) {
        return assemble(text, validText, builtin, settings, loaded).from(TextOrigin.of(builtin ? GRAMMAR : name, text));
    }

    private static Corpus assemble(String text, String validText, boolean builtin, LanguageModelSettings settings,
            SavedModel loaded) {
        Tokenizer tokenizer = loaded != null ? loaded.tokenizer
                : builtin ? new Tokenizer(settings.characters(), !settings.characters()) : settings.tokenizer(text);
        if (validText != null) {
            return Corpus.fromTexts(text, validText, tokenizer, loaded != null ? loaded.vocabulary : null, settings.vocabularyCap());
        }
        return loaded != null ? Corpus.fromText(text, tokenizer, loaded.vocabulary, 0, 0.1)
                : Corpus.fromText(text, tokenizer, settings.vocabularyCap(), 0.1);
    }
}
