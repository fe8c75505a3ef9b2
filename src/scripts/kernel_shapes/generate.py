# Writes Kernels.java and Names.java for measure.sh: every candidate block shape of docs/kernels.md as a
# whole product with its leftover blocks. Whatever the block, each element of C is one sum over k in
# increasing order, so every kernel gives the bits of the first (the harness checks).
#   D RxC: dot form C[m][n] += A[m][k] B[n][k]^T, leftovers Rx1, 1xC, 1x1
#   F RxC: the same with 1x4 leftover rows (as MatMul does)
#   I RxC, U RxC: the dot block with its indices stepped, or unrolled twice over k
#   A RxC: axpy form C[m][n] += A[m][k] B[k][n], leftovers Rx1, 1x8, 1x1
DOT = [(4, 4), (4, 2), (2, 4), (3, 3), (4, 3), (3, 4), (6, 2), (2, 6), (5, 2), (2, 5), (3, 2), (2, 3)]
DOT_ROWS_BY_4 = [(5, 2), (3, 3), (4, 2), (6, 2)]
VARIANTS = [(3, 3), (5, 2), (4, 2)]
AXPY = [(4, 4), (4, 2), (2, 4), (3, 3), (2, 8), (3, 4), (4, 3), (5, 2)]

out = []
w = out.append
names = []
made = set()


def sums(R, C):
    w("    double %s;" % ", ".join("s%d%d = 0" % (r, c) for r in range(R) for c in range(C)))


def multiply_adds(R, C, a_at, b_at, declare=True):
    """One step over k: C values of B, then each row of A against them."""
    for c in range(C):
        w("      %sy%d = b[%s];" % ("double " if declare else "", c, b_at(c)))
    for r in range(R):
        w("      %sx = a[%s];" % ("double " if declare and r == 0 else "", a_at(r)))
        for c in range(C):
            w("      s%d%d += x * y%d;" % (r, c, c))


def block(name, R, C, form):
    if form == "axpy":
        w("  static void %s(double[] c, int c0, int n, double[] a, int a0, int ai, int ap, double[] b, int b0, int k) {" % name)
        sums(R, C)
        w("    int pa = a0;\n    int pb = b0;")
        w("    for (int p = 0; p < k; p++, pa += ap, pb += n) {")
        multiply_adds(R, C, lambda r: "pa + %d * ai" % r, lambda c: "pb + %d" % c)
        w("    }")
    else:
        w("  static void %s(double[] c, int c0, int n, double[] a, int a0, double[] b, int b0, int k) {" % name)
        for r in range(1, R):
            w("    int a%d = a%d + k;" % (r, r - 1))
        for c in range(1, C):
            w("    int b%d = b%d + k;" % (c, c - 1))
        sums(R, C)
        if form == "dot":
            w("    for (int p = 0; p < k; p++) {")
            multiply_adds(R, C, lambda r: "a%d + p" % r, lambda c: "b%d + p" % c)
        elif form == "dotI":
            w("    int end = a0 + k;")
            steps = ["a%d++" % r for r in range(R)] + ["b%d++" % c for c in range(C)]
            w("    for (; a0 < end; %s) {" % ", ".join(steps))
            multiply_adds(R, C, lambda r: "a%d" % r, lambda c: "b%d" % c)
        else:  # dotU
            w("    int p = 0;")
            w("    for (; p + 1 < k; p += 2) {")
            multiply_adds(R, C, lambda r: "a%d + p + 0" % r, lambda c: "b%d + p + 0" % c)
            multiply_adds(R, C, lambda r: "a%d + p + 1" % r, lambda c: "b%d + p + 1" % c, declare=False)
            w("    }")
            w("    for (; p < k; p++) {")
            multiply_adds(R, C, lambda r: "a%d + p" % r, lambda c: "b%d + p" % c)
        w("    }")
    for r in range(R):
        for c in range(C):
            w("    c[c0 + %d * n + %d] += s%d%d;" % (r, c, r, c))
    w("  }")


def ensure(form, R, C):
    name = "%s%dx%d" % (form, R, C)
    if name not in made:
        made.add(name)
        block(name, R, C, form)
    return name


def product(name, form, R, C, row_width):
    """The whole product: RxC blocks, an Rx1 block for a leftover column, 1 x row_width blocks and 1x1 for leftover rows."""
    axpy = form == "axpy"
    main = ensure(form, R, C)
    col = ensure("axpy" if axpy else "dot", R, 1)
    row = ensure("axpy" if axpy else "dot", 1, row_width)
    one = ensure("axpy" if axpy else "dot", 1, 1)
    names.append((name, axpy))
    args = "n, a, a0, k, 1, b, bOff + j, k" if axpy else "n, a, a0, b, bOff + j * k, k"
    w("  static void %s(double[] c, int cOff, double[] a, int aOff, double[] b, int bOff, int m, int n, int k) {" % name)
    w("    int i = 0;")
    w("    for (; i + %d <= m; i += %d) {" % (R, R))
    w("      int a0 = aOff + i * k;\n      int c0 = cOff + i * n;\n      int j = 0;")
    w("      for (; j + %d <= n; j += %d) %s(c, c0 + j, %s);" % (C, C, main, args))
    w("      for (; j < n; j++) %s(c, c0 + j, %s);" % (col, args))
    w("    }")
    w("    for (; i < m; i++) {")
    w("      int a0 = aOff + i * k;\n      int c0 = cOff + i * n;\n      int j = 0;")
    w("      for (; j + %d <= n; j += %d) %s(c, c0 + j, %s);" % (row_width, row_width, row, args))
    w("      for (; j < n; j++) %s(c, c0 + j, %s);" % (one, args))
    w("    }")
    w("  }")


w("package k;\n\nfinal class Kernels {\n  private Kernels() {}\n")
for (R, C) in DOT:
    product("D%dx%d" % (R, C), "dot", R, C, C)
for (R, C) in DOT_ROWS_BY_4:
    product("F%dx%d" % (R, C), "dot", R, C, 4)
for form in ["dotI", "dotU"]:
    for (R, C) in VARIANTS:
        product("%s%dx%d" % (form[-1], R, C), form, R, C, C)
for (R, C) in AXPY:
    product("A%dx%d" % (R, C), "axpy", R, C, 8)
w("  static void run(int which, double[] c, double[] a, double[] b, double[] bt, int m, int n, int k) {")
w("    switch (which) {")
for index, (name, axpy) in enumerate(names):
    w("      case %d: %s(c, 0, a, 0, %s, 0, m, n, k); break;" % (index, name, "b" if axpy else "bt"))
w("      default: throw new IllegalArgumentException();\n    }\n  }\n}")
open("src/main/java/k/Kernels.java", "w").write("\n".join(out) + "\n")
open("src/main/java/k/Names.java", "w").write("package k;\nfinal class Names {\n  static final String[] NAMES = {%s};\n}\n"
                                              % ", ".join('"%s"' % n for n, _ in names))
