#!/usr/bin/env bash
# Extraction speed of this checkout beside an earlier commit, in one run: builds the bench project of
# both, then runs `bench stages` of each in turn, ROUNDS times, so a change in the machine's load hits
# both alike. Prints each run's one-thread and all-core docs/s and the medians with their ratio.
#
#   bench/compare-extraction.sh [BASE_REV] [--docs N] [--rounds R]
#
# BASE_REV defaults to the first parent of HEAD. Run from the repository root; the seed pages must be
# in ../shared/corpus/seeds (the synthesizer reads them).
set -euo pipefail
cd "$(dirname "$0")/.."

base=HEAD~1
docs=2000
rounds=3
while [ $# -gt 0 ]; do
  case "$1" in
    --docs) docs=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "compare-extraction: unknown option $1" >&2; exit 2 ;;
    *) base=$1; shift ;;
  esac
done

rev=$(git rev-parse --verify --quiet "$base^{commit}") || { echo "compare-extraction: no commit '$base'" >&2; exit 2; }
short=$(git rev-parse --short "$rev")
# The base checkout sits beside this one so that its ../shared resolves to the same corpus.
tree="$(cd .. && pwd)/.atlas-bench-base-$short"
cleanup() { git worktree remove --force "$tree" >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup
git worktree add --detach --quiet "$tree" "$rev"

echo "building the bench of $short (base) and of this checkout (current)…"
dotnet build -c Release "$tree/bench/SoftPowerAtlas.Benchmarks" -nologo -v quiet >/dev/null
dotnet build -c Release bench/SoftPowerAtlas.Benchmarks -nologo -v quiet >/dev/null

dll=bench/SoftPowerAtlas.Benchmarks/bin/Release/net10.0/SoftPowerAtlas.Benchmarks.dll
one() { grep -oE 'One thread: pipeline docs/s best [0-9]+, median [0-9]+' | grep -oE '[0-9]+$'; }
all() { grep -oE 'threads: pipeline docs/s best [0-9]+, median [0-9]+' | grep -oE '[0-9]+$'; }

declare -a base_one base_all cur_one cur_all
printf '\n| round | %s 1 thread | %s all cores | current 1 thread | current all cores | load |\n|---|---:|---:|---:|---:|---|\n' "$short" "$short"
for r in $(seq 1 "$rounds"); do
  out=$( (cd "$tree" && dotnet "$dll" stages --docs "$docs" --passes 3) )
  base_one+=("$(echo "$out" | one)"); base_all+=("$(echo "$out" | all)")
  out=$(dotnet "$dll" stages --docs "$docs" --passes 3)
  cur_one+=("$(echo "$out" | one)"); cur_all+=("$(echo "$out" | all)")
  printf '| %s | %s | %s | %s | %s | %s |\n' "$r" "${base_one[-1]}" "${base_all[-1]}" "${cur_one[-1]}" "${cur_all[-1]}" "$(cut -d' ' -f1-3 /proc/loadavg)"
done

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
b1=$(median "${base_one[@]}"); ba=$(median "${base_all[@]}"); c1=$(median "${cur_one[@]}"); ca=$(median "${cur_all[@]}")
printf '| median | %s | %s | %s | %s | |\n\n' "$b1" "$ba" "$c1" "$ca"
awk -v b="$ba" -v c="$ca" -v b1="$b1" -v c1="$c1" 'BEGIN { printf "current / %s: %.2fx on one thread, %.2fx on all cores\n", "base", c1 / b1, c / b }'
awk -v c="$ca" 'BEGIN { printf "goal >= 1,000 docs/s (all cores, median): %s (%d docs/s)\n", (c >= 1000 ? "met" : "NOT met"), c }'
