package tearnn.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tearnn.file.ModelFile;
import tearnn.file.SafeTensors;
import tearnn.file.SavedModel;
import tearnn.json.JsonException;
import tearnn.model.Initialization;
import tearnn.nn.CellType;
import tearnn.optim.OptimizerKind;
import tearnn.optim.Schedule;
import tearnn.settings.SettingException;
import tearnn.settings.SettingValues;

/**
 * The knobs every task shares (initialization, peepholes, schedule): read once for every task, refused
 * by name where they do not fit the cell, used by the run, and kept in the model file.
 */
class KnobsTest {
    private static SettingValues values(Map<String, String> m) {
        return LanguageModelSettingsTest.values(m);
    }

    private static MemorySettings memory(Knobs k) {
        return new MemorySettings(MemoryProblem.ADDING, 12, 10, CellType.LSTM, 6, OptimizerKind.ADAM, 0.01, 1, 4, 3, k);
    }

    @Test
    void everyKnobRoundTripsThroughAModelFileAndTheRunGoesOnWithTheSameBits() {
        Knobs k = new Knobs(Initialization.CHRONO, 0, true, "step", 3, 0.5);
        MemoryTask run = new MemoryTask(memory(k));
        run.train(5);
        MemorySettings made = run.settings();
        assertEquals(new Knobs(Initialization.CHRONO, 12, true, "step", 3, 0.5), made.knobs(),
                "chrono's T_max, 0 when asked, is the sequence's length once the model is made");
        String json = ModelFile.write(run.saved());
        assertTrue(json.contains("\"init\":{\"kind\":\"chrono\",\"t_max\":12}"), "the init block");
        for (SavedModel saved : new SavedModel[] {ModelFile.read(json), SafeTensors.read(SafeTensors.write(run.saved(), true))}) {
            MemoryTask again = MemoryTask.resume(saved);
            assertEquals(made, again.settings());
            assertTrue(again.model().architecture().peephole());
            assertInstanceOf(Schedule.StepDecay.class, again.trainer().schedule());
            assertEquals(run.trainer().scheduledRate(), again.trainer().scheduledRate(), "rate after 5 of 3-step decays: lr / 2");
            assertEquals(0.005, again.trainer().scheduledRate(), 1e-15);
        }
        MemoryTask again = MemoryTask.resume(ModelFile.read(json));
        run.train(4);
        again.train(4);
        assertArrayEquals(run.model().params().value, again.model().params().value, "the same bits, the schedule and all");
    }

    @Test
    void theKnobsComeFromTheSameNamesForEveryTaskAndEveryTaskUsesThem() {
        SettingValues v = values(Map.of("init", "orthogonal", "schedule", "cosine", "scheduleSteps", "100"));
        AdderSettings adder = AdderSettings.read(v);
        LanguageModelSettings words = LanguageModelSettings.read(v);
        MemorySettings memory = MemorySettings.read(v);
        for (Knobs k : new Knobs[] {adder.knobs(), words.knobs(), memory.knobs()}) {
            assertEquals(new Knobs(Initialization.ORTHOGONAL, 0, false, "cosine", 100, 0.5), k);
        }
        AdderTask a = new AdderTask(adder);
        AdderTask plain = new AdderTask(AdderSettings.defaults());
        assertFalse(a.model().params().value[0] == plain.model().params().value[0], "orthogonal, not PyTorch's");
        assertInstanceOf(Schedule.Cosine.class, a.trainer().schedule());
        assertEquals("orthogonal", a.settings().asText().get("init"));
        assertEquals("cosine", a.settings().asText().get("schedule"));
        assertTrue(AdderSettings.ALL.containsAll(Knobs.ALL) && LanguageModelSettings.ALL.containsAll(Knobs.ALL)
                && MemorySettings.ALL.containsAll(Knobs.ALL), "every panel's form and command's options have them");
    }

    @Test
    void aKnobThatDoesNotFitTheCellIsRefusedByName() {
        SettingException e = assertThrows(SettingException.class,
                () -> MemorySettings.read(values(Map.of("cell", "gru", "peephole", "true"))));
        assertEquals("peephole", e.field);
        assertEquals("Peepholes are an LSTM's; the cell is GRU", e.getMessage());
        e = assertThrows(SettingException.class, () -> AdderSettings.read(values(Map.of("init", "identity"))));
        assertEquals("init", e.field);
        assertEquals("Identity recurrent weights (IRNN) are for an RNN (relu); the cell is GRU", e.getMessage());
        e = assertThrows(SettingException.class, () -> MemorySettings.read(values(Map.of("cell", "rnn_tanh", "init", "chrono"))));
        assertEquals("init", e.field);
        e = assertThrows(SettingException.class, () -> MemorySettings.read(values(Map.of("init", "chrono", "chronoMax", "1"))));
        assertEquals("chronoMax", e.field);
        e = assertThrows(SettingException.class, () -> MemorySettings.read(values(Map.of("decay", "0"))));
        assertEquals("decay", e.field);
        AdderSettings irnn = AdderSettings.read(values(Map.of("cell", "rnn_relu", "init", "identity")));
        assertEquals(Initialization.IDENTITY, new AdderTask(irnn).settings().knobs().init());
    }

    @Test
    void aFileWhoseInitDoesNotFitItsCellIsRefused() {
        String json = ModelFile.write(new MemoryTask(memory(Knobs.DEFAULT)).saved());
        String lying = json.replaceFirst("\"training\":", "\"init\":{\"kind\":\"identity\"},\"training\":");
        JsonException e = assertThrows(JsonException.class, () -> ModelFile.read(lying));
        assertEquals("model file: init: identity recurrent weights (IRNN) are for an RNN (relu); the cell is LSTM", e.getMessage());
        assertFalse(json.contains("\"init\""), "PyTorch's default says nothing");
    }

    @Test
    void aLanguageModelStartsFromItsKnobs() {
        LanguageModelSettings s = LanguageModelSettings.read(values(Map.of("level", "char", "hidden", "8", "embedding", "4",
                "init", "chrono", "peephole", "true", "schedule", "step", "scheduleSteps", "2", "decay", "0.1")));
        String text = "abcabcabd abcab cabcabd abcab".repeat(20);
        Corpus c = Corpus.fromText(text, s.tokenizer(text), s.vocabularyCap(), 0.1);
        LanguageModelTask t = new LanguageModelTask(c, s);
        assertTrue(t.model().architecture().peephole());
        assertEquals(new Knobs(Initialization.CHRONO, 20, true, "step", 2, 0.1),
                LanguageModelTask.resume(c, s, ModelFile.read(ModelFile.write(t.saved()))).settings().knobs(),
                "chrono's T_max from the BPTT length, kept");
    }
}
