#!/usr/bin/env bash
# GitHub Action step: analyse one system, write SARIF for code scanning, print annotations and
# append the Markdown report to the step summary, from one run. Exits with stackfit's exit code.
set -uo pipefail
bin="${STACKFIT_BIN:-${RUNNER_TEMP:?}/stackfit/bin/stackfit}"
path="${INPUT_PATH:-.}"
sarif="${INPUT_SARIF_FILE:-stackfit.sarif}"
args=(analyze "$path" --fail-on "${INPUT_FAIL_ON:-error}")
if [ -n "${INPUT_EXPECT:-}" ]; then
  args+=(--expect "$INPUT_EXPECT")
fi
if [ -n "${INPUT_ARGS:-}" ]; then
  # shellcheck disable=SC2206 # word splitting of the free-form args input is intended
  extra=(${INPUT_ARGS})
  args+=("${extra[@]}")
fi

# One analysis, three outputs from its one report: SARIF for github/codeql-action/upload-sarif
# (written atomically, also on input errors), JSON for the step outputs, and the annotations on
# standard output (inside Actions the Markdown report also goes to $GITHUB_STEP_SUMMARY).
jdir="$(mktemp -d)"
json="$jdir/report.json"
"$bin" "${args[@]}" --format "sarif=$sarif" --format "json=$json" --format github
code=$?

if [ -n "${GITHUB_OUTPUT:-}" ] && [ -s "$json" ]; then
  python3 - "$json" >> "$GITHUB_OUTPUT" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["recommendation"] or {}
print(f"outcome={r.get('outcome') or 'error'}")
print(f"lean={r.get('lean') or ''}")
print(f"score={r.get('score', '')}")
PY
  echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
fi
rm -rf "$jdir"
exit "$code"
