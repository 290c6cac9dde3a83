#!/usr/bin/env bash
# Word vectors at GoogleNews scale, seqlab vs gensim 4.2 (Debian's python3-gensim), whole commands
# as a user runs them, alternating in one run (issue 15's acceptance figures):
#   1. load a word2vec binary file and answer one most-similar (seqlab: ./seqlab embeddings similar
#      --vectors FILE.bin, which maps the file and reads the vectors in place; also once with the
#      heap capped at 1.1x the float matrix)
#   1b. the same from the 400k x 100 text file and from its gzip (gensim load_word2vec_format
#      no_header=True), and each once more with seqlab's heap capped at 1.1x its float matrix
#   2. open each tool's own saved format and answer one query (gensim KeyedVectors.load(mmap='r');
#      seqlab's memory-mapped format with -Xmx256m), at 3M x 300 and at 400k x 100
#   3. warm exact most-similar latency at 3M x 300, answers compared with gensim's, and the
#      queries per second of 1 and 2 threads on one instance
# Wall time and peak RSS from /usr/bin/time -v; medians of ROUNDS. Uses ~8 GB of RAM at once: run it
# under the shared lock:  flock /work/wt/bench.lock bench/vectors-scale-vs-gensim.sh
# Usage: bench/vectors-scale-vs-gensim.sh BIG.bin BIG.seqlab SMALL.txt SMALL.seqlab [ROUNDS]
# PARTS (environment) picks what to run, so that each locked run stays short: any of binary (1),
# open (2), text (1b), capped (the 1.1x heap runs) and warm (3); all by default. The whole set takes
# about 10 minutes at 3 rounds on 2 cores.
# gensim's saved format is written next to the inputs (BIG.kv, SMALL.kv) on the first run, and so
# is SMALL.txt.gz.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
big_bin=$(realpath "$1")
big_seqlab=$(realpath "$2")
small_txt=$(realpath "$3")
small_seqlab=$(realpath "$4")
rounds=${5:-3}
parts=" ${PARTS:-binary open text capped warm} "
part() { [[ $parts == *" $1 "* ]]; }
peer="env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 $here/python/gensim_scale.py"
# shellcheck source=openblas-peer.sh
. "$here/openblas-peer.sh"
echo "gensim's OpenBLAS core (OPENBLAS_CORETYPE, OPENBLAS_L2_SIZE unset): $(openblas_core)"
jar=$root/bench/target/benchmarks.jar
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests -pl bench -am package)
# builds the command if needed; the first query also writes the launcher's class-data archive
"$root/seqlab" embeddings similar --vectors "$small_seqlab" --top 1 w0 > /dev/null
big_kv=${big_bin%.*}.kv
small_kv=${small_txt%.*}.kv
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
results=$out/results.tsv

# timed NAME CMD...: one whole command under /usr/bin/time -v; appends "NAME seconds rss_kb"
timed() {
  local name=$1
  shift
  /usr/bin/time -v "$@" > "$out/cmd.out" 2> "$out/cmd.err" || {
    echo "$name failed:" >&2
    grep -v '^\s*at \|^\s*Command\|^\s*[A-Z][a-zA-Z ()/:-]*: ' "$out/cmd.err" | head -3 >&2
    [ -n "${may_fail:-}" ] && { printf '%s\tfailed\t0\n' "$name" | tee -a "$results"; return 0; }
    exit 1
  }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/cmd.err" | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/cmd.err")
  printf '%s\t%s\t%s\n' "$name" "$wall" "$rss" | tee -a "$results"
}

# gensim's own format, made once from its own loads
[ -f "$big_kv" ] || $peer binary "$big_bin" w0 "$big_kv" > /dev/null
[ -f "$small_kv" ] || $peer text "$small_txt" w0 "$small_kv" > /dev/null
small_gz=$small_txt.gz
[ -f "$small_gz" ] || gzip -c "$small_txt" > "$small_gz"
uptime

read -r big_rows big_dim < <(head -c 64 "$big_bin" | head -1)
matrix_mb=$(( big_rows * big_dim * 4 / 1048576 )) # bash's 64-bit arithmetic (awk's %d stops at 2^31)
for r in $(seq "$rounds"); do
  if part binary; then
    timed gensim_binary_load_query $peer binary "$big_bin" w0
    timed seqlab_binary_load_query "$root/seqlab" embeddings similar --vectors "$big_bin" --top 10 w0
  fi
  if part open; then
    timed gensim_mmap_query_3M $peer mmap "$big_kv" w0
    timed seqlab_open_query_3M env SEQLAB_JAVA_OPTS=-Xmx256m "$root/seqlab" embeddings similar --vectors "$big_seqlab" --top 10 w0
    timed gensim_mmap_query_400k $peer mmap "$small_kv" w0
    timed seqlab_open_query_400k "$root/seqlab" embeddings similar --vectors "$small_seqlab" --top 10 w0
  fi
  if part text; then
    timed gensim_text_load_query $peer text "$small_txt" w0
    timed seqlab_text_load_query "$root/seqlab" embeddings similar --vectors "$small_txt" --top 10 w0
    timed gensim_gzip_load_query $peer text "$small_gz" w0
    timed seqlab_gzip_load_query "$root/seqlab" embeddings similar --vectors "$small_gz" --top 10 w0
  fi
done
heap_mb=$(( matrix_mb * 11 / 10 ))
small_heap_mb=$(( $(awk 'NR == 1 {print NF - 1; exit}' "$small_txt") * $(wc -l < "$small_txt") * 4 * 11 / 10 / 1048576 ))
may_fail=1
if part capped; then
  timed seqlab_binary_load_query_heap_1.1x env SEQLAB_JAVA_OPTS="-Xmx${heap_mb}m" \
    "$root/seqlab" embeddings similar --vectors "$big_bin" --top 10 w0
  timed seqlab_text_load_query_heap_1.1x env SEQLAB_JAVA_OPTS="-Xmx${small_heap_mb}m" \
    "$root/seqlab" embeddings similar --vectors "$small_txt" --top 10 w0
  timed seqlab_gzip_load_query_heap_1.1x env SEQLAB_JAVA_OPTS="-Xmx${small_heap_mb}m" \
    "$root/seqlab" embeddings similar --vectors "$small_gz" --top 10 w0
fi
may_fail=
uptime

if part warm; then
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 "$here/python/gensim_warm.py" "$big_kv" mmap \
    > "$out/gensim_warm.json"
  java --add-modules jdk.incubator.vector -Xmx1g -cp "$jar" dev.seqlab.bench.embeddings.WarmQueries \
    "$big_seqlab" 2 5 2> /dev/null > "$out/seqlab_warm.json"
else
  echo '{}' > "$out/gensim_warm.json"
  echo '{}' > "$out/seqlab_warm.json"
fi

/usr/bin/python3 - "$results" "$out/gensim_warm.json" "$out/seqlab_warm.json" "$matrix_mb" "$heap_mb" "$small_heap_mb" <<'PY'
import json, statistics, sys
rows, capped = {}, {}
for line in open(sys.argv[1]):
    name, wall, rss = line.split('\t')
    if name.endswith('_heap_1.1x'):
        capped[name] = wall
        continue
    rows.setdefault(name, []).append((float(wall), int(rss)))
med = lambda name, i: statistics.median(r[i] for r in rows[name])
matrix_mb = int(sys.argv[4])
n_rounds = max((len(v) for v in rows.values()), default=0)
print(f"\nwhole commands, medians of {n_rounds} alternating rounds (wall s, peak RSS MB)")
print(f"{'task':34} {'gensim s':>9} {'seqlab s':>9} {'ratio':>7} {'gensim MB':>10} {'seqlab MB':>10}")
for task, g, s in [("binary 3Mx300 load + 1 query", "gensim_binary_load_query", "seqlab_binary_load_query"),
                   ("own format 3Mx300 open + 1 query", "gensim_mmap_query_3M", "seqlab_open_query_3M"),
                   ("own format 400kx100 open + 1 query", "gensim_mmap_query_400k", "seqlab_open_query_400k"),
                   ("text 400kx100 load + 1 query", "gensim_text_load_query", "seqlab_text_load_query"),
                   ("gzip text 400kx100 load + 1 query", "gensim_gzip_load_query", "seqlab_gzip_load_query")]:
    if g not in rows:
        continue
    print(f"{task:34} {med(g, 0):9.2f} {med(s, 0):9.2f} {med(g, 0) / med(s, 0):6.1f}x"
          f" {int(med(g, 1)) // 1024:10d} {int(med(s, 1)) // 1024:10d}")
if 'seqlab_binary_load_query' in rows:
    print(f"float matrix {matrix_mb} MB: binary load peak RSS {med('seqlab_binary_load_query', 1) / 1024 / matrix_mb:.2f}x of it")
for name, heap in [('seqlab_binary_load_query_heap_1.1x', sys.argv[5]), ('seqlab_text_load_query_heap_1.1x', sys.argv[6]),
                   ('seqlab_gzip_load_query_heap_1.1x', sys.argv[6])]:
    if name not in capped:
        continue
    took = capped[name]
    print(f"{name[:-10]} with -Xmx{heap}m (1.1x its float matrix): " + (f"{float(took):.2f} s" if took != 'failed' else "FAILED (out of heap)"))
g, s = json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
if 'answers' in g:
    same = sum(1 for w in g['answers'] if [a for a, _ in g['answers'][w]] == [a for a, _ in s['answers'][w]])
    diff = max(abs(a[1] - b[1]) for w in g['answers'] for a, b in zip(g['answers'][w], s['answers'][w]))
    print(f"warm most_similar at {s['words']} words: gensim {g['most_similar_median_ms']:.2f} ms,"
          f" seqlab {s['most_similar_median_ms']:.2f} ms"
          f" ({s['most_similar_median_ms'] / g['most_similar_median_ms']:.3f}x of gensim's)")
    print(f"answers: {same}/{len(g['answers'])} queries with the same top-10 in the same order; largest cosine difference {diff:.2e}")
    print("seqlab queries/s by threads on one instance (every answer checked):",
          {k: round(v, 1) for k, v in s['queries_per_second_by_threads'].items()})
PY
