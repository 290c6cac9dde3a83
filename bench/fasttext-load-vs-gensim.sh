#!/usr/bin/env bash
# Loading a fastText .bin, seqlab vs gensim 4.2 (load_facebook_vectors), alternating in one run:
# whole-command wall time and peak RSS (/usr/bin/time -v) of each, in two modes:
#   lookups  load, then 1,000 vocabulary words and 1,000 unseen ones (answered from n-grams)
#   query    the same, then one most_similar (seqlab then computes every vocabulary vector)
# Usage: bench/fasttext-load-vs-gensim.sh MODEL.bin [ROUNDS]   (run it under flock /work/wt/bench.lock)
# A synthetic cc.*.300.bin-sized model: java -cp bench/target/benchmarks.jar
#   dev.seqlab.bench.embeddings.SyntheticFastText /tmp/synthetic.bin 2000000 300
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
model=$(realpath "$1")
rounds=${2:-3}
jar=$root/bench/target/benchmarks.jar
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests -pl bench -am package)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
measure() { # WHO MODE command...
  local who=$1 mode=$2; shift 2
  local s e
  s=$(date +%s.%N)
  /usr/bin/time -v "$@" > "$out/run.json" 2> "$out/time.txt"
  e=$(date +%s.%N)
  local rss
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.txt")
  /usr/bin/python3 - "$out/run.json" "$who" "$mode" "$s" "$e" "$rss" <<'PY' | tee -a "$out/all.jsonl"
import json, sys
j = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
j.update(who=sys.argv[2], mode=sys.argv[3], whole_s=round(float(sys.argv[5]) - float(sys.argv[4]), 3),
         peak_rss_mb=int(sys.argv[6]) // 1024)
print(json.dumps(j))
PY
}
for r in $(seq "$rounds"); do
  for mode in lookups query; do
    measure gensim $mode env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 \
      "$here/python/gensim_fasttext_load.py" "$model" $mode
    measure seqlab $mode java --add-modules jdk.incubator.vector -cp "$jar" \
      dev.seqlab.bench.embeddings.FastTextLoadSpeed "$model" $mode
  done
done
/usr/bin/python3 - "$out/all.jsonl" "$model" <<'PY'
import json, os, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
med = lambda who, mode, k: statistics.median(r[k] for r in rows if r["who"] == who and r["mode"] == mode)
first = rows[0]
print(f"\n{sys.argv[2]}: {os.path.getsize(sys.argv[2]) / 1e9:.2f} GB, {first['words']:,} words x {first['dim']}; "
      f"medians of {sum(1 for r in rows if r['who'] == 'seqlab' and r['mode'] == 'lookups')} alternating rounds")
print(f"{'':34} {'gensim':>9} {'seqlab':>9} {'gensim/seqlab':>14}")
for mode in ("lookups", "query"):
    for name, k in (("whole command (s)", "whole_s"), ("load call (s)", "load_s"), ("peak RSS (MB)", "peak_rss_mb")):
        g, s = med("gensim", mode, k), med("seqlab", mode, k)
        print(f"{mode + ': ' + name:34} {g:9.2f} {s:9.2f} {g / s:13.1f}x")
    if mode == "query":
        g, s = med("gensim", mode, "first_query_s"), med("seqlab", mode, "first_query_s")
        print(f"{'query: first most_similar (s)':34} {g:9.2f} {s:9.2f} {g / s:13.1f}x")
PY
