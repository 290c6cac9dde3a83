#!/usr/bin/env bash
# GloVe end to end on the benchmark corpus (../shared/bench/make_corpus.sh) with the settings of
# issue 4: dim 100, window 10, x_max 10, alpha 0.75, 10 iterations, min-count 5, 2 threads,
# whitespace tokens. Prints each run's phase times and its analogy / WordSim-353 scores
# (../shared/bench/eval_vectors.py), then the medians. The Stanford GloVe C tool is not
# installable here; its figures on this machine kind are in ../shared/bench/README.md.
# Usage: bench/glove.sh CORPUS [ROUNDS]   (needs Debian's python3-gensim for the evaluation)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
corpus=$(realpath "$1")
rounds=${2:-3}
peers=${PEERS:-$root/../shared/bench}
jar=$root/bench/target/benchmarks.jar
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests -pl bench -am package)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for r in $(seq "$rounds"); do
  s=$(java --add-modules jdk.incubator.vector -cp "$jar" dev.seqlab.bench.embeddings.GloVeSpeed "$corpus" \
        --iter 10 --threads 2 --x-max 10 --out "$out/g.txt" 2> /dev/null)
  e=$(/usr/bin/python3 "$peers/eval_vectors.py" "$out/g.txt")
  /usr/bin/python3 -c 'import json,sys; a=json.loads(sys.argv[1]); a.update({k: v for k, v in json.loads(sys.argv[2]).items() if k != "vocab"}); print(json.dumps(a))' "$s" "$e" \
    | tee -a "$out/runs.jsonl"
done
/usr/bin/python3 - "$out/runs.jsonl" <<'PY'
import json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1])]
m = lambda k: statistics.median(r[k] for r in runs)
print(f"\nmedians over {len(runs)} runs: {m('seconds'):.1f} s end to end (words {m('vocab_s'):.1f}, "
      f"co-occurrences {m('cooccur_s'):.1f}, shuffle {m('shuffle_s'):.1f}, training {m('train_s'):.1f}); "
      f"analogy {m('analogy'):.4f}, WS353 {m('wordsim353_spearman'):.4f}")
PY
