#!/usr/bin/env bash
# Set up and run every check and test: formatting, lints, the build without
# speech, and all tests (unit, screens, end-to-end in tmux, under the fenrir
# screen reader, and real speech on a headless speech-dispatcher).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export CARGO_TERM_COLOR=never
echo "== format";  cargo fmt --all --check
echo "== lints";   cargo clippy --locked --all-targets -- -D warnings
echo "== build without speech"; cargo build --locked --no-default-features --quiet
echo "== tests";   cargo test --locked --all-targets
