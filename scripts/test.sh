#!/usr/bin/env bash
# The whole test suite, as CI runs it. Installs what the tests need that a fresh machine with only
# the .NET SDK lacks, then runs every test project. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

need_shared() {
  if [ ! -d ../shared/corpus/seeds ]; then
    echo "error: ../shared/corpus/seeds not found beside this checkout; the tests read the real seed documents there." >&2
    exit 1
  fi
}
need_shared

dotnet build SoftPowerAtlas.slnx -c Release -warnaserror
dotnet test SoftPowerAtlas.slnx -c Release --no-build --logger "console;verbosity=minimal"
