package tearnn.web;

import tearnn.nn.CellType;
import tearnn.nn.Params;
import tearnn.nn.RecurrentStack;

/** Entry point compiled by TeaVM; the browser glue grows here. */
public final class WorkerMain {
    private WorkerMain() {
    }

    public static void main(String[] args) {
        Params params = new Params();
        RecurrentStack stack = new RecurrentStack(params, "rnn.", CellType.LSTM, 2, 4, 1, true, false);
        params.allocate();
        stack.forward(new double[2 * 3 * 2], 2, 3, null, null, null, 0, null);
        System.out.println("tearnn ready");
    }
}
