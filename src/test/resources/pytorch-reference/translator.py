"""tearnn's translator (tearnn.model.Decoder with the model's encoder) as a PyTorch module, whose
parameter names the model file uses: an encoder-decoder with Luong attention (Luong et al. 2015).

    embedding          Embedding(S, E)              the source tokens
    rnn                RNN/LSTM/GRU(E, H, L)        the encoder, over the real source steps (packed)
    decoder_embedding  Embedding(V, E)              the decoder's input tokens (a start token, then the target)
    decoder            RNN/LSTM/GRU(E, H, L)        from the encoder's final state (teacher forcing)
    attention          attention.py's Attention     each decoder state h_t over the encoder's states
    combine            Linear(2H, H)                g_t = tanh(combine([c_t; h_t]))   (with attention)
    fc                 Linear(H, V)                 logits of the next target token, from g_t (or h_t)

The loss is the mean cross-entropy over the real target steps.
"""
import torch

from attention import Attention


class Translator(torch.nn.Module):
    def __init__(self, a, modules):
        super().__init__()
        E, H, L = a["embedding_size"], a["hidden_size"], a["num_layers"]
        self.embedding = torch.nn.Embedding(a["input_size"], E)
        self.rnn = modules[a["cell"]](E, H, L, a["bias"])
        self.decoder_embedding = torch.nn.Embedding(a["output_size"], E)
        self.decoder = modules[a["cell"]](E, H, L, a["bias"])
        self.scored = a.get("attention")
        if self.scored:
            self.attention = Attention(self.scored, H, H, H)
            self.combine = torch.nn.Linear(2 * H, H)
        self.fc = torch.nn.Linear(H, a["output_size"])

    def forward(self, sources, lengths, inputs):
        """sources [S][B] (padded at the end), lengths [B], decoder inputs [T][B] -> logits [T][B][V], weights [T][B][S]."""
        S = sources.shape[0]
        packed = torch.nn.utils.rnn.pack_padded_sequence(self.embedding(sources), torch.tensor(lengths),
                                                         enforce_sorted=False)
        out, state = self.rnn(packed)
        keys, _ = torch.nn.utils.rnn.pad_packed_sequence(out, total_length=S)   # [S][B][H], 0 where padded
        h, _ = self.decoder(self.decoder_embedding(inputs), state)              # [T][B][H]
        if not self.scored:
            return self.fc(h), None
        mask = torch.arange(S).unsqueeze(1) < torch.tensor(lengths).unsqueeze(0)
        rows, weights = [], []
        for t in range(h.shape[0]):
            c, a = self.attention(h[t], keys, mask)
            rows.append(torch.tanh(self.combine(torch.cat([c, h[t]], dim=1))))
            weights.append(a)
        return self.fc(torch.stack(rows)), torch.stack(weights)
