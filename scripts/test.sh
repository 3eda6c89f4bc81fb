#!/usr/bin/env bash
# The whole test suite: set up (install + build) then run every CTest test.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/setup.sh"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
ctest --test-dir "${CSTAR_BUILD_DIR:-$here/build}" --output-on-failure --parallel "$(nproc)" "$@"
