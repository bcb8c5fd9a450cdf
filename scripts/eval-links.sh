#!/usr/bin/env bash
# Scores cross-document links (issue 25) with shared/eval/score_links.py: ingests every page of
# shared/corpus/linked and every real page its groups name into a new SQLite store, exports
# engagements and commitments as JSON and scores the groups of one split.
#   usage: scripts/eval-links.sh [development|held-out|all]     (default: both splits, one after the other)
#   VERBOSE=1 lists the missed and wrong pairs; KEEP=1 keeps the store and the exports (the folder is printed on stderr).
# Held out: groups whose number ends in 0 or 5, as for extraction. Needs python3 and a built atlas
# (dotnet build -c Release src/SoftPowerAtlas.Cli).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$root/../shared
linked=$shared/corpus/linked
atlas=$root/src/SoftPowerAtlas.Cli/bin/Release/net10.0/atlas
command -v python3 >/dev/null || { echo "eval-links: python3 is needed to run shared/eval/score_links.py" >&2; exit 1; }
[[ -x $atlas ]] || { echo "eval-links: build first: dotnet build -c Release src/SoftPowerAtlas.Cli" >&2; exit 1; }
work=$(mktemp -d); trap '[[ -n ${KEEP:-} ]] || rm -rf "$work"' EXIT
[[ -z ${KEEP:-} ]] || echo "eval-links: keeping $work" >&2
real=$(python3 -c 'import glob, json, sys
print("\n".join(sorted({d for f in glob.glob(sys.argv[1] + "/*.links.json") for d in json.load(open(f))["documents"] if d.startswith("real/")})))' "$linked")
files=("$linked"/*.txt)
for r in $real; do files+=("$shared/corpus/$r"); done
"$atlas" ingest --quiet --budget off --db "$work/links.db" "${files[@]}" >/dev/null
"$atlas" export engagements --format json --db "$work/links.db" --out "$work/engagements.json"
"$atlas" export commitments --format json --db "$work/links.db" --out "$work/commitments.json"
for split in ${1:-development held-out}; do
    mkdir -p "$work/$split"
    for f in "$linked"/L*.links.json; do
        n=$(basename "$f" .links.json); n=${n#L}; held=$(( 10#$n % 5 == 0 ))
        if [[ $split == all || ( $split == held-out && $held == 1 ) || ( $split == development && $held == 0 ) ]]; then cp "$f" "$work/$split/"; fi
    done
    echo "== $split"
    python3 "$shared/eval/score_links.py" "$work/$split" "$work/engagements.json" "$work/commitments.json" ${VERBOSE:+--verbose}
done
