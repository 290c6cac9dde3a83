#!/usr/bin/env bash
# seqlab on Spark against Spark MLlib and against single-machine seqlab, in local[2] (issue 19):
#   word2vec skip-gram, dim 100, window 5, min-count 5, 5 epochs, whitespace tokens:
#     seqlab-spark at 2 and 4 partitions, MLlib Word2Vec at 2 and 4 partitions, ./seqlab word2vec (2 threads);
#   GloVe, dim 100, window 10, x_max 10, 10 iterations, min-count 5, 2 threads:
#     ./seqlab glove against seqlab-spark's glove (co-occurrences counted by Spark, trained on the driver).
# Each output is scored by ../shared/bench/eval_vectors.py (analogy, WordSim-353). words/s is corpus
# words over training seconds (the counting job excluded for both; MLlib's fit includes its own
# vocabulary pass). MLlib is slow: MLLIB_ITER (default 5) sets its iterations.
# Usage: bench/spark-vs-mllib.sh CORPUS [STEP...]   (run the measurement under flock /work/wt/bench.lock)
#   STEP: p2 (seqlab-spark and MLlib at 2 partitions), s2 / s4 (seqlab-spark alone), p4 (the same at 4),
#   one (single-machine seqlab, 2 threads),
#   glove (single-machine and Spark GloVe); all four by default. One step a locked run keeps each
#   run short on the 7.2M-token corpus. SYNCS="touched-average sum:16" runs seqlab-spark with each merge
#   (:N sets --rounds; the first is compared); MLLIB_TIMEOUT=SECONDS stops MLlib and reports a bound on its speed.
#   SPARK_ARGS="..." adds word2vec options to every seqlab-spark run, e.g. MLlib's objective:
#   SPARK_ARGS="--hs --negative 0 --sample 0" (hierarchical softmax, no subsampling).
# REFLOW=N gives every contender the corpus with N tokens a line, the same tokens in the same order (default 0:
#   the file as it is). seqlab and MLlib (3.5: each input sentence cut at 1000 tokens) both take a line as a
#   sentence, and the benchmark corpus is line-wrapped prose (5.5 tokens a line), so their windows stop at
#   every line end; REFLOW=1000 gives all of them sentences of 1000 consecutive tokens.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
corpus=$(realpath "$1")
shift
steps=${*:-p2 p4 one glove}
mllib_iter=${MLLIB_ITER:-5}
# the merges seqlab-spark is run with at each partition count (the first is the one compared)
syncs=${SYNCS:-bmuf}
# more options of every seqlab-spark word2vec run (default none: seqlab's word2vec defaults)
spark_args=${SPARK_ARGS:-}
# MLlib is given at most this many seconds (0: no limit); past it, only a bound on its speed is reported
mllib_timeout=${MLLIB_TIMEOUT:-0}
peers=${PEERS:-/work/shared/bench}
if [[ ! -f $peers/eval_vectors.py ]]; then
  echo "no $peers/eval_vectors.py: set PEERS to the directory holding it" >&2
  exit 2
fi
cp_file=$root/spark/target/spark-test-classpath.txt
jar=$root/spark/target/seqlab-spark.jar
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  (cd "$root" && mvn -B -q -pl spark -am package -DskipTests -Pspark-jar \
      dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file")
  (cd "$root" && ./seqlab --version > /dev/null)
fi
out=$(mktemp -d)
reflow=${REFLOW:-0}
# keep the runs' logs when a step fails, and say where they are
trap 'status=$?; if [[ $status == 0 ]]; then rm -rf "$out"; else echo "failed ($status): logs in $out" >&2; tail -5 "$out"/*.log >&2; fi' EXIT
opens=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
jvm="java -Xmx6g --add-modules jdk.incubator.vector $opens -Djdk.reflect.useDirectMethodHandle=false"
export SPARK_LOCAL_IP=127.0.0.1
spark_main() { $jvm -cp "$jar:$(cat "$cp_file")" dev.seqlab.spark.submit.SparkMain "$@" 2> "$out/spark-$1.log" | tail -1; }
mllib() { timeout "$mllib_timeout" $jvm -cp "$root/spark/target/test-classes:$(cat "$cp_file")" dev.seqlab.spark.peer.MllibWord2VecRun "$@" 2> "$out/mllib.log" | tail -1; }
score() { # name json vectors
  local e
  e=$(/usr/bin/python3 "$peers/eval_vectors.py" "$3" 2> "$out/eval.log")
  /usr/bin/python3 -c 'import json,sys; a={"run": sys.argv[1]}; a.update(json.loads(sys.argv[2])); a.update({k: v for k, v in json.loads(sys.argv[3]).items() if k != "vocab"}); print(json.dumps(a))' \
    "$1" "$2" "$e" | tee -a "$out/runs.jsonl"
}
if [[ $reflow != 0 ]]; then
  tr -s '[:space:]' '\n' < "$corpus" | grep -v '^$' | paste -d ' ' $(printf -- '- %.0s' $(seq "$reflow")) \
    > "$out/corpus-$reflow.txt"
  corpus=$out/corpus-$reflow.txt
  echo "corpus reflowed to $reflow tokens a line: $(wc -lw < "$corpus")"
fi
echo "load: $(uptime)"
[[ -z $spark_args ]] || echo "seqlab-spark word2vec with: $spark_args"
w2v="--dim 100 --window 5 --min-count 5 --epochs 5 --tokenizer whitespace"
glove="--dim 100 --window 10 --x-max 10 --min-count 5 --threads 2 --tokenizer whitespace --json"
single() { # the CLI on one machine, its log kept with the others
  (cd "$root" && ./seqlab "$@" 2> "$out/single-$1.log")
}
one_machine() { # ./seqlab word2vec, the same settings, 2 threads
  local s
  s=$(single word2vec --corpus "$corpus" --out "$out/single.txt" --threads 2 $w2v --json)
  score "seqlab single (2 threads)" "$s" "$out/single.txt"
}
for step in $steps; do
  case $step in
    p2 | p4 | s2 | s4)
      p=${step#?}
      name="seqlab-spark p=$p"
      for sync in $syncs; do
        [[ $sync == "${syncs%% *}" && $step == p* ]] || name="seqlab-spark p=$p $sync"
        rounds=()
        [[ $sync == *:* ]] && rounds=(--rounds "${sync#*:}")
        s=$(spark_main word2vec --master 'local[2]' --corpus "$corpus" --out "$out/spark$p.txt" --partitions $p \
              --sync "${sync%%:*}" "${rounds[@]}" $w2v $spark_args --json)
        score "$name" "$s" "$out/spark$p.txt"
      done
      if [[ $step == p* ]]; then
        if s=$(mllib "$corpus" "$out/mllib$p.txt" $p "$mllib_iter" 'local[2]'); then
          score "mllib p=$p" "$s" "$out/mllib$p.txt"
        else
          status=$?
          [[ $status == 124 ]] || exit $status
          tokens=$(wc -w < "$corpus")
          echo "{\"run\": \"mllib p=$p\", \"timed_out_after_s\": $mllib_timeout," \
               "\"words_per_s_at_most\": $((tokens * mllib_iter / mllib_timeout))}" | tee -a "$out/runs.jsonl"
        fi
      fi
      ;;
    one) one_machine ;;
    glove)
      s=$(single glove --corpus "$corpus" --out "$out/glove-single.txt" --iter 10 $glove)
      score "glove single" "$s" "$out/glove-single.txt"
      s=$(spark_main glove --master 'local[2]' --corpus "$corpus" --out "$out/glove-spark.txt" --partitions 2 \
            --iterations 10 $glove)
      score "glove spark p=2" "$s" "$out/glove-spark.txt"
      ;;
    *) echo "unknown step $step: expected p2, p4, s2, s4, one or glove" >&2; exit 2 ;;
  esac
  echo "load: $(uptime)"
done
/usr/bin/python3 - "$out/runs.jsonl" <<'PY'
import json, sys
runs = {r["run"]: r for r in map(json.loads, open(sys.argv[1]))}
single = runs.get("seqlab single (2 threads)")
for p in (2, 4):
    s, m = runs.get(f"seqlab-spark p={p}"), runs.get(f"mllib p={p}")
    if s and m and "timed_out_after_s" in m:
        print(f"p={p}: seqlab-spark {s['words_per_s']:.0f} words/s vs MLlib at most {m['words_per_s_at_most']:.0f} "
              f"(stopped after {m['timed_out_after_s']} s): at least {s['words_per_s'] / m['words_per_s_at_most']:.1f}x; "
              f"analogy {s['analogy']:.4f}, WS353 {s['wordsim353_spearman']:.4f}")
    elif s and m:
        print(f"p={p}: seqlab-spark {s['words_per_s']:.0f} words/s vs MLlib {m['words_per_s']:.0f}: "
              f"{s['words_per_s'] / m['words_per_s']:.1f}x; analogy {s['analogy']:.4f} vs {m['analogy']:.4f}; "
              f"WS353 {s['wordsim353_spearman']:.4f} vs {m['wordsim353_spearman']:.4f}")
s4 = runs.get("seqlab-spark p=4") or next((r for k, r in runs.items() if k.startswith("seqlab-spark p=4 ")), None)
if s4 and single:
    print(f"p=4 vs single machine ({single['words_per_s']:.0f} words/s): "
          f"analogy {s4['analogy'] - single['analogy']:+.4f}, "
          f"WS353 {s4['wordsim353_spearman'] - single['wordsim353_spearman']:+.4f}")
g, gs = runs.get("glove single"), runs.get("glove spark p=2")
if g and gs:
    print(f"GloVe spark vs single: analogy {gs['analogy'] - g['analogy']:+.4f}, "
          f"WS353 {gs['wordsim353_spearman'] - g['wordsim353_spearman']:+.4f}")
PY
