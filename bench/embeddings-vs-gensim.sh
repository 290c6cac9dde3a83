#!/usr/bin/env bash
# Word-vector speed, seqlab vs gensim 4.2, alternating in one run on this machine:
# loading a GloVe text file (400,000 x 100 from ../shared/bench/make_vectors.py), opening seqlab's
# memory-mapped format, and mostSimilar / analogy latency (top 10, after one warm-up query).
# Then peak memory of a seqlab text load, with the heap capped at twice the float matrix.
# Usage: bench/embeddings-vs-gensim.sh VECTORS.txt [ROUNDS]   (needs Debian's python3-gensim)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
vectors=$(realpath "$1")
rounds=${2:-3}
peer=${PEER:-$root/../shared/bench/gensim_query.py}
jar=$root/bench/target/benchmarks.jar
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests -pl bench -am package)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
seqlab_file=$out/vectors.seqlab
run_seqlab() {
  java --add-modules jdk.incubator.vector "$@" -cp "$jar" dev.seqlab.bench.embeddings.WordVectorsSpeed \
    "$vectors" "$seqlab_file" 2> /dev/null
}
for r in $(seq "$rounds"); do
  /usr/bin/python3 "$peer" "$vectors" | tee -a "$out/gensim.jsonl"
  run_seqlab | tee -a "$out/seqlab.jsonl"
done
# Peak memory: the float matrix is words x dim x 4 bytes; cap the heap at twice that.
read -r words dim < <(/usr/bin/python3 - "$out/seqlab.jsonl" "$vectors" <<'PY'
import json, sys
j = json.loads(open(sys.argv[1]).readline())
with open(sys.argv[2]) as f:
    dim = len(f.readline().split()) - 1
print(j["words"], dim)
PY
)
matrix_mb=$(( words * dim * 4 / 1000000 ))
heap_mb=$(( 2 * matrix_mb ))
rm -f "$seqlab_file"
/usr/bin/time -v java --add-modules jdk.incubator.vector -Xmx${heap_mb}m -XX:+UseSerialGC \
  -cp "$jar" dev.seqlab.bench.embeddings.WordVectorsSpeed "$vectors" "$seqlab_file" \
  > "$out/capped.json" 2> "$out/time.txt" || { echo "load failed with the heap capped at ${heap_mb} MB"; tail -3 "$out/time.txt"; exit 1; }
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.txt")
/usr/bin/python3 - "$out/gensim.jsonl" "$out/seqlab.jsonl" "$matrix_mb" "$heap_mb" "$rss_kb" <<'PY'
import json, statistics, sys
g = [json.loads(l) for l in open(sys.argv[1])]
s = [json.loads(l) for l in open(sys.argv[2])]
med = lambda rows, k: statistics.median(r[k] for r in rows)
print(f"\nmedians of {len(s)} alternating rounds, {s[0]['words']} words")
print(f"{'':22} {'gensim':>10} {'seqlab':>10} {'ratio':>8}")
for name, k in [("text load (s)", "load_s"), ("most_similar (ms)", "most_similar_ms"), ("analogy (ms)", "analogy_ms")]:
    a, b = med(g, k), med(s, k)
    print(f"{name:22} {a:10.3f} {b:10.3f} {a / b:7.1f}x")
print(f"{'open seqlab file (s)':22} {'':>10} {med(s, 'open_seqlab_s'):10.3f}")
print(f"float matrix {sys.argv[3]} MB; load succeeded with -Xmx{sys.argv[4]}m (2x); process peak RSS {int(sys.argv[5]) // 1024} MB")
PY
