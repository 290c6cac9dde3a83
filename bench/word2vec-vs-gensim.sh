#!/usr/bin/env bash
# word2vec training speed and quality, seqlab vs gensim 4.2, alternating in one run on this machine:
# skip-gram 1 epoch and CBOW 3 epochs, dim 100, window 5, negative 5, min-count 5, sample 1e-3,
# 2 threads, on the benchmark corpus (../shared/bench/make_corpus.sh). Both sides read
# whitespace tokens; words/s is gensim's measure (corpus words x epochs / wall seconds, counting
# the vocabulary included). Every vectors file is scored by ../shared/bench/eval_vectors.py.
# Skip-gram is also run a second time with gensim's effective learning-rate schedule: in
# corpus_file mode each of gensim's W workers measures its progress against the whole corpus, so
# its alpha stops at 1/W of the way down (2 workers, 1 epoch: 0.025 -> 0.01255); seqlab decays to
# min-alpha over all words, as the C tool does. The "sg-matched" row gives seqlab that schedule.
# Usage: bench/word2vec-vs-gensim.sh CORPUS [ROUNDS]   (needs Debian's python3-gensim)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
corpus=$(realpath "$1")
rounds=${2:-2}
peers=${PEERS:-$root/../shared/bench}
jar=$root/bench/target/benchmarks.jar
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests -pl bench -am package)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
evaluate() { /usr/bin/python3 "$peers/eval_vectors.py" "$1"; }
merge() {
  /usr/bin/python3 -c 'import json,sys; a=json.loads(sys.argv[1]); a.update({k: v for k, v in json.loads(sys.argv[2]).items() if k != "vocab"}); print(json.dumps(a))' "$1" "$2"
}
seqlab() {
  java --add-modules jdk.incubator.vector -cp "$jar" dev.seqlab.bench.embeddings.Word2VecSpeed "$corpus" "$@" 2> /dev/null
}
for r in $(seq "$rounds"); do
  for cfg in "1 1" "0 3"; do
    set -- $cfg
    g=$(/usr/bin/python3 "$peers/gensim_word2vec.py" "$corpus" --sg "$1" --epochs "$2" --threads 2 --out "$out/g.txt" 2> /dev/null | tail -1)
    echo "$g" | tee -a "$out/gensim.jsonl"
    s=$(seqlab --sg "$1" --epochs "$2" --threads 2 --out "$out/s.txt")
    e=$(evaluate "$out/s.txt")
    merge "$s" "$e" | tee -a "$out/seqlab.jsonl"
  done
  s=$(seqlab --sg 1 --epochs 1 --threads 2 --min-alpha 0.01255 --out "$out/s.txt")
  merge "$s" "$(evaluate "$out/s.txt")" | sed 's/"sg": 1/"sg": 2/' | tee -a "$out/seqlab.jsonl"
done
/usr/bin/python3 - "$out/gensim.jsonl" "$out/seqlab.jsonl" <<'PY'
import json, statistics, sys
g = [json.loads(l) for l in open(sys.argv[1])]
s = [json.loads(l) for l in open(sys.argv[2])]
print(f"\nmedians over {len(s) // 3} rounds")
print(f"{'':14} {'gensim w/s':>11} {'seqlab w/s':>11} {'ratio':>6} {'analogy g/s':>14} {'WS353 g/s':>14}")
for sg, name in [(1, "skip-gram"), (2, "sg-matched"), (0, "CBOW")]:
    gg = [r for r in g if r["sg"] == min(sg, 1)]; ss = [r for r in s if r["sg"] == sg]
    m = lambda rows, k: statistics.median(r[k] for r in rows)
    a, b = m(gg, "words_per_s"), m(ss, "words_per_s")
    print(f"{name:14} {a:11.0f} {b:11.0f} {b / a:5.2f}x {m(gg, 'analogy'):6.4f}/{m(ss, 'analogy'):6.4f} "
          f"{m(gg, 'wordsim353_spearman'):6.4f}/{m(ss, 'wordsim353_spearman'):6.4f}")
PY
