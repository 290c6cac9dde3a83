#!/usr/bin/env python3
"""Writes small PyTorch recurrent models with torch.onnx.export, each with an input and PyTorch's
own outputs for it, so that seqlab's ONNX import can be checked against PyTorch itself
(bench/torch-import-check.sh). Embedding -> LSTM/GRU/RNN (1-2 layers, one or both directions,
with or without initial states) -> Linear, batch_first, random seeded weights.

Usage: /usr/bin/python3 bench/python/torch_recurrent_export.py OUT_DIR   (Debian's python3-torch, python3-onnx)
"""
import json
import os
import sys

# Peers at their true speed: drop the variables that force OpenBLAS onto AVX2 before torch loads it
# (this script writes reference outputs, it does not time PyTorch).
os.environ.pop("OPENBLAS_CORETYPE", None)
os.environ.pop("OPENBLAS_L2_SIZE", None)

import torch

VOCAB, EMBED, HIDDEN = 30, 16, 24
CELLS = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU, "rnn": torch.nn.RNN}


class CharModel(torch.nn.Module):
    def __init__(self, kind, layers, bidirectional):
        super().__init__()
        self.kind = kind
        self.emb = torch.nn.Embedding(VOCAB, EMBED)
        self.rnn = CELLS[kind](EMBED, HIDDEN, num_layers=layers, bidirectional=bidirectional, batch_first=True)
        self.out = torch.nn.Linear(HIDDEN * (2 if bidirectional else 1), VOCAB)

    def forward(self, tokens, *state):
        if self.kind == "lstm" and state:
            y, (h, c) = self.rnn(self.emb(tokens), (state[0], state[1]))
            return self.out(y), h, c
        y, h = self.rnn(self.emb(tokens), state[0] if state else None)
        if self.kind == "lstm":
            return self.out(y), h[0], h[1]
        return self.out(y), h


def export(out_dir, seed, kind, layers, bidirectional, initial):
    torch.manual_seed(seed)
    model = CharModel(kind, layers, bidirectional).eval()
    batch, time = 3, 11
    tokens = torch.randint(0, VOCAB, (batch, time))
    dirs = 2 if bidirectional else 1
    state = []
    if initial:
        state = [torch.randn(layers * dirs, batch, HIDDEN)]
        if kind == "lstm":
            state.append(torch.randn(layers * dirs, batch, HIDDEN))
    with torch.no_grad():
        outputs = model(tokens, *state)
    state_names = ["h0", "c0"][: len(state)]
    output_names = ["logits", "h_n"] + (["c_n"] if kind == "lstm" else [])
    name = f"{kind}-{layers}layer{'-bi' if bidirectional else ''}{'-init' if initial else ''}"
    axes = {"tokens": {0: "batch", 1: "time"}, "logits": {0: "batch", 1: "time"}}
    for s in state_names:
        axes[s] = {1: "batch"}
    torch.onnx.export(model, (tokens, *state), os.path.join(out_dir, name + ".onnx"),
                      input_names=["tokens"] + state_names, output_names=output_names,
                      dynamic_axes=axes, opset_version=14)
    record = {"inputs": {"tokens": {"shape": list(tokens.shape), "data": tokens.flatten().tolist()}},
              "outputs": {n: {"shape": list(o.shape), "data": o.flatten().tolist()} for n, o in zip(output_names, outputs)}}
    for n, s in zip(state_names, state):
        record["inputs"][n] = {"shape": list(s.shape), "data": s.flatten().tolist()}
    with open(os.path.join(out_dir, name + ".json"), "w") as f:
        json.dump(record, f)
    print(name)


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    seed = 0
    for kind in CELLS:
        for layers, bidirectional, initial in [(1, False, False), (2, True, False), (2, False, True), (1, True, True)]:
            seed += 1
            export(out_dir, seed, kind, layers, bidirectional, initial)
    print(json.dumps({"torch": torch.__version__, "dir": out_dir}))


if __name__ == "__main__":
    main()
