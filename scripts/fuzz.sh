#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (build-fuzz, or CSTAR_FUZZ_BUILD_DIR)
# and runs each for a bounded time (CSTAR_FUZZ_SECONDS, default 30) from its
# seed corpus in fuzz/corpus/<target>/. New corpus entries stay in the build
# directory; a crash leaves its input in <build>/fuzz-artifacts/<target>/ and
# makes the script fail (docs/reliability.md "Fuzzing": turn it into a file
# under fuzz/regressions/<target>/). Usage: scripts/fuzz.sh [target…]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${CSTAR_FUZZ_BUILD_DIR:-$here/build-fuzz}"
seconds="${CSTAR_FUZZ_SECONDS:-30}"
cxx="${CSTAR_FUZZ_CXX:-$(command -v clang++ || true)}"
if [[ -z "$cxx" ]]; then
    echo "fuzz: clang++ is not installed (scripts/setup.sh installs it)" >&2
    exit 1
fi

generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
    cmake -S "$here" -B "$build_dir" "${generator[@]}" -DCMAKE_CXX_COMPILER="$cxx" \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCSTAR_BUILD_FUZZ=ON -DCSTAR_BUILD_BENCH=OFF \
        -DCSTAR_BUILD_UI=OFF
fi
cmake --build "$build_dir" --target cstar_fuzzers --parallel "$(nproc)"

targets=("$@")
if ((${#targets[@]} == 0)); then
    targets=(eventstreamparser types devserver_request identify upload)
fi

export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export QT_LOGGING_RULES="*.debug=false;cstar.*=false"
status=0
summary=()
for t in "${targets[@]}"; do
    corpus="$build_dir/fuzz-corpus/$t"
    artifacts="$build_dir/fuzz-artifacts/$t"
    mkdir -p "$corpus" "$artifacts"
    cp -n "$here/fuzz/corpus/$t/"* "$corpus/" 2>/dev/null || true
    log="$build_dir/fuzz-$t.log"
    echo "fuzz: $t for ${seconds}s"
    rc=0
    "$build_dir/bin/fuzz_$t" "$corpus" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1 || rc=$?
    runs="$(grep -Eo 'Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' | tail -1 || true)"
    if ((rc != 0)); then
        echo "fuzz: $t FAILED (exit $rc) — input in $artifacts/, log $log" >&2
        grep -E 'ERROR|SUMMARY|invariant|runtime error' "$log" | head -20 >&2 || true
        status=1
        summary+=("$t: FAILED")
    else
        summary+=("$t: ${runs:-?} runs in ${seconds}s, 0 crashes")
    fi
done
printf 'fuzz: %s\n' "${summary[@]}"
exit "$status"
