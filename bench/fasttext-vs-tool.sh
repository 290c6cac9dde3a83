#!/usr/bin/env bash
# fastText unsupervised training, seqlab vs the fastText tool (Debian's fasttext 0.9.2), in one run
# on this machine: skip-gram and CBOW, dim 100, ws 5, neg 5, min-count 5, n-grams 3-6, 2M buckets,
# 5 epochs, 2 threads, on the benchmark corpus (../shared/bench/make_corpus.sh). Both commands are
# timed whole (counting, training, writing PREFIX.bin and PREFIX.vec); words/s is corpus tokens x
# epochs / wall seconds, as ../shared/bench/fasttext_train.py counts it, and CPU seconds (user + sys)
# are given too, which a busy machine disturbs less. Each .vec is scored by eval_vectors.py.
# The tool's own analogy score moves by more than a point between runs (Hogwild threads), so compare
# the medians of at least 3 rounds; each round runs seqlab then the tool, for skip-gram then CBOW
# (rounds outermost, so a run cut short still has alternating pairs of both models).
# Usage: bench/fasttext-vs-tool.sh CORPUS [ROUNDS]   (run under the shared bench lock)
# Environment: MODELS (default "skipgram cbow"), KEEP (a directory to keep the
# tool's first skip-gram model in, as KEEP/tool-skipgram.bin, e.g. for fasttext-load-vs-gensim.sh).
# SEQLAB_JAR (the jar to measure; default cli/target/seqlab.jar, built if missing).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
corpus=$(realpath "$1")
rounds=${2:-1}
peers=${PEERS:-$root/../shared/bench}
# a worktree under /work/wt has the shared bench two levels up
[ -d "$peers" ] || [ -n "${PEERS:-}" ] || peers=$root/../../shared/bench
[ -f "$peers/eval_vectors.py" ] || { echo "no $peers/eval_vectors.py: set PEERS to the shared bench directory" >&2; exit 2; }
jar=${SEQLAB_JAR:-$root/cli/target/seqlab.jar}
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests -pl cli -am package)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
tokens=$(/usr/bin/python3 -c 'import sys; print(sum(len(l.split()) for l in open(sys.argv[1], "rb")))' "$corpus")
keep=${KEEP:-}
date -u; echo "load: $(uptime)"
for r in $(seq "$rounds"); do
  for model in ${MODELS:-skipgram cbow}; do
    flag=""; [ "$model" = cbow ] && flag="--cbow"
    /usr/bin/time -o "$out/time" -f "%e %U %S" java --add-modules jdk.incubator.vector -jar "$jar" fasttext \
      --corpus "$corpus" --out "$out/s" --threads 2 --dim 100 --ws 5 --neg 5 --min-count 5 --minn 3 --maxn 6 \
      --epoch 5 $flag --json > /dev/null 2>&1
    read -r wall user sys < "$out/time"
    e=$(/usr/bin/python3 "$peers/eval_vectors.py" "$out/s.vec" | tail -1)
    /usr/bin/python3 -c 'import json,sys; e=json.loads(sys.argv[1]); w,u,s,t=map(float,sys.argv[3:7]);
print(json.dumps({"who": "seqlab", "model": sys.argv[2], "seconds": w, "cpu_seconds": round(u + s, 2),
  "words_per_s": round(t * 5 / w), "analogy": e["analogy"], "wordsim353_spearman": e["wordsim353_spearman"]}))' \
      "$e" "$model" "$wall" "$user" "$sys" "$tokens" | tee -a "$out/all.jsonl"
    /usr/bin/time -o "$out/time" -f "%e %U %S" env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
      /usr/bin/python3 "$peers/fasttext_train.py" "$corpus" "$out/t" --model "$model" --threads 2 > "$out/t.json"
    read -r wall user sys < "$out/time"
    /usr/bin/python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); u,s=map(float,sys.argv[2:4]);
t.update({"who": "tool", "cpu_seconds": round(u + s, 2)}); print(json.dumps(t))' "$out/t.json" "$user" "$sys" \
      | tee -a "$out/all.jsonl"
    if [ -n "$keep" ] && [ "$model" = skipgram ] && [ ! -f "$keep/tool-skipgram.bin" ]; then
      cp "$out/t.bin" "$keep/tool-skipgram.bin"
    fi
    echo "$model round $r done, $(date -u +%T), load: $(uptime)"
  done
done
/usr/bin/python3 - "$out/all.jsonl" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print(f"\n{'':10} {'tool w/s':>9} {'seqlab w/s':>10} {'ratio':>6} {'CPU ratio':>9} {'analogy t/s':>14} {'WS353 t/s':>14}")
for model in ("skipgram", "cbow"):
    t = [r for r in rows if r["who"] == "tool" and r["model"] == model]
    s = [r for r in rows if r["who"] == "seqlab" and r["model"] == model]
    if not t or not s:
        continue
    m = lambda rs, k: statistics.median(r[k] for r in rs)
    print(f"{model:10} {m(t, 'words_per_s'):9.0f} {m(s, 'words_per_s'):10.0f} {m(s, 'words_per_s') / m(t, 'words_per_s'):5.2f}x "
          f"{m(t, 'cpu_seconds') / m(s, 'cpu_seconds'):8.2f}x {m(t, 'analogy'):6.4f}/{m(s, 'analogy'):6.4f} "
          f"{m(t, 'wordsim353_spearman'):6.4f}/{m(s, 'wordsim353_spearman'):6.4f}")
PY
