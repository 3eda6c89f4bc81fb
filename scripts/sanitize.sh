#!/usr/bin/env bash
# The whole test suite built with AddressSanitizer + UndefinedBehaviorSanitizer
# (docs/reliability.md "Sanitizers"). Configures its own build directory
# (build-asan, or CSTAR_ASAN_BUILD_DIR), builds everything but the benchmarks,
# runs ctest -j2 and exits non-zero on a failing test or on any sanitizer report
# — including reports of child processes (every cstar-devserver a test starts
# is sanitized too), which go to files instead of the tests' output.
# Extra arguments go to ctest (e.g. -R devserver).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${CSTAR_ASAN_BUILD_DIR:-$here/build-asan}"

# clang: its -fsanitize=undefined also checks float→int conversions (gcc's
# does not), and it is the fuzzers' compiler. Qt from Debian is built with
# gcc; clang links against it fine. CXX overrides.
cxx="${CXX:-}"
if [[ -z "$cxx" ]]; then
    cxx="$(command -v clang++ || command -v g++)"
fi

generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
    cmake -S "$here" -B "$build_dir" "${generator[@]}" \
        -DCMAKE_CXX_COMPILER="$cxx" \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCSTAR_SANITIZE=ON -DCSTAR_BUILD_BENCH=OFF
fi
cmake --build "$build_dir" --parallel "$(nproc)"

reports="$build_dir/sanitizer-reports"
rm -rf "$reports"
mkdir -p "$reports"

# Leaks are checked (detect_leaks=1). Qt's own one-time allocations that are
# never freed by design (plugin loaders, fontconfig, the offscreen platform's
# caches, QML type registrations) are listed in scripts/lsan.supp, by library:
# nothing of ours is suppressed. A report of any kind makes the script fail.
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:log_path=$reports/asan"
export LSAN_OPTIONS="suppressions=$here/scripts/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$reports/ubsan"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

status=0
# `long` tests (the 10,000-message soak) run in the sanitizer-free CI step;
# the packaging test builds an unsanitized consumer against the installed
# (sanitized) library, which cannot link without the ASan runtime: it checks
# the install layout, not code, and runs in scripts/test.sh. `ui` tests drive
# the demo in a real X server through the accessibility bus: the libraries
# they exercise there (Mesa, D-Bus, AT-SPI) are not ours to sanitize, and the
# demo's own code runs sanitized offscreen in tst_demo and tst_chatpanel.
ctest --test-dir "$build_dir" --output-on-failure --parallel 2 -LE 'long|ui' -E '^tst_packaging$' "$@" || status=$?

shopt -s nullglob
found=("$reports"/*)
if ((${#found[@]})); then
    echo "sanitize: ${#found[@]} sanitizer report(s):" >&2
    for f in "${found[@]}"; do
        echo "==== $f" >&2
        cat "$f" >&2
    done
    status=1
fi
if ((status == 0)); then
    echo "sanitize: all tests passed, 0 sanitizer reports"
fi
exit "$status"
