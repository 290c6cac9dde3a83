"""PyTorch CPU training-step time for character-level recurrent language models.

A copy of ../shared/bench/torch_rnn.py with one addition, --configs, to run only the named
configurations (bench/rnn-vs-pytorch.sh runs the two LSTM ones that issue 17 compares against);
the model, the step and the timing are unchanged.

One JSON line per configuration: forward + backward + grad-norm clip (5.0) + Adam step,
one-hot input of size V, a Linear head to V, cross-entropy over all B*T positions.
"""
import os
for _k in ('OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE'):  # peers at their true speed: these machines force
    os.environ.pop(_k, None)                       # OpenBLAS onto Haswell kernels through these two
import argparse, json, time
import torch, torch.nn as nn
ap = argparse.ArgumentParser(); ap.add_argument('--threads', type=int, default=2)
ap.add_argument('--configs', nargs='*', help='names of the configurations to run (default: all)'); a = ap.parse_args()
torch.set_num_threads(a.threads); torch.manual_seed(0)
CONFIGS = [  # name, cell, V, H, layers, T, B, timed steps
    ('course-single', 'lstm', 27, 50, 1, 10, 1, 300),
    ('course-batch', 'lstm', 27, 50, 1, 10, 32, 300),
    ('course-batch-gru', 'gru', 27, 50, 1, 10, 32, 300),
    ('charrnn-256', 'lstm', 65, 256, 2, 100, 32, 10),
    ('charrnn-512', 'lstm', 65, 512, 2, 100, 32, 5),
]
for name, cell, V, H, L, T, B, steps in CONFIGS:
    if a.configs and name not in a.configs:
        continue
    rnn = {'lstm': nn.LSTM, 'gru': nn.GRU, 'rnn': nn.RNN}[cell](V, H, num_layers=L, batch_first=True)
    head = nn.Linear(H, V)
    params = list(rnn.parameters()) + list(head.parameters())
    opt = torch.optim.Adam(params, lr=1e-3)
    x = nn.functional.one_hot(torch.randint(0, V, (B, T)), V).float(); y = torch.randint(0, V, (B, T))
    def step():
        opt.zero_grad(); out, _ = rnn(x)
        nn.CrossEntropyLoss()(head(out).reshape(-1, V), y.reshape(-1)).backward()
        nn.utils.clip_grad_norm_(params, 5.0); opt.step()
    for _ in range(3): step()
    t = time.perf_counter()
    for _ in range(steps): step()
    dt = (time.perf_counter() - t) / steps
    print(json.dumps({'peer': 'pytorch', 'config': name, 'cell': cell, 'V': V, 'H': H, 'layers': L, 'T': T, 'B': B,
                      'threads': a.threads, 'ms_per_step': round(dt * 1e3, 3), 'chars_per_s': round(B * T / dt)}), flush=True)
