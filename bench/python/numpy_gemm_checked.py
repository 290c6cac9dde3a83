"""OpenBLAS SGEMM GFLOP/s through numpy, square sizes, each result checked against float64.

Usage: numpy_gemm_checked.py [N ...]   (default 512 1024). One JSON line: per size the median
GFLOP/s of seven timed batches of at least 0.2 s after a warm-up, and the largest error of the
float32 product relative to |A|·|B| (float64), so that a forced OpenBLAS core that computed
garbage would show. Thread count: OPENBLAS_NUM_THREADS, as for any OpenBLAS program.
"""
import os
for _k in ('OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE'):  # peers at their true speed: these machines force
    os.environ.pop(_k, None)                       # OpenBLAS onto Haswell kernels through these two
# (openblas-peer.sh's forced-core runs import numpy before this script, so their core stays)
import json, statistics, sys, time
import numpy as np

sizes = [int(s) for s in sys.argv[1:]] or [512, 1024]
rng = np.random.default_rng(0)
gflops, errors = {}, {}
for n in sizes:
    a = rng.standard_normal((n, n), dtype=np.float32)
    b = rng.standard_normal((n, n), dtype=np.float32)
    c = a @ b
    ref = a.astype(np.float64) @ b.astype(np.float64)
    scale = np.abs(a).astype(np.float64) @ np.abs(b).astype(np.float64)
    errors[n] = float(np.max(np.abs(c - ref) / scale))
    reps, t = 1, time.perf_counter()
    while time.perf_counter() - t < 1.0:
        a @ b
    while True:
        t = time.perf_counter()
        for _ in range(reps):
            a @ b
        if time.perf_counter() - t >= 0.2:
            break
        reps *= 2
    runs = []
    for _ in range(7):
        t = time.perf_counter()
        for _ in range(reps):
            a @ b
        runs.append(2 * n ** 3 * reps / (time.perf_counter() - t) / 1e9)
    gflops[n] = round(statistics.median(runs), 1)
print(json.dumps({"peer": "openblas", "gflops": gflops, "max_rel_err": errors}))
