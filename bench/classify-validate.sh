#!/usr/bin/env bash
# How bench/classify-vs-fasttext.sh's settings were chosen without looking at its test split: both
# tools train on fit.csv/fit.txt (90 % of the training sentences) and are scored on valid.csv /
# valid.txt (the other 10 %), as written by bench/python/dictionary_pos_dataset.py.
# fastText: epochs 5/10/25 x lr 0.1/0.25/0.5/1.0 x -wordNgrams 1/2, with the same -pretrainedVectors
# and dimension 100. seqlab average: with and without word features, word n-grams 1/2, 5/10 epochs.
# Prints one line per setting: tool, setting, validation accuracy.
# Usage: bench/classify-validate.sh POS_DIR VECTORS.vec   (POS_DIR: the dataset script's output)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
seqlab="$here/../seqlab"
pos=$(realpath "$1")
vectors=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
peer() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$@"; }

for ngrams in 1 2; do
  for epochs in 5 10 25; do
    for lr in 0.1 0.25 0.5 1.0; do
      peer fasttext supervised -input "$pos/fit.txt" -output "$work/ft" -pretrainedVectors "$vectors" -dim 100 \
          -epoch "$epochs" -lr "$lr" -wordNgrams "$ngrams" -thread 2 -verbose 0 > /dev/null
      acc=$(peer fasttext test "$work/ft.bin" "$pos/valid.txt" | awk '/^P@1/ {print $2}')
      echo "fasttext wordNgrams=$ngrams epoch=$epochs lr=$lr valid $acc"
    done
  done
done

for run in "--no-word-features --epochs 10" "--word-ngrams 1 --epochs 5" "--word-ngrams 2 --epochs 5" \
    "--word-ngrams 2 --epochs 10"; do
  # shellcheck disable=SC2086
  "$seqlab" classify train --data "$pos/fit.csv" --vectors "$vectors" --model "$work/seqlab" $run --json > /dev/null
  acc=$("$seqlab" classify evaluate --model "$work/seqlab" --data "$pos/valid.csv" --json \
      | python3 -c "import json, sys; print(json.load(sys.stdin)['accuracy'])")
  echo "seqlab average $run valid $acc"
done
