#!/usr/bin/env bash
# Rewrite requirements.lock from the current .venv (after adding or upgrading a dependency).
set -euo pipefail
cd "$(dirname "$0")/.."
{ echo "# Exact versions for every dependency (pip install -c requirements.lock). Regenerate: scripts/lock.sh"
  .venv/bin/pip freeze --exclude-editable | grep -v -i '^detente'; } > requirements.lock
