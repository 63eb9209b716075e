#!/usr/bin/env bash
# The README's command-line example, run as a user would: a plan (exit 0) and an invalid file (exit 2).
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(npm run --silent plan -- examples/oxycodone-after-prison.json); code=$?
[ "$code" -eq 0 ] || { echo "plan exited $code"; exit 1; }
echo "$out" | node -e 'const p=JSON.parse(require("fs").readFileSync(0,"utf8")); if(!p.steps?.length) process.exit(1); console.log(`plan: ${p.drug}, ${p.steps.length} steps, first ${p.steps[0].dailyDose.amount} ${p.steps[0].dailyDose.unit}/day`)'
echo '{"drug":"oxycodone","prior":{"dose":"abc","unit":"mg","timesPerDay":4}}' | npm run --silent plan -- - >/dev/null; code=$?
[ "$code" -eq 2 ] || { echo "invalid input exited $code, expected 2"; exit 1; }
echo "invalid input: exit 2 as expected"
