#!/usr/bin/python3
"""The peer for tearnn's word models: the same model trained by PyTorch for the same time on the same text.

    /usr/bin/python3 src/scripts/pytorch_word_peer.py TRAIN VALID --seconds 180 --output adaptive|softmax

Pre-tokenized text as tearnn reads it (split at white space, <eos> at each line end, the vocabulary the
training text's most frequent tokens up to --vocab with <unk> first), B parallel streams of BPTT-length
windows with the state carried (detached), SGD with global-norm clipping, the learning rate warmed up
over the first 3% of the time and decayed (cosine) to 0 at its end, as tearnn's --seconds does. The
adaptive softmax gets the cutoffs tearnn chose (--cutoffs), or [2000, 10000]-style ones from the
vocabulary. Prints tokens/s and the validation perplexity on the whole held-out text at the end.
"""
import argparse
import collections
import math
import time

import torch


def tokens(path):
    out = []
    for line in open(path, encoding="utf-8"):
        words = line.split()
        if words:
            out += words + ["<eos>"]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("train")
    ap.add_argument("valid")
    ap.add_argument("--seconds", type=float, default=180)
    ap.add_argument("--output", default="softmax")
    ap.add_argument("--cutoffs", default="")
    ap.add_argument("--vocab", type=int, default=10000)
    ap.add_argument("--embedding", type=int, default=200)
    ap.add_argument("--hidden", type=int, default=200)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--bptt", type=int, default=20)
    ap.add_argument("--batch", type=int, default=20)
    ap.add_argument("--lr", type=float, default=1.0)
    ap.add_argument("--clip", type=float, default=5.0)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    train, valid = tokens(a.train), tokens(a.valid)
    counts = collections.Counter(t for t in train if t != "<unk>")
    vocab = ["<unk>"] + sorted(counts, key=lambda t: (-counts[t], t))[:a.vocab - 1]
    index = {t: i for i, t in enumerate(vocab)}
    V = len(vocab)

    def encode(ts):
        return torch.tensor([index.get(t, 0) for t in ts])

    def streams(ids, b):
        n = len(ids) // b
        return ids[:n * b].view(b, n).t().contiguous()   # [n][b]

    class Net(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = torch.nn.Embedding(V, a.embedding)
            self.rnn = torch.nn.LSTM(a.embedding, a.hidden, a.layers)
            if a.output == "adaptive":
                cutoffs = [int(c) for c in a.cutoffs.split(",")] if a.cutoffs else [c for c in (2000, 10000) if c < V]
                self.fc = torch.nn.AdaptiveLogSoftmaxWithLoss(a.hidden, V, cutoffs, div_value=4.0)
            else:
                self.fc = torch.nn.Linear(a.hidden, V)

        def loss(self, x, y, state):
            out, state = self.rnn(self.embedding(x), state)
            h = out.reshape(-1, a.hidden)
            if a.output == "adaptive":
                return self.fc(h, y.reshape(-1)).loss, state
            return torch.nn.functional.cross_entropy(self.fc(h), y.reshape(-1)), state

    net = Net()
    opt = torch.optim.SGD(net.parameters(), lr=a.lr)
    data = streams(encode(train), a.batch)
    state, pos, seen, steps = None, 0, 0, 0
    t0 = time.time()
    while True:
        f = (time.time() - t0) / a.seconds
        if f >= 1:
            break
        scale = 0.1 + 0.9 * f / 0.03 if f < 0.03 else (1 + math.cos(math.pi * (f - 0.03) / 0.97)) / 2
        for g in opt.param_groups:
            g["lr"] = a.lr * scale
        if pos + a.bptt + 1 > data.size(0):
            pos, state = 0, None
        x, y = data[pos:pos + a.bptt], data[pos + 1:pos + 1 + a.bptt]
        pos += a.bptt
        if state is not None:
            state = tuple(s.detach() for s in state)
        loss, state = net.loss(x, y, state)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), a.clip)
        opt.step()
        seen += x.numel()
        steps += 1
    trained = time.time() - t0
    with torch.no_grad():
        v = streams(encode(valid), 8)
        total, count, state = 0.0, 0, None
        for p in range(0, v.size(0) - 1, a.bptt):
            x, y = v[p:p + a.bptt], v[p + 1:p + 1 + a.bptt]
            x = x[:y.size(0)]
            loss, state = net.loss(x, y, state)
            total += loss.item() * y.numel()
            count += y.numel()
    print("PyTorch %s, %s output, vocabulary %d: %d steps in %.1f s, %.0f tokens/s, validation perplexity %.2f"
          % (torch.__version__, a.output, V, steps, trained, seen / trained, math.exp(total / count)))


main()
