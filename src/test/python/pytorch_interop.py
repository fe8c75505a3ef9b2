#!/usr/bin/python3
"""The README's PyTorch snippets, runnable: load a tearnn model file into torch.nn modules, check
that PyTorch computes the same next-token distribution as tearnn, export it back, and check that
tearnn reads the export.

    /usr/bin/python3 src/test/python/pytorch_interop.py model.json prime_token_ids...
"""
import json
import sys

import torch


# --- README snippet 1: load a tearnn model file into PyTorch ---------------------------------
class Net(torch.nn.Module):
    def __init__(self, a):
        super().__init__()
        self.a = a
        width = a["input_size"]
        if a["input"] == "embedding":
            self.embedding = torch.nn.Embedding(a["input_size"], a["embedding_size"])
            width = a["embedding_size"]
        cell = a["cell"]
        if cell == "lstm":
            rnn = torch.nn.LSTM
        elif cell == "gru":
            rnn = torch.nn.GRU
        else:
            def rnn(*args, **kw):
                return torch.nn.RNN(*args, nonlinearity=cell[4:], **kw)
        self.rnn = rnn(width, a["hidden_size"], a["num_layers"], bias=a["bias"])
        self.fc = torch.nn.Linear(a["hidden_size"], a["output_size"])

    def forward(self, x, state=None, lengths=None):  # x: [T, B] token ids, or [T, B, I] vectors (dense input)
        if self.a["input"] == "embedding":
            x = self.embedding(x)
        elif self.a["input"] == "one_hot":
            x = torch.nn.functional.one_hot(x, self.a["input_size"]).double()
        out, state = self.rnn(x, state)
        if self.a.get("last_step_only"):  # a classifier: the class at each sequence's last real step
            last = out[-1] if lengths is None else out[torch.as_tensor(lengths) - 1, torch.arange(out.shape[1])]
            return self.fc(last), state  # logits [B][len(d["classes"])]
        return self.fc(out), state


def load_tearnn(path):
    d = json.load(open(path))
    net = Net(d["architecture"]).double()
    net.load_state_dict({k: torch.tensor(v, dtype=torch.float64) for k, v in d["tensors"].items()})
    return net, d.get("vocabulary")


# --- README snippet 2: export a PyTorch model (embedding/rnn/fc, as above) to a tearnn file ---
def save_tearnn(net, path, architecture, vocabulary=None):
    d = {"format": "tearnn-model/1", "architecture": architecture,
         "tensors": {k: v.detach().double().tolist() for k, v in net.state_dict().items()}}
    if vocabulary is not None:
        d["vocabulary"] = vocabulary
    json.dump(d, open(path, "w"))


if __name__ == "__main__":
    net, vocab = load_tearnn(sys.argv[1])
    ids = torch.tensor([int(t) for t in sys.argv[2:]]).view(-1, 1)
    logits, _ = net.eval()(ids)
    p = torch.softmax(logits[-1, 0], dim=0)
    print(" ".join("%.12f" % v for v in p.tolist()))
    save_tearnn(net, sys.argv[1] + ".export.json", net.a, vocab)
