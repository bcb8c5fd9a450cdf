#!/usr/bin/env bash
# Ingest time of this checkout against another, in the same run: each round ingests CORPUS into a
# fresh SQLite file with the other checkout's build, then with this one's (both built with
# dotnet build -c Release src/SoftPowerAtlas.Cli). Used for issue 25's resolution cost (BENCHMARKS §19).
#   usage: scripts/compare-ingest.sh BASE_CHECKOUT CORPUS [ROUNDS]
#   e.g.   git worktree add ../wt-base d9fc06e && (cd ../wt-base && dotnet build -c Release src/SoftPowerAtlas.Cli)
#          dotnet bench/SoftPowerAtlas.Benchmarks/bin/Release/net10.0/SoftPowerAtlas.Benchmarks.dll synth --docs 10000 --out /tmp/syn10k
#          scripts/compare-ingest.sh ../wt-base /tmp/syn10k 2
#   PG=1 ingests into a fresh database of a throwaway PostgreSQL cluster (scripts/postgres-cluster.sh: 127.0.0.1,
#   fsync off) instead of a SQLite file, one database per run.
set -euo pipefail
if [[ $# -lt 2 || ! -d $1 || ! -d $2 ]]; then echo "usage: scripts/compare-ingest.sh BASE_CHECKOUT CORPUS [ROUNDS] (both folders must exist)" >&2; exit 2; fi
for d in "$1" "$(dirname "$0")/.."; do
  [[ -x $d/src/SoftPowerAtlas.Cli/bin/Release/net10.0/atlas ]] || { echo "compare-ingest: build $d first: dotnet build -c Release src/SoftPowerAtlas.Cli" >&2; exit 1; }
done
here=$(cd "$(dirname "$0")/.." && pwd); base=$(cd "$1" && pwd); C=$2; R=${3:-2}
if [[ -n ${PG:-} ]]; then
  # shellcheck source=postgres-cluster.sh
  source "$here/scripts/postgres-cluster.sh"; pg_cluster_start >&2; trap pg_cluster_stop EXIT
fi
for r in $(seq 1 "$R"); do
 for which in base main; do
  d=$([ $which = base ] && echo "$base" || echo "$here"); db=/tmp/ingcmp-$which.db; rm -f $db $db-wal $db-shm
  if [[ -n ${PG:-} ]]; then
    name=ingcmp_${which}_$r; port=$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$ATLAS_TEST_POSTGRES")
    "$(pg_cluster_bin)/createdb" -h 127.0.0.1 -p "$port" -U atlas "$name"; db="${ATLAS_TEST_POSTGRES/Database=postgres/Database=$name}"
  fi
  s=$(date +%s.%N); $d/src/SoftPowerAtlas.Cli/bin/Release/net10.0/atlas ingest -q --db "$db" $C > /tmp/ingcmp-$which.log 2>&1; e=$(date +%s.%N)
  echo "$which round $r: $(echo "$e - $s" | bc) s  $(tail -1 /tmp/ingcmp-$which.log | grep -o 'Ingested [0-9]*')"
 done
done
