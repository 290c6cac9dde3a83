#!/usr/bin/env bash
# Every kind of model seqlab exports to ONNX, checked by the ONNX project's own tools: writes them
# (dev.seqlab.bench.onnx.ExportedModels), then runs onnx.checker.check_model(full_check=True) and
# strict shape inference on each file.
# Usage: bench/onnx-checker.sh   (needs Debian's python3-onnx)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
jar=$root/bench/target/benchmarks.jar
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests -pl bench -am package)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
java -cp "$jar" dev.seqlab.bench.onnx.ExportedModels "$out" 2> /dev/null
/usr/bin/python3 - "$out" <<'PY'
import glob, json, os, sys
import onnx
checked = []
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.onnx"))):
    m = onnx.load(f)
    onnx.checker.check_model(m, full_check=True)
    onnx.shape_inference.infer_shapes(m, check_type=True, strict_mode=True)
    checked.append(os.path.basename(f))
    print(f"{os.path.basename(f):28} ok  opset {m.opset_import[0].version}, {len(m.graph.node)} nodes")
print(json.dumps({"onnx": onnx.__version__, "checked": len(checked)}))
PY
