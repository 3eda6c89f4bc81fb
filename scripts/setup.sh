#!/usr/bin/env bash
# Installs every Debian package the project needs (only when something is
# missing, so a second run is fast), then configures and builds into build/.
# Usage: scripts/setup.sh [extra cmake -D options]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${CSTAR_BUILD_DIR:-$here/build}"

packages=(
    build-essential cmake ninja-build ccache pkg-config git
    qt6-base-dev qt6-base-dev-tools libgl-dev libgl1-mesa-dri
    qt6-websockets-dev libqt6sql6-sqlite
    qt6-declarative-dev qt6-declarative-dev-tools
    qml6-module-qtqml qml6-module-qtqml-workerscript qml6-module-qtquick
    qml6-module-qtquick-controls qml6-module-qtquick-layouts
    qml6-module-qtquick-templates qml6-module-qtquick-window
    qml6-module-qttest qml6-module-qtqml-models
    qml6-module-qtquick-dialogs qml6-module-qt-labs-folderlistmodel
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6
    qtkeychain-qt6-dev
    libbenchmark-dev clang libclang-rt-dev
    libmicrohttpd-dev debootstrap
    sqlite3 curl xvfb xauth fonts-dejavu-core nginx
    xdotool dbus at-spi2-core python3-pyatspi
)
command -v node >/dev/null 2>&1 || packages+=(nodejs)

missing=()
for p in "${packages[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)"
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}"
    sudo_cmd=()
    [[ "$(id -u)" == 0 ]] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
    cmake -S "$here" -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
elif (($#)); then
    cmake -S "$here" -B "$build_dir" "$@"
fi
cmake --build "$build_dir" --parallel "$(nproc)"
