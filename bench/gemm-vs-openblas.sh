#!/usr/bin/env bash
# SGEMM GFLOP/s of seqlab (JMH GemmBenchmark) and OpenBLAS (numpy) measured in one session,
# with the ratio seqlab/OpenBLAS per size and thread count.
# Usage: bench/gemm-vs-openblas.sh   (after: mvn -B -pl bench -am package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=bench/target/benchmarks.jar
PEER=${PEER:-/work/shared/bench/numpy_gemm.py}
PY=${PY:-/usr/bin/python3}
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -B -pl bench -am package -DskipTests" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The peer before and after ours; each figure of the peer is the better of its two runs,
# so a noisy neighbour during one run does not flatter seqlab.
OPENBLAS_NUM_THREADS=2 "$PY" "$PEER" | tail -1 > "$tmp/peer2a.json"
OPENBLAS_NUM_THREADS=1 "$PY" "$PEER" | tail -1 > "$tmp/peer1a.json"
java -jar "$JAR" '\.GemmBenchmark\.' -p n=256,512,1024 -p threads=1,2 -rf json -rff "$tmp/seqlab.json" "$@" >&2
OPENBLAS_NUM_THREADS=2 "$PY" "$PEER" | tail -1 > "$tmp/peer2b.json"
OPENBLAS_NUM_THREADS=1 "$PY" "$PEER" | tail -1 > "$tmp/peer1b.json"

"$PY" - "$tmp" <<'PYEOF'
import json, sys, os
d = sys.argv[1]
peer = {}
for t in (1, 2):
    runs = [json.load(open(os.path.join(d, f"peer{t}{x}.json")))["gflops"] for x in "ab"]
    peer[t] = {int(n): max(r[n] for r in runs) for n in runs[0]}
print(f"{'n':>6} {'threads':>7} {'seqlab GFLOP/s':>15} {'OpenBLAS GFLOP/s':>17} {'ratio':>6}")
for r in json.load(open(os.path.join(d, "seqlab.json"))):
    if not r["benchmark"].endswith(".GemmBenchmark.gemm"):
        continue
    n, t = int(r["params"]["n"]), int(r["params"]["threads"])
    g = 2 * n ** 3 * r["primaryMetric"]["score"] / 1e9
    p = peer[t].get(n)
    print(f"{n:>6} {t:>7} {g:>15.1f} {p if p else float('nan'):>17.1f} {g / p if p else float('nan'):>6.2f}")
PYEOF
