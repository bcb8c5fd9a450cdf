#!/usr/bin/env bash
# Load test of `atlas serve` at DOCS documents (default 100,000): synthesises a corpus with the
# benchmark project, ingests it with `atlas ingest` (once; the database is kept in $WORK), serves it
# on 127.0.0.1 and runs wrk (Debian) with $CONNS connections against each endpoint for $DURATION.
# Prints requests/s and p50/p95/p99 latency per endpoint. Traffic stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS=${DOCS:-100000}
WORK=${WORK:-/tmp/atlas-webload-$DOCS}
PORT=${PORT:-5181}
CONNS=${CONNS:-50}
DURATION=${DURATION:-20s}

command -v wrk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
dotnet build -c Release src/SoftPowerAtlas.Cli -v quiet -nologo >/dev/null
dotnet build -c Release bench/SoftPowerAtlas.Benchmarks -v quiet -nologo >/dev/null
atlas=src/SoftPowerAtlas.Cli/bin/Release/net10.0/atlas

if [ ! -f "$WORK/atlas.db" ]; then
  mkdir -p "$WORK"
  dotnet bench/SoftPowerAtlas.Benchmarks/bin/Release/net10.0/SoftPowerAtlas.Benchmarks.dll synth --docs "$DOCS" --out "$WORK/corpus"
  "$atlas" --db "$WORK/atlas.db" ingest "$WORK/corpus" | tail -1
  rm -rf "$WORK/corpus"
fi

"$atlas" --db "$WORK/atlas.db" serve --port "$PORT" >/dev/null &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

script=$(mktemp --suffix .lua)
cat > "$script" <<LUA
-- PATH_TEMPLATE: a path where {id} becomes a random document id and {offset} a random page offset.
local template = os.getenv("PATH_TEMPLATE")
math.randomseed(42)
request = function()
  local path = template:gsub("{id}", tostring(math.random(1, $DOCS))):gsub("{offset}", tostring(math.random(0, $DOCS - 20)))
  return wrk.format("GET", path)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.0f req/s  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA

echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $DOCS documents; wrk -t2 -c$CONNS -d$DURATION"
for path in "/documents/{id}" "/api/documents/{id}" "/api/documents?offset={offset}&limit=20" "/api/engagements?country=JP&limit=20" "/entities/1" "/api/overview"; do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT${path//\{id\}/1}" || true   # warm up this endpoint
  printf '%-42s ' "$path"
  PATH_TEMPLATE="$path" wrk -t2 -c"$CONNS" -d"$DURATION" -s "$script" "http://127.0.0.1:$PORT" | grep '^RESULT' | cut -c8-
done
rm -f "$script"
