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

# 2. The archive and installer, when dist is there.
if command -v dist >/dev/null; then
  dist build --artifacts=local --output-format=json > "$work/dist.json"
  archive="$(ls target/distrib/stackfit-*.tar.xz | head -1)"
  sha256sum --check "$archive.sha256" >/dev/null 2>&1 || (cd target/distrib && sha256sum --check "$(basename "$archive").sha256")
  mkdir -p "$work/prefix"
  tar -xJf "$archive" -C "$work/prefix"
  check "$(find "$work/prefix" -name stackfit -type f -perm -u+x | head -1)" archive
else
  echo "dist is not installed: the archive step needs it (cargo install --locked cargo-dist)" >&2
  exit 1
fi
