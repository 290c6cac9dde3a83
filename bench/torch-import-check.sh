#!/usr/bin/env bash
# seqlab's ONNX import of recurrent models against PyTorch: torch.onnx.export writes LSTM, GRU and
# RNN char models (1-2 layers, one or both directions, with and without initial states), then
# dev.seqlab.bench.onnx.TorchImportCheck runs each on seqlab's cells and in ONNX Runtime and prints
# the largest difference of every output from PyTorch's own.
# Usage: bench/torch-import-check.sh   (needs Debian's python3-torch and python3-onnx)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
jar=$root/bench/target/benchmarks.jar
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests -pl bench -am package)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 "$here/python/torch_recurrent_export.py" "$out" 2> /dev/null | tail -1
java --add-modules jdk.incubator.vector -cp "$jar" dev.seqlab.bench.onnx.TorchImportCheck "$out" 2> /dev/null
