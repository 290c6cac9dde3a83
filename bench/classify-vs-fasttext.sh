#!/usr/bin/env bash
# Sentence classification, seqlab classify (average and lstm) vs fastText's supervised mode, on
# the same train/test split and the same pretrained vectors, in one run on this machine.
# Data: the part of speech (noun, verb, adjective, adverb) of a dictionary entry from the first
# sense of its definition, derived from the benchmark corpus by bench/python/dictionary_pos_dataset.py
# (seeded 80/20 split, ~45k train / ~11k test sentences). Vectors: ./seqlab word2vec on the same
# corpus (skip-gram, dim 100, seed 1, 2 threads), written as a .vec both tools read.
# fastText runs at its defaults (lr 0.1, 5 epochs, words only) and at the best setting of a grid
# chosen on a validation split of the training data (fit.txt -> valid.txt, never the test split;
# bench/classify-validate.sh): epochs 5/10/25 x lr 0.1/0.25/0.5/1.0, and -wordNgrams 2 as seqlab's
# word pairs; 2 threads, fed the vectors with -pretrainedVectors, dimension 100. seqlab runs, each
# at its defaults: average (Tribuo's linear model on the averaged vectors with word and word-pair
# features, defaults chosen on the same validation split), average --no-word-features (the
# course's v1: the frozen averaged vectors alone) and lstm (frozen vectors, 64 units, 3 epochs),
# and bilstm when BILSTM=1. Times are wall seconds of each train command (the JVM start and the
# vectors' loading included for seqlab; fastText's includes its vectors' loading too), plus
# seqlab's own training seconds (the fit alone). Accuracy is fastText's P@1 on test.txt and
# seqlab's evaluate accuracy on test.csv: the same sentences.
# Usage: flock /work/wt/bench.lock bench/classify-vs-fasttext.sh CORPUS [OUT_DIR] [VECTORS.vec]
#   (needs Debian's fasttext; OUT_DIR keeps the data, vectors and models; VECTORS.vec reuses vectors)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
corpus=$(realpath "$1")
out=${2:-$(mktemp -d)}
mkdir -p "$out"
out=$(realpath "$out")
seqlab="$root/seqlab"
peer() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$@"; }
now() { date +%s.%N; }
since() { python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1]), 2))" "$1" "$(now)"; }

uptime
python3 "$here/python/dictionary_pos_dataset.py" "$corpus" "$out/pos" 1
if [ -n "${3:-}" ]; then
  vectors=$(realpath "$3")
else
  vectors=$out/vectors.vec
  [ -f "$vectors" ] || "$seqlab" word2vec --corpus "$corpus" --tokenizer whitespace --out "$vectors" \
      --dim 100 --threads 2 --seed 1 > /dev/null
fi

results=$out/results.jsonl
: > "$results"
# name, then fastText's settings (epochs, lr, wordNgrams)
for run in "defaults 5 0.1 1" "bigrams 5 0.1 2"; do
  set -- $run
  name=$1 epochs=$2 lr=$3 ngrams=$4
  t0=$(now)
  peer fasttext supervised -input "$out/pos/train.txt" -output "$out/ft-$name" -pretrainedVectors "$vectors" \
      -dim 100 -epoch "$epochs" -lr "$lr" -wordNgrams "$ngrams" -thread 2 -verbose 0 > /dev/null
  wall=$(since "$t0")
  acc=$(peer fasttext test "$out/ft-$name.bin" "$out/pos/test.txt" | awk '/^P@1/ {print $2}')
  echo "{\"tool\": \"fasttext $name\", \"epochs\": $epochs, \"lr\": $lr, \"word_ngrams\": $ngrams, \"accuracy\": $acc, \"train_wall_s\": $wall}" | tee -a "$results"
done

# name, --arch, epochs, extra options
runs=("average average 10" "average-v1 average 10 --no-word-features" "lstm lstm ${LSTM_EPOCHS:-3}")
[ "${BILSTM:-0}" = 1 ] && runs+=("bilstm bilstm ${LSTM_EPOCHS:-3}")
for run in "${runs[@]}"; do
  set -- $run
  name=$1 arch=$2 epochs=$3
  shift 3
  t0=$(now)
  train=$("$seqlab" classify train --data "$out/pos/train.csv" --vectors "$vectors" --model "$out/$name" \
      --arch "$arch" --epochs "$epochs" "$@" --json 2> /dev/null)
  wall=$(since "$t0")
  eval=$("$seqlab" classify evaluate --model "$out/$name" --data "$out/pos/test.csv" --png "$out/$name-confusion.png" --json)
  python3 - "$name" "$epochs" "$wall" "$train" "$eval" <<'PY' | tee -a "$results"
import json, sys
arch, epochs, wall, train, ev = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), json.loads(sys.argv[4]), json.loads(sys.argv[5])
print(json.dumps({"tool": "seqlab " + arch, "epochs": epochs, "accuracy": ev["accuracy"], "macro_f1": ev["macro_f1"],
                  "train_wall_s": wall, "fit_s": train["seconds"], "train_accuracy": train["train_accuracy"],
                  "unknown_rate": ev["unknown_rate"]}))
PY
done

python3 - "$results" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
ft = {r["tool"]: r["accuracy"] for r in rows if r["tool"].startswith("fasttext")}
words = max(a for t, a in ft.items() if t != "fasttext bigrams")
best = max(ft.values())
print(f"\n{'tool':22} {'epochs':>6} {'test acc':>9} {'train wall s':>13} {'fit s':>7}")
for r in rows:
    print(f"{r['tool']:22} {r['epochs']:6d} {r['accuracy']:9.4f} {r['train_wall_s']:13.1f} {r.get('fit_s', float('nan')):7.1f}")
for r in rows:
    if r["tool"].startswith("seqlab"):
        print(f"{r['tool']}: {'reaches' if r['accuracy'] >= words else 'BELOW'} fastText's words-only {words:.4f}, "
              f"{'reaches' if r['accuracy'] >= best else 'BELOW'} its best (with word pairs) {best:.4f}")
PY
