#!/usr/bin/env bash
# GitHub Action step: put stackfit on PATH without compiling. It downloads the release archive
# for the runner's OS and architecture at the pinned version (input `version`, default: the
# version of the action's own Cargo.toml), checks it against the published SHA-256 and unpacks it
# into the cached install root. `version: source` builds from the action's checkout instead.
# STACKFIT_RELEASE_BASE (a URL, file:// included) replaces the GitHub releases of
# `github.action_repository`; the local tests use it with a fake release directory.
set -euo pipefail
root="${RUNNER_TEMP:?RUNNER_TEMP is not set}/stackfit"
version="${INPUT_VERSION:-}"
if [ -z "$version" ]; then
  version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$GITHUB_ACTION_PATH/Cargo.toml" | head -1)"
fi
mkdir -p "$root/bin"

if [ "$version" = "source" ]; then
  cargo install --locked --profile "${STACKFIT_CARGO_PROFILE:-dist}" --path "$GITHUB_ACTION_PATH" --root "$root" --force
  echo "$root/bin" >> "${GITHUB_PATH:?GITHUB_PATH is not set}"
  exit 0
fi

if [ -x "$root/bin/stackfit" ] && [ "$("$root/bin/stackfit" --version)" = "stackfit $version" ]; then
  echo "stackfit $version restored from the cache"
  echo "$root/bin" >> "${GITHUB_PATH:?GITHUB_PATH is not set}"
  exit 0
fi

case "${RUNNER_OS:-Linux}-${RUNNER_ARCH:-X64}" in
  Linux-X64) target=x86_64-unknown-linux-gnu ext=tar.xz ;;
  Linux-ARM64) target=aarch64-unknown-linux-gnu ext=tar.xz ;;
  macOS-X64) target=x86_64-apple-darwin ext=tar.xz ;;
  macOS-ARM64) target=aarch64-apple-darwin ext=tar.xz ;;
  Windows-X64) target=x86_64-pc-windows-msvc ext=zip ;;
  *) echo "::error::no stackfit release for ${RUNNER_OS:-?}/${RUNNER_ARCH:-?}; use 'version: source'" >&2; exit 1 ;;
esac
repo="${GITHUB_ACTION_REPOSITORY:-}"
base="${STACKFIT_RELEASE_BASE:-https://github.com/${repo:?GITHUB_ACTION_REPOSITORY is not set}/releases/download}"
archive="stackfit-$target.$ext"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
curl --fail --silent --show-error --location --retry 3 -o "$tmp/$archive" "$base/v$version/$archive"
curl --fail --silent --show-error --location --retry 3 -o "$tmp/$archive.sha256" "$base/v$version/$archive.sha256"
expected="$(cut -d' ' -f1 < "$tmp/$archive.sha256")"
actual="$( (sha256sum "$tmp/$archive" 2>/dev/null || shasum -a 256 "$tmp/$archive") | cut -d' ' -f1)"
if [ -z "$expected" ] || [ "$expected" != "$actual" ]; then
  echo "::error::checksum mismatch for $archive (expected ${expected:-nothing}, got $actual): not installed" >&2
  exit 1
fi
case "$ext" in
  tar.xz) tar -xJf "$tmp/$archive" -C "$tmp" ;;
  zip) unzip -q "$tmp/$archive" -d "$tmp" ;;
esac
bin="$(find "$tmp" -type f \( -name stackfit -o -name stackfit.exe \) | head -1)"
[ -n "$bin" ] || { echo "::error::$archive holds no stackfit binary" >&2; exit 1; }
cp "$bin" "$root/bin/"
chmod +x "$root/bin/$(basename "$bin")"
echo "installed $("$root/bin/$(basename "$bin")" --version) from $archive"
echo "$root/bin" >> "${GITHUB_PATH:?GITHUB_PATH is not set}"
