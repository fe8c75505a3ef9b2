#!/usr/bin/python3
"""Writes the PyTorch reference cases (format: docs/testing.md) into this folder.

Each case also carries "grad_hidden" [L][T][B][H]: dL/dh_t of every layer and step, all that reaches
h_t (from the output, the layer above and the steps after t), found by running the same stack step
by step with a zero probe added to every h_t (dL/dprobe = dL/dh_t).

The connectivity cases (connectivity_*.json, format "tearnn-connectivity-case/1") hold a model file
("model_file", the text of a tearnn model file: embedding, one-hot or dense input, a stack, a linear
head), a prompt (token ids, or [T][I] vectors for dense input),
a target, log p(target | prompt) and "connectivity": the L2 norm of d log p(target) / d x_t for every
position t, x_t the vector the first layer reads (embedding row, one-hot vector, dense vector).

The whole-model cases (adaptive_*.json and tied_*.json, format "tearnn-model-case/1") hold a model
file whose output layer is torch.nn.AdaptiveLogSoftmaxWithLoss (the module "fc": fc.head.weight,
fc.head.bias, fc.tail.i.0.weight, fc.tail.i.1.weight) or a Linear whose weight is the embedding's
(tied: the state_dict lists it under both names), token ids and targets [T][B], the mean loss over
every step, the full log-probabilities [T*B][V] and "grad": d(loss)/d of every parameter
(named_parameters: a tied weight once, as embedding.weight).

The chrono cases (chrono_*.json, format "tearnn-model-case/1") hold an nn.LSTM with a Linear head on
the adding problem (dense input of 2, the loss the squared error of the last step's one output), its
gate biases set by chrono_ below (Tallec and Ollivier 2018) and the model file saying so ("init"), the
inputs [T][B][2], the targets [B], the loss, the predictions [B] and "grad" as above.

The many-to-one cases (many_to_one_*.json, format "tearnn-model-case/1") hold a stack over dense input
with a Linear head read at each sequence's last real step (many_to_one_attention_*: at the context of an
attention, attention.py's, of that last state over every real step's): sequences of mixed lengths ("lengths" [B]),
run by PyTorch packed (pack_padded_sequence) and given to tearnn padded at the end with a mask; the
inputs [T][B][I] (0 where padded), the classes [B], the mean cross-entropy, the logits [B][C] and "grad".

The forecast cases (forecast_*.json, format "tearnn-model-case/1") hold a stack over dense input with a
Linear head of O outputs read at the last step, the loss the mean squared error over all B x O outputs (a
direct forecaster); the inputs [T][B][I], the targets "values" [B][O], the loss, the predictions [B][O]
and "grad".

The attention cases (attention_*.json, format "tearnn-attention-case/1") hold the module of attention.py
(beside this file) alone: its "score", "query_size", "key_size" and "size", its "tensors" (state_dict),
the sequences' "lengths" [B], a "query" [B][Q], "keys" [T][B][K] (0 where padded), and "upstream" [B][K]:
the loss is sum(upstream * context). Expected: the "context" [B][K], the "weights" [B][T] (0 where
padded), "grad" of every parameter, "grad_query" [B][Q] and "grad_keys" [T][B][K].

The translator cases (translator_*.json, format "tearnn-model-case/1") hold a model file of translator.py's
module (an encoder-decoder, "decoder": true, with Luong attention of the given score or none), the "sources"
[S][B] (0 where padded) and their "lengths" [B], the decoder's "inputs" [T][B] and the "targets" [T][B] (0 where
padded) with their "target_lengths" [B]; the loss (the mean cross-entropy over the real target steps), the
"logits" [T][B][V], the attention "weights" [T][B][S] (with attention) and "grad".

Run with Debian's python3-torch:  /usr/bin/python3 generate.py [OUT_DIR]
Every case is computed in float64 from a fixed seed, so reruns give the same files.
"""
import json
import os
import sys

import torch

from attention import Attention
from translator import Translator

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))

MODULES = {
    "rnn_tanh": lambda i, h, l, b: torch.nn.RNN(i, h, l, nonlinearity="tanh", bias=b),
    "rnn_relu": lambda i, h, l, b: torch.nn.RNN(i, h, l, nonlinearity="relu", bias=b),
    "lstm": lambda i, h, l, b: torch.nn.LSTM(i, h, l, bias=b),
    "gru": lambda i, h, l, b: torch.nn.GRU(i, h, l, bias=b),
}


CELLS = {
    "rnn_tanh": lambda i, h, b: torch.nn.RNNCell(i, h, bias=b, nonlinearity="tanh"),
    "rnn_relu": lambda i, h, b: torch.nn.RNNCell(i, h, bias=b, nonlinearity="relu"),
    "lstm": lambda i, h, b: torch.nn.LSTMCell(i, h, bias=b),
    "gru": lambda i, h, b: torch.nn.GRUCell(i, h, bias=b),
}


def layer_cells(module, cell, I, H, L, bias):
    """The layers of a stack as cells with the same weights, to run step by step."""
    cells = []
    for l in range(L):
        c = CELLS[cell](I if l == 0 else H, H, bias).double()
        with torch.no_grad():
            c.weight_ih.copy_(getattr(module, "weight_ih_l%d" % l))
            c.weight_hh.copy_(getattr(module, "weight_hh_l%d" % l))
            if bias:
                c.bias_ih.copy_(getattr(module, "bias_ih_l%d" % l))
                c.bias_hh.copy_(getattr(module, "bias_hh_l%d" % l))
        cells.append(c)
    return cells


def run_probed(cells, lstm, x, h0, c0, probe):
    """The stack step by step, probe[l][t] added to every h_t; returns output, h_n, c_n."""
    inp = x
    hn, cn = [], []
    for l, c in enumerate(cells):
        h, cc = h0[l], c0[l]
        outs = []
        for t in range(x.shape[0]):
            if lstm:
                h, cc = c(inp[t], (h, cc))
            else:
                h = c(inp[t], h)
            h = h + probe[l, t]
            outs.append(h)
        inp = torch.stack(outs)
        hn.append(h)
        cn.append(cc)
    return inp, torch.stack(hn), torch.stack(cn)


def hidden_gradients(module, cell, I, H, L, bias, x, h0, c0, R, RH, RC, expected_loss):
    lstm = cell == "lstm"
    cells = layer_cells(module, cell, I, H, L, bias)
    probe = torch.zeros(L, x.shape[0], x.shape[1], H, dtype=torch.float64, requires_grad=True)
    out, hn, cn = run_probed(cells, lstm, x.detach(), h0.detach(), c0.detach(), probe)
    loss = (out * R).sum() + (hn * RH).sum()
    if lstm:
        loss = loss + (cn * RC).sum()
    assert abs(loss.item() - expected_loss) < 1e-9 * max(1, abs(expected_loss)), (loss.item(), expected_loss)
    loss.backward()
    return probe.grad


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
    d["grad_hidden"] = hidden_gradients(module, cell, I, H, L, bias, x, h0, c0, R, RH, RC, loss.item()).tolist()
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


class Net(torch.nn.Module):
    """tearnn's model: input (embedding, one-hot or dense), a stack, a linear head at every step."""

    def __init__(self, a):
        super().__init__()
        self.a, width = a, a["input_size"]
        if a["input"] == "embedding":
            self.embedding = torch.nn.Embedding(a["input_size"], a["embedding_size"])
            width = a["embedding_size"]
        self.rnn = MODULES[a["cell"]](width, a["hidden_size"], a["num_layers"], a["bias"])
        if a.get("attention"):
            H = a["hidden_size"]
            self.attention = Attention(a["attention"], H, H, H)
        if a.get("output", {}).get("kind") == "adaptive":
            o = a["output"]
            self.fc = torch.nn.AdaptiveLogSoftmaxWithLoss(a["hidden_size"], a["output_size"], o["cutoffs"],
                                                          div_value=o["div_value"], head_bias=o["head_bias"])
        else:
            self.fc = torch.nn.Linear(a["hidden_size"], a["output_size"])


def connectivity_case(name, cell, input_kind, V=9, E=4, I=3, H=5, L=2, T=6, seed=0):
    torch.manual_seed(seed)
    a = {"input": input_kind, "input_size": I if input_kind == "dense" else V,
         "embedding_size": E if input_kind == "embedding" else 0, "cell": cell, "hidden_size": H,
         "num_layers": L, "bias": True, "peephole": False, "output_size": V, "loss": "softmax_ce",
         "last_step_only": False, "dropout": 0.0}
    net = Net(a).double()
    with torch.no_grad():
        for p in net.parameters():
            p.uniform_(-0.8, 0.8)
    target = int(torch.randint(V, (1,)).item())
    if input_kind == "dense":
        prompt = ((torch.rand(T, I, dtype=torch.float64) * 2 - 1)).tolist()
        x = torch.tensor(prompt, dtype=torch.float64)
    else:
        prompt = torch.randint(V, (T,)).tolist()
        tokens = torch.tensor(prompt)
        if input_kind == "embedding":
            x = net.embedding(tokens).detach()
        else:
            x = torch.nn.functional.one_hot(tokens, V).double()
    x = x.clone().unsqueeze(1).requires_grad_(True)            # [T][1][width]
    out, _ = net.rnn(x)
    logp = torch.log_softmax(net.fc(out[-1, 0]), dim=0)[target]
    logp.backward()
    d = {"format": "tearnn-connectivity-case/1", "name": name,
         "model_file": json.dumps({"format": "tearnn-model/1", "architecture": a,
                                   "tensors": {k: v.detach().tolist() for k, v in net.state_dict().items()}}),
         "prompt": prompt, "target": target, "log_probability": logp.item(),
         "connectivity": x.grad[:, 0, :].norm(dim=1).tolist()}
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(d, f, indent=None)
        f.write("\n")


connectivity_case("connectivity_lstm_embedding", "lstm", "embedding", seed=80)
connectivity_case("connectivity_gru_one_hot", "gru", "one_hot", seed=81)
connectivity_case("connectivity_rnn_tanh_dense", "rnn_tanh", "dense", seed=82)
connectivity_case("connectivity_lstm_one_hot_long", "lstm", "one_hot", T=30, H=8, L=1, seed=83)


def model_case(name, cell, input_kind, output, V=20, E=6, H=8, L=2, T=5, B=3, seed=0):
    """A whole model's case: output is {"kind": "adaptive", ...}, or "tied" (fc.weight is embedding.weight)."""
    torch.manual_seed(seed)
    a = {"input": input_kind, "input_size": V, "embedding_size": E if input_kind == "embedding" else 0,
         "cell": cell, "hidden_size": H, "num_layers": L, "bias": True, "peephole": False, "output_size": V,
         "loss": "softmax_ce", "last_step_only": False, "dropout": 0.0}
    if output == "tied":
        a["output"] = {"kind": "softmax", "tied": True}
    else:
        a["output"] = output
    net = Net(a).double()
    if output == "tied":
        net.fc.weight = net.embedding.weight
    with torch.no_grad():
        for p in net.parameters():
            p.uniform_(-0.8, 0.8)
    tokens = torch.randint(V, (T, B))
    # targets from every part of the vocabulary: the shortlist and each cluster
    targets = torch.randint(V, (T, B))
    x = net.embedding(tokens) if input_kind == "embedding" else torch.nn.functional.one_hot(tokens, V).double()
    out, _ = net.rnn(x)
    hidden = out.reshape(T * B, H)
    if output == "tied":
        logits = net.fc(hidden)
        loss = torch.nn.functional.cross_entropy(logits, targets.reshape(T * B))
        logp = torch.log_softmax(logits, dim=1).detach()
    else:
        loss = net.fc(hidden, targets.reshape(T * B)).loss
        with torch.no_grad():
            logp = net.fc.log_prob(hidden)
    net.zero_grad()
    loss.backward()
    d = {"format": "tearnn-model-case/1", "name": name,
         "model_file": json.dumps({"format": "tearnn-model/1", "architecture": a,
                                   "tensors": {k: v.detach().tolist() for k, v in net.state_dict().items()}}),
         "tokens": tokens.tolist(), "targets": targets.tolist(), "loss": loss.item(),
         "log_probabilities": logp.tolist(),
         "grad": {k: p.grad.tolist() for k, p in net.named_parameters()}}
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(d, f, indent=None)
        f.write("\n")


def adaptive(cutoffs, div_value, head_bias):
    return {"kind": "adaptive", "cutoffs": cutoffs, "div_value": div_value, "head_bias": head_bias}


model_case("adaptive_lstm_embedding", "lstm", "embedding", adaptive([5, 12], 2.0, False), seed=90)
model_case("adaptive_gru_one_hot_head_bias", "gru", "one_hot", adaptive([4], 4.0, True), V=15, seed=91)
model_case("adaptive_rnn_tanh_three_clusters", "rnn_tanh", "embedding", adaptive([3, 10, 20], 2.0, True), V=30, H=16,
           L=1, T=7, B=4, seed=92)
model_case("adaptive_lstm_div_1", "lstm", "embedding", adaptive([2, 6], 1.0, False), V=9, H=5, L=1, T=4, B=2, seed=93)
model_case("tied_lstm", "lstm", "embedding", "tied", E=8, seed=94)
model_case("tied_gru_one_layer", "gru", "embedding", "tied", V=12, E=6, H=6, L=1, T=6, B=2, seed=95)


def chrono_(lstm, t_max):
    """Chrono initialization of an nn.LSTM: every bias 0, then b_ih[f] = log u, u ~ U[1, T_max - 1], and b_ih[i] = -b_ih[f]."""
    H = lstm.hidden_size
    with torch.no_grad():
        for l in range(lstm.num_layers):
            b_ih, b_hh = getattr(lstm, "bias_ih_l%d" % l), getattr(lstm, "bias_hh_l%d" % l)
            b_ih.zero_()
            b_hh.zero_()
            f = torch.log(torch.empty(H, dtype=b_ih.dtype).uniform_(1, t_max - 1))
            b_ih[H:2 * H] = f
            b_ih[0:H] = -f


def adding_problem(T, B):
    """x[t][b] = (U[0, 1], mark): one mark in [0, T/2), one in [T/2, T); the target is the sum of the two marked values."""
    x = torch.zeros(T, B, 2, dtype=torch.float64)
    x[:, :, 0] = torch.rand(T, B, dtype=torch.float64)
    first = torch.randint(T // 2, (B,))
    second = T // 2 + torch.randint(T - T // 2, (B,))
    for b in range(B):
        x[first[b], b, 1] = 1
        x[second[b], b, 1] = 1
    return x, (x[:, :, 0] * x[:, :, 1]).sum(0)


def chrono_case(name, H=6, L=1, T=12, B=4, t_max=12, seed=0):
    torch.manual_seed(seed)
    a = {"input": "dense", "input_size": 2, "embedding_size": 0, "cell": "lstm", "hidden_size": H, "num_layers": L,
         "bias": True, "peephole": False, "output_size": 1, "loss": "mse", "last_step_only": True, "dropout": 0.0}
    net = Net(a).double()              # PyTorch's own initialization of every weight
    chrono_(net.rnn, t_max)
    x, y = adding_problem(T, B)
    out, _ = net.rnn(x)
    prediction = net.fc(out[-1]).squeeze(1)
    loss = torch.nn.functional.mse_loss(prediction, y)
    net.zero_grad()
    loss.backward()
    d = {"format": "tearnn-model-case/1", "name": name,
         "model_file": json.dumps({"format": "tearnn-model/1", "architecture": a,
                                   "tensors": {k: v.detach().tolist() for k, v in net.state_dict().items()},
                                   "init": {"kind": "chrono", "t_max": t_max}}),
         "inputs": x.tolist(), "values": y.tolist(), "loss": loss.item(), "predictions": prediction.tolist(),
         "grad": {k: p.grad.tolist() for k, p in net.named_parameters()}}
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(d, f, indent=None)
        f.write("\n")


chrono_case("chrono_lstm_adding", seed=100)
chrono_case("chrono_lstm_adding_stacked", H=5, L=2, T=20, B=3, t_max=40, seed=101)


def many_to_one_case(name, cell, lengths, I=3, H=5, L=2, C=4, seed=0, attention=None):
    """With attention: the head reads the context of attention.py's module, its query the top layer's
    last real state and its keys the top layer's states at every real step (the seed's AttentionLSTM)."""
    torch.manual_seed(seed)
    T, B = max(lengths), len(lengths)
    a = {"input": "dense", "input_size": I, "embedding_size": 0, "cell": cell, "hidden_size": H, "num_layers": L,
         "bias": True, "peephole": False, "output_size": C, "loss": "softmax_ce", "last_step_only": True, "dropout": 0.0}
    if attention:
        a["attention"] = attention
    net = Net(a).double()
    with torch.no_grad():
        for p in net.parameters():
            p.uniform_(-0.8, 0.8)
    x = torch.rand(T, B, I, dtype=torch.float64) * 2 - 1
    for b, n in enumerate(lengths):
        x[n:, b] = 0
    classes = torch.randint(C, (B,))
    packed = torch.nn.utils.rnn.pack_padded_sequence(x, torch.tensor(lengths), enforce_sorted=False)
    out, state = net.rnn(packed)
    h = state[0] if cell == "lstm" else state
    if attention:
        keys, _ = torch.nn.utils.rnn.pad_packed_sequence(out)                  # [T][B][H], 0 where padded
        mask = torch.arange(T).unsqueeze(1) < torch.tensor(lengths).unsqueeze(0)
        context, _ = net.attention(h[-1], keys, mask)
        logits = net.fc(context)
    else:
        logits = net.fc(h[-1])                   # the top layer's state after each sequence's last real step
    loss = torch.nn.functional.cross_entropy(logits, classes)
    net.zero_grad()
    loss.backward()
    d = {"format": "tearnn-model-case/1", "name": name,
         "model_file": json.dumps({"format": "tearnn-model/1", "architecture": a,
                                   "tensors": {k: v.detach().tolist() for k, v in net.state_dict().items()}}),
         "lengths": lengths, "inputs": x.tolist(), "classes": classes.tolist(), "loss": loss.item(),
         "logits": logits.tolist(), "grad": {k: p.grad.tolist() for k, p in net.named_parameters()}}
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(d, f, indent=None)
        f.write("\n")


many_to_one_case("many_to_one_gru", "gru", [6, 2, 4, 1, 6], seed=110)
many_to_one_case("many_to_one_lstm", "lstm", [3, 7, 1, 5], seed=111)
many_to_one_case("many_to_one_rnn_tanh", "rnn_tanh", [5, 5, 2], L=1, seed=112)
many_to_one_case("many_to_one_attention_additive_lstm", "lstm", [4, 7, 2, 6], seed=113, attention="additive")
many_to_one_case("many_to_one_attention_dot_gru", "gru", [3, 5, 5, 1], L=1, seed=114, attention="dot")
many_to_one_case("many_to_one_attention_general_rnn_tanh", "rnn_tanh", [6, 2, 6], H=4, seed=115, attention="general")


def forecast_case(name, cell, I=2, H=5, L=1, O=3, T=7, B=4, seed=0):
    """A stack over dense input of I values a step, a Linear head of O outputs read at the last step,
    the mean squared error over all B x O outputs (a direct forecaster of O steps: the series and extra
    input columns in, the next O values out)."""
    torch.manual_seed(seed)
    a = {"input": "dense", "input_size": I, "embedding_size": 0, "cell": cell, "hidden_size": H, "num_layers": L,
         "bias": True, "peephole": False, "output_size": O, "loss": "mse", "last_step_only": True, "dropout": 0.0}
    net = Net(a).double()              # PyTorch's own initialization of every weight
    x = torch.randn(T, B, I, dtype=torch.float64)
    y = torch.randn(B, O, dtype=torch.float64)
    out, _ = net.rnn(x)
    prediction = net.fc(out[-1])
    loss = torch.nn.functional.mse_loss(prediction, y)
    net.zero_grad()
    loss.backward()
    d = {"format": "tearnn-model-case/1", "name": name,
         "model_file": json.dumps({"format": "tearnn-model/1", "architecture": a,
                                   "tensors": {k: v.detach().tolist() for k, v in net.state_dict().items()}}),
         "inputs": x.tolist(), "values": y.tolist(), "loss": loss.item(), "predictions": prediction.tolist(),
         "grad": {k: p.grad.tolist() for k, p in net.named_parameters()}}
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(d, f, indent=None)
        f.write("\n")


forecast_case("forecast_lstm", "lstm", seed=120)
forecast_case("forecast_gru_stacked", "gru", I=3, H=4, L=2, O=5, T=9, B=3, seed=121)
forecast_case("forecast_rnn_tanh_one_output", "rnn_tanh", I=1, O=1, T=12, B=5, seed=122)


def attention_case(name, score, lengths, Q=4, K=4, A=5, seed=0):
    torch.manual_seed(seed)
    T, B = max(lengths), len(lengths)
    att = Attention(score, Q, K, A).double()
    with torch.no_grad():
        for p in att.parameters():
            p.uniform_(-0.9, 0.9)
    query = (torch.rand(B, Q, dtype=torch.float64) * 2 - 1).requires_grad_()
    keys = torch.rand(T, B, K, dtype=torch.float64) * 2 - 1
    mask = torch.zeros(T, B, dtype=torch.bool)
    for b, n in enumerate(lengths):
        keys[n:, b] = 0
        mask[:n, b] = True
    keys.requires_grad_()
    upstream = torch.randn(B, K, dtype=torch.float64)
    context, weights = att(query, keys, mask)
    loss = (upstream * context).sum()
    loss.backward()
    d = {"format": "tearnn-attention-case/1", "name": name, "score": score, "query_size": Q, "key_size": K,
         "size": A if score == "additive" else 0,
         "tensors": {k: v.detach().tolist() for k, v in att.state_dict().items()},
         "lengths": lengths, "query": query.detach().tolist(), "keys": keys.detach().tolist(),
         "upstream": upstream.tolist(), "context": context.detach().tolist(), "weights": weights.detach().tolist(),
         "grad": {k: p.grad.tolist() for k, p in att.named_parameters()},
         "grad_query": query.grad.tolist(), "grad_keys": keys.grad.tolist()}
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(d, f, indent=None)
        f.write("\n")


attention_case("attention_dot", "dot", [5, 2, 4, 1], Q=3, K=3, seed=130)
attention_case("attention_general", "general", [3, 6, 6], Q=4, K=5, seed=131)
attention_case("attention_additive", "additive", [4, 1, 7, 2, 5], Q=3, K=4, A=6, seed=132)
attention_case("attention_additive_unmasked", "additive", [5, 5], Q=6, K=2, A=3, seed=133)


def translator_case(name, cell, lengths, target_lengths, attention=None, S=6, V=7, E=4, H=5, L=2, seed=0):
    torch.manual_seed(seed)
    B, Ts, Tt = len(lengths), max(lengths), max(target_lengths)
    a = {"input": "embedding", "input_size": S, "embedding_size": E, "cell": cell, "hidden_size": H, "num_layers": L,
         "bias": True, "peephole": False, "output_size": V, "loss": "softmax_ce", "last_step_only": False,
         "dropout": 0.0, "decoder": True}
    if attention:
        a["attention"] = attention
    net = Translator(a, MODULES).double()
    with torch.no_grad():
        for p in net.parameters():
            p.uniform_(-0.8, 0.8)
    sources = torch.randint(S, (Ts, B))
    inputs = torch.randint(V, (Tt, B))
    targets = torch.randint(V, (Tt, B))
    for b in range(B):
        sources[lengths[b]:, b] = 0
        inputs[target_lengths[b]:, b] = 0
        targets[target_lengths[b]:, b] = 0
    real = torch.arange(Tt).unsqueeze(1) < torch.tensor(target_lengths).unsqueeze(0)
    logits, weights = net(sources, lengths, inputs)
    losses = torch.nn.functional.cross_entropy(logits.reshape(Tt * B, V), targets.reshape(Tt * B), reduction="none")
    loss = (losses * real.reshape(Tt * B)).sum() / real.sum()
    net.zero_grad()
    loss.backward()
    d = {"format": "tearnn-model-case/1", "name": name,
         "model_file": json.dumps({"format": "tearnn-model/1", "architecture": a,
                                   "tensors": {k: v.detach().tolist() for k, v in net.state_dict().items()}}),
         "sources": sources.tolist(), "lengths": lengths, "inputs": inputs.tolist(), "targets": targets.tolist(),
         "target_lengths": target_lengths, "loss": loss.item(), "logits": logits.tolist(),
         "grad": {k: p.grad.tolist() for k, p in net.named_parameters()}}
    if weights is not None:
        d["weights"] = weights.tolist()
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(d, f, indent=None)
        f.write("\n")


translator_case("translator_additive_lstm", "lstm", [4, 6, 2], [3, 5, 2], attention="additive", seed=140)
translator_case("translator_dot_gru", "gru", [5, 1, 3, 5], [2, 4, 4, 1], attention="dot", L=1, seed=141)
translator_case("translator_general_rnn_tanh", "rnn_tanh", [3, 5], [5, 2], attention="general", seed=142)
translator_case("translator_no_attention_lstm", "lstm", [2, 6, 4], [4, 4, 1], L=1, seed=143)
