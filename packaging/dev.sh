#!/usr/bin/env bash
# Install chatsafe into ./.venv (with Qt's system libraries on Debian) and run it.
#   bash packaging/dev.sh demo    install, then open the app on the demo case
#   bash packaging/dev.sh test    install, then run the whole test suite
#   bash packaging/dev.sh install install only
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

# Qt's xcb/offscreen platforms need these shared libraries; test tools need the rest.
QT_LIBS="libegl1 libgl1 libx11-6 libx11-xcb1 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0"
TEST_TOOLS="openssl softhsm2 libxml2-utils"

apt_install() {
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
            echo "chatsafe: please install these Debian packages first: $*" >&2; return 1
        fi
    fi
    echo "chatsafe: installing system packages: $*" >&2
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >&2
}

install_system_packages() {
    command -v dpkg-query >/dev/null 2>&1 || return 0
    local wanted="$QT_LIBS"
    [ "${1:-}" = test ] && wanted="$wanted $TEST_TOOLS"
    local missing=""
    for pkg in $wanted; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
    done
    [ -z "$missing" ] && return 0
    # shellcheck disable=SC2086  # one word per package
    apt_install $missing
}

install_python_packages() {
    if ! command -v "$PYTHON" >/dev/null 2>&1; then
        echo "chatsafe: $PYTHON not found; install Python 3.11 or newer (Debian: python3)" >&2
        return 1
    fi
    if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
        echo "chatsafe: needs Python 3.11 or newer; $PYTHON is $("$PYTHON" -V 2>&1)" >&2
        return 1
    fi
    # Debian's python3 has no venv/ensurepip until python3-venv is installed.
    if [ ! -x "$VENV/bin/python" ] && ! "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
        apt_install python3-venv
    fi
    if [ ! -x "$VENV/bin/python" ]; then
        "$PYTHON" -m venv "$VENV"
    fi
    "$VENV/bin/python" -m pip install -q --upgrade pip >&2
    "$VENV/bin/python" -m pip install -q -e ".[test]" >&2
}

cmd=${1:-demo}
shift || true
case "$cmd" in
    install)
        install_system_packages
        install_python_packages
        ;;
    demo)
        install_system_packages
        install_python_packages
        exec "$VENV/bin/chatsafe" demo "$@"
        ;;
    test)
        install_system_packages test
        install_python_packages
        export QT_QPA_PLATFORM=offscreen
        exec "$VENV/bin/python" -m pytest "$@"
        ;;
    *)
        echo "usage: bash packaging/dev.sh demo|test|install" >&2
        exit 2
        ;;
esac
