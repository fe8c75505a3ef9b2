#!/usr/bin/python3
"""The peer for tearnn's translator: the same task, model and settings trained by PyTorch, timed the same way.

    /usr/bin/python3 src/scripts/pytorch_translate_peer.py --task dates --attention additive --seconds 60

The tasks as tearnn defines them (src/main/java/tearnn/task: DatePhrases, TranslationPairs): dates from
1950-01-01 to 2049-12-31 in thirteen formats to ISO, or digit strings of 1 to --length digits reversed;
fresh pairs every step (never a held-out source, but for reversals of up to three digits), a held-out set
of 1,000 fixed by the seed. The model is translator.py's (beside generate.py): an embedding of 16, a GRU
encoder and decoder of --hidden, Luong attention of --attention (or none), the combining layer and the
softmax, its attention computed for every decoder step at once in training (as a PyTorch user would); Adam at --lr with global-norm clipping at --clip, --batch pairs a step padded to the task's
longest source and target. The held-out set is decoded greedily every --check-every steps, the time
counted from the first step, checks included, as `tearnn translate` counts it. Float32, as PyTorch's
users train, on one thread by default: with two, this small model trains at half the speed.

Its last line reads as tearnn's: `held-out exact match 0.930 (per character 0.990)`.
"""
import argparse
import datetime
import os
import random
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "resources", "pytorch-reference"))
from translator import Translator  # noqa: E402

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SOURCE = " ,-./0123456789ABCDEFGJLMNOPRSTUVWYabcdefghilmnoprstuvy"


def ordinal(d):
    return "st" if d % 10 == 1 and d != 11 else "nd" if d % 10 == 2 and d != 12 else "rd" if d % 10 == 3 and d != 13 else "th"


def phrase(date, f):
    y, m, d = date.year, date.month, date.day
    month, day, yy = MONTHS[m - 1], DAYS[date.weekday()], "%02d" % (y % 100)
    return [f"{d} {month} {y}", f"{m:02d}/{d:02d}/{yy}", f"{day}, {month} {d}{ordinal(d)} {y}", f"{month} {d}, {y}",
            f"{d:02d} {month[:3].upper()} {y}", f"{d}.{m}.{y}", f"{day[:3]} {d} {month[:3]} {yy}",
            f"{month} {d}{ordinal(d)}, {y}", f"{d}{ordinal(d)} of {month} {y}", f"{day} {d} {month} {y}",
            f"{m}/{d}/{y}", f"{d:02d}-{month[:3]}-{y}", f"{y}{m:02d}{d:02d}"][f]


def dates(rng):
    first = datetime.date(1950, 1, 1)
    date = first + datetime.timedelta(days=rng.randrange((datetime.date(2050, 1, 1) - first).days))
    return phrase(date, rng.randrange(13)), date.isoformat()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--task", default="dates", choices=["dates", "reverse"])
    ap.add_argument("--length", type=int, default=10)
    ap.add_argument("--attention", default="additive", choices=["additive", "dot", "general", "none"])
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--embedding", type=int, default=16)
    ap.add_argument("--lr", type=float, default=0.005)
    ap.add_argument("--clip", type=float, default=1.0)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--seconds", type=float, default=120)
    ap.add_argument("--check-every", type=int, default=200)
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    if a.task == "dates":
        draw, source, target, S, T = dates, SOURCE, "-0123456789", 30, 10
        repeats = lambda s: False  # noqa: E731
    else:
        def draw(rng):
            s = "".join(rng.choice("0123456789") for _ in range(1 + rng.randrange(a.length)))
            return s, s[::-1]
        source, target, S, T = "0123456789", "0123456789", a.length, a.length
        repeats = lambda s: len(s) <= 3  # noqa: E731
    arch = {"input_size": len(source), "embedding_size": a.embedding, "cell": "gru", "hidden_size": a.hidden,
            "num_layers": 1, "bias": True, "output_size": 2 + len(target),
            "attention": None if a.attention == "none" else a.attention}
    modules = {"gru": lambda i, h, l, b: torch.nn.GRU(i, h, l, bias=b)}
    net = Translator(arch, modules)
    opt = torch.optim.Adam(net.parameters(), lr=a.lr)
    held_rng = random.Random(a.seed + 7000)
    held = [draw(held_rng) for _ in range(1000)]
    held_sources = {s for s, _ in held}
    data = random.Random(a.seed + 6000)

    def batch(pairs):
        B = len(pairs)
        src = torch.zeros(S, B, dtype=torch.long)
        inp = torch.zeros(T + 1, B, dtype=torch.long)
        out = torch.zeros(T + 1, B, dtype=torch.long)
        real = torch.zeros(T + 1, B)
        for b, (s, t) in enumerate(pairs):
            src[:len(s), b] = torch.tensor([source.index(c) for c in s])
            tt = [2 + target.index(c) for c in t]
            inp[:len(tt) + 1, b] = torch.tensor([1] + tt)
            out[:len(tt) + 1, b] = torch.tensor(tt + [0])
            real[:len(tt) + 1, b] = 1
        return src, [len(s) for s, _ in pairs], inp, out, real

    def forward(src, lengths, inp):
        """translator.py's forward with the attention of every decoder step at once (teacher forcing allows it)."""
        packed = torch.nn.utils.rnn.pack_padded_sequence(net.embedding(src), torch.tensor(lengths), enforce_sorted=False)
        enc, state = net.rnn(packed)
        keys, _ = torch.nn.utils.rnn.pad_packed_sequence(enc, total_length=S)        # [S][B][H]
        h, _ = net.decoder(net.decoder_embedding(inp), state)                        # [T][B][H]
        if not net.scored:
            return net.fc(h)
        k = keys.transpose(0, 1)                                                     # [B][S][H]
        q = h.transpose(0, 1)                                                        # [B][T][H]
        att = net.attention
        if att.score == "dot":
            e = q @ k.transpose(1, 2)
        elif att.score == "general":
            e = (q @ att.weight) @ k.transpose(1, 2)
        else:
            e = att.v(torch.tanh(att.query(q).unsqueeze(2) + att.key(k).unsqueeze(1))).squeeze(3)   # [B][T][S]
        mask = torch.arange(S).unsqueeze(0) < torch.tensor(lengths).unsqueeze(1)    # [B][S]
        w = torch.softmax(e.masked_fill(~mask.unsqueeze(1), float("-inf")), dim=2)
        c = (w @ k).transpose(0, 1)                                                  # [T][B][H]
        return net.fc(torch.tanh(net.combine(torch.cat([c, h], dim=2))))

    def greedy(pairs):
        src, lengths, _, _, _ = batch(pairs)
        B = len(pairs)
        with torch.no_grad():
            packed = torch.nn.utils.rnn.pack_padded_sequence(net.embedding(src), torch.tensor(lengths), enforce_sorted=False)
            enc, state = net.rnn(packed)
            keys, _ = torch.nn.utils.rnn.pad_packed_sequence(enc, total_length=S)
            mask = torch.arange(S).unsqueeze(1) < torch.tensor(lengths).unsqueeze(0)
            token = torch.ones(B, dtype=torch.long)
            tokens = []
            for _ in range(T + 1):
                h, state = net.decoder(net.decoder_embedding(token).unsqueeze(0), state)
                h = h[0]
                if net.scored:
                    c, _ = net.attention(h, keys, mask)
                    h = torch.tanh(net.combine(torch.cat([c, h], dim=1)))
                token = net.fc(h).argmax(1)
                tokens.append(token)
            tokens = torch.stack(tokens, dim=1).tolist()
        said = []
        for row in tokens:
            n = row.index(0) if 0 in row else len(row)
            said.append("".join(target[t - 2] for t in row[:n] if t >= 2))
        return said

    by_length = {}

    def check():
        exact = chars = right = 0
        by_length.clear()
        for i in range(0, len(held), 250):
            part = held[i:i + 250]
            for said, (s, t) in zip(greedy(part), part):
                exact += said == t
                chars += len(t)
                right += sum(x == y for x, y in zip(said, t))
                n, k = by_length.get(len(s), (0, 0))
                by_length[len(s)] = (n + 1, k + (said == t))
        return exact / len(held), right / chars

    t0, step, elapsed = time.perf_counter(), 0, 0.0
    m = check()
    while elapsed < a.seconds:
        for _ in range(a.check_every):
            pairs = []
            while len(pairs) < a.batch:
                p = draw(data)
                if p[0] not in held_sources or repeats(p[0]):
                    pairs.append(p)
            src, lengths, inp, out, real = batch(pairs)
            opt.zero_grad()
            logits = forward(src, lengths, inp)
            losses = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), out.reshape(-1), reduction="none")
            loss = (losses * real.reshape(-1)).sum() / real.sum()
            loss.backward()
            if a.clip > 0:
                torch.nn.utils.clip_grad_norm_(net.parameters(), a.clip)
            opt.step()
            step += 1
        m = check()
        elapsed = time.perf_counter() - t0
        print("step %6d  loss %.4f  exact match %.3f  per character %.3f  (%.1f s)" % (step, loss.item(), m[0], m[1], elapsed),
              flush=True)
    if a.task == "reverse":
        print("exact match by length:")
        for n in sorted(by_length):
            print("  %3d digits  %.3f" % (n, by_length[n][1] / by_length[n][0]))
    print("held-out exact match %.3f (per character %.3f)" % m)


if __name__ == "__main__":
    main()
