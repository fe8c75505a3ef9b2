#!/usr/bin/python3
"""Memory-task figures: tearnn's command line and the PyTorch peer on the same task, settings and cap, one after the other.

    mvn -q package -DskipTests
    /usr/bin/python3 src/scripts/memory_figures.py --tasks adding --cells rnn_tanh,lstm,gru,lstm:chrono \\
        --lengths 25,50,100 --seconds 300 [--threads 2] [--hidden 64] > figures.md

For each task, cell (cell:init for another initialization) and length T, runs `java -jar target/tearnn.jar
memory ... --threads N --seconds S` and `pytorch_memory_peer.py` with the same settings (batch 32, Adam,
lr 0.005, clip 1, hidden 64, a check of the 256 held-out sequences every 50 steps), each timed by itself
from its first step, and prints one markdown row: sequences and seconds to solve, or the held-out measure
reached at the cap. The pairs run back to back, so both see the same machine.
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def result(lines):
    """(sequences, seconds) when solved, else None; and the last held-out measure."""
    solved = re.search(r"solved after ([\d,]+) sequences in ([\d.]+) s", lines)
    measure = re.search(r"held-out (mse|accuracy) ([\d.]+)\s*$", lines.strip())
    return ((int(solved.group(1).replace(",", "")), float(solved.group(2))) if solved else None,
            (measure.group(1), float(measure.group(2))) if measure else None)


def shown(r, cap):
    solved, measure = r
    if solved:
        return "{:,} in {:.0f} s".format(*solved)
    if not measure:
        return "failed"
    return "{} {:.4f} at {} s".format(measure[0], measure[1], cap)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tasks", default="adding")
    ap.add_argument("--cells", default="rnn_tanh,lstm,gru")
    ap.add_argument("--lengths", default="25,50,100")
    ap.add_argument("--seconds", type=int, default=300)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--symbols", type=int, default=10)
    ap.add_argument("--jar", default=os.path.join(ROOT, "target", "tearnn.jar"), help="the build to measure (a copy: a rebuild meanwhile is harmless)")
    a = ap.parse_args()
    jar = a.jar
    print("| task | T | cell | init | tearnn (%d threads) | PyTorch (%d threads) |" % (a.threads, a.threads))
    print("| --- | --- | --- | --- | --- | --- |")
    for task in a.tasks.split(","):
        for length in a.lengths.split(","):
            for spec in a.cells.split(","):
                cell, _, init = spec.partition(":")
                init = init or "pytorch"
                common = ["--task", task, "--length", length, "--cell", cell, "--hidden", str(a.hidden),
                          "--symbols", str(a.symbols), "--seconds", str(a.seconds), "--threads", str(a.threads)]
                ours = subprocess.run(["java", "-jar", jar, "memory", "--init", init] + common,
                                      capture_output=True, text=True)
                peer = subprocess.run([sys.executable, os.path.join(HERE, "pytorch_memory_peer.py"), "--init", init] + common,
                                      capture_output=True, text=True)
                print("| %s | %s | %s | %s | %s | %s |" % (task, length, cell, init, shown(result(ours.stdout), a.seconds),
                                                          shown(result(peer.stdout), a.seconds)), flush=True)


if __name__ == "__main__":
    main()
