package tearnn.lab;

import java.util.List;

/** The page's training panels, in the order of their tabs: a new panel is one line here. */
final class Panels {
    static final List<Panel> ALL = List.of(AdderSession.PANEL, WordSession.PANEL, MemorySession.PANEL, ClassifySession.PANEL,
            ForecastSession.PANEL, TranslateSession.PANEL);

    private Panels() {
    }

    /** The panel of that name, or null. */
    static Panel get(String name) {
        for (Panel p : ALL) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
