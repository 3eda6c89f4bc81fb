#!/usr/bin/env bash
# The newer-Qt step (issue "every Qt"): Debian 13 ships Qt 6.8 LTS, which is
# what most users have. This makes a Debian 13 root with debootstrap from
# Debian's archive (the mirror this machine's apt already uses), clones the
# repository into it fresh, and runs the README's own commands there:
# scripts/setup.sh (install + build, warnings are errors) and the whole CTest
# suite. Idempotent: the root, its packages and a ccache beside it are kept,
# so a second run only clones, rebuilds from the cache and tests.
# Needs root (debootstrap, chroot, bind mounts).
# Environment: CSTAR_QT68_ROOT (default /var/tmp/cstar-qt68/root),
# CSTAR_QT68_SUITE (default trixie). Extra arguments go to ctest.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="${CSTAR_QT68_ROOT:-/var/tmp/cstar-qt68/root}"
suite="${CSTAR_QT68_SUITE:-trixie}"
cache="$(dirname "$root")/ccache"
start=$SECONDS

sudo_cmd=()
[[ "$(id -u)" == 0 ]] || sudo_cmd=(sudo)

# The host's Debian mirror, from its apt configuration (deb822 or one-line).
mirror() {
    local uri
    uri="$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' \
        | grep -v -- '-security' | head -n1 || true)"
    [[ -n "$uri" ]] || uri="$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' \
        | grep -v -- '-security' | head -n1 || true)"
    [[ -n "$uri" ]] || { echo "qt68: no Debian mirror found in the apt configuration" >&2; exit 1; }
    echo "$uri"
}

"${sudo_cmd[@]}" mkdir -p "$(dirname "$root")"
# One run at a time per root: a second one would clone and build over the
# first's tree. CI and a developer may start one each; the later one waits.
"${sudo_cmd[@]}" touch "$root.lock"
[[ -w "$root.lock" ]] || "${sudo_cmd[@]}" chmod a+rw "$root.lock"
exec 9>>"$root.lock"
if ! flock -n 9; then
    echo "qt68: waiting for the other run using $root"
    flock 9
fi

# Something mounted below the root (a run killed before its trap ran).
mounted_below() { grep -q " $root/" /proc/mounts; }

if [[ ! -f "$root/.cstar-root-ready" ]]; then
    if ! command -v debootstrap >/dev/null 2>&1; then
        "${sudo_cmd[@]}" apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends debootstrap
    fi
    # A root left half-made by an interrupted run is made again.
    # Never while /dev or the ccache is bound inside it.
    if [[ -d "$root" && ! -x "$root/usr/bin/apt-get" ]]; then
        mounted_below && { echo "qt68: $root is half-made and has mounts below it; unmount them" >&2; exit 1; }
        "${sudo_cmd[@]}" rm -rf --one-file-system "$root"
    fi
    if [[ ! -x "$root/usr/bin/apt-get" ]]; then
        echo "qt68: debootstrap $suite into $root"
        "${sudo_cmd[@]}" mkdir -p "$root"
        "${sudo_cmd[@]}" debootstrap --variant=minbase "$suite" "$root" "$(mirror)" >"$root.debootstrap.log" 2>&1 \
            || { tail -n 30 "$root.debootstrap.log" >&2; exit 1; }
    fi
    "${sudo_cmd[@]}" touch "$root/.cstar-root-ready"
fi

mounts=()
cleanup() {
    local i
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
        "${sudo_cmd[@]}" umount -l "${mounts[i]}" 2>/dev/null || true
    done
}
trap cleanup EXIT
# Always our own mounts, even over ones a killed run left: those may be
# unmounted by anyone at any time, ours only by our trap.
bind() { # bind SOURCE TARGET-inside-root
    "${sudo_cmd[@]}" mkdir -p "$root$2"
    "${sudo_cmd[@]}" mount --bind "$1" "$root$2"
    mounts+=("$root$2")
}
"${sudo_cmd[@]}" mkdir -p "$root/proc" "$cache"
"${sudo_cmd[@]}" mount -t proc proc "$root/proc"
mounts+=("$root/proc")
bind /dev /dev
bind /dev/pts /dev/pts
bind /dev/shm /dev/shm
bind "$cache" /root/.cache/ccache
"${sudo_cmd[@]}" cp /etc/resolv.conf "$root/etc/resolv.conf"

# A fresh clone of what is committed here, with shared/ beside it as in CI.
work="$root/work"
"${sudo_cmd[@]}" rm -rf "$work/src"
"${sudo_cmd[@]}" mkdir -p "$work/src"
"${sudo_cmd[@]}" git clone --quiet "$here" "$work/src/main"
if [[ -d "$here/../shared" ]]; then
    "${sudo_cmd[@]}" cp -a "$here/../shared" "$work/src/shared"
fi

inside() { # (the lock stays here: nothing left running inside keeps it)
    "${sudo_cmd[@]}" chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin CI="${CI:-}" \
        CSTAR_BUILD_DIR=/work/build "$@" 9>&-
}
# The README's commands, inside Debian 13. Every build warning fails the
# step: the compiler's (as errors) and CMake's (Qt 6.8's macros warn where
# 6.4's are silent).
inside bash -c 'cd /work/src/main && rm -rf /work/build \
    && scripts/setup.sh -DCMAKE_COMPILE_WARNING_AS_ERROR=ON -DCSTAR_BUILD_BENCH=ON' \
    2>&1 | "${sudo_cmd[@]}" tee "$work/setup.log"
if grep -q '^CMake Warning' "$work/setup.log"; then
    grep -A8 '^CMake Warning' "$work/setup.log" >&2
    echo "qt68: CMake warnings while configuring (see above)" >&2
    exit 1
fi
echo "qt68: built with Qt $(inside dpkg-query -W -f='${Version}' qt6-base-dev)"
inside env QT_QPA_PLATFORM=offscreen ctest --test-dir /work/build --output-on-failure \
    --parallel "$(nproc)" "$@"
echo "qt68: Debian 13 build and suite passed in $((SECONDS - start)) s"
