#!/usr/bin/python3
"""Loads a .safetensors model written by tearnn into PyTorch and prints what it predicts after a prime.

    /usr/bin/python3 check_safetensors.py MODEL.safetensors "the prime text"

The file is read as the format defines it (8-byte little-endian header length, JSON header, raw
little-endian data), with only json, struct and torch (the safetensors package is not in Debian): every
tensor becomes a torch tensor under its name, the module is built from the architecture in the
metadata ("__metadata__"."tearnn"), and load_state_dict(strict=True) takes the tensors as they are.
The top five next tokens and their probabilities are printed as "tearnn sample --model MODEL --prime
TEXT --length 1" prints them, to be compared.
"""
import json
import struct
import sys

import torch

CELLS = {"rnn_tanh": lambda i, h, l, b: torch.nn.RNN(i, h, l, nonlinearity="tanh", bias=b),
         "rnn_relu": lambda i, h, l, b: torch.nn.RNN(i, h, l, nonlinearity="relu", bias=b),
         "lstm": lambda i, h, l, b: torch.nn.LSTM(i, h, l, bias=b),
         "gru": lambda i, h, l, b: torch.nn.GRU(i, h, l, bias=b)}
DTYPES = {"F64": torch.float64, "F32": torch.float32}


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n])
    meta = header.pop("__metadata__")
    tensors = {}
    for name, e in header.items():
        begin, end = e["data_offsets"]
        t = torch.frombuffer(bytearray(data[8 + n + begin:8 + n + end]), dtype=DTYPES[e["dtype"]])
        tensors[name] = t.reshape(e["shape"])
    return json.loads(meta["tearnn"]), tensors


class Net(torch.nn.Module):
    def __init__(self, a):
        super().__init__()
        width = a["input_size"]
        if a["input"] == "embedding":
            self.embedding = torch.nn.Embedding(a["input_size"], a["embedding_size"])
            width = a["embedding_size"]
        self.rnn = CELLS[a["cell"]](width, a["hidden_size"], a["num_layers"], a["bias"])
        o = a.get("output", {"kind": "softmax"})
        self.adaptive = o["kind"] == "adaptive"
        if self.adaptive:
            self.fc = torch.nn.AdaptiveLogSoftmaxWithLoss(a["hidden_size"], a["output_size"], o["cutoffs"],
                                                          div_value=o["div_value"], head_bias=o["head_bias"])
        else:
            self.fc = torch.nn.Linear(a["hidden_size"], a["output_size"])
            if o.get("tied"):
                self.fc.weight = self.embedding.weight
        self.a = a

    def log_probs(self, tokens):
        x = self.embedding(tokens) if self.a["input"] == "embedding" else \
            torch.nn.functional.one_hot(tokens, self.a["input_size"]).double()
        out, _ = self.rnn(x.unsqueeze(1))
        h = out[-1]
        return self.fc.log_prob(h)[0] if self.adaptive else torch.log_softmax(self.fc(h), dim=1)[0]


def main():
    model, tensors = read(sys.argv[1])
    weights = {k: v for k, v in tensors.items() if not k.startswith("tearnn.block.")}
    net = Net(model["architecture"]).double()
    net.load_state_dict(weights, strict=True)
    vocab = model["vocabulary"]
    index = {t: i for i, t in enumerate(vocab["tokens"])}
    words = sys.argv[2].split() if vocab.get("split") == "spaces" or vocab["level"] == "word" else list(sys.argv[2])
    if vocab.get("lowercase"):
        words = [w.lower() for w in words]
    tokens = torch.tensor([index.get(w, 0) for w in words])
    with torch.no_grad():
        p = net.log_probs(tokens).exp()
    top = torch.topk(p, 5)
    print("PyTorch, next after the prime: " + "  ".join("%s %.4f" % (vocab["tokens"][i], v)
                                                       for v, i in zip(top.values.tolist(), top.indices.tolist())))


main()
