#!/usr/bin/env bash
# ensure-debian.sh <deb-package> <binary> [<check command>]
#
# Installs a Debian package with apt-get when <binary> is not on PATH yet (or, given a check
# command, when that command fails: a library such as python3-scipy has no binary of its own;
# e.g. ensure-debian.sh python3-scipy /usr/bin/python3 "/usr/bin/python3 -c 'import scipy'"): directly as root,
# otherwise through `sudo -n` (never a password prompt: a test run must not hang on one).
# Exits 0 when the binary is there afterwards; otherwise says why and what to run, and exits 1.
# Used by scripts/test.sh for the real services the tests start (e.g. prometheus-pushgateway).
set -euo pipefail

if [ "$#" -lt 2 ] || [ "$#" -gt 3 ] || [ -z "$1" ] || [ -z "$2" ]; then
  echo "usage: $0 <deb-package> <binary>   (e.g. $0 prometheus-pushgateway prometheus-pushgateway)" >&2
  exit 2
fi
package="$1"
binary="$2"
check="${3:-command -v \"\$binary\"}"
present() { eval "$check" >/dev/null 2>&1; }

present && exit 0

fail() {
  echo "ensure-debian: $binary is not installed and $1." >&2
  echo "ensure-debian: install it by hand: sudo apt-get install -y --no-install-recommends $package" >&2
  exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "apt-get is not available (not a Debian/Ubuntu machine)"

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  as_root=(sudo -n)
else
  fail "this user is not root and cannot use sudo without a password"
fi

export DEBIAN_FRONTEND=noninteractive
install() { "${as_root[@]}" apt-get install -y --no-install-recommends "$package"; }

echo "ensure-debian: installing $package (for $binary)" >&2
# A fresh container often has no package lists yet: update once and try again.
if ! install >&2; then
  "${as_root[@]}" apt-get update >&2 || fail "apt-get update failed"
  install >&2 || fail "apt-get install $package failed"
fi

present || fail "package $package was installed but provides no $binary on PATH (or \`$check\` still fails)"
echo "ensure-debian: $binary is $(command -v "$binary")" >&2
