package k;

import java.util.Arrays;

public class Harness {
    interface Body { void run(); }

    static double now() { return System.nanoTime() / 1e6; }

    static double median(Body body, int samples, double warmMs) {
        double t0 = now();
        int warm = 0;
        while (now() - t0 < warmMs || warm < 3) { body.run(); warm++; }
        double[] t = new double[samples];
        for (int s = 0; s < samples; s++) {
            double a = now();
            body.run();
            t[s] = now() - a;
        }
        Arrays.sort(t);
        return t[samples / 2];
    }

    public static void main(String[] args) {
        String arg = args.length > 0 ? args[0] : "";
        String only = "";
        String shapes = "128x193x32,32x128x512,32x512x128,800x128x65,512x800x128,1x128x512";
        int rounds = 3;
        for (String part : arg.split(";")) {
            if (part.startsWith("only=")) only = part.substring(5);
            if (part.startsWith("shapes=")) shapes = part.substring(7);
            if (part.startsWith("rounds=")) rounds = Integer.parseInt(part.substring(7));
        }
        for (String shape : shapes.split(",")) {
            String[] p = shape.split("x");
            int m = Integer.parseInt(p[0]), k = Integer.parseInt(p[1]), n = Integer.parseInt(p[2]);
            double[] a = new double[m * k];
            double[] b = new double[k * n];
            double[] bt = new double[n * k];
            int seed = 12345;
            for (int i = 0; i < a.length; i++) { seed = seed * 1103515245 + 12345; a[i] = ((seed >>> 8) & 0xffff) / 65536.0 - 0.5; }
            for (int i = 0; i < b.length; i++) { seed = seed * 1103515245 + 12345; b[i] = ((seed >>> 8) & 0xffff) / 65536.0 - 0.5; bt[(i % n) * k + i / n] = b[i]; }
            double[] ref = new double[m * n];
            Kernels.run(0, ref, a, b, bt, m, n, k);
            final int mm = m, nn = n, kk = k;
            int reps = Math.max(1, (int) (4e7 / (2.0 * m * n * k)));
            double flops = 2.0 * m * n * k * reps;
            int count = Names.NAMES.length;
            double[][] res = new double[count][rounds];
            boolean[] same = new boolean[count];
            for (int round = 0; round < rounds; round++) {
                for (int w = 0; w < count; w++) {
                    if (!matches(Names.NAMES[w], only)) continue;
                    double[] c = new double[m * n];
                    Kernels.run(w, c, a, b, bt, m, n, k);
                    same[w] = Arrays.equals(c, ref);
                    final int which = w;
                    double t = median(() -> { for (int r = 0; r < reps; r++) Kernels.run(which, c, a, b, bt, mm, nn, kk); }, 9, round == 0 ? 500 : 50);
                    res[w][round] = flops / t / 1e6;
                }
            }
            StringBuilder sb = new StringBuilder("shape m" + m + " k" + k + " n" + n + ":");
            for (int w = 0; w < count; w++) {
                if (!matches(Names.NAMES[w], only)) continue;
                double[] r = res[w].clone();
                Arrays.sort(r);
                sb.append(" ").append(Names.NAMES[w]).append(" ").append(fmt(r[rounds / 2])).append(" (").append(fmt(r[0])).append("-").append(fmt(r[rounds - 1])).append(")").append(same[w] ? "" : "!BITS");
            }
            System.out.println(sb);
        }
        System.out.println("done");
    }

    static boolean matches(String name, String only) {
        if (only.isEmpty()) return true;
        for (String o : only.split("\\|")) if (name.equals(o) || name.startsWith(o + "*")) return true;
        return only.endsWith("*") && name.startsWith(only.substring(0, only.length() - 1));
    }

    static String fmt(double x) { return String.valueOf(Math.round(x * 10) / 10.0); }
}
