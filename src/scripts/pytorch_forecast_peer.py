#!/usr/bin/python3
"""The peer of `tearnn forecast`: the same series, split, gap filling, scaling, windows and targets
(see ForecastData's Javadoc), an nn.LSTM of the same hidden size with a Linear head, Adam with the
same learning rate, gradient clipping and batch, trained for the same wall-clock time, checking the
held-out part every --check-every steps and ending at the best check. It prints the line tearnn ends
with: `test MASE 0.81 (seasonal naive 1.00, last value 1.32)`.

    /usr/bin/python3 src/scripts/pytorch_forecast_peer.py --series sunspots --season 11 --seconds 30 [--threads 2]
        [--window 22 --horizon 11 --mode direct|recursive --predict level|change --hidden 32 --lr 0.005]
"""
import argparse
import csv
import math
import os
import random
import time

import torch

BUILT_IN = {  # file, column, date, window, horizon, recursive, change (as ForecastCsv.BUILT_IN)
    "sunspots": ("sunspots.csv", "SUNACTIVITY", "YEAR", 22, 11, True, False),
    "co2": ("co2.csv", "co2", "date", 104, 52, False, True),
    "elnino": ("elnino.csv", None, "YEAR", 24, 12, False, False),
    "temperatures": ("seattle-weather.csv", "temp_max", "date", 30, 7, False, False),
}


def read_series(path, column):
    with open(path) as f:
        rows = list(csv.reader(f))
    header, body = rows[0], [r for r in rows[1:] if r]
    if column is None:  # El Nino: a year a row, a month a column
        return [float(v) if v else math.nan for r in body for v in r[1:13]]
    at = header.index(column)
    dates = [r[0].replace("/", "").replace("-", "") for r in body]
    order = sorted(range(len(body)), key=lambda i: int(dates[i]))
    return [float(body[i][at]) if body[i][at] else math.nan for i in order]


def interpolated(v, bounds):
    out = list(v)
    for p in range(3):
        lo, hi = bounds[p], bounds[p + 1]
        last = -1
        for t in range(lo, hi):
            if math.isnan(v[t]):
                continue
            if last < 0:
                for g in range(lo, t):
                    out[g] = v[t]
            else:
                for g in range(last + 1, t):
                    out[g] = v[last] + (v[t] - v[last]) * (g - last) / (t - last)
            last = t
        for g in range(last + 1, hi):
            out[g] = v[last]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--series", default="sunspots")
    ap.add_argument("--data-dir", default=os.path.join(os.path.dirname(__file__), "..", "..", "web", "data"))
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--window", type=int)
    ap.add_argument("--horizon", type=int)
    ap.add_argument("--mode")
    ap.add_argument("--predict")
    ap.add_argument("--season", type=int, required=True, help="the season tearnn's run chose (it prints it)")
    ap.add_argument("--hidden", type=int, default=32)
    ap.add_argument("--lr", type=float, default=0.005)
    ap.add_argument("--clip", type=float, default=1.0)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--check-every", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    random.seed(a.seed)
    file, column, _, window, horizon, recursive, change = BUILT_IN[a.series]
    L = a.window or window
    H = a.horizon or horizon
    change = (a.predict == "change") if a.predict else change
    recursive = (a.mode == "recursive") if a.mode else recursive
    O = 1 if recursive else H
    raw = read_series(os.path.join(a.data_dir, file), column)
    n = len(raw)
    train_end = n - round(n * 0.3)
    held_end = n - round(n * 0.15)
    y = interpolated(raw, [0, train_end, held_end, n])
    season = a.season
    x = [y[t] - y[t - 1] if change else y[t] for t in range(n)]
    first = 1 if change else 0
    part = [x[t] for t in range(first, train_end)]
    mean = sum(part) / len(part)
    dev = math.sqrt(sum((v - mean) ** 2 for v in part) / len(part)) or 1.0
    start = L + first

    def inputs(origins):
        return torch.tensor([[[(x[o - L + t] - mean) / dev] for o in origins] for t in range(L)], dtype=torch.float32)

    def targets(origins):
        if change:
            return torch.tensor([[(y[o + h] - y[o - 1] - (h + 1) * mean) / dev for h in range(O)] for o in origins])
        return torch.tensor([[(y[o + h] - mean) / dev for h in range(O)] for o in origins])

    train = list(range(start, train_end - O + 1))
    held = list(range(max(start, train_end), held_end - H + 1))
    test = list(range(max(start, held_end), n - H + 1))
    lstm = torch.nn.LSTM(1, a.hidden)
    head = torch.nn.Linear(a.hidden, O)
    params = list(lstm.parameters()) + list(head.parameters())
    opt = torch.optim.Adam(params, lr=a.lr)

    def predict(xs):
        out, _ = lstm(xs)
        return head(out[-1])

    def forecast(origins):
        with torch.no_grad():
            xs = inputs(origins)
            if not recursive:
                s = predict(xs)
                return [[(y[o - 1] + s[k, h].item() * dev + (h + 1) * mean) if change else s[k, h].item() * dev + mean
                         for h in range(H)] for k, o in enumerate(origins)]
            level = [y[o - 1] for o in origins]
            out = [[0.0] * H for _ in origins]
            for h in range(H):
                s = predict(xs)[:, 0]
                xs = torch.cat([xs[1:], s.reshape(1, -1, 1)])
                for k in range(len(origins)):
                    level[k] = level[k] + s[k].item() * dev + mean if change else s[k].item() * dev + mean
                    out[k][h] = level[k]
            return out

    def mase(origins):
        f = forecast(origins)
        model = naive = last = 0.0
        for k, o in enumerate(origins):
            for h in range(H):
                if math.isnan(raw[o + h]):
                    continue
                back = o + h - season * (h // season + 1)
                model += abs(f[k][h] - raw[o + h])
                naive += abs(y[back] - raw[o + h])
                last += abs(y[o - 1] - raw[o + h])
        return model / naive, last / naive, model

    best, best_state, steps = math.inf, None, 0
    order, pos = [], 0
    t0 = time.time()
    while time.time() - t0 < a.seconds:
        for _ in range(a.check_every):
            chosen = []
            for _ in range(a.batch):
                if pos == len(order):
                    order = list(train)
                    random.shuffle(order)
                    pos = 0
                chosen.append(order[pos])
                pos += 1
            loss = torch.nn.functional.mse_loss(predict(inputs(chosen)), targets(chosen))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, a.clip)
            opt.step()
            steps += 1
        hm, _, held_abs = mase(held)
        if os.environ.get("PEER_TRACE"): print("step", steps, "loss %.4f" % loss.item(), "held-out MASE %.3f" % hm)
        if held_abs < best:
            best = held_abs
            best_state = ([p.detach().clone() for p in params], steps)
    for p, v in zip(params, best_state[0]):
        p.data.copy_(v)
    m, last, _ = mase(test)
    print("%s: %d steps in %.1f s, best held-out check at step %d" % (a.series, steps, time.time() - t0, best_state[1]))
    print("test MASE %.2f (seasonal naive 1.00, last value %.2f)" % (m, last))


if __name__ == "__main__":
    main()
