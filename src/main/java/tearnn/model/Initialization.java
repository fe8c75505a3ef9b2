package tearnn.model;

import java.util.Arrays;
import java.util.List;
import tearnn.math.Rng;
import tearnn.nn.CellType;
import tearnn.nn.Params;
import tearnn.nn.Tensor;

/**
 * How a model's weights begin, one of the seeds' six recipes, all drawn from {@code new Rng(seed)} in
 * tensor order (see {@link Init}), so a seed gives the same weights on every platform.
 * <pre>
 * pytorch     every tensor as PyTorch's nn.RNN/LSTM/GRU and nn.Linear begin it (the default)
 * xavier      weight blocks U(-b, b), b = sqrt(6 / (fan_in + fan_out)); biases 0      (Glorot and Bengio 2010)
 * orthogonal  xavier, and every H x H block of weight_hh orthogonal                   (Saxe et al. 2014)
 * forget      pytorch, and the LSTM's forget-gate bias 1: b_ih[f] = 1, b_hh[f] = 0    (Gers et al. 2000)
 * chrono      pytorch weights, recurrent biases 0, then for T_max                     (Tallec and Ollivier 2018)
 *               LSTM:  b_ih[f]_j = log u_j,  b_ih[i]_j = -log u_j,  u_j ~ U[1, T_max - 1]
 *               GRU:   b_ih[z]_j = log u_j   (PyTorch's h' = (1 - z) n + z h: z keeps, as f does)
 * identity    pytorch, then every weight_hh = I and the recurrent biases 0, for an
 *             RNN (relu): the IRNN                                                    (Le et al. 2015)
 * </pre>
 * A gate bias of log u makes the gate's characteristic forgetting time about u steps, so chrono spreads
 * the units' memories over 1 to T_max steps.
 *
 * @param kind      one of {@link #KINDS}
 * @param chronoMax chrono's T_max (at least 2); 0 for the other kinds
 */
public record Initialization(String kind, int chronoMax) {
    public static final String PYTORCH = "pytorch";
    public static final String XAVIER = "xavier";
    public static final String ORTHOGONAL = "orthogonal";
    public static final String FORGET = "forget";
    public static final String CHRONO = "chrono";
    public static final String IDENTITY = "identity";
    /** In the order a person is offered them. */
    public static final List<String> KINDS = List.of(PYTORCH, XAVIER, ORTHOGONAL, FORGET, CHRONO, IDENTITY);
    public static final Initialization DEFAULT = new Initialization(PYTORCH, 0);

    public Initialization {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown initialization '" + kind + "' (expected " + String.join(", ", KINDS) + ")");
        }
        if (kind.equals(CHRONO) ? chronoMax < 2 : chronoMax != 0) {
            throw new IllegalArgumentException(kind.equals(CHRONO) ? "chrono initialization needs T_max >= 2, got " + chronoMax
                    : kind + " initialization takes no T_max");
        }
    }

    /** A chrono initialization for {@code tMax}, or {@code kind} (which then takes no T_max). */
    public static Initialization of(String kind, int tMax) {
        return new Initialization(kind, kind.equals(CHRONO) ? tMax : 0);
    }

    /** Why this initialization cannot begin a model of {@code cell} (with biases or not), or null if it can. */
    public String refusal(CellType cell, boolean bias) {
        boolean gated = cell == CellType.LSTM || cell == CellType.GRU;
        return switch (kind) {
            case FORGET -> cell != CellType.LSTM ? "a forget-gate bias is an LSTM's; the cell is " + cell.label
                    : !bias ? "a forget-gate bias needs a model with biases" : null;
            case CHRONO -> !gated ? "chrono initialization sets the gate biases of an LSTM or a GRU; the cell is " + cell.label
                    : !bias ? "chrono initialization needs a model with biases" : null;
            case IDENTITY -> cell != CellType.RNN_RELU ? "identity recurrent weights (IRNN) are for an RNN (relu); the cell is "
                    + cell.label : null;
            default -> null;
        };
    }

    /** Sets every weight of {@code model} as this recipe says, from {@code new Rng(seed)}; refuses a cell it does not fit. */
    public void apply(Model model, int seed) {
        Architecture a = model.architecture();
        String no = refusal(a.cell(), a.bias());
        if (no != null) {
            throw new IllegalArgumentException(no);
        }
        Rng rng = new Rng(seed);
        switch (kind) {
            case XAVIER -> Init.xavier(model, rng);
            case ORTHOGONAL -> Init.orthogonal(model, rng);
            default -> Init.pytorchDefault(model, rng);
        }
        switch (kind) {
            case FORGET -> Init.forgetBias(model, 1);
            case CHRONO -> chrono(model, rng);
            case IDENTITY -> identity(model);
            default -> {
            }
        }
    }

    private void chrono(Model model, Rng rng) {
        Architecture a = model.architecture();
        Params p = model.params();
        int h = a.hidden();
        // gate blocks in PyTorch's order: LSTM i, f, g, o; GRU r, z, n: the gate that keeps (f, z) is block 1
        int keep = 1;
        for (int k = 0; k < a.stackPrefixes().length * a.layers(); k++) {
            String stack = a.stackPrefixes()[k / a.layers()];
            int l = k % a.layers();
            Tensor ih = p.find(stack + "bias_ih_l" + l);
            Tensor hh = p.find(stack + "bias_hh_l" + l);
            Arrays.fill(p.value, ih.offset(), ih.offset() + ih.size(), 0.0);
            Arrays.fill(p.value, hh.offset(), hh.offset() + hh.size(), 0.0);
            for (int j = 0; j < h; j++) {
                double b = Math.log(rng.uniform(1, chronoMax - 1));
                p.value[ih.offset() + keep * h + j] = b;
                if (a.cell() == CellType.LSTM) {
                    p.value[ih.offset() + j] = -b;
                }
            }
        }
    }

    private static void identity(Model model) {
        Architecture a = model.architecture();
        Params p = model.params();
        int h = a.hidden();
        for (int k = 0; k < a.stackPrefixes().length * a.layers(); k++) {
            String stack = a.stackPrefixes()[k / a.layers()];
            int l = k % a.layers();
            Tensor w = p.find(stack + "weight_hh_l" + l);
            Arrays.fill(p.value, w.offset(), w.offset() + w.size(), 0.0);
            for (int j = 0; j < h; j++) {
                p.value[w.offset() + j * h + j] = 1;
            }
            for (String bias : new String[] {stack + "bias_ih_l" + l, stack + "bias_hh_l" + l}) {
                Tensor b = p.find(bias);
                if (b != null) {
                    Arrays.fill(p.value, b.offset(), b.offset() + b.size(), 0.0);
                }
            }
        }
    }
}
