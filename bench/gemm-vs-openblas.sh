#!/usr/bin/env bash
# SGEMM GFLOP/s of seqlab (JMH GemmBenchmark) and OpenBLAS (numpy) measured in one session,
# alternating for ROUNDS rounds, with the ratio of the medians seqlab/OpenBLAS per size and thread
# count. The peer runs at its true speed (see openblas-peer.sh: OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE
# unset for its command alone, the core it ran on printed, and its AVX-512 kernels too when
# OpenBLAS does not recognise the CPU); each of its results is checked against float64.
# Usage: bench/gemm-vs-openblas.sh [JMH ARGS...]   (after: mvn -B -pl bench -am package -DskipTests)
# Environment: ROUNDS (default 3), SIZES (default "512 1024"), THREADS (default "2 1"), JAR (the
# benchmark jar, default bench/target/benchmarks.jar: another build's jar measures that build).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/openblas-peer.sh
JAR=${JAR:-bench/target/benchmarks.jar}
PEER=${PEER:-bench/python/numpy_gemm_checked.py}
ROUNDS=${ROUNDS:-3}
SIZES=${SIZES:-512 1024}
THREADS=${THREADS:-2 1}
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -B -pl bench -am package -DskipTests" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cores=$(peer_cores)
detected=$(openblas_core)
echo "load: $(uptime)" >&2

for r in $(seq "$ROUNDS"); do
  for core in $cores; do
    for t in $THREADS; do
      echo "round $r: numpy GEMM, $t thread(s), OpenBLAS core $core:" >&2
      # shellcheck disable=SC2086
      OPENBLAS_NUM_THREADS=$t peer_run "$core" "$PEER" $SIZES | tail -1 | tee "$tmp/peer-$core-$t-$r.json" >&2
    done
  done
  echo "round $r: seqlab JMH GemmBenchmark" >&2
  java -jar "$JAR" '\.GemmBenchmark\.' -p n="$(echo $SIZES | tr ' ' ,)" -p threads="$(echo $THREADS | tr ' ' ,)" \
    -rf json -rff "$tmp/seqlab-$r.json" "$@" >&2
done
echo "load: $(uptime)" >&2

"$PY" - "$tmp" "$detected" <<'PYEOF'
import glob, json, os, statistics, sys
d, detected = sys.argv[1], sys.argv[2]
peer, err = {}, {}
for f in sorted(glob.glob(os.path.join(d, "peer-*.json"))):
    _, core, t, _ = os.path.basename(f)[:-5].split("-")
    j = json.load(open(f))
    for n, g in j["gflops"].items():
        peer.setdefault((detected if core == "auto" else core, int(t), int(n)), []).append(g)
        key = (detected if core == "auto" else core, int(n))
        err[key] = max(err.get(key, 0), j["max_rel_err"][n])
seq = {}
for f in glob.glob(os.path.join(d, "seqlab-*.json")):
    for r in json.load(open(f)):
        n, t = int(r["params"]["n"]), int(r["params"]["threads"])
        seq.setdefault((t, n), []).append(2 * n ** 3 * r["primaryMetric"]["score"] / 1e9)
for (core, n), e in sorted(err.items()):
    print(f"OpenBLAS core {core}, n={n}: max error relative to |A||B| (float64) {e:.1e}")
print(f"{'n':>6} {'threads':>7} {'seqlab GFLOP/s':>15} {'OpenBLAS GFLOP/s':>17} {'core':>10} {'ratio':>6}   (medians of rounds; seqlab runs / peer runs)")
for (t, n), gs in sorted(seq.items()):
    cands = [(statistics.median(v), c) for (c, tt, nn), v in peer.items() if tt == t and nn == n]
    p, core = max(cands) if cands else (float("nan"), "-")  # the faster peer core
    g = statistics.median(gs)
    runs = " ".join(f"{x:.0f}" for x in gs) + " / " + " ".join(f"{x:.0f}" for x in peer.get((core, t, n), []))
    print(f"{n:>6} {t:>7} {g:>15.1f} {p:>17.1f} {core:>10} {g / p:>6.2f}   ({runs})")
PYEOF
