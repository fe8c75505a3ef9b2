#!/usr/bin/python3
"""Searches the command line's defaults for a newcomer's text and a fixed time: coordinate descent.

    python3 src/scripts/search_defaults.py --jar target/tearnn.jar --seconds 60 --parallel 2 \\
        --text char:shakespeare.txt --text word:ptb.test.txt:ptb.valid.txt > search.md

For each text (level:train[:held-out]), it starts from the current defaults and tries, one setting at
a time, each value of that setting's list below, keeping a change only when it lowers the validation
loss the run ends with (the perplexity on the whole held-out text after the time is up; for
characters, bits per character), then goes on to the next setting with the best so far. Runs go
--parallel at a time, each on one thread (--threads 1), so that runs side by side do not share a
core. Prints a Markdown table of every run and, per text, the settings that won.
"""
import argparse
import concurrent.futures
import math
import re
import os
import subprocess
import tempfile

# the defaults every search starts from (LanguageModelSettings); a value equal to its default is no change
DEFAULTS = {"hidden": "64", "embedding": "32", "bptt": "20", "batch": "16", "lr": "0.005", "layers": "1", "cell": "lstm",
            "output": "auto"}

SPACE = {
    "char": [("hidden", ["64", "128", "256"]), ("embedding", ["16", "32", "64"]), ("bptt", ["20", "50", "100"]),
             ("batch", ["16", "32", "64"]), ("lr", ["0.002", "0.005", "0.01"]), ("layers", ["1", "2"]),
             ("cell", ["lstm", "gru"])],
    "word": [("hidden", ["64", "128", "256"]), ("embedding", ["32", "64", "128"]), ("output", ["adaptive", "softmax"]),
             ("bptt", ["20", "35"]), ("batch", ["16", "32"]), ("lr", ["0.002", "0.005", "0.01"]), ("layers", ["1", "2"]),
             ("cell", ["lstm", "gru"])],
}


def run(jar, seconds, level, train, valid, settings):
    out = tempfile.NamedTemporaryFile(suffix=".safetensors", delete=False).name
    args = ["java", "-jar", jar, "train", "--text", train, "--seconds", str(seconds), "--threads", "1",
            "--level", level, "--out", out]
    if valid:
        args += ["--valid", valid]
    for k, v in settings.items():
        args += ["--" + k, v]
    p = subprocess.run(args, capture_output=True, text=True)
    os.unlink(out)
    ppl = [float(x) for x in re.findall(r"validation perplexity ([0-9.]+)", p.stdout)]
    steps = re.findall(r"after (\d+) steps", p.stdout)
    if p.returncode != 0 or not ppl:
        return math.inf, 0, (p.stderr or p.stdout).strip().splitlines()[-1:]
    return ppl[-1], int(steps[0]) if steps else 0, []


def loss_text(level, ppl):
    return "%.3f bits/char" % math.log2(ppl) if level == "char" else "perplexity %.1f" % ppl


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default="target/tearnn.jar")
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--parallel", type=int, default=2)
    ap.add_argument("--text", action="append", required=True)
    a = ap.parse_args()
    print("| text | settings changed from the defaults | result after %g s | steps |" % a.seconds)
    print("| --- | --- | --- | --- |")
    winners = []
    for spec in a.text:
        level, train, *rest = spec.split(":")
        valid = rest[0] if rest else None
        name = train.split("/")[-1] + (" (" + level + ")")
        best, best_ppl = {}, math.inf
        seen = {}

        def measure(settings):
            settings = {k: v for k, v in settings.items() if DEFAULTS.get(k) != v}
            key = tuple(sorted(settings.items()))
            if key not in seen:
                seen[key] = run(a.jar, a.seconds, level, train, valid, settings)
                ppl, steps, err = seen[key]
                changed = ", ".join("%s %s" % kv for kv in sorted(settings.items())) or "(defaults)"
                print("| %s | %s | %s | %d |" % (name, changed, loss_text(level, ppl) if ppl < math.inf else
                                                 "failed: " + " ".join(err), steps), flush=True)
            return seen[key][0]

        best_ppl = measure({})
        for setting, values in SPACE[level]:
            trials = [dict(best, **{setting: v}) for v in values]
            with concurrent.futures.ThreadPoolExecutor(a.parallel) as pool:
                results = list(pool.map(measure, trials))
            for t, ppl in zip(trials, results):
                if ppl < best_ppl:
                    best, best_ppl = t, ppl
        winners.append((name, best, best_ppl, level))
    print()
    for name, best, ppl, level in winners:
        print("- %s: %s -> %s" % (name, ", ".join("--%s %s" % kv for kv in sorted(best.items())) or "the defaults",
                                  loss_text(level, ppl)))


main()
