#!/usr/bin/env bash
# Installs the web UI's front-end libraries (exact versions from web/package-lock.json) with npm and
# copies the files the UI loads into src/detente/web/static/vendor/ (not committed; see .gitignore).
# Needs Node + npm and the npm registry at install time only: the UI itself never loads anything remote.
set -euo pipefail
cd "$(dirname "$0")/.."

web=web
vendor=src/detente/web/static/vendor

if ! command -v npm >/dev/null 2>&1; then
  echo "web_vendor: npm not found; install Node.js + npm, then run scripts/web_vendor.sh" >&2
  exit 1
fi

(cd "$web" && npm ci --no-audit --no-fund --loglevel=error)

mkdir -p "$vendor"
cp "$web/node_modules/chart.js/dist/chart.umd.min.js" "$vendor/chart.umd.min.js"
cp "$web/node_modules/chart.js/LICENSE.md" "$vendor/chart.js.LICENSE.md"
version=$(node -p 'require("./'"$web"'/node_modules/chart.js/package.json").version')
echo "web_vendor: chart.js $version → $vendor/chart.umd.min.js"
