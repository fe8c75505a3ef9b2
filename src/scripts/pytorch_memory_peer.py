#!/usr/bin/python3
"""The peer for tearnn's memory tasks: the same task, model and settings trained by PyTorch, timed the same way.

    /usr/bin/python3 src/scripts/pytorch_memory_peer.py --task adding --length 50 --cell lstm --seconds 300

The tasks as tearnn defines them (src/main/java/tearnn/task: AddingProblem, CopyMemory, TemporalOrder),
with fresh random sequences every step and a held-out set of 256 fixed by the seed; an nn.RNN/LSTM/GRU
of one layer and a Linear head (the last step's output for adding and order, every step's for copy),
Adam (or --optimizer sgd) at --lr with global-norm clipping at --clip; the held-out set checked every
--check-every steps, the time counted from the first step to the check that finds the task solved
(held-out mse below 0.01; 99% right), checks included, as `tearnn memory` counts it. --init chrono sets
an LSTM's gate biases as generate.py's chrono_ does (T_max: the whole sequence's length).

Its last lines read as tearnn's: `solved after 49,600 sequences in 86.0 s` (when solved), then
`held-out mse 0.0043` or `held-out accuracy 0.993`.
"""
import argparse
import math
import time

import torch


def adding(T, B, g):
    x = torch.zeros(T, B, 2)
    x[:, :, 0] = torch.rand(T, B, generator=g)
    first = torch.randint(T // 2, (B,), generator=g)
    second = T // 2 + torch.randint(T - T // 2, (B,), generator=g)
    x[first, torch.arange(B), 1] = 1
    x[second, torch.arange(B), 1] = 1
    return x, (x[:, :, 0] * x[:, :, 1]).sum(0)


def copy(T, K, B, g):
    steps = T + 2 * K
    tokens = torch.zeros(steps, B, dtype=torch.long)
    tokens[T + K - 1] = 9
    targets = torch.zeros(steps, B, dtype=torch.long)
    data = 1 + torch.randint(8, (K, B), generator=g)
    tokens[:K] = data
    targets[T + K:] = data
    return torch.nn.functional.one_hot(tokens, 10).float(), targets


def order(T, B, g):
    lo1, lo2 = max(1, T // 10), 5 * T // 10
    hi1, hi2 = max(lo1, 2 * T // 10), min(T - 2, 6 * T // 10)
    tokens = 4 + torch.randint(4, (T, B), generator=g)
    tokens[0], tokens[T - 1] = 0, 1
    t1 = lo1 + torch.randint(hi1 - lo1 + 1, (B,), generator=g)
    t2 = lo2 + torch.randint(hi2 - lo2 + 1, (B,), generator=g)
    first, second = torch.randint(2, (B,), generator=g), torch.randint(2, (B,), generator=g)
    tokens[t1, torch.arange(B)] = 2 + first
    tokens[t2, torch.arange(B)] = 2 + second
    return torch.nn.functional.one_hot(tokens, 8).float(), 2 * first + second


class Net(torch.nn.Module):
    def __init__(self, cell, inputs, hidden, outputs):
        super().__init__()
        kinds = {"rnn_tanh": lambda: torch.nn.RNN(inputs, hidden, nonlinearity="tanh"),
                 "rnn_relu": lambda: torch.nn.RNN(inputs, hidden, nonlinearity="relu"),
                 "lstm": lambda: torch.nn.LSTM(inputs, hidden), "gru": lambda: torch.nn.GRU(inputs, hidden)}
        self.rnn = kinds[cell]()
        self.fc = torch.nn.Linear(hidden, outputs)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.fc(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--task", default="adding", choices=["adding", "copy", "order"])
    ap.add_argument("--length", type=int, default=50)
    ap.add_argument("--symbols", type=int, default=10)
    ap.add_argument("--cell", default="lstm")
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--optimizer", default="adam", choices=["adam", "sgd"])
    ap.add_argument("--lr", type=float, default=0.005)
    ap.add_argument("--clip", type=float, default=1.0)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--init", default="pytorch", choices=["pytorch", "chrono"])
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--check-every", type=int, default=50)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    T, K = a.length, a.symbols
    if a.task == "adding":
        make, inputs, outputs, steps = (lambda B, g: adding(T, B, g)), 2, 1, T
    elif a.task == "copy":
        make, inputs, outputs, steps = (lambda B, g: copy(T, K, B, g)), 10, 10, T + 2 * K
    else:
        make, inputs, outputs, steps = (lambda B, g: order(T, B, g)), 8, 4, T
    net = Net(a.cell, inputs, a.hidden, outputs)
    if a.init == "chrono":
        if a.cell != "lstm":
            raise SystemExit("--init chrono: this peer sets an LSTM's biases only")
        H = a.hidden
        with torch.no_grad():
            net.rnn.bias_ih_l0.zero_()
            net.rnn.bias_hh_l0.zero_()
            f = torch.log(torch.empty(H).uniform_(1, steps - 1))
            net.rnn.bias_ih_l0[H:2 * H] = f
            net.rnn.bias_ih_l0[0:H] = -f
    opt = (torch.optim.Adam if a.optimizer == "adam" else torch.optim.SGD)(net.parameters(), lr=a.lr)
    data = torch.Generator().manual_seed(a.seed + 3000)
    held_x, held_y = make(256, torch.Generator().manual_seed(a.seed + 4000))

    def loss_of(x, y):
        out = net(x)
        if a.task == "adding":
            return torch.nn.functional.mse_loss(out[-1, :, 0], y)
        if a.task == "copy":
            return torch.nn.functional.cross_entropy(out.reshape(-1, 10), y.reshape(-1))
        return torch.nn.functional.cross_entropy(out[-1], y)

    def measure():
        with torch.no_grad():
            out = net(held_x)
            if a.task == "adding":
                return ((out[-1, :, 0] - held_y) ** 2).mean().item()
            if a.task == "copy":
                return (out[T + K:].argmax(-1) == held_y[T + K:]).float().mean().item()
            return (out[-1].argmax(-1) == held_y).float().mean().item()

    solved = (lambda m: m < 0.01) if a.task == "adding" else (lambda m: m >= 0.99)
    name = "mse" if a.task == "adding" else "accuracy"
    t0, step, m, done = time.perf_counter(), 0, measure(), False
    elapsed = 0.0
    while not done and elapsed < a.seconds:
        for _ in range(a.check_every):
            x, y = make(a.batch, data)
            opt.zero_grad()
            loss = loss_of(x, y)
            loss.backward()
            if a.clip > 0:
                torch.nn.utils.clip_grad_norm_(net.parameters(), a.clip)
            opt.step()
            step += 1
        m = measure()
        done = solved(m)
        elapsed = time.perf_counter() - t0
        print("step %6d  loss %.4f  held-out %s %.4f  (%.1f s)" % (step, loss.item(), name, m, elapsed), flush=True)
    if done:
        print("solved after {:,} sequences in {:.1f} s".format(step * a.batch, elapsed))
    print("held-out %s %.4f" % (name, m))


if __name__ == "__main__":
    main()
