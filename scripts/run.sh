#!/usr/bin/env bash
# Set up, build and start Tingjian on its bundled data.
#   bash scripts/run.sh [tingjian flags...]     e.g. bash scripts/run.sh --screen-reader
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
cargo build --release --locked --quiet
exec ./target/release/tingjian "$@"
