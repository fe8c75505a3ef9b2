package tearnn.sample;

import java.util.List;
import tearnn.settings.Setting;
import tearnn.settings.SettingValues;

/**
 * How text is generated from a model, described once for the page's Generate form and the command
 * line's {@code sample}.
 *
 * @param length      tokens to generate
 * @param temperature logits are divided by it before the softmax (below 1: safer, above 1: wilder)
 * @param topK        sample among the k most likely tokens only (0: all)
 * @param greedy      always take the most likely token
 * @param beam        beam search of this width instead of sampling (0: sample)
 */
public record GenerationSettings(int length, double temperature, int topK, boolean greedy, int beam) {
    public static final Setting TEMPERATURE = Setting.number("temperature", "Temperature", 0.8, 0.01, 100);
    public static final Setting TOP_K = Setting.integer("topK", "Top-k (0 = all)", 0, 0, 100_000);
    public static final Setting LENGTH = Setting.integer("length", "Length", 40, 1, 1000);
    public static final Setting GREEDY = Setting.flag("greedy", "Greedy", false);
    public static final Setting BEAM = Setting.integer("beam", "Beam width (0 = sample)", 0, 0, 16);
    /** In the order the page shows them. */
    public static final List<Setting> ALL = List.of(TEMPERATURE, TOP_K, LENGTH, GREEDY, BEAM);

    public GenerationSettings {
        LENGTH.check(length);
        TEMPERATURE.check(temperature);
        TOP_K.check(topK);
        BEAM.check(beam);
    }

    public static GenerationSettings read(SettingValues v) {
        return new GenerationSettings(LENGTH.integer(v), TEMPERATURE.number(v), TOP_K.integer(v), GREEDY.flag(v), BEAM.integer(v));
    }
}
