package tearnn.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tearnn.json.JsonWriter;
import tearnn.settings.Setting;

/**
 * A training panel of the page, as the engine knows it and describes it to the page ({@code describe}):
 *
 * @param name        the prefix of its commands ({@code adder.train}), its element ids and its storage keys
 * @param script      the page's script that adds what is the panel's own ({@code adder-panel.js})
 * @param settings    its settings, from which the page builds its form
 * @param tunable     those a model in training takes (the rest need a new model)
 * @param startFields the fields of a {@code new} or {@code load} request that the model needs beside
 *                    its weights (its settings, a corpus): kept with it, to start it again after a reload
 * @param ownVerbs    its own verbs (beside {@link Verb#common}), answered by its session
 * @param starter     how its session starts
 * @param extras      what else its description carries (the word panel: the generation settings)
 */
record Panel(String name, String script, List<Setting> settings, List<Setting> tunable, List<String> startFields,
        Map<String, Verb> ownVerbs, TrainingSession.Starter starter, Consumer<JsonWriter> extras) {

    /** Every verb the panel answers, the common ones first. */
    Map<String, Verb> verbs() {
        Map<String, Verb> all = Verb.common();
        all.putAll(ownVerbs);
        return all;
    }

    /** Its own verbs in the order given: {@code "name", kind, "name", kind, ...}. */
    static Map<String, Verb> verbs(Object... nameAndKind) {
        Map<String, Verb> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndKind.length; i += 2) {
            m.put((String) nameAndKind[i], (Verb) nameAndKind[i + 1]);
        }
        return m;
    }

    /**
     * {"name", "script", "settings": [...], "tunable": [names], "startFields": [...], "verbs": {verb:
     * kind}, ...extras}.
     */
    void describe(JsonWriter out) {
        out.beginObject().name("name").value(name).name("script").value(script).name("settings");
        JsonSettings.describe(settings, out);
        out.name("tunable").beginArray();
        for (Setting t : tunable) {
            out.value(t.name());
        }
        out.endArray().name("startFields").beginArray();
        for (String f : startFields) {
            out.value(f);
        }
        out.endArray().name("verbs").beginObject();
        for (Map.Entry<String, Verb> v : verbs().entrySet()) {
            out.name(v.getKey()).value(v.getValue().id());
        }
        out.endObject();
        extras.accept(out);
        out.endObject();
    }
}
