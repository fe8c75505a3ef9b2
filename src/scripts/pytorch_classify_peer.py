#!/usr/bin/python3
"""The peer of `tearnn classify`: the same data read the same way, the same held-out examples, the same
model and settings trained by PyTorch, timed the same way.

    java -jar target/tearnn.jar classify --digits rows --split-out /tmp/held.txt --max-steps 1 ...
    /usr/bin/python3 src/scripts/pytorch_classify_peer.py --digits rows --split /tmp/held.txt --seconds 180

Data (as ClassificationCsv reads it): the digits (web/data/digits.csv.gz) row by row (8 steps of 8
pixels) or pixel by pixel (64 steps of 1); or the Seattle weather (web/data/seattle-weather.csv) with
--weather K: K days in a row (precipitation, temp_max, temp_min, wind, a step a day), labelled by the
next day's weather. The held-out part is the one tearnn drew (--split: the indices `classify
--split-out` writes); the rest trains. Each input is scaled by the training part's mean and deviation.
The model: nn.GRU or nn.LSTM of --hidden (--layers), a Linear head at the last step, PyTorch's own
initialization; Adam at --lr, global-norm clipping at --clip, --batch examples a step in an order
shuffled every epoch, cross-entropy. Float32, as PyTorch's users train. The held-out accuracy is
checked every --check-every steps, the time counted from the first step, checks included, as
`tearnn classify` counts it; at each of --marks seconds, the first check at or after it is reported.

Its last line reads as tearnn's: `held-out accuracy 0.972 (majority baseline 0.101)`.
"""
import argparse
import csv
import gzip
import os
import time

import torch

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def digits(pixels):
    """Sequences [N][T][I] and labels, as ClassificationCsv.digits reads them."""
    xs, ys = [], []
    with gzip.open(os.path.join(ROOT, "web", "data", "digits.csv.gz"), "rt") as f:
        for line in f:
            if not line.strip():
                continue
            v = [float(x) for x in line.split(",")]
            xs.append([[p] for p in v[:64]] if pixels else [v[r * 8:(r + 1) * 8] for r in range(8)])
            ys.append(int(v[64]))
    return xs, ys


def weather(days):
    """K days in a row (every column but the label and the date, a step a day), labelled by the next day's weather."""
    with open(os.path.join(ROOT, "web", "data", "seattle-weather.csv")) as f:
        rows = [r for r in csv.reader(f) if r]
    header, body = rows[0], rows[1:]
    label = header.index("weather")
    read = [c for c in range(len(header)) if c != label and header[c].lower() != "date"]
    steps = [[float(r[c]) for c in read] for r in body]
    classes = {}
    xs, ys = [], []
    for s in range(len(body) - days):
        xs.append(steps[s:s + days])
        ys.append(classes.setdefault(body[s + days][label], len(classes)))
    return xs, ys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--digits", choices=["rows", "pixels"])
    ap.add_argument("--weather", type=int, default=0, help="days a sequence (the weather instead of the digits)")
    ap.add_argument("--split", required=True, help="the held-out indices, one a line (tearnn classify --split-out)")
    ap.add_argument("--cell", default="gru", choices=["gru", "lstm"])
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--layers", type=int, default=1)
    ap.add_argument("--lr", type=float, default=0.005)
    ap.add_argument("--clip", type=float, default=1.0)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--marks", default="30,60,180", help="seconds at which to report the held-out accuracy")
    ap.add_argument("--check-every", type=int, default=100)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    xs, ys = weather(a.weather) if a.weather > 0 else digits(a.digits == "pixels")
    held = [int(line) for line in open(a.split) if line.strip()]
    held_set = set(held)
    train = [i for i in range(len(xs)) if i not in held_set]
    x = torch.tensor(xs, dtype=torch.float64)  # [N][T][I]
    y = torch.tensor(ys)
    flat = x[train].reshape(-1, x.shape[2])
    mean = flat.mean(0)
    sd = flat.std(0, unbiased=False)
    sd[sd <= 1e-12] = 1
    x = ((x - mean) / sd).float().transpose(0, 1).contiguous()  # [T][N][I], time-major as nn.GRU reads it
    classes = int(y.max()) + 1
    counts = torch.bincount(y[train], minlength=classes)
    majority = int(counts.argmax())
    held_t = torch.tensor(held)
    baseline = float((y[held_t] == majority).float().mean())

    rnn = (torch.nn.GRU if a.cell == "gru" else torch.nn.LSTM)(x.shape[2], a.hidden, a.layers)
    head = torch.nn.Linear(a.hidden, classes)
    params = list(rnn.parameters()) + list(head.parameters())
    opt = torch.optim.Adam(params, lr=a.lr)
    print("%d examples of %d steps of %d, %d classes; %d to train on, %d held out; %s hidden %d, %d parameters, %d threads"
          % (len(xs), x.shape[0], x.shape[2], classes, len(train), len(held), a.cell, a.hidden,
             sum(p.numel() for p in params), a.threads))

    def accuracy():
        with torch.no_grad():
            out, _ = rnn(x[:, held_t])
            return float((head(out[-1]).argmax(1) == y[held_t]).float().mean())

    marks = [float(m) for m in a.marks.split(",")]
    reported = {}
    order = torch.tensor(train)
    at = len(train)
    steps = 0
    acc = accuracy()
    t0 = time.perf_counter()
    elapsed = 0.0
    while elapsed < a.seconds:
        for _ in range(a.check_every):
            if at + a.batch > len(train):
                order = torch.tensor(train)[torch.randperm(len(train))]
                at = 0
            which = order[at:at + a.batch]
            at += a.batch
            out, _ = rnn(x[:, which])
            loss = torch.nn.functional.cross_entropy(head(out[-1]), y[which])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, a.clip)
            opt.step()
            steps += 1
        acc = accuracy()
        elapsed = time.perf_counter() - t0
        print("step %6d  loss %.4f  held-out accuracy %.4f  (%.1f s)" % (steps, float(loss), acc, elapsed), flush=True)
        for m in marks:
            if m not in reported and elapsed >= m:
                reported[m] = (acc, steps, elapsed)
    for m in marks:
        if m in reported:
            r = reported[m]
            print("at %g s: held-out accuracy %.4f (step %d, %.1f s)" % (m, r[0], r[1], r[2]))
    print("held-out accuracy %.3f (majority baseline %.3f)" % (acc, baseline))


if __name__ == "__main__":
    main()
