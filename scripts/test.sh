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

# The CLI's scorer-parity test runs ../shared/eval/score.py and compares its lines with 'atlas eval'.
need_python() {
  if command -v python3 >/dev/null 2>&1; then
    return
  fi
  echo "python3 not found; installing it for the scorer-parity test" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  if command -v apt-get >/dev/null 2>&1; then
    $sudo apt-get update -qq && $sudo apt-get install -y -qq python3 >/dev/null
  elif command -v dnf >/dev/null 2>&1; then
    $sudo dnf install -y -q python3
  elif command -v apk >/dev/null 2>&1; then
    $sudo apk add --quiet python3
  elif command -v brew >/dev/null 2>&1; then
    brew install python3
  fi
  if ! command -v python3 >/dev/null 2>&1; then
    echo "error: python3 is needed by the tests and could not be installed; install it and run again." >&2
    exit 1
  fi
}
need_python

dotnet build SoftPowerAtlas.slnx -c Release -warnaserror
dotnet test SoftPowerAtlas.slnx -c Release --no-build --logger "console;verbosity=minimal"
