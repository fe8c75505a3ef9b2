package tearnn.lab;

/**
 * A request's command, {@code "panel.verb"} ({@code "adder.train"}, {@code "bench.step"}) or a bare
 * word ({@code "describe"}: no panel), read once for every way a request reaches the {@link Lab}.
 */
record Command(String panel, String verb) {
    static Command parse(String cmd) {
        int dot = cmd.indexOf('.');
        return dot < 0 ? new Command("", cmd) : new Command(cmd.substring(0, dot), cmd.substring(dot + 1));
    }

    @Override
    public String toString() {
        return panel.isEmpty() ? verb : panel + "." + verb;
    }
}
