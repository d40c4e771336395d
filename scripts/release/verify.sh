#!/usr/bin/env bash
# Builds what a release ships for the host target and installs each the way a user would, then
# runs `stackfit analyze` on a bundled example with it:
#   1. the PyPI wheel (maturin from PyPI, `bindings = "bin"`) into a fresh virtual environment;
#   2. the release archive and shell installer (`dist build`) into a temporary prefix.
# Run by .ci/run; never inside `cargo test`. Needs python3 with venv, and cargo-dist for step 2
# (`cargo install --locked cargo-dist`; .ci/run installs it when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
example=examples/microservices

check() { # the installed binary answers like the one built here
  local bin="$1" what="$2"
  "$bin" --version
  local out
  out="$("$bin" analyze "$example" --format json)"
  python3 -c 'import json,sys; r=json.loads(sys.argv[1])["recommendation"]; assert r["outcome"], r; print(sys.argv[2] + ": " + r["outcome"])' "$out" "$what"
  local size
  size=$(stat -c %s "$bin" 2>/dev/null || stat -f %z "$bin")
  echo "$what: binary is $size bytes"
  [ "$size" -le $((6 * 1024 * 1024)) ] || { echo "$what: binary is larger than 6 MB" >&2; exit 1; }
}

# 1. The wheel.
python3 -m venv "$work/build-venv"
"$work/build-venv/bin/python" -m pip install -q 'maturin>=1.7,<2'
"$work/build-venv/bin/maturin" build --profile dist --locked --out "$work/wheels" 2>&1 | tail -3
python3 -m venv "$work/user-venv"
"$work/user-venv/bin/python" -m pip install -q --no-index "$work"/wheels/stackfit-*.whl
check "$work/user-venv/bin/stackfit" wheel

# 2. The archive and installer for the host target, with dist.
if ! command -v dist >/dev/null; then
  echo "dist is not installed: the archive step needs it (cargo install --locked cargo-dist)" >&2
  exit 1
fi
host="$(rustc -vV | sed -n 's/^host: //p')"
dist build --artifacts=all --target "$host" > "$work/dist.log" 2>&1 || { cat "$work/dist.log" >&2; exit 1; }
archive="target/distrib/stackfit-$host.tar.xz"
[ -f "$archive" ] || { echo "dist built no $archive" >&2; cat "$work/dist.log" >&2; exit 1; }
(cd target/distrib && sha256sum --check "stackfit-$host.tar.xz.sha256")
# The shell installer (the PowerShell one is built with the Windows target, in the workflow).
[ -s target/distrib/stackfit-installer.sh ] || { echo "dist built no shell installer" >&2; exit 1; }
sh -n target/distrib/stackfit-installer.sh
mkdir -p "$work/prefix"
tar -xJf "$archive" -C "$work/prefix"
check "$work/prefix/stackfit-$host/stackfit" archive
echo "release verification passed"
