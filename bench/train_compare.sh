#!/usr/bin/env bash
# The training-throughput comparison of docs/performance.md: dev.nabla.bench.TrainingThroughput
# (Nabla on -Dnabla.threads=2) and bench/pytorch/train_throughput.py (PyTorch on 1 and 2 threads and
# in its default configuration), case by case, so that the four runs of a case see the same
# machine, for a number of rounds; then one Markdown table of the medians over rounds
# (bench/pytorch/train_table.py).
#
#   bench/train_compare.sh [--rounds N] [--cases "lenet5-train-64 ..."] [--threads 2]
#                          [--warmup S] [--warmup-calls N] [--reps N] [--min-rep S] [--out DIR] [--no-build]
#
# Builds bench/target/benchmarks.jar first (mvn -o package, no tests) unless --no-build.
# PyTorch runs as bench/compare.sh's tuned configuration: OPENBLAS_CORETYPE unset (OpenBLAS picks
# this CPU's own kernels) and OMP_WAIT_POLICY=PASSIVE (idle OpenMP threads sleep rather than spin on
# a shared CPU). Extra JVM options (a profiler, say) go in NABLA_JAVA_OPTS. The Trainer.fit cases
# have no PyTorch counterpart and run on the Nabla side only. Raw JSON goes to DIR (default
# bench/target/train-compare), one file per round, side, configuration and case. JAVA and PYTHON
# name other interpreters than java on the PATH and /usr/bin/python3 (which has torch 1.13 here).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-/usr/bin/python3}"
java="${JAVA:-java}"
out="$root/bench/target/train-compare"
rounds=1
cases=""
threads=2
build=1
timing=()
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) rounds="$2"; shift 2 ;;
        --cases) cases="$2"; shift 2 ;;
        --threads) threads="$2"; shift 2 ;;
        --warmup|--warmup-calls|--reps|--min-rep) timing+=("$1" "$2"); shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --no-build) build=0; shift ;;
        *) echo "train_compare.sh: unknown option '$1' (known: --rounds N, --cases \"...\", --threads N," \
                "--warmup S, --warmup-calls N, --reps N, --min-rep S, --out DIR, --no-build)" >&2; exit 2 ;;
    esac
done
mkdir -p "$out"

if [ "$build" = 1 ]; then
    (cd "$root" && mvn -B -q -o -pl bench -am package -DskipTests)
fi
nabla=("$java" --add-modules jdk.incubator.vector "-Dnabla.threads=$threads" ${NABLA_JAVA_OPTS:-}
       -cp "$root/bench/target/benchmarks.jar" dev.nabla.bench.TrainingThroughput)
torch=(env -u OPENBLAS_CORETYPE OMP_WAIT_POLICY=PASSIVE "$python" "$root/bench/pytorch/train_throughput.py")
[ -n "$cases" ] || cases="$("${nabla[@]}" --list 2>/dev/null)"
torch_cases=" $("${torch[@]}" --list | tr '\n' ' ') "

echo "== machine"
lscpu | grep -E '^(Model name|CPU\(s\)|Thread|Core)' || true
"$java" -version 2>&1 | head -1
"$python" -c 'import torch; print("torch", torch.__version__)'
uptime
files=()
for r in $(seq 1 "$rounds"); do
    for c in $cases; do
        echo "== round $r, $c"
        "${nabla[@]}" "$c" ${timing[@]+"${timing[@]}"} --json "$out/r$r-nabla-t$threads-$c.json" 2>&1 \
            | grep -v '^WARNING: Using incubator modules'
        files+=("$out/r$r-nabla-t$threads-$c.json")
        [[ "$torch_cases" == *" $c "* ]] || continue
        for config in 1 2 default; do
            flag=()
            [ "$config" = default ] || flag=(--threads "$config")
            "${torch[@]}" "$c" ${flag[@]+"${flag[@]}"} ${timing[@]+"${timing[@]}"} \
                --json "$out/r$r-torch-$config-$c.json"
            files+=("$out/r$r-torch-$config-$c.json")
        done
    done
    uptime
done

echo "== Nabla against PyTorch (samples/s, median over $rounds round(s); ratio above 1: Nabla is faster)"
"$python" "$root/bench/pytorch/train_table.py" "${files[@]}" | tee "$out/table.md"
