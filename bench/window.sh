#!/usr/bin/env bash
# The convolution and pooling comparison of docs/performance.md: the JMH window benchmarks (SIMD
# kernels against the default compositions, at the Strided level) and PyTorch's F.conv2d,
# F.max_pool2d and F.avg_pool2d on the same shapes, on 1 and 2 threads, run one after the other
# so that each pair sees the same machine; then the table (bench/pytorch/window_table.py).
#
#   bench/window.sh [--threads "1 2"] [--out DIR] [--iterations N]
#
# Needs bench/target/benchmarks.jar: mvn -B -q -o -pl bench -am package -DskipTests.
# PyTorch runs tuned (OPENBLAS_CORETYPE unset, OMP_WAIT_POLICY=PASSIVE), as bench/compare.sh's best.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python=/usr/bin/python3
out="$root/bench/target/window"
threads="1 2"
iterations=7
while [ $# -gt 0 ]; do
    case "$1" in
        --threads) threads="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --iterations) iterations="$2"; shift 2 ;;
        *) echo "window.sh: unknown option '$1' (known: --threads \"1 2\", --out DIR, --iterations N)" >&2; exit 2 ;;
    esac
done
mkdir -p "$out"
uptime

jmh=() torch=()
for t in $threads; do
    echo "== roofs, $t thread(s)"
    NABLA_JAVA_OPTS="-Dnabla.threads=$t" "$root/nabla" bench --only '^launch ' --json "$out/roofs-t$t.json"
    echo "== JMH, $t thread(s)"
    java -jar "$root/bench/target/benchmarks.jar" 'ConvBenchmark|PoolBenchmark' -f 1 -wi 3 -w 1s \
        -i "$iterations" -r 1s -jvmArgsAppend "--add-modules=jdk.incubator.vector -Dnabla.threads=$t" \
        -rf json -rff "$out/jmh-t$t.json"
    jmh+=("$out/jmh-t$t.json")
    echo "== pytorch, $t thread(s)"
    env -u OPENBLAS_CORETYPE OMP_WAIT_POLICY=PASSIVE "$python" "$root/bench/pytorch/bench_torch.py" \
        --threads "$t" --label tuned --only '^(conv2d|max_pool2d|avg_pool2d)' --json "$out/torch-t$t.json"
    torch+=("$out/torch-t$t.json")
done
uptime
# Roof fractions against the quiet machine's roofs: on a loaded machine the roofs measured beside
# the run (kept in roofs-t*.json) can fall below what the benchmarks of the same run reach.
"$python" "$root/bench/pytorch/window_table.py" --roofs documented "${jmh[@]}" -- "${torch[@]}" \
    | tee "$out/table.md"
