#!/usr/bin/env bash
# Regenerates docs/gallery/: the DOT picture of each example (`stackfit graph --format dot`) and
# its PNG (Graphviz `dot`). Run from the repository root after a change to the pictures:
#   bash scripts/gallery.sh
# The tests only check that the committed .dot files are what stackfit draws today.
set -euo pipefail
cargo build --quiet --locked
for ex in small-app role-split-monolith microservices scaling-monolith backstage; do
  ./target/debug/stackfit graph "examples/$ex" --format dot --lang en > "docs/gallery/$ex.dot"
  dot -Tpng -Gdpi=80 -o "docs/gallery/$ex.png" "docs/gallery/$ex.dot"
done
echo "docs/gallery regenerated"
