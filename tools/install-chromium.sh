#!/usr/bin/env bash
# Installs what the browser tests need when it is missing: Debian's chromium, and a Chinese font so that the
# screenshots show the console's text rather than empty boxes (needs root, or sudo without a password).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -n "$(fc-list :lang=zh 2>/dev/null)" ] || need+=(fonts-wqy-microhei)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then run=(); elif sudo -n true 2>/dev/null; then run=(sudo -n); else
  echo "missing: ${need[*]}; this user cannot install them: apt-get install ${need[*]} (as root)" >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "installing ${need[*]} (Debian packages) for the browser tests"
"${run[@]}" apt-get install -y -q "${need[@]}" >/dev/null 2>&1 || { "${run[@]}" apt-get update -q >/dev/null && "${run[@]}" apt-get install -y -q "${need[@]}" >/dev/null; }
command -v chromium >/dev/null
