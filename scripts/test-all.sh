#!/usr/bin/env bash
# Every test, in order: type-check, unit/property/component tests, production build, browser tests and gates.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
# Each stage prints the minutes since the start, so a slow CI run shows which stage grew.
START=$SECONDS
stage() { printf '\n=== %s (at %d min %02d s) ===\n' "$1" $(((SECONDS - START) / 60)) $(((SECONDS - START) % 60)); }

stage "chromium (for browser tests)"; bash scripts/ensure-chromium.sh
stage "type-check (tsc -b)"; npx tsc -b
stage "unit, property and component tests (vitest)"; npx vitest run
# Plans must not depend on the machine's time zone: the engine, check, CLI and robustness tests again under a zone
# with a skipped calendar day (Pacific/Apia, 2011-12-30) and daylight saving; the UI and class tests once, in UTC.
stage "engine, check and CLI tests under TZ=Pacific/Apia"; TZ=Pacific/Apia AGREEMENT_RUNS=500 npx vitest run tests/engine tests/check tests/cli tests/robustness
stage "command line"; bash scripts/cli-smoke.sh
stage "production build"; npx vite build
stage "browser tests (headless Chromium)"; node e2e/run.mjs
stage "browser tests: each drug class in the app"; node e2e/classes.mjs
stage "browser tests: several opioids before the break, by keyboard"; node e2e/other-medicines.mjs
stage "browser tests: hostile input (1 MB paste, corrupted and huge stored form)"; node e2e/hostile-input.mjs
stage "browser tests: SMART on FHIR launch against a loopback FHIR server"; npx tsx e2e/smart-launch.ts
# Quality gates (issue 8): each prints one line with its figure; a failing gate fails the run at the summary.
node scripts/gates/run.mjs --reset
stage "gate: bytes budget"; node scripts/gates/run.mjs bytes || true
stage "gate: CSP, requests and storage (no data leaves the device)"; node scripts/gates/run.mjs csp-privacy || true
stage "gate: offline after first visit, clean update"; node scripts/gates/run.mjs offline || true
stage "gate: responsiveness (benchmark)"; node scripts/gates/run.mjs responsiveness || true
stage "gate: Lighthouse (mobile, 3 runs)"; node scripts/gates/run.mjs lighthouse || true
stage "gate: dependency audit"; node scripts/gates/run.mjs audit || true
stage "gate: mutation score (engine core)"; node scripts/gates/run.mjs mutation || true
stage "gate: mutation score (protocol data, random sample)"; node scripts/gates/run.mjs mutation-protocols || true
stage "gates summary"; node scripts/gates/run.mjs --summary
printf '\nwhole run: %d min %02d s\n' $(((SECONDS - START) / 60)) $(((SECONDS - START) % 60))
