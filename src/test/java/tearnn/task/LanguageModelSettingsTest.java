package tearnn.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tearnn.settings.Setting;
import tearnn.settings.SettingException;
import tearnn.settings.SettingValues;

/** Defaults of their own for character models; a value given wins over either; refused values named. */
class LanguageModelSettingsTest {
    static SettingValues values(Map<String, String> m) {
        return new SettingValues() {
            @Override
            public boolean has(String name) {
                return m.containsKey(name);
            }

            @Override
            public double number(String name) {
                try {
                    return Double.parseDouble(m.get(name));
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }

            @Override
            public String text(String name) {
                return m.get(name);
            }

            @Override
            public Boolean flag(String name) {
                return m.get(name).equals("true") ? Boolean.TRUE : m.get(name).equals("false") ? Boolean.FALSE : null;
            }
        };
    }

    @Test
    void aCharacterModelHasDefaultsOfItsOwn() {
        LanguageModelSettings word = LanguageModelSettings.defaults();
        LanguageModelSettings chars = LanguageModelSettings.read(values(Map.of("level", "char")));
        assertEquals(128, word.hidden());
        assertEquals(128, word.embedding());
        assertEquals(0.005, word.learningRate());
        assertEquals(128, chars.hidden());
        assertEquals(32, chars.embedding());
        assertEquals(0.01, chars.learningRate());
        LanguageModelSettings given = LanguageModelSettings.read(values(Map.of("level", "char", "embedding", "8", "lr", "0.002")));
        assertEquals(8, given.embedding());
        assertEquals(0.002, given.learningRate());
        assertEquals(Map.of("level", Map.of("char", "32")), LanguageModelSettings.EMBEDDING.defaultsWhen());
    }

    @Test
    void aDependentDefaultIsCheckedAndTheBadValueNamed() {
        Setting s = Setting.integer("hidden", "Hidden size", 64, 1, 2048);
        SettingException e = assertThrows(SettingException.class, () -> s.withDefault("level", "char", 4096));
        assertEquals("Hidden size must be a whole number from 1 to 2048", e.getMessage());
        assertEquals("Output layer must be one of auto, softmax, adaptive",
                assertThrows(SettingException.class, () -> LanguageModelSettings.read(values(Map.of("output", "sampled"))))
                        .getMessage());
        assertEquals("Words split at must be one of auto, words, spaces",
                assertThrows(SettingException.class, () -> LanguageModelSettings.read(values(Map.of("split", "tabs"))))
                        .getMessage());
    }
}
