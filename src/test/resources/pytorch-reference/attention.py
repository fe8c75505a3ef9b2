"""The attention of tearnn's engine (tearnn.nn.Attention) as a PyTorch module, whose parameter names
the model file uses: one query per sequence over that sequence's keys (a recurrent stack's hidden
states, time-major [T][B][K]), padded steps masked out.

    dot       e_t = q . k_t                          (Luong et al. 2015)
    general   e_t = q^T W k_t,  W = weight [Q][K]     (Luong et al. 2015)
    additive  e_t = v . tanh(query(q) + key(k_t))     (Bahdanau et al. 2015): query = Linear(Q, A),
              key = Linear(K, A, bias=False), v = Linear(A, 1, bias=False)
    a = softmax(e) over the real steps, context = sum_t a_t k_t
"""
import math

import torch


class Attention(torch.nn.Module):
    def __init__(self, score, query_size, key_size, size=0):
        super().__init__()
        self.score = score
        if score == "dot":
            if query_size != key_size:
                raise ValueError("dot attention needs queries as long as keys")
        elif score == "general":
            self.weight = torch.nn.Parameter(torch.empty(query_size, key_size))
            bound = 1 / math.sqrt(key_size)
            torch.nn.init.uniform_(self.weight, -bound, bound)
        elif score == "additive":
            self.query = torch.nn.Linear(query_size, size)
            self.key = torch.nn.Linear(key_size, size, bias=False)
            self.v = torch.nn.Linear(size, 1, bias=False)
        else:
            raise ValueError("attention must be additive, dot or general")

    def forward(self, query, keys, mask=None):
        """query [B][Q], keys [T][B][K], mask [T][B] (True at a real step) -> context [B][K], weights [B][T]."""
        k = keys.transpose(0, 1)                                   # [B][T][K]
        if self.score == "dot":
            e = torch.einsum("bk,btk->bt", query, k)
        elif self.score == "general":
            e = torch.einsum("bk,btk->bt", query @ self.weight, k)
        else:
            e = self.v(torch.tanh(self.query(query).unsqueeze(1) + self.key(k))).squeeze(2)
        if mask is not None:
            e = e.masked_fill(~mask.transpose(0, 1), float("-inf"))
        a = torch.softmax(e, dim=1)
        return torch.einsum("bt,btk->bk", a, k), a
