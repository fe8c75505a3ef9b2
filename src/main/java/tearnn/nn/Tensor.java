package tearnn.nn;

/**
 * A named slice of a {@link Params} buffer: {@code rows x cols} values, row-major, starting at
 * {@code offset}. A vector has {@code rows == 1} and is written with shape {@code [cols]}.
 */
public record Tensor(String name, int offset, int rows, int cols, boolean vector) {
    public int size() {
        return rows * cols;
    }

    /** The PyTorch shape: {@code [cols]} for a vector, {@code [rows, cols]} for a matrix. */
    public int[] shape() {
        return vector ? new int[] {cols} : new int[] {rows, cols};
    }

    public String shapeText() {
        return vector ? "[" + cols + "]" : "[" + rows + ", " + cols + "]";
    }
}
