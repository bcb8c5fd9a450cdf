#!/bin/bash
# Store size on disk against the text's bytes, SQLite and PostgreSQL, for one or more built checkouts
# in the same run (docs/BENCHMARKS.md §17):
#   bash scripts/store-sizes.sh CORPUS_DIR CHECKOUT [CHECKOUT...]
# Each CHECKOUT must have been built with `dotnet build -c Release src/SoftPowerAtlas.Cli`. Starts a
# throwaway PostgreSQL on 127.0.0.1 (scripts/postgres-cluster.sh) and removes it afterwards.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -lt 2 ] || [ ! -d "$1" ]; then
  echo "usage: bash scripts/store-sizes.sh CORPUS_DIR CHECKOUT [CHECKOUT...]  (CORPUS_DIR must be a folder; each CHECKOUT built in Release)" >&2
  exit 2
fi
for dir in "${@:2}"; do
  if [ ! -f "$dir/src/SoftPowerAtlas.Cli/bin/Release/net10.0/atlas.dll" ]; then
    echo "store-sizes: $dir has no Release build of atlas; run 'dotnet build -c Release src/SoftPowerAtlas.Cli' there first" >&2
    exit 2
  fi
done
corpus=$1; shift
source "$here/scripts/postgres-cluster.sh"
trap 'pg_cluster_stop' EXIT
pg_cluster_start >/dev/null
port=$(echo "$ATLAS_TEST_POSTGRES" | sed 's/.*Port=\([0-9]*\).*/\1/')
psql_bin=$(ls /usr/lib/postgresql/*/bin/psql | tail -1)
PSQL="$psql_bin -h 127.0.0.1 -p $port -U atlas -tAq"
text=$(find "$corpus" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "corpus: $(find "$corpus" -type f | wc -l) files, $text bytes"
n=0
for dir in "$@"; do
  n=$((n + 1))
  A="dotnet $dir/src/SoftPowerAtlas.Cli/bin/Release/net10.0/atlas.dll"
  db=$(mktemp -d)/atlas.db
  $A --db "$db" ingest -q "$corpus" | tail -1
  sqlite_size=$(stat -c %s "$db")
  $PSQL -d postgres -c "CREATE DATABASE sizes_$n"
  $A --db "postgres://atlas@127.0.0.1:$port/sizes_$n" ingest -q "$corpus" | tail -1
  $PSQL -d "sizes_$n" -c "VACUUM"
  pg_size=$($PSQL -d "sizes_$n" -c "SELECT pg_database_size('sizes_$n') - pg_database_size('template1')")
  awk -v d="$dir ($(git -C "$dir" rev-parse --short HEAD))" -v s="$sqlite_size" -v p="$pg_size" -v t="$text" \
    'BEGIN {printf "%s: SQLite %.1f MB (%.2fx the text), PostgreSQL %.1f MB beyond an empty database (%.2fx)\n", d, s/1e6, s/t, p/1e6, p/t}'
  echo "  SQLite file kept at $db"
done
