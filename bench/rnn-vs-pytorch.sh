#!/usr/bin/env bash
# Character-model training speed, seqlab vs PyTorch, back to back on this machine (2 threads each):
# forward + backward + clip to norm 5 + Adam, at the configurations of ../shared/bench/torch_rnn.py.
# Needs Debian's python3-torch for the peer. Prints both JSON lines per configuration and the ratios.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
peer=${PEER:-$root/../shared/bench/torch_rnn.py}
jar=$root/bench/target/benchmarks.jar
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests -pl bench -am package)
out=$(mktemp -d)
/usr/bin/python3 "$peer" --threads 2 > "$out/torch.jsonl"
java --add-modules jdk.incubator.vector -Dseqlab.threads=2 -cp "$jar" dev.seqlab.bench.rnn.CharRnnTrainingBenchmark \
  2> /dev/null > "$out/seqlab.jsonl"
cat "$out/torch.jsonl" "$out/seqlab.jsonl"
/usr/bin/python3 - "$out/torch.jsonl" "$out/seqlab.jsonl" <<'PY'
import json, sys
peer = {j["config"]: j for j in map(json.loads, open(sys.argv[1]))}
print(f"{'config':18} {'pytorch ms':>11} {'seqlab ms':>10} {'speed-up':>9}")
for line in open(sys.argv[2]):
    j = json.loads(line)
    if j["config"] in peer:
        p = peer[j["config"]]["ms_per_step"]
        print(f"{j['config']:18} {p:11.2f} {j['ms_per_step']:10.2f} {p / j['ms_per_step']:8.1f}x")
    elif "us_per_char" in j:
        print(f"sampling one character from the 2x256 LSTM: {j['us_per_char']} us")
PY
rm -rf "$out"
