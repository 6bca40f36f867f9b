#!/usr/bin/env bash
# Runs `nabla bench` and the PyTorch/NumPy counterpart side by side, on 1 and 2 threads, and
# prints Nabla against PyTorch's default and best configuration per kernel (a Markdown table).
#
#   bench/compare.sh [--quick] [--only REGEX] [--threads "1 2"] [--out DIR]
#
# PyTorch runs twice per thread count:
#   default: the environment as found (this one may set OPENBLAS_CORETYPE=Haswell: AVX2 kernels);
#   tuned:   OPENBLAS_CORETYPE unset (OpenBLAS picks this CPU's own kernels) and
#            OMP_WAIT_POLICY=PASSIVE (idle OpenMP threads sleep instead of spinning on a shared CPU).
# Nabla's thread count is -Dnabla.threads. Raw JSON goes to DIR (default bench/target/compare).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python=/usr/bin/python3
out="$root/bench/target/compare"
threads="1 2"
pass=()
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) pass+=(--quick); shift ;;
        --only) pass+=(--only "$2"); shift 2 ;;
        --threads) threads="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        *) echo "compare.sh: unknown option '$1' (known: --quick, --only REGEX, --threads \"1 2\", --out DIR)" >&2; exit 2 ;;
    esac
done
mkdir -p "$out"

echo "== machine"
lscpu | grep -E '^(Model name|CPU\(s\)|Thread|Core|L1d|L2|L3)' || true
env | grep -E '^(OPENBLAS|OMP|MKL)_' || echo "(no OPENBLAS_/OMP_/MKL_ variables set)"

nabla_files=() torch_files=()
for t in $threads; do
    echo "== nabla, $t thread(s)"
    NABLA_JAVA_OPTS="${NABLA_JAVA_OPTS:-} -Dnabla.threads=$t" "$root/nabla" bench ${pass[@]+"${pass[@]}"} \
        --json "$out/nabla-t$t.json"
    nabla_files+=("$out/nabla-t$t.json")
    echo "== pytorch default, $t thread(s)"
    "$python" "$root/bench/pytorch/bench_torch.py" --threads "$t" --label default ${pass[@]+"${pass[@]}"} \
        --roofs "$out/nabla-t$t.json" --json "$out/torch-default-t$t.json"
    echo "== pytorch tuned, $t thread(s)"
    env -u OPENBLAS_CORETYPE OMP_WAIT_POLICY=PASSIVE \
        "$python" "$root/bench/pytorch/bench_torch.py" --threads "$t" --label tuned ${pass[@]+"${pass[@]}"} \
        --roofs "$out/nabla-t$t.json" --json "$out/torch-tuned-t$t.json"
    torch_files+=("$out/torch-default-t$t.json" "$out/torch-tuned-t$t.json")
done

echo "== Nabla against PyTorch (ratio: speed, above 1 Nabla is faster)"
"$python" "$root/bench/pytorch/compare_results.py" "${nabla_files[@]}" -- "${torch_files[@]}" \
    | tee "$out/comparison.md"
