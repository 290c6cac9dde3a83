#!/usr/bin/env bash
# Character-model training speed, seqlab vs PyTorch, alternating on this machine (2 threads each):
# forward + backward + clip to norm 5 + Adam, at the configurations of ../shared/bench/torch_rnn.py.
#
# Two seqlab figures per configuration:
#  - in-process: CharRnnTrainingBenchmark's median step after a JIT warm-up (as the peer times itself);
#  - whole command: `seqlab text train` as a user runs it (JVM start, reading the text, the model
#    written at the end, JIT warm-up included), on generated text with V distinct characters,
#    windows of T, batches of B, no dropout, no validation split: wall time / training steps.
# The peer runs at its true speed (see openblas-peer.sh) and prints which OpenBLAS core it ran on;
# it is bench/python/torch_rnn.py, ../shared/bench/torch_rnn.py limited to these two configurations.
# The last columns give the share of the whole command that is not steady training (JVM start, JIT
# warm-up, reading and writing): 1 - steps x in-process step / wall time (an estimate: the
# in-process figure comes from another moment of the run), and the share outside the training
# loop the command reports (JVM start, reading and writing, without warm-up): 1 - train / wall.
# Needs Debian's python3-torch. Usage: bench/rnn-vs-pytorch.sh [ROUNDS]   (default 3; medians)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
. "$here/openblas-peer.sh"
peer=${PEER:-$root/bench/python/torch_rnn.py}
rounds=${1:-3}
jar=$root/bench/target/benchmarks.jar
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests -pl bench -am package)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cores=$(peer_cores)
detected=$(openblas_core)
echo "load: $(uptime)" >&2

# name V H layers T B characters-of-text epochs: about 40 s and 20 s of training, so that the JIT's
# warm-up is a small share of the whole command
COMMANDS=("charrnn-256 65 256 2 100 32 520000 1" "course-batch 27 50 1 10 32 1000000 3")
for c in "${COMMANDS[@]}"; do
  read -r name v _ _ _ _ chars _ <<< "$c"
  chars=$((chars / ${TEXT_SCALE:-1}))
  "$PY" - "$out/$name.txt" "$v" "$chars" <<'PY'
import random, sys
path, v, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
alphabet = "\nabcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ.,;:!?'-0123456789"[:v]
rng = random.Random(0)
text = alphabet + "".join(rng.choice(alphabet) for _ in range(n - v))
open(path, "w").write(text)
PY
done

for r in $(seq "$rounds"); do
  for core in $cores; do
    label=$core
    [ "$core" = auto ] && label="$detected"
    echo "round $r: PyTorch, OpenBLAS core $label" >&2
    peer_run "$core" "$peer" --threads 2 --configs charrnn-256 course-batch | sed "s/^{/{\"core\": \"$label\", \"round\": $r, /" | tee -a "$out/torch.jsonl" >&2
  done
  echo "round $r: seqlab in-process; load: $(uptime)" >&2
  java --add-modules jdk.incubator.vector -Dseqlab.threads=2 -cp "$jar" dev.seqlab.bench.rnn.CharRnnTrainingBenchmark \
    charrnn-256 course-batch 2> /dev/null | grep -v sample- | tee -a "$out/seqlab.jsonl" >&2
  for c in "${COMMANDS[@]}"; do
    read -r name _ h layers t b _ epochs <<< "$c"
    echo "round $r: seqlab text train, $name" >&2
    rm -rf "$out/model"
    start=$(date +%s.%N)
    SEQLAB_PROGRESS=off SEQLAB_JAVA_OPTS="-Dseqlab.threads=2" "$root/seqlab" text train --input "$out/$name.txt" \
      --model "$out/model" --hidden "$h" --layers "$layers" --seq-length "$t" --batch "$b" --dropout 0 \
      --validation 0 --epochs "$epochs" --patience 0 --json > "$out/cmd.json"
    end=$(date +%s.%N)
    "$PY" - "$out/cmd.json" "$name" "$t" "$b" "$start" "$end" >> "$out/command.jsonl" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
name, t, b, start, end = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
steps = round(j["chars_per_s"] * j["seconds"] / (t * b))
print(json.dumps({"config": name, "steps": steps, "wall_s": round(end - start, 2), "train_s": j["seconds"],
                  "ms_per_step_wall": round((end - start) * 1e3 / steps, 3),
                  "ms_per_step_train": round(j["seconds"] * 1e3 / steps, 3)}))
PY
    tail -1 "$out/command.jsonl" >&2
  done
done
echo "load: $(uptime)" >&2
cat "$out/torch.jsonl" "$out/seqlab.jsonl" "$out/command.jsonl"
"$PY" - "$out" <<'PY'
import json, os, statistics as st, sys
d = sys.argv[1]
rows = lambda f: [json.loads(l) for l in open(os.path.join(d, f))]
torch, seq, cmd = rows("torch.jsonl"), rows("seqlab.jsonl"), rows("command.jsonl")
med = lambda xs: st.median(xs) if xs else float("nan")
print(f"\n{'config':14} {'PyTorch ms (core)':>22} {'seqlab ms':>10} {'x':>6} {'text train ms':>14} {'x':>6} {'wall ms':>8} {'x':>6} {'not steady':>10} {'outside':>8}")
for name in ("charrnn-256", "course-batch"):
    per_core = {}
    for j in torch:
        if j["config"] == name:
            per_core.setdefault(j["core"], []).append(j["ms_per_step"])
    core, p = min(((c, med(v)) for c, v in per_core.items()), key=lambda cv: cv[1])  # the faster peer
    s = med([j["ms_per_step"] for j in seq if j["config"] == name])
    tr = med([j["ms_per_step_train"] for j in cmd if j["config"] == name])
    w = med([j["ms_per_step_wall"] for j in cmd if j["config"] == name])
    overhead = 1 - s / w  # JVM start, warm-up, reading and writing, as a share of the wall time
    outside = 1 - tr / w  # JVM start, reading and writing
    others = ", ".join(f"{c} {med(v):.2f}" for c, v in per_core.items() if c != core)
    print(f"{name:14} {p:11.2f} ({core:>8}) {s:10.2f} {p / s:5.2f}x {tr:14.2f} {p / tr:5.2f}x {w:8.2f} {p / w:5.2f}x {overhead:10.1%} {outside:8.1%}"
          + (f"   (PyTorch on {others})" if others else ""))
PY
