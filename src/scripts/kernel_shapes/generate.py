# Writes Kernels.java and Names.java for src/scripts/kernel_shapes/measure.sh: every candidate block shape
# of docs/kernels.md as a whole product with its leftover blocks (each element one sum over k in order).
# full dot-form kernels C[m][n] += A[m][k] B[n][k]^T, main block RxC, leftovers Rx1, 1xC, 1x1
shapes = [(4,4),(4,2),(2,4),(3,3),(4,3),(3,4),(6,2),(2,6),(5,2),(2,5),(3,2),(2,3)]
axpy = [(4,4),(4,2),(2,4),(3,3),(2,8),(3,4),(4,3),(5,2)]
out=[]; w=out.append
w("package k;\n\nfinal class Kernels {\n  private Kernels() {}\n")
names=[]
def block(nm,R,C,form):
    if form=="dot":
        w("  static void %s(double[] c, int c0, int n, double[] a, int a0, double[] b, int b0, int k) {" % nm)
        for r in range(1,R): w("    int a%d = a%d + k;" % (r,r-1))
        for cc in range(1,C): w("    int b%d = b%d + k;" % (cc,cc-1))
        w("    double %s;" % ", ".join("s%d%d = 0" % (r,c) for r in range(R) for c in range(C)))
        w("    for (int p = 0; p < k; p++) {")
        for cc in range(C): w("      double y%d = b[b%d + p];" % (cc,cc))
        for r in range(R):
            w("      %sx = a[a%d + p];" % ("double " if r==0 else "", r))
            for cc in range(C): w("      s%d%d += x * y%d;" % (r,cc,cc))
        w("    }")
    elif form=="dotI":
        w("  static void %s(double[] c, int c0, int n, double[] a, int a0, double[] b, int b0, int k) {" % nm)
        for r in range(1,R): w("    int a%d = a%d + k;" % (r,r-1))
        for cc in range(1,C): w("    int b%d = b%d + k;" % (cc,cc-1))
        w("    int end = a0 + k;")
        w("    double %s;" % ", ".join("s%d%d = 0" % (r,c) for r in range(R) for c in range(C)))
        w("    for (; a0 < end; %s) {" % ", ".join(["a%d++"%r for r in range(R)]+["b%d++"%cc for cc in range(C)]))
        for cc in range(C): w("      double y%d = b[b%d];" % (cc,cc))
        for r in range(R):
            w("      %sx = a[a%d];" % ("double " if r==0 else "", r))
            for cc in range(C): w("      s%d%d += x * y%d;" % (r,cc,cc))
        w("    }")
    elif form=="dotU":
        w("  static void %s(double[] c, int c0, int n, double[] a, int a0, double[] b, int b0, int k) {" % nm)
        for r in range(1,R): w("    int a%d = a%d + k;" % (r,r-1))
        for cc in range(1,C): w("    int b%d = b%d + k;" % (cc,cc-1))
        w("    double %s;" % ", ".join("s%d%d = 0" % (r,c) for r in range(R) for c in range(C)))
        w("    int p = 0;")
        w("    for (; p + 1 < k; p += 2) {")
        for u in range(2):
            for cc in range(C): w("      %sy%d = b[b%d + p + %d];" % ("double " if u==0 else "", cc,cc,u))
            for r in range(R):
                w("      %sx = a[a%d + p + %d];" % ("double " if (r==0 and u==0) else "", r, u))
                for cc in range(C): w("      s%d%d += x * y%d;" % (r,cc,cc))
        w("    }")
        w("    for (; p < k; p++) {")
        for cc in range(C): w("      double y%d = b[b%d + p];" % (cc,cc))
        for r in range(R):
            w("      %sx = a[a%d + p];" % ("double " if r==0 else "", r))
            for cc in range(C): w("      s%d%d += x * y%d;" % (r,cc,cc))
        w("    }")
    else:
        w("  static void %s(double[] c, int c0, int n, double[] a, int a0, int ai, int ap, double[] b, int b0, int k) {" % nm)
        w("    double %s;" % ", ".join("s%d%d = 0" % (r,c) for r in range(R) for c in range(C)))
        w("    int pa = a0;\n    int pb = b0;")
        w("    for (int p = 0; p < k; p++, pa += ap, pb += n) {")
        for cc in range(C): w("      double y%d = b[pb + %d];" % (cc,cc))
        for r in range(R):
            w("      %sx = a[pa + %d * ai];" % ("double " if r==0 else "", r))
            for cc in range(C): w("      s%d%d += x * y%d;" % (r,cc,cc))
        w("    }")
    for r in range(R):
        for cc in range(C): w("    c[c0 + %d * n + %d] += s%d%d;" % (r,cc,r,cc))
    w("  }")
made=set()
def ensure(form,R,C):
    nm="%s%dx%d"%(form,R,C)
    if nm not in made:
        made.add(nm); block(nm,R,C,form)
    return nm
for (R,C) in shapes:
    main=ensure("dot",R,C); col=ensure("dot",R,1); row=ensure("dot",1,C); one=ensure("dot",1,1)
    nm="D%dx%d"%(R,C); names.append(("dot",nm))
    w("  static void %s(double[] c, int cOff, double[] a, int aOff, double[] b, int bOff, int m, int n, int k) {" % nm)
    w("    int i = 0;\n    for (; i + %d <= m; i += %d) {\n      int a0 = aOff + i * k;\n      int c0 = cOff + i * n;\n      int j = 0;" % (R,R))
    w("      for (; j + %d <= n; j += %d) %s(c, c0 + j, n, a, a0, b, bOff + j * k, k);" % (C,C,main))
    w("      for (; j < n; j++) %s(c, c0 + j, n, a, a0, b, bOff + j * k, k);\n    }" % col)
    w("    for (; i < m; i++) {\n      int a0 = aOff + i * k;\n      int c0 = cOff + i * n;\n      int j = 0;")
    w("      for (; j + %d <= n; j += %d) %s(c, c0 + j, n, a, a0, b, bOff + j * k, k);" % (C,C,row))
    w("      for (; j < n; j++) %s(c, c0 + j, n, a, a0, b, bOff + j * k, k);\n    }\n  }" % one)
for (R,C,RC) in [(5,2,4),(3,3,4),(4,2,4),(6,2,4)]:
    main=ensure("dot",R,C); col=ensure("dot",R,1); row=ensure("dot",1,RC); one=ensure("dot",1,1)
    nm="F%dx%d"%(R,C); names.append(("dot",nm))
    w("  static void %s(double[] c, int cOff, double[] a, int aOff, double[] b, int bOff, int m, int n, int k) {" % nm)
    w("    int i = 0;\n    for (; i + %d <= m; i += %d) {\n      int a0 = aOff + i * k;\n      int c0 = cOff + i * n;\n      int j = 0;" % (R,R))
    w("      for (; j + %d <= n; j += %d) %s(c, c0 + j, n, a, a0, b, bOff + j * k, k);" % (C,C,main))
    w("      for (; j < n; j++) %s(c, c0 + j, n, a, a0, b, bOff + j * k, k);\n    }" % col)
    w("    for (; i < m; i++) {\n      int a0 = aOff + i * k;\n      int c0 = cOff + i * n;\n      int j = 0;")
    w("      for (; j + %d <= n; j += %d) %s(c, c0 + j, n, a, a0, b, bOff + j * k, k);" % (RC,RC,row))
    w("      for (; j < n; j++) %s(c, c0 + j, n, a, a0, b, bOff + j * k, k);\n    }\n  }" % one)
for form in ["dotI","dotU"]:
  for (R,C) in [(3,3),(5,2),(4,2)]:
    main=ensure(form,R,C); col=ensure("dot",R,1); row=ensure("dot",1,C); one=ensure("dot",1,1)
    nm="%s%dx%d"%(form[-1],R,C); names.append(("dot",nm))
    w("  static void %s(double[] c, int cOff, double[] a, int aOff, double[] b, int bOff, int m, int n, int k) {" % nm)
    w("    int i = 0;\n    for (; i + %d <= m; i += %d) {\n      int a0 = aOff + i * k;\n      int c0 = cOff + i * n;\n      int j = 0;" % (R,R))
    w("      for (; j + %d <= n; j += %d) %s(c, c0 + j, n, a, a0, b, bOff + j * k, k);" % (C,C,main))
    w("      for (; j < n; j++) %s(c, c0 + j, n, a, a0, b, bOff + j * k, k);\n    }" % col)
    w("    for (; i < m; i++) {\n      int a0 = aOff + i * k;\n      int c0 = cOff + i * n;\n      int j = 0;")
    w("      for (; j + %d <= n; j += %d) %s(c, c0 + j, n, a, a0, b, bOff + j * k, k);" % (C,C,row))
    w("      for (; j < n; j++) %s(c, c0 + j, n, a, a0, b, bOff + j * k, k);\n    }\n  }" % one)
for (R,C) in axpy:
    main=ensure("axpy",R,C); col=ensure("axpy",R,1); row=ensure("axpy",1,8); one=ensure("axpy",1,1)
    nm="A%dx%d"%(R,C); names.append(("axpy",nm))
    w("  static void %s(double[] c, int cOff, double[] a, int aOff, double[] b, int bOff, int m, int n, int k) {" % nm)
    w("    int ai = k, ap = 1;")
    w("    int i = 0;\n    for (; i + %d <= m; i += %d) {\n      int a0 = aOff + i * ai;\n      int c0 = cOff + i * n;\n      int j = 0;" % (R,R))
    w("      for (; j + %d <= n; j += %d) %s(c, c0 + j, n, a, a0, ai, ap, b, bOff + j, k);" % (C,C,main))
    w("      for (; j < n; j++) %s(c, c0 + j, n, a, a0, ai, ap, b, bOff + j, k);\n    }" % col)
    w("    for (; i < m; i++) {\n      int a0 = aOff + i * ai;\n      int c0 = cOff + i * n;\n      int j = 0;")
    w("      for (; j + 8 <= n; j += 8) %s(c, c0 + j, n, a, a0, ai, ap, b, bOff + j, k);" % row)
    w("      for (; j < n; j++) %s(c, c0 + j, n, a, a0, ai, ap, b, bOff + j, k);\n    }\n  }" % one)
w("  static void run(int which, double[] c, double[] a, double[] b, double[] bt, int m, int n, int k) {\n    switch (which) {")
for idx,(form,nm) in enumerate(names):
    w("      case %d: %s(c, 0, a, 0, %s, 0, m, n, k); break;" % (idx,nm,"bt" if form=="dot" else "b"))
w("      default: throw new IllegalArgumentException();\n    }\n  }\n}")
open("src/main/java/k/Kernels.java","w").write("\n".join(out)+"\n")
open("src/main/java/k/Names.java","w").write("package k;\nfinal class Names {\n  static final String[] NAMES = {%s};\n}\n" % ", ".join('"%s"'%x[1] for x in names))
