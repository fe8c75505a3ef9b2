package tearnn.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import tearnn.task.TranslationMetrics;
import tearnn.task.TranslationPairs;
import tearnn.task.TranslationSettings;
import tearnn.task.TranslationTask;

/**
 * {@code translate}: trains a translator (dates to ISO, or digit strings reversed) for a time or a
 * number of steps, checking the held-out set every few steps by greedy decoding. It shows a few
 * held-out translations and where the attention looked for the first, the exact match by length (the
 * reversal), a text of the person's own ({@code --translate TEXT}), and ends with the line scripts
 * read: {@code held-out exact match 0.930 (per character 0.990)}.
 */
final class TranslateCommand {
    private TranslateCommand() {
    }

    static void run(Args a, PrintStream out) throws IOException {
        TranslationSettings s = TranslationSettings.read(a);
        double seconds = a.number("seconds", 120);
        int maxSteps = a.integer("max-steps", Integer.MAX_VALUE);
        int checkEvery = a.integer("check-every", 200);
        int beam = a.integer("beam", 1);
        String own = a.string("translate", null);
        String outFile = a.string("out", null);
        int threads = ThreadsOption.read(a);
        a.done();
        if (!(seconds > 0) || maxSteps <= 0 || checkEvery <= 0 || beam < 1 || beam > 64) {
            throw new IllegalArgumentException("--seconds, --max-steps and --check-every must be positive, --beam 1 to 64");
        }
        TranslationTask task = new TranslationTask(s);
        TranslationPairs p = task.pairs();
        if (own != null) {
            p.encodeSource(own);
        }
        task.trainer().setThreads(threads);
        out.printf("%s (%s); %,d held-out pairs; %s hidden %d, attention %s, %,d parameters%n", p.id(), p.example(),
                TranslationTask.HELD_OUT, s.cell().id, s.hidden(), s.attention() == null ? "none" : s.attention().id,
                task.model().params().size());
        long t0 = System.nanoTime();
        double elapsed = 0;
        TranslationMetrics m = task.heldOut();
        while (task.steps() < maxSteps && elapsed < seconds) {
            double loss = task.train(Math.min(checkEvery, maxSteps - task.steps()));
            elapsed = (System.nanoTime() - t0) / 1e9;
            m = task.heldOut();
            out.printf("step %6d  loss %.4f  held-out loss %.4f  exact match %.3f  per character %.3f  (%.1f s)%n",
                    task.steps(), loss, m.loss(), m.exactMatch(), m.perCharacter(), elapsed);
        }
        for (int i = 0; i < 3; i++) {
            String[] pair = task.heldOutPair(i);
            TranslationTask.Translated t = task.translate(pair[0], beam);
            out.printf("  %-32s -> %-12s %s%n", pair[0], t.output(), t.output().equals(pair[1]) ? "right" : "(should be " + pair[1] + ")");
        }
        TranslationTask.Translated first = task.translate(task.heldOutPair(0)[0], beam);
        if (first.attention() != null) {
            out.print(attentionTable(first));
        }
        if (p.id().equals(TranslationPairs.REVERSE)) {
            out.println("exact match by length:");
            for (int n = 1; n < m.exactByLength().length; n++) {
                if (!Double.isNaN(m.exactByLength()[n])) {
                    out.printf(Locale.ROOT, "  %3d digits  %.3f%n", n, m.exactByLength()[n]);
                }
            }
        }
        if (own != null) {
            TranslationTask.Translated t = task.translate(own, beam);
            out.printf("%s -> %s%n", own, t.output());
            if (t.attention() != null) {
                out.print(attentionTable(t));
            }
        }
        if (outFile != null) {
            Main.writeModel(outFile, task.saved());
            out.println("wrote " + outFile);
        }
        out.printf(Locale.ROOT, "held-out exact match %.3f (per character %.3f)%n", m.exactMatch(), m.perCharacter());
    }

    /** Where the attention looked: a row per output character, a column per source character, the weight in tenths ('.' under 0.05). */
    static String attentionTable(TranslationTask.Translated t) {
        StringBuilder sb = new StringBuilder("attention (tenths; a row per output character):\n     ");
        for (char c : t.source().toCharArray()) {
            sb.append(' ').append(c);
        }
        sb.append('\n');
        double[][] w = t.attention();
        for (int r = 0; r < w.length; r++) {
            char c = r < t.output().length() ? t.output().charAt(r) : '$';
            sb.append("  ").append(c).append("  ");
            for (int s = 0; s < t.source().length(); s++) {
                double v = w[r][s];
                sb.append(' ').append(v < 0.05 ? "." : v >= 0.95 ? "#" : Integer.toString((int) Math.round(v * 10)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
