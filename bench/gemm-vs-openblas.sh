#!/usr/bin/env bash
# SGEMM GFLOP/s of seqlab (JMH GemmBenchmark) and OpenBLAS (numpy) measured in one session,
# with the ratio seqlab/OpenBLAS per size and thread count. The peer runs at its true speed
# (see openblas-peer.sh: OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset for its command alone, the core
# it ran on printed, and its AVX-512 kernels too when OpenBLAS does not recognise the CPU).
# Usage: bench/gemm-vs-openblas.sh   (after: mvn -B -pl bench -am package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/openblas-peer.sh
JAR=bench/target/benchmarks.jar
PEER=${PEER:-/work/shared/bench/numpy_gemm.py}
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -B -pl bench -am package -DskipTests" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cores=$(peer_cores)
detected=$(openblas_core)
echo "load: $(uptime)" >&2

# The peer before and after ours; each figure of the peer is the best of its runs,
# so a noisy neighbour during one run does not flatter seqlab.
peer_round() {
  for core in $cores; do
    for t in 2 1; do
      echo "numpy GEMM, $t thread(s), OpenBLAS core $core:" >&2
      OPENBLAS_NUM_THREADS=$t peer_run "$core" "$PEER" | tail -1 > "$tmp/peer-$core-$t-$1.json"
    done
  done
}
peer_round a
java -jar "$JAR" '\.GemmBenchmark\.' -p n=256,512,1024 -p threads=1,2 -rf json -rff "$tmp/seqlab.json" "$@" >&2
peer_round b
echo "load: $(uptime)" >&2

"$PY" - "$tmp" "$detected" <<'PYEOF'
import glob, json, sys, os
d, detected = sys.argv[1], sys.argv[2]
peer, core_of = {}, {}
for f in sorted(glob.glob(os.path.join(d, "peer-*.json"))):
    _, core, t, _ = os.path.basename(f)[:-5].split("-")
    for n, g in json.load(open(f))["gflops"].items():
        key = (int(t), int(n))
        if g > peer.get(key, 0):
            peer[key], core_of[key] = g, detected if core == "auto" else core
print(f"{'n':>6} {'threads':>7} {'seqlab GFLOP/s':>15} {'OpenBLAS GFLOP/s':>17} {'core':>10} {'ratio':>6}")
for r in json.load(open(os.path.join(d, "seqlab.json"))):
    if not r["benchmark"].endswith(".GemmBenchmark.gemm"):
        continue
    n, t = int(r["params"]["n"]), int(r["params"]["threads"])
    g = 2 * n ** 3 * r["primaryMetric"]["score"] / 1e9
    p = peer.get((t, n))
    print(f"{n:>6} {t:>7} {g:>15.1f} {p if p else float('nan'):>17.1f} {core_of.get((t, n), '-'):>10} "
          f"{g / p if p else float('nan'):>6.2f}")
PYEOF
