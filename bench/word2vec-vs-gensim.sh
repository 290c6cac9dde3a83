#!/usr/bin/env bash
# word2vec training speed and quality, seqlab vs gensim 4.2, alternating in one run on this machine:
# skip-gram 5 epochs and CBOW 3 epochs, dim 100, window 5, negative 5, min-count 5, sample 1e-3,
# 2 threads, on the benchmark corpus (../shared/bench/make_corpus.sh), whitespace tokens.
#
# seqlab runs as a user runs it: the whole `./seqlab word2vec` command is timed (JVM start,
# counting, training, writing the vectors). gensim's words/s is its own in-process measure
# (corpus words x epochs / seconds of Word2Vec(), counting included, Python start and writing
# excluded), so the ratio is conservative for seqlab. Every vectors file is scored by
# ../shared/bench/eval_vectors.py after the timed runs.
#
# The peer runs at its true speed: its command alone is prefixed with
# `env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE`, and the OpenBLAS core it then loads is printed.
# When that core is not the best this CPU runs (a virtual CPU that reports a generic model makes
# OpenBLAS fall back to Prescott, SSE3), GENSIM_CORE=NAME (e.g. Cooperlake) runs gensim a second
# time in each round with that core forced, and the ratios are taken against the faster gensim.
# Two `--deterministic` skip-gram runs in each of the first DET_ROUNDS rounds (default 1) check
# identical bytes and their speed.
# The GEMM peak the skip-gram kernel's GFLOP/s is compared with (seqlab's SGEMM, `GemmGflops 2`) is
# measured in the same locked run when bench/target/benchmarks.jar is built (GEMM=0 skips it).
# BENCH_LOCK=FILE holds that lock (flock) for the timed runs only, waiting for it up to BENCH_LOCK_WAIT
# seconds (default 1800), not for building or scoring (scored at nice 19, so as not to disturb the next
# locked run).
# SEEDS="1 2 3" trains each tool once per seed in every round (gensim's `seed` too; default 1): the
# seed-to-seed spread of analogy (over a point) is larger than the gaps compared, so quality is
# compared as medians over seeds. KINDS="sg" or "cbow" runs one architecture only (default both),
# to split a comparison into locked runs of under 12 minutes; with GENSIM_CORE set, GENSIM_DEFAULT=0
# skips gensim at its default core (when that core is the slower one).
# Usage: bench/word2vec-vs-gensim.sh CORPUS [ROUNDS]   (needs Debian's python3-gensim)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
corpus=$(realpath "$1")
rounds=${2:-3}
peers=${PEERS:-$root/../shared/bench}
[ -f "$peers/gensim_word2vec.py" ] || { echo "no $peers/gensim_word2vec.py: set PEERS to ../shared/bench" >&2; exit 2; }
out=${KEEP:-$(mktemp -d)}
mkdir -p "$out"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$out"' EXIT
"$root/seqlab" --version > /dev/null # builds the command first if needed, outside the timed runs

core() { # the OpenBLAS core numpy loads in this environment
  /usr/bin/python3 -c 'import numpy, ctypes
lib = sorted({l.split()[-1] for l in open("/proc/self/maps") if "openblas" in l})[0]
f = ctypes.CDLL(lib).openblas_get_corename; f.restype = ctypes.c_char_p; print(f().decode())'
}
# Runs the peer script with gensim's Word2Vec given `seed` (the script itself fixes seed=1); numpy
# (and so OpenBLAS) is loaded here, before the script drops the OpenBLAS variables.
seeded='import runpy, sys
import gensim.models
seed = int(sys.argv[1])
class Seeded(gensim.models.Word2Vec):
    def __init__(self, *args, **kwargs):
        kwargs["seed"] = seed
        super().__init__(*args, **kwargs)
gensim.models.Word2Vec = Seeded
sys.argv = sys.argv[2:]
runpy.run_path(sys.argv[0], run_name="__main__")'
gensim() { # SEED ARGS... -> one JSON line, gensim at true speed
  local seed=$1
  shift
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 -c "$seeded" "$seed" "$peers/gensim_word2vec.py" "$corpus" "$@" 2> /dev/null | tail -1
}
gensim_core() { # CORE SEED ARGS... -> gensim with that OpenBLAS core
  local c=$1 seed=$2
  shift 2
  env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE="$c" /usr/bin/python3 -c "$seeded" "$seed" "$peers/gensim_word2vec.py" "$corpus" "$@" 2> /dev/null | tail -1
}
seqlab() { # NAME ARGS... -> one JSON line with the whole command's wall time
  local name=$1
  shift
  local t0 t1
  t0=$(date +%s.%N)
  "$root/seqlab" word2vec --corpus "$corpus" --tokenizer whitespace --threads 2 --json --out "$out/$name.txt" "$@" 2> /dev/null > "$out/$name.json"
  t1=$(date +%s.%N)
  /usr/bin/python3 -c 'import json, sys
r = json.load(open(sys.argv[1])); w = float(sys.argv[3]) - float(sys.argv[2])
print(json.dumps({"run": sys.argv[4], "wall_s": round(w, 2), "words_per_s": round(r["corpus_words"] * r["epochs"] / w),
                  "epoch_loss": r["epoch_loss"], "kernel_gflops": r["kernel_gflops"]}))' "$out/$name.json" "$t0" "$t1" "$name"
}
measure() {
  echo "load: $(uptime)"
  echo "OpenBLAS core, variables as set here: $(core)"
  echo "OpenBLAS core, peer at true speed (env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE): $(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE bash -c "$(declare -f core); core")"
  [ -z "${GENSIM_CORE:-}" ] || echo "OpenBLAS core, GENSIM_CORE=$GENSIM_CORE: $(env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE="$GENSIM_CORE" bash -c "$(declare -f core); core")"
  if [ "${GEMM:-1}" != 0 ] && [ -f "$root/bench/target/benchmarks.jar" ]; then
    echo "{\"run\": \"gemm\", \"gemm\": $(java --add-modules jdk.incubator.vector -cp "$root/bench/target/benchmarks.jar" dev.seqlab.bench.GemmGflops 2 2> /dev/null | tail -1)}" | tee -a "$out/runs.jsonl"
  fi
  for r in $(seq "$rounds"); do
    for kind in ${KINDS:-sg cbow}; do
      case $kind in sg) sg=1 epochs=5 flags=() ;; cbow) sg=0 epochs=3 flags=(--cbow) ;; *) echo "KINDS: sg or cbow, not $kind" >&2; exit 2 ;; esac
      for seed in ${SEEDS:-1}; do
        n="$kind-r${r}s$seed"
        [ -n "${GENSIM_CORE:-}" ] && [ "${GENSIM_DEFAULT:-1}" = 0 ] \
          || echo "{\"run\": \"g-$n\", \"seed\": $seed, \"gensim\": $(gensim "$seed" --sg $sg --epochs $epochs --threads 2 --out "$out/g-$n.txt")}" | tee -a "$out/runs.jsonl"
        [ -z "${GENSIM_CORE:-}" ] \
          || echo "{\"run\": \"c-$n\", \"seed\": $seed, \"gensim\": $(gensim_core "$GENSIM_CORE" "$seed" --sg $sg --epochs $epochs --threads 2 --out "$out/c-$n.txt")}" | tee -a "$out/runs.jsonl"
        seqlab "s-$n" "${flags[@]}" --epochs $epochs --seed "$seed" | tee -a "$out/runs.jsonl"
      done
    done
    [ "$r" -le "${DET_ROUNDS:-1}" ] || continue
    for d in a b; do
      seqlab "d$d-sg-$r" --epochs 5 --deterministic | tee -a "$out/runs.jsonl"
    done
    cmp -s "$out/da-sg-$r.txt" "$out/db-sg-$r.txt" && echo "round $r: --deterministic runs identical" \
      || echo "round $r: --deterministic runs DIFFER"
  done
  echo "load: $(uptime)"
}
export -f measure core gensim gensim_core seqlab
export corpus rounds peers out root seeded DET_ROUNDS GENSIM_CORE GENSIM_DEFAULT GEMM SEEDS KINDS
if [ -n "${BENCH_LOCK:-}" ]; then flock -w "${BENCH_LOCK_WAIT:-1800}" "$BENCH_LOCK" bash -c measure; else measure; fi

for f in "$out"/[gcsd]*-*.txt; do
  n=$(basename "$f" .txt)
  echo "{\"run\": \"$n\", \"eval\": $(nice -n 19 /usr/bin/python3 "$peers/eval_vectors.py" "$f")}" >> "$out/evals.jsonl"
done
/usr/bin/python3 - "$out/runs.jsonl" "$out/evals.jsonl" <<'PY'
import json, statistics as st, sys
runs = {}
gemm = None
for path in sys.argv[1:]:
    for line in open(path):
        d = json.loads(line)
        if "gemm" in d:
            gemm = d["gemm"]["gflops"]
            continue
        runs.setdefault(d["run"], {}).update(d.get("gensim", {}), **{k: v for k, v in d.items() if k not in ("gensim", "eval")}, **d.get("eval", {}))
def rows(prefix):
    return [v for k, v in runs.items() if k.rsplit("-", 1)[0] == prefix]
med = lambda rs, k: st.median(r[k] for r in rs) if rs else float("nan")
print(f"\nmedians over {len([k for k in runs if k.startswith('s-sg-')])} sg and {len([k for k in runs if k.startswith('s-cbow-')])} cbow runs (rounds x seeds)")
print(f"{'':24} {'words/s':>10} {'analogy':>8} {'WS353':>7}")
for kind in ("sg", "cbow"):
    for p, name in ((f"g-{kind}", "gensim, true speed"), (f"c-{kind}", "gensim, GENSIM_CORE"), (f"s-{kind}", "seqlab"),
                    (f"d-{kind}", "seqlab --deterministic")):
        rs = rows(p) if p[0] != "d" else rows(f"da-{kind}") + rows(f"db-{kind}")
        if rs:
            print(f"{kind + ' ' + name:24} {med(rs, 'words_per_s'):10.0f} {med(rs, 'analogy'):8.4f} {med(rs, 'wordsim353_spearman'):7.4f}")
    s = rows(f"s-{kind}")
    if not s:
        continue
    g = max(med(rows(p), "words_per_s") for p in (f"g-{kind}", f"c-{kind}") if rows(p))
    peak = f" (seqlab SGEMM on 2 threads: {gemm['512']:.0f} at 512, {gemm['1024']:.0f} at 1024)" if gemm else ""
    print(f"{kind}: seqlab / faster gensim {med(s, 'words_per_s') / g:.2f}x; kernel {med(s, 'kernel_gflops'):.1f} GFLOP/s{peak};"
          f" epoch loss {s[0]['epoch_loss'] if s else ''}")
d = rows("da-sg") + rows("db-sg")
if d and rows("s-sg"):
    print(f"--deterministic / default skip-gram speed: {med(d, 'words_per_s') / med(rows('s-sg'), 'words_per_s'):.2f}")
PY
