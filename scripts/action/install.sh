#!/usr/bin/env bash
# GitHub Action step: build stackfit from the action's own checkout with cargo (the install
# root is cached by the action). STACKFIT_CARGO_PROFILE=dev is used by the local test.
set -euo pipefail
root="${RUNNER_TEMP:?RUNNER_TEMP is not set}/stackfit"
profile="${STACKFIT_CARGO_PROFILE:-release}"
if [ -x "$root/bin/stackfit" ] && [ "$("$root/bin/stackfit" --version)" = "stackfit $(sed -n 's/^version = "\(.*\)"/\1/p' "$GITHUB_ACTION_PATH/Cargo.toml" | head -1)" ]; then
  echo "stackfit already installed: $("$root/bin/stackfit" --version)"
else
  cargo install --locked --profile "$profile" --path "$GITHUB_ACTION_PATH" --root "$root" --force
fi
echo "$root/bin" >> "${GITHUB_PATH:?GITHUB_PATH is not set}"
