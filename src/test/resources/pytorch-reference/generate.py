#!/usr/bin/python3
"""Writes the PyTorch reference cases (format: shared/spec/pytorch-reference-case.md) into this folder.

Run with Debian's python3-torch:  /usr/bin/python3 generate.py [OUT_DIR]
Every case is computed in float64 from a fixed seed, so reruns give the same files.
"""
import json
import os
import sys

import torch

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))

MODULES = {
    "rnn_tanh": lambda i, h, l, b: torch.nn.RNN(i, h, l, nonlinearity="tanh", bias=b),
    "rnn_relu": lambda i, h, l, b: torch.nn.RNN(i, h, l, nonlinearity="relu", bias=b),
    "lstm": lambda i, h, l, b: torch.nn.LSTM(i, h, l, bias=b),
    "gru": lambda i, h, l, b: torch.nn.GRU(i, h, l, bias=b),
}


def case(name, cell, I=3, H=4, L=1, T=5, B=2, bias=True, scale=1.0, seed=0):
    torch.manual_seed(seed)
    module = MODULES[cell](I, H, L, bias).double()
    with torch.no_grad():
        for p in module.parameters():
            p.uniform_(-0.8, 0.8)
    x = (torch.rand(T, B, I, dtype=torch.float64) * 2 - 1) * scale
    h0 = torch.rand(L, B, H, dtype=torch.float64) * 2 - 1
    c0 = torch.rand(L, B, H, dtype=torch.float64) * 2 - 1
    x.requires_grad_(True)
    h0.requires_grad_(True)
    c0.requires_grad_(True)
    lstm = cell == "lstm"
    if lstm:
        out, (hn, cn) = module(x, (h0, c0))
    else:
        out, hn = module(x, h0)
    R = torch.rand(T, B, H, dtype=torch.float64) * 2 - 1
    RH = torch.rand(L, B, H, dtype=torch.float64) * 2 - 1
    RC = torch.rand(L, B, H, dtype=torch.float64) * 2 - 1
    loss = (out * R).sum() + (hn * RH).sum()
    if lstm:
        loss = loss + (cn * RC).sum()
    loss.backward()

    d = {
        "format": "pytorch-reference-case/1",
        "name": name,
        "cell": cell,
        "input_size": I,
        "hidden_size": H,
        "num_layers": L,
        "bias": bias,
        "seq_len": T,
        "batch": B,
        "params": {k: v.tolist() for k, v in module.named_parameters()},
        "input": x.tolist(),
        "h0": h0.tolist(),
    }
    if lstm:
        d["c0"] = c0.tolist()
    d["output"] = out.tolist()
    d["h_n"] = hn.tolist()
    if lstm:
        d["c_n"] = cn.tolist()
    d["loss_output_weights"] = R.tolist()
    d["loss_h_n_weights"] = RH.tolist()
    if lstm:
        d["loss_c_n_weights"] = RC.tolist()
    d["loss"] = loss.item()
    grad = {k: v.grad.tolist() for k, v in module.named_parameters()}
    grad["input"] = x.grad.tolist()
    grad["h0"] = h0.grad.tolist()
    if lstm:
        grad["c0"] = c0.grad.tolist()
    d["grad"] = grad
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(d, f, indent=None)
        f.write("\n")


for i, cell in enumerate(MODULES):
    case(cell, cell, seed=10 + i)
    case(cell + "_stacked", cell, L=3, seed=20 + i)
    case(cell + "_no_bias", cell, bias=False, seed=30 + i)
    case(cell + "_t1", cell, T=1, seed=40 + i)
    case(cell + "_b1", cell, B=1, T=7, seed=50 + i)
    case(cell + "_saturating", cell, scale=300.0, seed=60 + i)
    case(cell + "_wide", cell, I=7, H=9, L=2, T=6, B=3, seed=70 + i)
