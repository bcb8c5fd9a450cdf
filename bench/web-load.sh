#!/usr/bin/env bash
# Load test of `atlas serve` with wrk (Debian) on 127.0.0.1: $CONNS connections for $DURATION per endpoint,
# printing requests/s and p50/p95/p99 latency. The database is $DB when given (a copy you may write to:
# the server migrates it), else DOCS synthetic documents (default 100,000) ingested once into $WORK.
# /api/search and /search rotate through bench/web-queries.txt (Thai, English and faceted queries);
# {id} in a path becomes a random document id, {entity} a random entity id, {page} a random page.
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS=${DOCS:-100000}
WORK=${WORK:-/tmp/atlas-webload-$DOCS}
PORT=${PORT:-5181}
CONNS=${CONNS:-50}
DURATION=${DURATION:-20s}
ENTITIES=${ENTITIES:-1000}
PAGES=${PAGES:-1000}

command -v wrk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
dotnet build -c Release src/SoftPowerAtlas.Cli -v quiet -nologo >/dev/null
atlas=src/SoftPowerAtlas.Cli/bin/Release/net10.0/atlas

if [ -z "${DB:-}" ]; then
  DB="$WORK/atlas.db"
  if [ ! -f "$DB" ]; then
    dotnet build -c Release bench/SoftPowerAtlas.Benchmarks -v quiet -nologo >/dev/null
    mkdir -p "$WORK"
    dotnet bench/SoftPowerAtlas.Benchmarks/bin/Release/net10.0/SoftPowerAtlas.Benchmarks.dll synth --docs "$DOCS" --out "$WORK/corpus"
    "$atlas" --db "$DB" ingest "$WORK/corpus" | tail -1
    rm -rf "$WORK/corpus"
  fi
fi

script=""
queries=""
"$atlas" --db "$DB" serve --port "$PORT" >/dev/null &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$script" "$queries"' EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done

# The query mix, URL-encoded (spaces as %20, the rest by python3 when present, else as written).
queries=$(mktemp)
grep -v '^#' bench/web-queries.txt | grep -v '^$' | while IFS= read -r q; do
  if command -v python3 >/dev/null; then python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$q"; else echo "${q// /%20}"; fi
done > "$queries"

script=$(mktemp --suffix .lua)
cat > "$script" <<LUA
-- PATH_TEMPLATE: {q} takes the next query of the mix, {id} a random document, {entity} a random entity, {page} a random page.
local template = os.getenv("PATH_TEMPLATE")
local queries = {}
for line in io.lines("$queries") do queries[#queries + 1] = line end
local n = 0
setup = function(thread) n = n + 1; thread:set("first", n * 7) end
init = function() math.randomseed(42 + (first or 0)); at = first or 0 end
request = function()
  at = at % #queries + 1
  -- A % in a gsub replacement is special: the encoded query's are doubled.
  local path = template:gsub("{q}", (queries[at]:gsub("%%", "%%%%"))):gsub("{id}", tostring(math.random(1, $DOCS)))
    :gsub("{entity}", tostring(math.random(1, $ENTITIES))):gsub("{page}", tostring(math.random(1, $PAGES)))
  return wrk.format("GET", path)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.0f req/s  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  errors %d (non-2xx %d)\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.connect + summary.errors.read + summary.errors.timeout, summary.errors.status))
end
LUA

# Each query once, one client, before any load: what a query costs when nothing is cached
# (the web app keeps result pages until the store changes; the wrk runs below then mostly hit that cache).
curl -sf -o /dev/null --max-time 600 "http://127.0.0.1:$PORT/api/search?q=year%3A2020" || true   # loads the facet table
cold=$(while IFS= read -r q; do curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT/api/search?q=$q"; done < "$queries" | sort -n)
echo "/api/search, each query once uncached (one client): p50 $(echo "$cold" | awk '{a[NR]=$1} END {printf "%.0f ms", a[int((NR+1)/2)]*1000}'), max $(echo "$cold" | tail -1 | awk '{printf "%.0f ms", $1*1000}')"

ENDPOINTS=${ENDPOINTS:-"/api/search?q={q} /search?q={q} /documents/{id} /api/documents/{id} /entities/{entity} / /timeline?page={page}"}
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before; $DOCS documents; wrk -t2 -c$CONNS -d$DURATION; $(wc -l < "$queries") queries in the mix"
for path in $ENDPOINTS; do
  first=$(head -1 "$queries")
  warm=${path//\{q\}/$first}; warm=${warm//\{id\}/1}; warm=${warm//\{entity\}/1}; warm=${warm//\{page\}/1}
  curl -sf -o /dev/null --max-time 600 "http://127.0.0.1:$PORT$warm" || true   # warm up this endpoint (first search loads the facet table)
  printf '%-28s ' "$path"
  PATH_TEMPLATE="$path" wrk -t2 -c"$CONNS" -d"$DURATION" --timeout 10s -s "$script" "http://127.0.0.1:$PORT" | grep '^RESULT' | cut -c8-
  echo "    load average $(cut -d' ' -f1-3 /proc/loadavg)"
done
