#!/bin/sh
# setup.sh — installs the Debian packages tidings needs to build, test,
# evaluate and fuzz.  Idempotent; prints nothing when all is there.
# Needs root (or sudo) only when something is missing.
set -e
PACKAGES="gcc make pkg-config libxml2-dev libutf8proc-dev zlib1g-dev libsqlite3-dev
clang libclang-rt-14-dev python3 ca-certificates"
missing=""
for p in $PACKAGES; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0
echo "setup: installing$missing"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "setup: done"
