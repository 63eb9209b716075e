#!/usr/bin/env bash
# Every test, in order: type-check, unit/property/component tests, production build, browser tests and gates.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
stage() { printf '\n=== %s ===\n' "$1"; }

stage "chromium (for browser tests)"; bash scripts/ensure-chromium.sh
stage "type-check (tsc -b)"; npx tsc -b
stage "unit, property and component tests (vitest)"; npx vitest run
stage "command line"; bash scripts/cli-smoke.sh
stage "production build"; npx vite build
stage "browser tests (headless Chromium)"; node e2e/run.mjs
stage "browser tests: each drug class in the app"; node e2e/classes.mjs
