#!/usr/bin/env bash
# Warm exact most-similar at GoogleNews scale, seqlab vs gensim 4.2 (Debian's python3-gensim), in one
# run, alternating (issue 15's "at most 0.25x gensim's latency, answers identical"):
#   gensim  KeyedVectors.load(mmap='r') and a fully loaded copy (bench/python/gensim_warm.py)
#   seqlab  dev.seqlab.bench.embeddings.WarmQueries on the seqlab file, with the default heap (the
#           int8 copy is moved into the heap in the background) and with -Xmx256m (read in place)
# Each side: median latency of most_similar(w, 10) over the same 50 words after warm-up, and the
# answers, compared word for word and cosine for cosine; seqlab also prints the queries per second
# of 1 and 2 threads on one instance (every answer checked). Needs ~10 GB of RAM and page cache:
#   flock /work/wt/bench.lock bench/exact-queries-vs-gensim.sh BIG.kv BIG.seqlab [ROUNDS] [SECONDS]
# BIG.kv is gensim's own save of the vectors (bench/vectors-scale-vs-gensim.sh writes it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
kv=$(realpath "$1")
seqlab_file=$(realpath "$2")
rounds=${3:-2}
seconds=${4:-5}
peer="env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 $here/python/gensim_warm.py"
jar=$root/bench/target/benchmarks.jar
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests -pl bench -am package)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
seqlab() {
  java --add-modules jdk.incubator.vector "$@" -cp "$jar" dev.seqlab.bench.embeddings.WarmQueries \
    "$seqlab_file" 2 "$seconds" 2> /dev/null
}
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$rounds"); do
  $peer "$kv" mmap > "$out/gensim-mmap.$r.json"
  seqlab > "$out/seqlab-default.$r.json"
  $peer "$kv" load > "$out/gensim-load.$r.json"
  seqlab -Xmx256m > "$out/seqlab-256m.$r.json"
  echo "round $r done, load average $(cut -d' ' -f1-3 /proc/loadavg)"
done
/usr/bin/python3 - "$out" "$rounds" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
runs = {name: [json.load(open(f"{out}/{name}.{r}.json")) for r in range(1, rounds + 1)]
        for name in ('gensim-mmap', 'gensim-load', 'seqlab-default', 'seqlab-256m')}
med = {name: statistics.median(d['most_similar_median_ms'] for d in docs) for name, docs in runs.items()}
print(f"\nwarm exact most_similar, {runs['seqlab-default'][0]['words']} words, top 10, median over 50 words;"
      f" median of {rounds} alternating rounds (per round in brackets)")
for name in runs:
    per = ', '.join(f"{d['most_similar_median_ms']:.1f}" for d in runs[name])
    print(f"  {name:15} {med[name]:8.2f} ms  [{per}]")
for s in ('seqlab-default', 'seqlab-256m'):
    for g in ('gensim-mmap', 'gensim-load'):
        print(f"  {s} / {g}: {med[s] / med[g]:.3f}x of gensim's latency")
ref = runs['gensim-mmap'][0]['answers']
for name, docs in runs.items():
    for d in docs:
        same = sum(1 for w in ref if [a for a, _ in ref[w]] == [a for a, _ in d['answers'][w]])
        diff = max(abs(a[1] - b[1]) for w in ref for a, b in zip(ref[w], d['answers'][w]))
        print(f"  answers {name}: {same}/{len(ref)} top-10 lists equal to gensim-mmap's, largest cosine difference {diff:.1e}")
for s in ('seqlab-default', 'seqlab-256m'):
    for d in runs[s]:
        print(f"  {s} queries/s by threads (every answer checked):",
              {k: round(v, 1) for k, v in d['queries_per_second_by_threads'].items()})
PY
