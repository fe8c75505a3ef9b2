#!/usr/bin/python3
"""The command line's figures for docs/classification.md: each data set and cell trained by `tearnn
classify` (--threads 2) and by the PyTorch peer (pytorch_classify_peer.py, on the same held-out
examples), one after the other, for the same wall time; the held-out accuracy at the first check at
or after each mark. Run from the project's folder after `mvn -q package -DskipTests`, on an idle machine:

    /usr/bin/python3 src/scripts/classify_figures.py [--seconds 180] [--marks 30,60,180] [--peer-threads 1]
"""
import argparse
import os
import re
import subprocess
import sys

CONFIGS = {  # name: (tearnn's data options, the peer's)
    "digits-rows": (["--digits", "rows"], ["--digits", "rows"]),
    "digits-pixels": (["--digits", "pixels"], ["--digits", "pixels"]),
    "weather": (["--data", "web/data/seattle-weather.csv", "--label", "weather", "--window", "3"], ["--weather", "3"]),
}
CHECK = re.compile(r"^step\s+(\d+)\s+loss \S+\s+held-out accuracy ([\d.]+)\s+\(([\d.]+) s\)")


def at_marks(output, marks):
    """The first check at or after each mark: (accuracy, step), or None if the run ended before it."""
    checks = [(float(m.group(3)), float(m.group(2)), int(m.group(1))) for m in map(CHECK.match, output.splitlines()) if m]
    return [next(((a, s) for t, a, s in checks if t >= mark), None) for mark in marks]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=180)
    ap.add_argument("--marks", default="30,60,180")
    ap.add_argument("--runs", default="digits-rows/gru,digits-rows/lstm,digits-pixels/gru,weather/gru")
    ap.add_argument("--peer-threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    marks = [float(m) for m in a.marks.split(",")]
    split = "/tmp/tearnn-classify-split.txt"
    peer = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pytorch_classify_peer.py")
    for run in a.runs.split(","):
        data, cell = run.split("/")
        ours, theirs = CONFIGS[data]
        common = ["--cell", cell, "--seconds", str(a.seconds), "--seed", str(a.seed)]
        t = subprocess.run(["java", "-jar", "target/tearnn.jar", "classify"] + ours + common
                           + ["--threads", "2", "--split-out", split], capture_output=True, text=True, check=True).stdout
        p = subprocess.run(["/usr/bin/python3", peer] + theirs + common + ["--split", split, "--marks", a.marks,
                           "--threads", str(a.peer_threads)], capture_output=True, text=True, check=True).stdout
        for who, out in (("tearnn, 2 threads", t), ("PyTorch, %d thread%s" % (a.peer_threads, "s" if a.peer_threads > 1 else ""), p)):
            cells = ["%.3f (step %d)" % r if r else "-" for r in at_marks(out, marks)]
            print("%-14s %-5s %-18s %s" % (data, cell, who, "  ".join(cells)), flush=True)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
