#!/usr/bin/env bash
# bench/run.sh — builds the benchmarks (Release, in their own build
# directory), installs the Node peers (npm ci), runs every benchmark several
# times and writes docs/benchmarks.md. Loopback only; every load is bounded
# in count and time. Meant to finish in under 10 minutes on 2 cores.
#
#   bench/run.sh                     # everything
#   CSTAR_BENCH_BUILD_DIR=/tmp/b bench/run.sh
#
# Needs: cmake, ninja, a C++17 compiler, Qt 6.4 (Core, Network,
# Sql; Widgets and Quick for the demo and bench/ux), libbenchmark-dev, libmicrohttpd-dev
# (optional: parser micro benchmarks), Node >= 20 + npm.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${CSTAR_BENCH_BUILD_DIR:-$ROOT/build-bench}
RESULTS=$BUILD/bench-results
DATA=$BUILD/bench-data
BIN=$BUILD/bin
NODE_DIR=$ROOT/bench/node
START=$(date +%s)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

log() { printf '[bench %4ds] %s\n' "$(($(date +%s) - START))" "$*" >&2; }
note() { # a line the report lists under "Notes from this run"
    printf '{"bench":"%s","note":"%s"}\n' "$1" "$2" >>"$RESULTS/notes.jsonl"
}
# run NAME SECONDS CMD…: stdout (JSON lines) to results/NAME.jsonl, bounded in time.
run() {
    local name=$1 limit=$2
    shift 2
    log "$name"
    if ! timeout --kill-after=10 "$limit" "$@" >>"$RESULTS/$name.jsonl"; then
        note "$name" "$(basename "$1") exited with an error or was stopped after ${limit} s; its figures may be partial"
    fi
}

# ---- build ---------------------------------------------------------------------
log "configure + build in $BUILD"
BUILD_START=$(date +%s)
configure() {
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DCSTAR_BUILD_TESTS=OFF -DCSTAR_BUILD_BENCH=ON "$@" >"$BUILD.configure.log" 2>&1
}
mkdir -p "$BUILD"
# The demo (first-frame figure) needs the UI part; without it, the rest still runs.
if ! configure -DCSTAR_BUILD_UI=ON; then
    log "configure with the UI failed (see $BUILD.configure.log); benchmarking without the demo"
    configure -DCSTAR_BUILD_UI=OFF || { cat "$BUILD.configure.log" >&2; exit 1; }
fi
cmake --build "$BUILD" --parallel "$(nproc)" --target cstar-bench-all || exit 1
BUILD_TIME=$(($(date +%s) - BUILD_START))

log "npm ci (bench/node)"
(cd "$NODE_DIR" && npm ci --no-audit --no-fund --loglevel=error) || exit 1

rm -rf "$RESULTS"
mkdir -p "$RESULTS" "$DATA"
log "generating inputs"
"$BIN/cstar-bench-gen" --out "$DATA" || exit 1

# ---- idle (in the background: it only waits on timers and sockets) ------------------
IDLE_SECONDS=60
IDLE_WINDOWS=3
log "idle: ${IDLE_SECONDS} s in the background"
timeout $((IDLE_SECONDS + 90)) "$BIN/cstar-bench-idle" --devserver "$BIN/cstar-devserver" \
    --seconds "$IDLE_SECONDS" --windows "$IDLE_WINDOWS" >"$RESULTS/idle.jsonl" &
IDLE_PID=$!

# ---- 1. parser (against eventsource-parser) and client path (no peer) ---------------
if [ -x "$BIN/cstar-bench-parser" ]; then
    log "parser (Google Benchmark)"
    CSTAR_BENCH_DATA=$DATA timeout 300 "$BIN/cstar-bench-parser" --benchmark_repetitions=3 \
        --benchmark_min_time=0.3 --benchmark_format=json \
        --benchmark_out="$RESULTS/parser-gb.json" --benchmark_out_format=json >/dev/null ||
        note parser "cstar-bench-parser failed"
else
    note parser "Google Benchmark not found at configure time: no parser micro benchmarks"
fi
run parser-node 240 node "$NODE_DIR/parser.mjs" --data "$DATA" --runs 5
run client 120 "$BIN/cstar-bench-client" --canned "$BIN/cstar-bench-canned-server" \
    --root "$DATA/canned" --runs 5

# ---- 2. delivery latency -----------------------------------------------------------
LAT_SAMPLES=200
POLL_INTERVAL=1000
run latency 240 "$BIN/cstar-bench-latency" --devserver "$BIN/cstar-devserver" \
    --levels 1,100,1000 --runs 3 --samples $LAT_SAMPLES \
    --poll-interval $POLL_INTERVAL --poll-samples 60 --poll-runs 2
run latency-node 180 node "$NODE_DIR/latency.mjs" --devserver "$BIN/cstar-devserver" \
    --levels 1,100 --runs 3 --samples $LAT_SAMPLES

# ---- 3. models -----------------------------------------------------------------------
run models 240 "$BIN/cstar-bench-models" --canned "$BIN/cstar-bench-canned-server" \
    --root "$DATA/canned" --runs 3 --limit-ms 5000

# ---- 5. devserver ----------------------------------------------------------------------
run devserver 240 "$BIN/cstar-bench-devserver" --devserver "$BIN/cstar-devserver" \
    --levels 1,100,1000 --runs 3 --messages 200 --max-streams 5000 --max-seconds 60 \
    --capacity-runs 2

# ---- 6. startup ------------------------------------------------------------------------
DEMO=$BIN/cstar-chat-demo
[ -x "$DEMO" ] || DEMO=
run startup 180 "$BIN/cstar-bench-startup" --devserver "$BIN/cstar-devserver" \
    ${DEMO:+--demo "$DEMO"} --runs 5

# ---- 7. what users feel, both UIs (bench/ux) ----------------------------------------------
# QT_QPA_PLATFORM=offscreen unless set (xvfb-run -a bench/run.sh with QT_QPA_PLATFORM=xcb for X11).
if [ -x "$BIN/cstar-bench-ux" ]; then
    run ux 900 "$BIN/cstar-bench-ux" --devserver "$BIN/cstar-devserver" --runs 7
else
    note ux "cstar-bench-ux not built (needs the widgets and the QML module): no user-felt figures"
fi

log "waiting for the idle benchmark"
wait "$IDLE_PID" || note idle "cstar-bench-idle exited with an error"

# ---- report ---------------------------------------------------------------------------
END=$(date +%s)
qt_version=$(pkg-config --modversion Qt6Core 2>/dev/null ||
    dpkg-query -W -f='${Version}' libqt6core6 2>/dev/null || echo unknown)
pkgver() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo "not installed"; }
nodever() { node -p "require('$NODE_DIR/node_modules/$1/package.json').version" 2>/dev/null || echo '?'; }
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$ROOT" diff --quiet HEAD 2>/dev/null || commit="$commit + uncommitted changes"
meta=$(node -p "JSON.stringify(require('$DATA/meta.json'))")
node - "$RESULTS/machine.json" <<EOF
const fs = require('fs');
const meta = $meta;
fs.writeFileSync(process.argv[2], JSON.stringify({
  cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' | node -p 'JSON.stringify(require("fs").readFileSync(0,"utf8").trim())'),
  cores: $(nproc),
  memory: "$(free -h | awk '/^Mem:/ {print $2}')",
  os: $(. /etc/os-release 2>/dev/null; node -p "JSON.stringify('${PRETTY_NAME:-Linux} ' + require('os').release())"),
  qt: "$qt_version",
  compiler: $(c++ --version | head -1 | node -p 'JSON.stringify(require("fs").readFileSync(0,"utf8").trim())'),
  benchmark: "libbenchmark-dev $(pkgver libbenchmark-dev)",
  node: "$(node --version)",
  eventsource: "$(nodever eventsource)",
  eventsourceParser: "$(nodever eventsource-parser)",
  date: "$(date -u '+%Y-%m-%d %H:%M UTC')",
  loadStart: "$LOAD_START",
  loadEnd: "$(cut -d' ' -f1-3 /proc/loadavg)",
  runtime: "$(((END - START) / 60)) min $(((END - START) % 60)) s",
  buildTime: "$((BUILD_TIME / 60)) min $((BUILD_TIME % 60)) s",
  commit: "$commit",
  streamMiB: Math.round(meta.streamBytes / 1048576),
  clientEvents: meta.clientEvents.toLocaleString('en-US'),
  clientMiB: Math.round(fs.statSync('$DATA/canned/client/events.sse').size / 1048576),
  liveMixed: meta.liveMixedMessages.toLocaleString('en-US'),
  mixedTicketEvents: meta.mixedTicketEvents.toLocaleString('en-US'),
  latencySamples: $LAT_SAMPLES,
  pollClients: 10,
  pollInterval: $POLL_INTERVAL,
  idleSeconds: $IDLE_SECONDS,
  idleWindows: $IDLE_WINDOWS,
}, null, 2));
EOF
node "$NODE_DIR/report.mjs" --results "$RESULTS" --machine "$RESULTS/machine.json" \
    --out "$ROOT/docs/benchmarks.md" || exit 1
# The section "User-felt figures (both UIs)" (bench/ux/report.mjs inserts it).
node "$ROOT/bench/ux/report.mjs" --results "$RESULTS" --doc "$ROOT/docs/benchmarks.md" \
    --load "$LOAD_START" || exit 1
log "wrote docs/benchmarks.md (raw results in $RESULTS); total $((END - START)) s"
